/**
 * Which records of one computer met a custom software-rule tuple that fires, kept as numbers —
 * (rule, tuple, title variant, evidence code) per record — rather than an object and a string key.
 * Grouped into occurrences (one per rule, tuple and installation or unrecognised title and version)
 * only when the host's findings are worded.
 */
import type { Evidence } from '../model.js';
import type { InstallKind } from './model/installation.js';
import type { CustomOccurrence } from './model/occurrence.js';
import type { SoftwareRef } from './model/software-ref.js';
import { makeRef, sharedSpelling } from './software-refs.js';
import type { TitleRegistry } from './title-registry.js';
import type { TitleVariant } from './title-variants.js';

/** What grouping needs from the store: titles, variants by id, evidence codes. */
export interface CustomRefSource {
  titles: TitleRegistry;
  variant(id: number): TitleVariant;
  evidence(code: number): Evidence;
}

const SLOTS = 4;

export class CustomRefs {
  /** Created on the first firing record (most hosts have few, many none). NaN: no evidence. */
  private entries: number[] | undefined;

  get size(): number {
    return this.entries === undefined ? 0 : this.entries.length / SLOTS;
  }

  push(rule: number, tuple: number, variant: number, evidence: number): void {
    if (this.entries === undefined) this.entries = [rule, tuple, variant, evidence];
    else this.entries.push(rule, tuple, variant, evidence);
  }

  /** Drops the spare room push leaves (called when a host has been read). */
  trim(): void {
    if (this.entries !== undefined) this.entries = this.entries.slice();
  }

  /**
   * One occurrence per (rule, tuple, installation or title and version), with all its evidence. A
   * recognised record counts for the host's installation of its key, spelled as `spellingOf` says
   * (the judged installation's spelling: judging may fold the OS into it).
   */
  occurrences(
    source: CustomRefSource,
    spellingOf: (kind: InstallKind) => SoftwareRef,
    keep: (rule: number, tuple: number) => boolean,
  ): CustomOccurrence[] {
    const grouped = new Map<string, CustomOccurrence>();
    const entries = this.entries ?? [];
    for (let i = 0; i < entries.length; i += SLOTS) {
      const rule = entries[i]!;
      const tuple = entries[i + 1]!;
      if (!keep(rule, tuple)) continue;
      const variant = source.variant(entries[i + 2]!);
      const version = variant.version;
      const identity = variant.kind ? `i${variant.kind.key}` : `t${variant.title}\u0000${version ?? ''}`;
      const key = `${rule}\u0000${tuple}\u0000${identity}`;
      let occurrence = grouped.get(key);
      if (!occurrence) {
        const kind = variant.kind;
        if (kind) {
          occurrence = {
            rule,
            tuple,
            software: spellingOf(kind),
            product: kind.product,
            evidence: [],
          };
        } else {
          if (variant.spelling === undefined) {
            const title = source.titles.get(variant.title);
            variant.spelling = sharedSpelling(makeRef(title.name, title.publisher, version));
          }
          occurrence = { rule, tuple, software: variant.spelling, evidence: [] };
        }
        grouped.set(key, occurrence);
      }
      const code = entries[i + 3]!;
      if (!Number.isNaN(code)) occurrence.evidence.push(source.evidence(code));
    }
    return [...grouped.values()];
  }
}
