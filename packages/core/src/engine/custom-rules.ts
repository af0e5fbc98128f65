/**
 * Custom rules (`rules:` in a policy) on json-rules-engine, with our operators registered.
 *
 * A rule's conditions describe the PROBLEM: when they hold, the rule yields a finding with its
 * outcome. json-rules-engine builds an almanac per run, so we never run it per record: at
 * construction we collect which facts each rule reads; a software rule then runs once per distinct
 * tuple of those fact values (memoised), a host rule once per host, a unit rule once per unit and a
 * fleet rule once.
 *
 * Unreadable comparisons (a version no scheme reads, a date that is not a date) never decide a
 * result silently: the rule is run twice, with those comparisons counted false and true; if both
 * runs agree the comparison did not matter, otherwise the result is `error` with the reason.
 */
import { Engine } from 'json-rules-engine';
import { PolicyError } from '../errors.js';
import type { CustomRule, IsoDate, Policy, RuleScope } from '../model.js';
import { satisfiesRange } from '../versions/range.js';
import { compileFastConditions } from './fast-conditions.js';
import { FACTS_BY_SCOPE, FLEET_FACTS, HOST_FACTS, SOFTWARE_FACTS, UNIT_FACTS } from './model/facts.js';
import type { OperatorTable, OurOperator } from './model/facts-operators.js';
import { compilePattern } from './patterns.js';
import { addDays } from './rules/finding-factory.js';

/** Facts of wider scopes a software rule may not read (everything else is a record attribute). */
const NOT_SOFTWARE = new Set<string>(
  [...HOST_FACTS, ...UNIT_FACTS, ...FLEET_FACTS].filter(
    (f) => !(SOFTWARE_FACTS as readonly string[]).includes(f),
  ),
);

/** Every fact name a condition tree reads (`fact`, and `value: { fact }` comparisons). */
export function factsRead(conditions: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(conditions)) {
    for (const c of conditions) factsRead(c, into);
    return into;
  }
  if (!conditions || typeof conditions !== 'object') return into;
  const node = conditions as Record<string, unknown>;
  if (typeof node.fact === 'string') into.add(node.fact);
  const value = node.value as Record<string, unknown> | undefined;
  if (value && typeof value === 'object' && typeof value.fact === 'string') into.add(value.fact);
  for (const key of ['all', 'any', 'not']) if (key in node) factsRead(node[key], into);
  return into;
}

export type Uncertain = { mode: boolean; errors: Set<string> };

/**
 * Our operators (OUR_OPERATORS), as plain functions: registered on json-rules-engine and used by the
 * fast path. Exported for the test that holds them to the list.
 */
export function ourOperators(asOf: IsoDate, uncertain: Uncertain): OperatorTable<OurOperator> {
  const unsure = (reason: string): boolean => {
    uncertain.errors.add(reason);
    return uncertain.mode;
  };
  const patternOperator = (kind: 'glob' | 'regex') => (fact: unknown, value: unknown) => {
    if (typeof fact !== 'string') return false;
    const spec =
      typeof value === 'object' && value !== null
        ? (value as { pattern?: string; caseSensitive?: boolean })
        : { pattern: String(value) };
    return compilePattern({
      kind,
      value: String(spec.pattern ?? ''),
      caseSensitive: spec.caseSensitive === true,
    })(fact);
  };
  const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
  return {
    versionInRange: (fact: unknown, value: unknown) => {
      const spec =
        typeof value === 'object' && value !== null
          ? (value as { range?: string; scheme?: string })
          : { range: String(value) };
      if (fact === undefined || fact === null || fact === '') return unsure('no version was recorded');
      const result = satisfiesRange(String(fact), String(spec.range ?? ''), (spec.scheme ?? 'auto') as never);
      return typeof result === 'boolean' ? result : unsure(result.error);
    },
    matchesGlob: patternOperator('glob'),
    matchesRegex: patternOperator('regex'),
    olderThan: (fact: unknown, days: unknown) => {
      if (!isDate(fact)) return unsure(`"${String(fact)}" is not a date`);
      return fact.slice(0, 10) < addDays(asOf, -Number(days));
    },
    dateBefore: (fact: unknown, date: unknown) =>
      isDate(fact) ? fact.slice(0, 10) < String(date) : unsure(`"${String(fact)}" is not a date`),
    dateAfter: (fact: unknown, date: unknown) =>
      isDate(fact) ? fact.slice(0, 10) > String(date) : unsure(`"${String(fact)}" is not a date`),
  };
}

export type RuleVerdict = { fired: boolean } | { error: string };

export interface CompiledRule {
  rule: CustomRule;
  /** Facts it reads, sorted: the memo key of a software rule is their values. */
  facts: string[];
  evaluate(facts: Record<string, unknown>): Promise<RuleVerdict>;
  /**
   * The same verdict computed synchronously, when the conditions are plain comparisons
   * (fast-conditions.ts); undefined when only json-rules-engine can tell (then use `evaluate`).
   */
  evaluateNow?: (facts: Record<string, unknown>) => RuleVerdict | undefined;
}

/** One rule on its own engine (exported for the title-level guard of software rules). */
export function compileRule(rule: CustomRule, asOf: IsoDate): CompiledRule {
  const uncertain: Uncertain = { mode: false, errors: new Set() };
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, operator] of Object.entries(ourOperators(asOf, uncertain)))
    engine.addOperator(name, operator);
  engine.addRule({ conditions: rule.conditions as never, event: { type: rule.id }, name: rule.id });
  const facts = [...factsRead(rule.conditions)].sort();
  // Most rules are plain comparisons: judged synchronously, exactly as json-rules-engine would. Its
  // own uncertainty state, so a synchronous verdict never disturbs an engine run awaiting meanwhile.
  const fastUncertain: Uncertain = { mode: false, errors: new Set() };
  const fast = compileFastConditions(rule.conditions, ourOperators(asOf, fastUncertain));

  const runOnce = async (values: Record<string, unknown>, mode: boolean): Promise<boolean> => {
    uncertain.mode = mode;
    const result = await engine.run({ ...values });
    return result.events.length > 0;
  };
  const runFast = (values: Record<string, unknown>, mode: boolean): boolean | undefined => {
    fastUncertain.mode = mode;
    return fast!(values);
  };

  return {
    rule,
    facts,
    evaluateNow: fast
      ? (values) => {
          fastUncertain.errors = new Set();
          const asFalse = runFast(values, false);
          if (asFalse === undefined) return undefined;
          if (fastUncertain.errors.size === 0) return { fired: asFalse };
          const reasons = [...fastUncertain.errors].sort();
          const asTrue = runFast(values, true);
          if (asTrue === undefined) return undefined;
          return asFalse === asTrue ? { fired: asFalse } : { error: reasons.join('; ') };
        }
      : undefined,
    async evaluate(values) {
      try {
        uncertain.errors = new Set();
        const asFalse = await runOnce(values, false);
        if (uncertain.errors.size === 0) return { fired: asFalse };
        const reasons = [...uncertain.errors].sort();
        const asTrue = await runOnce(values, true);
        return asFalse === asTrue ? { fired: asFalse } : { error: reasons.join('; ') };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** Compiles the policy's custom rules by scope; facts outside a rule's scope are a PolicyError. */
export function compileCustomRules(policy: Policy, asOf: IsoDate): Record<RuleScope, CompiledRule[]> {
  const byScope: Record<RuleScope, CompiledRule[]> = { software: [], host: [], unit: [], fleet: [] };
  const problems = [];
  for (const rule of policy.rules) {
    const read = factsRead(rule.conditions);
    const bad =
      rule.scope === 'software'
        ? [...read].filter((f) => NOT_SOFTWARE.has(f))
        : [...read].filter((f) => !FACTS_BY_SCOPE[rule.scope].includes(f));
    if (bad.length > 0) {
      problems.push({
        ...(rule.location ?? {}),
        message: `rule "${rule.id}" (scope ${rule.scope}) reads ${bad.map((f) => `"${f}"`).join(', ')}, which ${bad.length === 1 ? 'is' : 'are'} not a ${rule.scope} fact`,
        severity: 'error' as const,
        code: 'policy.rule-fact-scope',
        params: { rule: rule.id, scope: rule.scope, facts: bad.map((f) => `"${f}"`).join('、') },
        source: 'engine',
      });
      continue;
    }
    byScope[rule.scope].push(compileRule(rule, asOf));
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return byScope;
}
