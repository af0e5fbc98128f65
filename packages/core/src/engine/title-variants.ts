/**
 * A title variant is one title (name, publisher) with one version and one edition as read. Everything
 * derived from it is computed on its first sighting and cached here: the recognised product and
 * edition, the installation key, and for each software custom rule either the tuple id (rules that
 * read only title facts) or the guard's tuple id (rules that also read per-record facts). So a record
 * of a known variant costs one lookup by name, a few string comparisons and a few integer reads,
 * whatever the number of rules.
 */

import type { InstallKind } from './model/installation.js';
import type { SoftwareRef } from './model/software-ref.js';
import { ownCopy } from './own-strings.js';
import { installationKey, softwareFact } from './record-facts.js';
import type { Recogniser, Recognition } from './rules/recogniser.js';
import type { SoftwareRule } from './software-rules.js';
import type { TitleRegistry } from './title-registry.js';
import { TitleTuples } from './tuple-memo.js';

export interface TitleVariant {
  /** Its index in the registry (VariantRegistry.byId). */
  id: number;
  title: number;
  /** Its title's publisher as read (undefined when none): compared when a record is looked up. */
  publisher: string | undefined;
  version: string | undefined;
  /** The edition attribute as read (recognition canonicalises it). */
  editionRead: string | undefined;
  recognition: Recognition | undefined;
  /** installationKey(product, version, edition) when recognised. */
  installKey: string | undefined;
  /** What every installation of this variant shares, made on its first recognised sighting (store/compact-store.ts). */
  kind?: InstallKind;
  /** The unrecognised title's version was offered to the registry's version list. */
  versionNoted: boolean;
  /** Per software rule: the tuple id (title-only rules), the guard's tuple id, or -1 (no guard). */
  tuples: Int32Array;
  /** Per software rule reading record facts: the tuple of a record that has none of them (-1: not yet seen). */
  absentTuples?: Int32Array;
  /** Per software rule reading record facts: its fact values with the title facts filled in. */
  templates: (unknown[] | undefined)[];
  /**
   * The rules each record must still look at (title-only rules that fire or err, record rules whose
   * guard does not rule them out), LIVE_SLOTS numbers each: the rule's index, its tuple (title-only
   * rules) and the tuple of a record carrying none of its per-record facts (record rules; -1 until
   * one is seen). Undefined while some verdict is still pending. Side by side in one array, so a
   * record reads nothing else of the variant to note its rules.
   */
  live: Int32Array | undefined;
  /** Rules answered by the title for every record once `live` is known (memo hits per record). */
  answered: number;
  /** The unrecognised variant as findings spell it, frozen and shared; made on first use (custom-refs.ts). */
  spelling: SoftwareRef | undefined;
}

/**
 * The lookup key of a record's variant. Lengths up front make it unambiguous whatever the texts hold
 * (no separator character is assumed absent).
 */
export function variantKey(
  name: string,
  publisher: string | undefined,
  version: string | undefined,
  editionRead: string | undefined,
): string {
  const p = publisher ?? '';
  const v = version ?? '';
  const head = `${name.length},${p.length},${v.length}`;
  return editionRead === undefined ? `${head}:${name}${p}${v}` : `${head},e:${name}${p}${v}${editionRead}`;
}

/** Numbers per rule in `TitleVariant.live`: rule index, title tuple, tuple of a record without per-record facts. */
export const LIVE_SLOTS = 3;

const NO_LIVE_RULES = new Int32Array(0);

/** Past this many variants of one name, a record's variant is looked up by its whole key. */
const NAME_LIST_LIMIT = 12;

export class VariantRegistry {
  /**
   * Name → the variants of that name (usually one or two): a record's variant is found by hashing
   * its name alone — a slice of the parser's text — and comparing version, publisher and edition,
   * instead of building, flattening and hashing a key of all four for each of millions of records.
   */
  private readonly byName = new Map<string, TitleVariant[]>();
  /** variantKey(name, publisher, version, edition) → variant, for names with many variants. */
  private readonly byKey = new Map<string, TitleVariant>();
  private readonly variants: TitleVariant[] = [];

  get count(): number {
    return this.variants.length;
  }

  byId(id: number): TitleVariant {
    return this.variants[id]!;
  }

  /** How many distinct titles (name, publisher) some variant of which is a product of the class. */
  titlesOfClass(category: string): number {
    const titles = new Set<number>();
    for (const v of this.variants) if (v.recognition?.product.category === category) titles.add(v.title);
    return titles.size;
  }

  constructor(
    private readonly recogniser: Recogniser,
    private readonly titles: TitleRegistry,
    private readonly rules: readonly SoftwareRule[],
  ) {}

  /** The known variant of a record (its name, publisher and version trimmed, as the store reads them). */
  find(
    name: string,
    publisher: string | undefined,
    version: string | undefined,
    editionRead: string | undefined,
  ): TitleVariant | undefined {
    const list = this.byName.get(name);
    if (list === undefined) return undefined;
    let known: TitleVariant | undefined;
    if (list.length > NAME_LIST_LIMIT)
      known = this.byKey.get(variantKey(name, publisher, version, editionRead));
    else
      for (let i = 0; i < list.length; i++) {
        const variant = list[i]!;
        if (
          variant.version === version &&
          variant.publisher === publisher &&
          variant.editionRead === editionRead
        ) {
          known = variant;
          break;
        }
      }
    if (known !== undefined) {
      // The recogniser's counters describe records, as before variants cached its answers.
      this.recogniser.stats.lookups++;
      this.recogniser.stats.hits++;
    }
    return known;
  }

  /** Creates the variant (recognised and judged by the title rules) on its first sighting. */
  add(
    name: string,
    publisher: string | undefined,
    version: string | undefined,
    editionRead: string | undefined,
  ): TitleVariant {
    const titleId = this.titles.idOf(name, publisher);
    // The variant keeps its version and edition for the run: owned copies, never the parser's views
    // into a chunk of the file (own-strings.ts).
    const variant = this.create(titleId, ownCopy(version), ownCopy(editionRead));
    const title = this.titles.get(titleId);
    let list = this.byName.get(title.name);
    if (list === undefined) {
      list = [];
      this.byName.set(title.name, list);
    }
    list.push(variant);
    // Owned copies only: `publisher` is the parser's slice, and a key holding it would keep its whole
    // batch of text alive for the run.
    this.byKey.set(
      ownCopy(variantKey(title.name, title.publisher, variant.version, variant.editionRead)),
      variant,
    );
    this.variants.push(variant);
    return variant;
  }

  private create(
    titleId: number,
    version: string | undefined,
    editionRead: string | undefined,
  ): TitleVariant {
    const { name, publisher } = this.titles.get(titleId);
    const recognition = this.recogniser.recognise({ name, publisher, version, edition: editionRead });
    // Every field is in the literal, even when undefined: a variant is read for each of millions of
    // records, and fields added afterwards gave variants a dozen hidden classes (megamorphic reads).
    const variant: TitleVariant = {
      id: this.variants.length,
      title: titleId,
      publisher,
      version,
      editionRead,
      recognition,
      installKey: recognition
        ? installationKey(recognition.product.id, version, recognition.edition)
        : undefined,
      live: undefined,
      versionNoted: false,
      tuples: new Int32Array(this.rules.length),
      templates: [],
      absentTuples: undefined,
      answered: 0,
      kind: undefined,
      spelling: undefined,
    };
    if (this.rules.length === 0) return variant;
    const source = {
      name,
      publisher,
      version,
      attributes: editionRead !== undefined ? { edition: editionRead } : undefined,
    };
    const fact = softwareFact(source, recognition, () => this.recogniser.vendorOf(publisher)?.id);
    // Rules that read the same facts share the variant's key and tuple object.
    const tuples = new TitleTuples(fact);
    for (const rule of this.rules) {
      const facts = rule.memo.compiled.facts;
      if (rule.recordSlots.length === 0) {
        variant.tuples[rule.index] = tuples.idIn(rule.memo);
        continue;
      }
      const template = facts.map((f, slot) => (rule.recordSlots.includes(slot) ? undefined : fact(f)));
      variant.templates[rule.index] = template;
      variant.tuples[rule.index] = rule.guard ? tuples.idIn(rule.guard) : -1;
    }
    this.settle(variant);
    return variant;
  }

  /** Fills `variant.live` once every verdict it depends on is known. */
  settle(variant: TitleVariant): void {
    const live: number[] = [];
    for (const rule of this.rules) {
      const tuple = variant.tuples[rule.index]!;
      const titleOnly = rule.recordSlots.length === 0;
      const memo = titleOnly ? rule.memo : rule.guard;
      if (memo && tuple >= 0) {
        if (!memo.isSettled(tuple)) return;
        if (memo.isQuiet(tuple)) continue;
      }
      live.push(
        rule.index,
        titleOnly ? tuple : -1,
        titleOnly ? -1 : (variant.absentTuples?.[rule.index] ?? -1),
      );
    }
    // Most variants have no rule left to look at: they share one empty list, which stays in the
    // cache, instead of each reading its own (a cache miss per record).
    variant.live = live.length === 0 ? NO_LIVE_RULES : Int32Array.from(live);
    variant.answered = this.rules.length - live.length / LIVE_SLOTS;
  }
}
