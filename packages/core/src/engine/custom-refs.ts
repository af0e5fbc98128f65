/**
 * Which records of one computer met a custom software-rule tuple that fires, kept flat so a record
 * costs five array slots rather than an object and a string key. Grouped into occurrences
 * (one per rule, tuple and installation) only in `finish()`.
 */
import type { Evidence } from '../model.js';
import type { InstallationState, Occurrence } from './host-store.js';
import type { TitleRegistry } from './title-registry.js';

export interface CustomOccurrence extends Occurrence {
  /** Index of the software rule. */
  rule: number;
  tuple: number;
}

export class CustomRefs {
  /**
   * (rule, tuple, target, version, evidence) per record, flat; created on the first firing record
   * (most hosts have few, many none). Target: the recognised installation, or the title id of an
   * unrecognised record.
   */
  private entries: unknown[] | undefined;

  get size(): number {
    return this.entries === undefined ? 0 : this.entries.length / 5;
  }

  push(
    rule: number,
    tuple: number,
    target: InstallationState | number,
    version: string | undefined,
    evidence: Evidence | undefined,
  ): void {
    if (this.entries === undefined) this.entries = [rule, tuple, target, version, evidence];
    else this.entries.push(rule, tuple, target, version, evidence);
  }

  /** One occurrence per (rule, tuple, installation or title and version), with all its evidence. */
  occurrences(titles: TitleRegistry, keep: (rule: number, tuple: number) => boolean): CustomOccurrence[] {
    const grouped = new Map<string, CustomOccurrence>();
    const entries = this.entries ?? [];
    for (let i = 0; i < entries.length; i += 5) {
      const rule = entries[i] as number;
      const tuple = entries[i + 1] as number;
      if (!keep(rule, tuple)) continue;
      const target = entries[i + 2] as InstallationState | number;
      const version = entries[i + 3] as string | undefined;
      const identity =
        typeof target === 'number'
          ? `t${target}\u0000${version ?? ''}`
          : `i${target.product.id}\u0000${target.version ?? ''}\u0000${target.edition ?? ''}`;
      const key = `${rule}\u0000${tuple}\u0000${identity}`;
      let occurrence = grouped.get(key);
      if (!occurrence) {
        if (typeof target === 'number') {
          const title = titles.get(target);
          const software: Occurrence['software'] = { name: title.name };
          if (version) software.version = version;
          if (title.publisher) software.publisher = title.publisher;
          occurrence = { rule, tuple, software, evidence: [] };
        } else {
          occurrence = {
            rule,
            tuple,
            software: { ...target.software },
            product: target.product,
            evidence: [],
          };
        }
        grouped.set(key, occurrence);
      }
      const evidence = entries[i + 4] as Evidence | undefined;
      if (evidence) occurrence.evidence.push(evidence);
    }
    return [...grouped.values()];
  }
}
