/**
 * A synchronous evaluator for the condition trees most custom rules are made of: `all` / `any` /
 * `not` over leaves `{ fact, operator, value }` with json-rules-engine's built-in operators or ours.
 * json-rules-engine builds an almanac and a chain of promises per run; at province scale (hundreds
 * of rules × thousands of distinct titles) that dominates, and its verdicts arrive too late to forget
 * the records of tuples that do not fire.
 *
 * It must give exactly json-rules-engine's answer (a test runs both over the same tuples), so it only
 * accepts what it can mirror: no `priority` (the engine then evaluates every leaf, as we do, so the
 * same uncertain comparisons are seen), no `path` / `params`, no fact-valued `value`, no condition
 * references, no operator decorators. Anything else, or an operator that throws, falls back to the
 * engine (the compiled predicate returns undefined).
 */
import type { EngineOperator, OperatorTable } from './model/facts-operators.js';

type Facts = Record<string, unknown>;
/** true / false, or undefined when only the engine can answer. */
type Predicate = (facts: Facts) => boolean | undefined;

const numeric = (value: unknown): boolean => Number.parseFloat(value as string).toString() !== 'NaN';

/**
 * json-rules-engine 7's default operators with their fact validators (engine-default-operators.js).
 * Exported for the test that holds them to the engine's own list.
 */
export const BUILT_IN_OPERATORS: OperatorTable<EngineOperator> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
};

const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'name']);
const BRANCH_KEYS = new Set(['all', 'any', 'not', 'name']);

function compileNode(node: unknown, operators: OperatorTable): Predicate | undefined {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  if (typeof record.fact === 'string') {
    if (!keys.every((k) => LEAF_KEYS.has(k)) || typeof record.operator !== 'string') return undefined;
    const value = record.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'fact' in value)
      return undefined;
    const name = record.operator;
    const operator = Object.hasOwn(operators, name)
      ? operators[name]
      : Object.hasOwn(BUILT_IN_OPERATORS, name)
        ? BUILT_IN_OPERATORS[name as EngineOperator]
        : undefined;
    if (!operator) return undefined;
    const fact = record.fact;
    return (facts) => {
      const actual = facts[fact];
      if (typeof actual === 'function') return undefined;
      try {
        return operator(actual, value);
      } catch {
        return undefined;
      }
    };
  }
  if (!keys.every((k) => BRANCH_KEYS.has(k))) return undefined;
  const kinds = keys.filter((k) => k !== 'name');
  if (kinds.length !== 1) return undefined;
  const kind = kinds[0]!;
  if (kind === 'not') {
    const inner = compileNode(record.not, operators);
    if (!inner) return undefined;
    return (facts) => {
      const result = inner(facts);
      return result === undefined ? undefined : !result;
    };
  }
  const list = record[kind];
  if (!Array.isArray(list)) return undefined;
  const children: Predicate[] = [];
  for (const child of list) {
    const compiled = compileNode(child, operators);
    if (!compiled) return undefined;
    children.push(compiled);
  }
  // Every child is evaluated (no short-circuit), as the engine does within one priority set, so the
  // uncertain comparisons noted are the same.
  const wantAll = kind === 'all';
  return (facts) => {
    if (children.length === 0) return true;
    let result = wantAll;
    for (const child of children) {
      const value = child(facts);
      if (value === undefined) return undefined;
      result = wantAll ? result && value : result || value;
    }
    return result;
  };
}

/** A synchronous predicate for the rule's conditions, or undefined when only the engine can judge. */
export function compileFastConditions(
  conditions: unknown,
  operators: OperatorTable,
): ((facts: Facts) => boolean | undefined) | undefined {
  return compileNode(conditions, operators);
}
