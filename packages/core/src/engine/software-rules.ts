/**
 * Software-scope custom rules at stream speed. Most facts a software rule reads come from the title
 * as read (name, publisher, version, edition) and what recognition makes of it (product, category,
 * vendor, …): those are judged once per title variant and the answer is cached on the variant (see
 * title-variants.ts). Only rules that read per-record facts (installDate, kmsHost, licenseStatus,
 * channel, arch, source, other attributes) look at each record, and only on variants where the
 * title part of their conditions does not already rule them out (the guard).
 */
import type { IsoDate } from '../model.js';
import { type CompiledRule, compileRule, factsRead } from './custom-rules.js';
import { TITLE_FACTS as TITLE_FACT_NAMES } from './model/facts.js';
import { TupleMemo } from './tuple-memo.js';

/** Facts decided by the title variant (name, publisher, version, edition attribute) alone. */
export const TITLE_FACTS: ReadonlySet<string> = new Set(TITLE_FACT_NAMES);

/** True for the facts that differ from record to record of one title variant. */
export const isRecordFact = (fact: string): boolean => !TITLE_FACTS.has(fact);

export interface SoftwareRule {
  index: number;
  memo: TupleMemo;
  /** Positions (in `memo.compiled.facts`) of the facts read from each record; empty: title-only. */
  recordSlots: number[];
  /**
   * For a rule whose conditions are `all: [...]` mixing title and record facts: the memo of the
   * title-only conditions. When they fail for a variant the rule cannot fire on any of its records.
   */
  guard?: TupleMemo;
}

/** Splits a rule whose top-level `all` mixes title and record conditions; undefined otherwise. */
function guardOf(compiled: CompiledRule, asOf: IsoDate): TupleMemo | undefined {
  const conditions = compiled.rule.conditions as { all?: unknown };
  if (!conditions || !Array.isArray(conditions.all)) return undefined;
  const titleOnly = conditions.all.filter((c) => {
    const read = factsRead(c);
    return read.size > 0 && [...read].every((f) => TITLE_FACTS.has(f));
  });
  if (titleOnly.length === 0 || titleOnly.length === conditions.all.length) return undefined;
  const guard = compileRule({ ...compiled.rule, conditions: { all: titleOnly } as never }, asOf);
  return new TupleMemo(guard);
}

export function softwareRules(compiled: readonly CompiledRule[], asOf: IsoDate): SoftwareRule[] {
  return compiled.map((c, index) => {
    const recordSlots: number[] = [];
    c.facts.forEach((fact, slot) => {
      if (isRecordFact(fact)) recordSlots.push(slot);
    });
    const rule: SoftwareRule = { index, memo: new TupleMemo(c), recordSlots };
    if (recordSlots.length > 0) {
      const guard = guardOf(c, asOf);
      if (guard) rule.guard = guard;
    }
    return rule;
  });
}

/** Custom-rule counters for the report's stats: evaluations run and records answered from memos. */
export function ruleCounters(rules: readonly SoftwareRule[]): { runs: number; hits: number } {
  let runs = 0;
  let hits = 0;
  for (const rule of rules) {
    runs += rule.memo.tuples.length + (rule.guard?.tuples.length ?? 0);
    hits += rule.memo.hits;
  }
  return { runs, hits };
}
