/**
 * The compact store's part for software custom rules: which of a record's rules may fire, answered
 * from its title variant's cached tuples where it can (title-variants.ts), and the record kept
 * (as numbers, custom-refs.ts) only under the tuples not already known to stay quiet.
 */
import type { SoftwareRecord } from '../../model.js';
import type { EvidenceCodes } from '../evidence-codes.js';
import { recordFact } from '../record-facts.js';
import type { SoftwareRule } from '../software-rules.js';
import { LIVE_SLOTS, type TitleVariant, type VariantRegistry } from '../title-variants.js';
import type { CompactHost } from './compact-host.js';

export class CustomRuleNotes {
  /** Records × rules answered from a variant's cached verdicts (added to the memos' own hits). */
  ruleHits = 0;

  constructor(
    private readonly rules: readonly SoftwareRule[],
    private readonly variants: VariantRegistry,
    private readonly codes: EvidenceCodes,
  ) {}

  /** Remembers the record under each custom rule whose tuple fires (or cannot be judged yet). */
  note(host: CompactHost, record: SoftwareRecord, variant: TitleVariant, fresh: boolean): void {
    if (!variant.live) this.variants.settle(variant);
    const live = variant.live;
    if (live) {
      if (!fresh) this.ruleHits += variant.answered;
      for (let k = 0; k < live.length; k += LIVE_SLOTS)
        this.noteLiveRule(host, record, variant, live, k, fresh);
    } else {
      for (const rule of this.rules) this.noteRule(host, record, variant, rule, fresh);
    }
  }

  /**
   * noteRule for the rule at `live[k]` of a settled variant, from what `live` holds: a title-only
   * rule's tuple, and a record rule (whose guard is known not to rule the record out) with the
   * tuple of records that carry none of its per-record facts.
   */
  private noteLiveRule(
    host: CompactHost,
    record: SoftwareRecord,
    variant: TitleVariant,
    live: Int32Array,
    k: number,
    fresh: boolean,
  ): void {
    const rule = this.rules[live[k]!]!;
    const memo = rule.memo;
    let tuple = live[k + 1]!;
    if (tuple >= 0) {
      if (!fresh) memo.hits++;
    } else {
      const absent = readsNone(record, rule);
      const known = absent ? live[k + 2]! : -1;
      if (known >= 0) {
        tuple = known;
        memo.hits++;
      } else {
        tuple = recordTuple(record, variant, rule);
        if (absent) live[k + 2] = tuple;
      }
    }
    this.keepIfFiring(host, record, variant, rule, tuple);
  }

  private noteRule(
    host: CompactHost,
    record: SoftwareRecord,
    variant: TitleVariant,
    rule: SoftwareRule,
    fresh: boolean,
  ): void {
    const memo = rule.memo;
    let tuple: number;
    if (rule.recordSlots.length === 0) {
      tuple = variant.tuples[rule.index]!;
      if (!fresh) memo.hits++;
    } else {
      const guardTuple = variant.tuples[rule.index]!;
      if (guardTuple >= 0 && rule.guard!.isQuiet(guardTuple)) {
        if (!fresh) this.ruleHits++;
        return;
      }
      // Most records carry none of the facts a rule reads per record (no licence status, no install
      // date): their tuple is the variant's own, looked up once.
      const absent = readsNone(record, rule);
      const known = absent ? (variant.absentTuples?.[rule.index] ?? -1) : -1;
      if (known >= 0) {
        tuple = known;
        memo.hits++;
      } else {
        tuple = recordTuple(record, variant, rule);
        if (absent) {
          variant.absentTuples ??= new Int32Array(this.rules.length).fill(-1);
          variant.absentTuples[rule.index] = tuple;
        }
      }
    }
    this.keepIfFiring(host, record, variant, rule, tuple);
  }

  /** A tuple already known not to fire needs no memory for this record. */
  private keepIfFiring(
    host: CompactHost,
    record: SoftwareRecord,
    variant: TitleVariant,
    rule: SoftwareRule,
    tuple: number,
  ): void {
    if (rule.memo.isQuiet(tuple)) return;
    const evidence = record.evidence ? this.codes.encode(record.evidence) : Number.NaN;
    host.custom.push(rule.index, tuple, variant.id, evidence);
  }
}

/** True when the record carries none of the facts the rule reads per record. */
function readsNone(record: SoftwareRecord, rule: SoftwareRule): boolean {
  const facts = rule.memo.compiled.facts;
  for (const slot of rule.recordSlots) if (recordFact(record, facts[slot]!) !== undefined) return false;
  return true;
}

/** The rule's tuple for this record: the variant's title facts with the record's own filled in. */
function recordTuple(record: SoftwareRecord, variant: TitleVariant, rule: SoftwareRule): number {
  const facts = rule.memo.compiled.facts;
  const values = variant.templates[rule.index]!.slice();
  for (const slot of rule.recordSlots) values[slot] = recordFact(record, facts[slot]!);
  return rule.memo.idOfValues(values);
}
