/**
 * The operators a custom-rule condition may compare a fact with: ONE list, which the loader checks
 * names against (policy/rule-operators.ts), the engine registers (engine/custom-rules.ts) and the
 * synchronous evaluator implements (engine/fast-conditions.ts). Both implementations are typed as
 * records over these names, so an operator added here without its code, or coded without being
 * named here, does not compile; a test holds the lists to json-rules-engine's own and to the docs.
 *
 * Plain data on purpose: the policy loader imports it, and must not import the engine.
 */

/** json-rules-engine 7's own operators (engine-default-operators.js). */
export const ENGINE_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** The operators this project adds (docs/semantics.md#custom-rules). */
export const OUR_OPERATORS = [
  'versionInRange',
  'matchesGlob',
  'matchesRegex',
  'olderThan',
  'dateBefore',
  'dateAfter',
] as const;

/** json-rules-engine 7's operator decorators: `not:equal`, `someFact:equal`, … */
export const OPERATOR_DECORATORS = [
  'someFact',
  'someValue',
  'everyFact',
  'everyValue',
  'swap',
  'not',
] as const;

export type EngineOperator = (typeof ENGINE_OPERATORS)[number];
export type OurOperator = (typeof OUR_OPERATORS)[number];

/** Every operator name a condition may use (behind any decorators), in the order messages list them. */
export const RULE_OPERATORS: readonly string[] = Object.freeze([...ENGINE_OPERATORS, ...OUR_OPERATORS]);

/** Operators as plain functions of (fact value, condition value), by name. */
export type OperatorTable<Name extends string = string> = Record<
  Name,
  (fact: unknown, value: unknown) => boolean
>;
