/**
 * Per-unit figures for reports split by unit (`--split unit`, AuditorOptions.unitBreakdown): the
 * unrecognised software, counted per unit while the first pass still has each computer's set of
 * unrecognised titles (they are dropped after it), and each ledger line's seats consumed per unit.
 */
import type { EntitlementPosition, UnrecognisedSoftware } from '../../model.js';
import type { TitleRegistry } from '../title-registry.js';
import type { JudgedHost } from './host-judge.js';

const MAX_SAMPLES = 5;

type UnitCount = { hosts: number; sampleHosts: string[] };

export class UnrecognisedByUnit {
  private readonly byTitle = new Map<number, Map<string, UnitCount>>();

  /** One computer and the unrecognised titles on it; computers come in ascending id order. */
  noteHost(unit: string, host: string, titleIds: Iterable<number>): void {
    for (const id of titleIds) {
      let units = this.byTitle.get(id);
      if (!units) {
        units = new Map();
        this.byTitle.set(id, units);
      }
      let count = units.get(unit);
      if (!count) {
        count = { hosts: 0, sampleHosts: [] };
        units.set(unit, count);
      }
      count.hosts++;
      // Ascending host order: the first ones seen are the smallest ids, as the fleet-wide samples are.
      if (count.sampleHosts.length < MAX_SAMPLES) count.sampleHosts.push(host);
    }
  }

  /** A title's counts per unit, in the given unit order. */
  unitsOf(titleId: number, unitOrder: readonly string[]): UnrecognisedSoftware['units'] {
    const units = this.byTitle.get(titleId);
    if (!units) return undefined;
    return unitOrder.filter((unit) => units.has(unit)).map((unit) => ({ unit, ...units.get(unit)! }));
  }
}

/**
 * A computer's unrecognised titles as the first pass counted them: its software's (`ids`, from the
 * store) and, unrecognised, its OS.
 */
export function unrecognisedTitlesOf(ids: number[], host: JudgedHost, titles: TitleRegistry): number[] {
  if (host.os && !host.osRecognition) {
    const os = titles.idOf(host.os.name, undefined);
    if (!ids.includes(os)) ids.push(os);
  }
  return ids;
}

/** Each ledger line's consumption per unit (`EntitlementPosition.units`), units in the given order. */
export function addUnitConsumption(
  positions: EntitlementPosition[],
  unitOfHost: ReadonlyMap<string, string>,
  unitOrder: readonly string[],
): void {
  for (const position of positions) {
    const counts = new Map<string, number>();
    for (const host of position.hosts) {
      const unit = unitOfHost.get(host);
      if (unit !== undefined) counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    position.units = unitOrder
      .filter((unit) => counts.has(unit))
      .map((unit) => ({ unit, consumed: counts.get(unit)! }));
  }
}
