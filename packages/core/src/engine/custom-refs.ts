/**
 * Which records of one computer met which custom software-rule tuple, kept in parallel arrays so a
 * record costs a few array slots rather than an object and a string key. Grouped into occurrences
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
  private readonly rules: number[] = [];
  private readonly tuples: number[] = [];
  /** The recognised installation, or the title id of an unrecognised record. */
  private readonly targets: (InstallationState | number)[] = [];
  private readonly versions: (string | undefined)[] = [];
  private readonly evidence: (Evidence | undefined)[] = [];

  get size(): number {
    return this.rules.length;
  }

  push(
    rule: number,
    tuple: number,
    target: InstallationState | number,
    version: string | undefined,
    evidence: Evidence | undefined,
  ): void {
    this.rules.push(rule);
    this.tuples.push(tuple);
    this.targets.push(target);
    this.versions.push(version);
    this.evidence.push(evidence);
  }

  /** One occurrence per (rule, tuple, installation or title and version), with all its evidence. */
  occurrences(titles: TitleRegistry, keep: (rule: number, tuple: number) => boolean): CustomOccurrence[] {
    const grouped = new Map<string, CustomOccurrence>();
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i]!;
      const tuple = this.tuples[i]!;
      if (!keep(rule, tuple)) continue;
      const target = this.targets[i]!;
      const version = this.versions[i];
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
      const evidence = this.evidence[i];
      if (evidence) occurrence.evidence.push(evidence);
    }
    return [...grouped.values()];
  }
}
