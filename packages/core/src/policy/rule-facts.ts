/**
 * The facts a custom rule may read, per scope, so that a rule reading a fact its scope cannot see is
 * refused at load time, at its line, with a "did you mean". The names come from the one fact table
 * (engine/model/facts.ts, plain data: the loader does not import the engine). A software rule is
 * judged once per distinct tuple of product facts, so it cannot read the host; any other name in a
 * software rule is a record attribute a scanner may pass on.
 */
import { FACTS_BY_SCOPE } from '../engine/model/facts.js';
import type { RuleScope } from '../model.js';

export const RULE_FACTS: Readonly<Record<RuleScope, readonly string[]>> = FACTS_BY_SCOPE;

/** The scope a fact belongs to when it is not the rule's own (for "use scope: host" hints). */
export function scopeOfFact(fact: string): RuleScope | undefined {
  for (const scope of ['host', 'unit', 'fleet', 'software'] as const) {
    if (RULE_FACTS[scope].includes(fact)) return scope;
  }
  return undefined;
}
