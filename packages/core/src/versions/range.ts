/**
 * Version ranges as policies write them: comparators separated by spaces (all must hold),
 * alternatives joined by `||` (any may hold). `>=9 <13`, `>=6.1`, `<=16.0.5`, `=10.0.19045`,
 * `10.0.19045` (bare = equal), `>=14 <15 || >=16`, `*` (any version).
 *
 * Parsing a range does not need the scheme (the policy loader validates ranges with it); the bounds
 * are read in the product's scheme when a version is tested (`satisfiesRange`).
 */
import type { VersionScheme } from '../model.js';
import {
  type ConcreteScheme,
  compareWithBound,
  detectScheme,
  type ParsedVersion,
  parseVersion,
  reparse,
} from './scheme.js';

export type RangeOperator = '>=' | '>' | '<=' | '<' | '=';

export interface VersionComparator {
  operator: RangeOperator;
  /** The bound as written, read in the product's scheme when used. */
  version: string;
}

/** A parsed range: any alternative may hold; every comparator of an alternative must hold. */
export interface VersionRange {
  /** The range as written. */
  text: string;
  /** An empty alternative (from `*`) holds for every version. */
  alternatives: VersionComparator[][];
}

/** Why a range text cannot be read, for words in other languages (problem-texts/range-faults.ts). */
export interface RangeFault {
  kind:
    | 'not-text'
    | 'control'
    | 'empty'
    | 'too-long'
    | 'empty-alternative'
    | 'star-combined'
    | 'tilde-caret'
    | 'no-version'
    | 'wildcard'
    | 'not-a-version';
  /** The part of the range at fault, as written. */
  token?: string;
  /** For a wildcard: the range meant. */
  meant?: string;
}

export type RangeParseResult =
  | { ok: true; range: VersionRange }
  /** `wildcard`: the version written with a wildcard (`16.0.x`) and the range meant, when that is why. */
  | { ok: false; reason: string; fault: RangeFault; wildcard?: { version: string; meant: string } };

const OPERATOR = /^(>=|<=|>|<|==|=)/;
const BOUND = /^[0-9A-Za-z][0-9A-Za-z.+~^:_-]*$/;

/** `16.0` → `>=16.0 <16.1`: the range a wildcard version such as `16.0.x` means. */
function wildcardRange(prefix: string): string {
  const parts = prefix.split('.');
  const last = parts.length - 1;
  const next = [...parts.slice(0, last), String(Number(parts[last]) + 1)].join('.');
  return `">=${prefix} <${next}"`;
}

/** Parses a range text; the reason names the offending part in plain words. */
export function parseVersionRange(text: string): RangeParseResult {
  if (typeof text !== 'string')
    return { ok: false, reason: 'a version range must be text', fault: { kind: 'not-text' } };
  if (/[\u0000-\u001f\u007f]/.test(text.replace(/[\t\n\r]/g, ' '))) {
    return { ok: false, reason: 'the range contains a control character', fault: { kind: 'control' } };
  }
  if (text.trim() === '') return { ok: false, reason: 'the range is empty', fault: { kind: 'empty' } };
  if (text.length > 512)
    return { ok: false, reason: 'the range is longer than 512 characters', fault: { kind: 'too-long' } };
  const alternatives: VersionComparator[][] = [];
  for (const alternative of text.split('||')) {
    // `>= 9` is read as `>=9`; commas separate comparators like spaces do.
    const tokens = alternative
      .replace(/(>=|<=|==|>|<|=)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter(Boolean);
    if (tokens.length === 0)
      return {
        ok: false,
        reason: `"||" has nothing on one side in "${text}"`,
        fault: { kind: 'empty-alternative' },
      };
    const comparators: VersionComparator[] = [];
    for (const token of tokens) {
      if (token === '*' || token.toLowerCase() === 'x') {
        if (tokens.length > 1)
          return {
            ok: false,
            reason: `"*" cannot be combined with other comparators`,
            fault: { kind: 'star-combined' },
          };
        continue;
      }
      if (/^[~^]/.test(token)) {
        return {
          ok: false,
          reason: `"${token}": the operators ~ and ^ are not supported; write >= and < instead`,
          fault: { kind: 'tilde-caret', token },
        };
      }
      const op = OPERATOR.exec(token);
      const operator = (op ? (op[1] === '==' ? '=' : op[1]) : '=') as RangeOperator;
      const version = op ? token.slice(op[1]!.length) : token;
      if (!version)
        return {
          ok: false,
          reason: `"${token}" has an operator but no version`,
          fault: { kind: 'no-version', token },
        };
      const wildcard = /^(\d+(?:\.\d+)*)\.[xX*]$/.exec(version);
      if (wildcard) {
        // `16.0.x` would be compared as one odd version and blame every installation as unreadable.
        const meant = operator === '=' ? wildcardRange(wildcard[1]!) : `"${operator}${wildcard[1]}"`;
        return {
          ok: false,
          reason: `"${version}" holds a wildcard; write ${meant}`,
          fault: { kind: 'wildcard', token: version, meant },
          wildcard: { version, meant },
        };
      }
      if (!BOUND.test(version) || !/[0-9]/.test(version)) {
        return {
          ok: false,
          reason: `"${version}" is not a version (write e.g. >=9 <13)`,
          fault: { kind: 'not-a-version', token: version },
        };
      }
      comparators.push({ operator, version });
    }
    alternatives.push(comparators);
  }
  return { ok: true, range: { text: text.trim(), alternatives } };
}

/**
 * Widens a range for licence rights: `downgrade` drops lower bounds (and turns `=` into `<=`),
 * `upgrade` drops upper bounds (and turns `=` into `>=`).
 */
export function widenRange(
  range: VersionRange,
  rights: { downgrade?: boolean; upgrade?: boolean },
): VersionRange {
  if (!rights.downgrade && !rights.upgrade) return range;
  const alternatives = range.alternatives.map((alternative) =>
    alternative.flatMap((c): VersionComparator[] => {
      const lower = c.operator === '>=' || c.operator === '>';
      const upper = c.operator === '<=' || c.operator === '<';
      if (rights.downgrade && lower) return [];
      if (rights.upgrade && upper) return [];
      if (c.operator === '=') {
        if (rights.downgrade && rights.upgrade) return [];
        return [{ operator: rights.downgrade ? '<=' : '>=', version: c.version }];
      }
      return [c];
    }),
  );
  const tags = [rights.downgrade ? 'downgrade' : '', rights.upgrade ? 'upgrade' : ''].filter(Boolean);
  return { text: `${range.text} (+${tags.join('+')})`, alternatives };
}

function holds(operator: RangeOperator, cmp: number): boolean {
  switch (operator) {
    case '>=':
      return cmp >= 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    case '<':
      return cmp < 0;
    case '=':
      return cmp === 0;
  }
}

/** Bounds read per scheme, cached: ranges are few, tests of them are many. */
const boundCache = new Map<string, ParsedVersion | string>();

function parseBound(text: string, scheme: ConcreteScheme): ParsedVersion | string {
  const key = `${scheme}\u0000${text}`;
  let cached = boundCache.get(key);
  if (cached === undefined) {
    const parsed = parseVersion(text, scheme);
    cached = parsed.ok ? parsed.version : parsed.reason;
    if (boundCache.size > 10_000) boundCache.clear();
    boundCache.set(key, cached);
  }
  return cached;
}

/**
 * Does the version satisfy the range in the scheme? `true` / `false`, or `{ error }` naming why
 * the version (or a bound) cannot be read in that scheme — never a silent pass or fail.
 * Under `auto` the scheme is detected from the installed version; when a bound cannot be read in it,
 * version and bounds are compared the dpkg way.
 */
/**
 * Ranges given as text come from policies (a few distinct ones) and are tested against thousands
 * of versions: each is parsed once. Bounded, in case a caller passes endless distinct ranges.
 */
const parsedRanges = new Map<string, ReturnType<typeof parseVersionRange>>();

function parsedRangeOf(range: string): ReturnType<typeof parseVersionRange> {
  let parsed = parsedRanges.get(range);
  if (!parsed) {
    parsed = parseVersionRange(range);
    if (parsedRanges.size >= 1024) parsedRanges.clear();
    parsedRanges.set(range, parsed);
  }
  return parsed;
}

export function satisfiesRange(
  version: string | ParsedVersion,
  range: VersionRange | string,
  scheme: VersionScheme = 'auto',
): boolean | { error: string } {
  let parsedRange: VersionRange;
  if (typeof range === 'string') {
    const result = parsedRangeOf(range);
    if (!result.ok) return { error: `version range "${range}": ${result.reason}` };
    parsedRange = result.range;
  } else parsedRange = range;

  let parsed: ParsedVersion;
  if (typeof version === 'string') {
    const result = parseVersion(version, scheme);
    if (!result.ok)
      return {
        error: `version "${version}" cannot be read (${schemeLabel(scheme, version)}): ${result.reason}`,
      };
    parsed = result.version;
  } else parsed = version;

  const concrete = scheme === 'auto' ? parsed.scheme : scheme;
  let target: ConcreteScheme = concrete;
  if (scheme === 'auto') {
    const unreadable = parsedRange.alternatives.some((alt) =>
      alt.some((c) => typeof parseBound(c.version, concrete) === 'string'),
    );
    if (unreadable) target = 'dpkg';
    const re = reparse(parsed, target);
    if (!re.ok) return { error: `version "${parsed.text}" cannot be read as ${target}: ${re.reason}` };
    parsed = re.version;
  }

  for (const alternative of parsedRange.alternatives) {
    let all = true;
    for (const comparator of alternative) {
      const bound = parseBound(comparator.version, target);
      if (typeof bound === 'string') {
        return {
          error: `range bound "${comparator.version}" in "${parsedRange.text}" is not a ${target} version: ${bound}`,
        };
      }
      if (!holds(comparator.operator, compareWithBound(parsed, bound))) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

function schemeLabel(scheme: VersionScheme, version: string): string {
  if (scheme !== 'auto') return `${scheme} scheme`;
  const trimmed = version.trim();
  return trimmed && !/[\s\u0000-\u001f\u007f]/.test(trimmed) && /\d/.test(trimmed)
    ? `auto scheme, read as ${detectScheme(trimmed)}`
    : 'auto scheme';
}
