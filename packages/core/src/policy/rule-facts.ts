/**
 * The facts a custom rule may read, per scope. The engine owns the lists (it computes the facts:
 * engine/custom-rules.ts); the loader reads the same lists so that a rule reading a fact its scope
 * cannot see is refused at load time, at its line, with a "did you mean". A software rule is judged
 * once per distinct tuple of product facts, so it cannot read the host; any other name in a
 * software rule is a record attribute a scanner may pass on. docs/policy-reference.md lists them.
 */
import { FLEET_FACTS, HOST_FACTS, SOFTWARE_FACTS, UNIT_FACTS } from '../engine/custom-rules.js';
import type { RuleScope } from '../model.js';

export const RULE_FACTS: Readonly<Record<RuleScope, readonly string[]>> = {
  software: SOFTWARE_FACTS,
  host: HOST_FACTS,
  unit: UNIT_FACTS,
  fleet: FLEET_FACTS,
};

/** The scope a fact belongs to when it is not the rule's own (for "use scope: host" hints). */
export function scopeOfFact(fact: string): RuleScope | undefined {
  for (const scope of ['host', 'unit', 'fleet', 'software'] as const) {
    if (RULE_FACTS[scope].includes(fact)) return scope;
  }
  return undefined;
}
