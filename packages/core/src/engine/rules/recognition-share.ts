/**
 * How much of what computers carry the catalogue recognises: the share an officer reads to know
 * whether the unrecognised list is a remainder to check by hand or most of the fleet.
 *
 * Counted per computer, over software (the OS is not counted): each recognised installation (one
 * product, version and edition) and each distinct unrecognised title (name and publisher).
 * System components are left out of both sides: they are parts of other products (updates,
 * language packs, Office and Autodesk components — catalogue products of class `other` whose model
 * is `bundled`) or of the operating system (distribution packages, drivers, runtimes: class `system`,
 * catalog/system.yaml), so they would flatter the share without telling anything about licences. The
 * report keeps the three counts in `stats` (they add up when reports are merged); the share is
 * recognised / (recognised + unrecognised).
 */

import { isSystemComponent } from '../model/product-kinds.js';
import type { JudgedHost } from './host-judge.js';

export { isSystemComponent } from '../model/product-kinds.js';

export class RecognitionShare {
  recognised = 0;
  unrecognised = 0;
  systemComponents = 0;

  /** One computer: its judged installations and the number of its distinct unrecognised titles. */
  addHost(host: JudgedHost, unrecognisedTitles: number): void {
    for (const installation of host.installations) {
      if (installation.state.os) continue;
      if (isSystemComponent(installation.state.product)) this.systemComponents++;
      else this.recognised++;
    }
    this.unrecognised += unrecognisedTitles;
  }

  /** The counts as `report.stats` carries them. */
  stats(): Record<string, number> {
    return {
      softwareRecognised: this.recognised,
      softwareUnrecognised: this.unrecognised,
      softwareSystemComponents: this.systemComponents,
    };
  }
}

/** recognised / (recognised + unrecognised) from a report's stats, or undefined without software. */
export function recognitionShare(stats: Record<string, number> | undefined): number | undefined {
  const recognised = stats?.softwareRecognised;
  const unrecognised = stats?.softwareUnrecognised;
  if (recognised === undefined || unrecognised === undefined) return undefined;
  const total = recognised + unrecognised;
  return total === 0 ? undefined : recognised / total;
}
