/**
 * The operator and JSONPath of one custom-rule condition, checked when the policy loads. An
 * operator json-rules-engine does not know makes every evaluation throw (one `error` finding per
 * subject, thousands in a province), and a malformed `path` reads nothing; both are mistakes of the
 * author that belong at their line, once.
 */
import { OPERATOR_DECORATORS, RULE_OPERATORS } from '../engine/model/facts-operators.js';
import type { LocalText } from '../model.js';
import { closest } from './did-you-mean.js';

/** The one operator list the engine implements (engine/model/facts-operators.ts). */
export const KNOWN_OPERATORS: readonly string[] = RULE_OPERATORS;
const DECORATORS: readonly string[] = OPERATOR_DECORATORS;

/** What authors write from other languages (SQL, JavaScript, spreadsheets) → the operator meant. */
const SYMBOLS: Readonly<Record<string, string>> = {
  '=': 'equal',
  '==': 'equal',
  '===': 'equal',
  equals: 'equal',
  eq: 'equal',
  is: 'equal',
  '!=': 'notEqual',
  '!==': 'notEqual',
  '<>': 'notEqual',
  ne: 'notEqual',
  notEquals: 'notEqual',
  '<': 'lessThan',
  lt: 'lessThan',
  '<=': 'lessThanInclusive',
  lte: 'lessThanInclusive',
  '>': 'greaterThan',
  gt: 'greaterThan',
  '>=': 'greaterThanInclusive',
  gte: 'greaterThanInclusive',
  includes: 'contains',
  has: 'contains',
  matches: 'matchesRegex',
  regex: 'matchesRegex',
  glob: 'matchesGlob',
  like: 'matchesGlob',
};

export type OperatorCheck = { ok: true; base: string } | { ok: false; suggestion?: string };

/** Whether json-rules-engine (with our operators) knows `name`, decorators included. */
export function checkOperator(name: string): OperatorCheck {
  const parts = name.split(':');
  const base = parts.pop()!;
  const decorators = parts;
  const badDecorator = decorators.find((decorator) => !DECORATORS.includes(decorator));
  if (KNOWN_OPERATORS.includes(base) && badDecorator === undefined) return { ok: true, base };
  if (badDecorator !== undefined) {
    const fixed = closest(badDecorator, DECORATORS);
    const rest = KNOWN_OPERATORS.includes(base) ? base : (suggestBase(base) ?? base);
    return fixed
      ? {
          ok: false,
          suggestion: [...decorators.map((d) => (d === badDecorator ? fixed : d)), rest].join(':'),
        }
      : { ok: false };
  }
  const suggestion = suggestBase(base);
  return suggestion ? { ok: false, suggestion: [...decorators, suggestion].join(':') } : { ok: false };
}

function suggestBase(base: string): string | undefined {
  const symbol = Object.hasOwn(SYMBOLS, base) ? SYMBOLS[base] : undefined;
  return symbol ?? closest(base, KNOWN_OPERATORS);
}

/**
 * Why `path` is not a JSONPath this project accepts, or undefined when it is. Accepted: `$`
 * followed by `.key`, `..key`, `.*`, `[n]`, `[*]`, `['key']` / `["key"]`. Filter and script
 * expressions (`[?(…)]`, `[(…)]`) are refused: they run code inside the engine, and no fact needs
 * them.
 */
export function jsonPathProblem(path: string): LocalText | undefined {
  if (!path.startsWith('$'))
    return { zh: '必须以“$”开头（例如 $.office）', en: 'it must start with "$" (e.g. $.office)' };
  let at = 1;
  while (at < path.length) {
    const rest = path.slice(at);
    const step = /^\.\.?(?:\*|[^.[\]\s'"()?@]+)/.exec(rest) ?? /^\[(?:\*|-?\d+|'[^']*'|"[^"]*")\]/.exec(rest);
    if (!step) {
      if (rest.startsWith('[?') || rest.startsWith('[('))
        return {
          zh: '不支持过滤和脚本表达式',
          en: 'filter and script expressions are not supported',
        };
      return { zh: `从“${rest}”起无法解读`, en: `it cannot be read from "${rest}" on` };
    }
    at += step[0].length;
  }
  return undefined;
}

/** The keys a JSONPath names, in order (`$.office` → office; `$['办公软件']` → 办公软件). */
export function jsonPathKeys(path: string): string[] {
  const keys: string[] = [];
  const step = /\.\.?([^.[\]\s'"()?@]+)|\[(?:'([^']*)'|"([^"]*)")\]/g;
  for (let match = step.exec(path); match; match = step.exec(path)) {
    const key = match[1] ?? match[2] ?? match[3];
    if (key !== undefined && key !== '*') keys.push(key);
  }
  return keys;
}
