/**
 * Compiles the string patterns of a policy (product match, forbidden patterns, custom-rule
 * operators) into plain predicates. Exact and glob patterns ignore case unless `caseSensitive`;
 * regexes use RE2 syntax (re2js: linear time, so a hostile inventory cannot stall a pattern) and
 * match anywhere in the text, like `grep`.
 */
import { RE2JS } from 're2js';
import type { Locale, Pattern, ProductMatch } from '../model.js';
import { compileGlob } from './glob-re2.js';
import { anchoredStarts, mayStartWith } from './regex-prefix.js';

export type StringMatcher = (text: string) => boolean;

/**
 * Compiled matchers by pattern text. Process-wide on purpose: a matcher is a pure function of the
 * pattern's kind, case and text (no audit or policy state in it), so two audits that share one give
 * the same answers; and custom-rule operators name their pattern as a fresh object on every call,
 * so only the text can find it again. Bounded: a long-lived process that loads policy after policy
 * starts afresh past MAX_CACHED_PATTERNS distinct texts instead of growing without end.
 */
const cache = new Map<string, StringMatcher>();
const MAX_CACHED_PATTERNS = 8192;

function build(pattern: Pattern): StringMatcher {
  const nocase = !pattern.caseSensitive;
  switch (pattern.kind) {
    case 'exact': {
      const want = nocase ? pattern.value.trim().toLowerCase() : pattern.value.trim();
      return (text) => (nocase ? text.trim().toLowerCase() : text.trim()) === want;
    }
    case 'glob': {
      // RE2 like regexes (glob-re2.ts): linear in the name, so globs see the whole name.
      const re = compileGlob(pattern.value, !nocase);
      return (text) => re.matches(text);
    }
    case 'regex': {
      const re = RE2JS.compile(pattern.value, nocase ? RE2JS.CASE_INSENSITIVE : 0);
      // Anchored patterns first compare their literal start (regex-prefix.ts): same answers, a
      // fraction of the cost for the names that start differently — nearly all of them.
      const starts = anchoredStarts(pattern.value, nocase);
      if (starts === undefined) return (text) => re.test(text);
      if (starts.length === 1) {
        const prefix = starts[0]!;
        return (text) => mayStartWith(text, prefix) && re.test(text);
      }
      return (text) => starts.some((start) => mayStartWith(text, start)) && re.test(text);
    }
  }
}

/** A predicate for one pattern (compiled once per distinct pattern). Throws on a malformed regex. */
export function compilePattern(pattern: Pattern): StringMatcher {
  const key = `${pattern.kind}\u0000${pattern.caseSensitive ? 1 : 0}\u0000${pattern.value}`;
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = build(pattern);
    if (cache.size >= MAX_CACHED_PATTERNS) cache.clear();
    cache.set(key, matcher);
  }
  return matcher;
}

/** By the list's identity: a policy's lists are never changed after loading, and go with it. */
const lists = new WeakMap<readonly Pattern[], StringMatcher>();

/** True when any of the patterns matches the text (the list is compiled once, on first use). */
export function matchesAny(patterns: readonly Pattern[], text: string): boolean {
  let matcher = lists.get(patterns);
  if (!matcher) {
    const each = patterns.map(compilePattern);
    matcher = each.length === 1 ? each[0]! : (t) => each.some((m) => m(t));
    lists.set(patterns, matcher);
  }
  return matcher(text);
}

/** A leading inline flag group with `i`, e.g. `(?i)` or `(?is)`: the regex ignores case itself. */
const INLINE_IGNORE_CASE = /^\(\?[a-zA-Z]*i[a-zA-Z]*\)/;

/**
 * `glob "WPS*"`, `regex "(?i)crack"`: how a pattern reads in traces and `catalog match`. A regex
 * that starts with `(?i)` ignores case whatever `caseSensitive` says, so it is not called
 * case-sensitive.
 */
export function describePattern(pattern: Pattern, locale: Locale = 'en'): string {
  const sensitive =
    pattern.caseSensitive && !(pattern.kind === 'regex' && INLINE_IGNORE_CASE.test(pattern.value));
  const note = locale === 'en' ? ' (case-sensitive)' : '（区分大小写）';
  return `${pattern.kind} "${pattern.value}"${sensitive ? note : ''}`;
}

/**
 * What a catalogue match entry requires, for people (`catalog match`, traces): `name regex "…" and
 * publisher exact "…"` / `名称 regex "…"，且发行商 exact "…"`. Pattern kinds stay the policy's words.
 */
export function describeMatch(entry: ProductMatch, locale: Locale = 'en'): string {
  const en = locale === 'en';
  const patterns = (list: readonly Pattern[]) =>
    list.map((p) => describePattern(p, locale)).join(en ? ' or ' : ' 或 ');
  const parts: string[] = [];
  if (entry.osId?.length) parts.push(`${en ? 'osId' : '系统标识'} ${entry.osId.join('|')}`);
  if (entry.name?.length) parts.push(`${en ? 'name' : '名称'} ${patterns(entry.name)}`);
  if (entry.publisher?.length) parts.push(`${en ? 'publisher' : '发行商'} ${patterns(entry.publisher)}`);
  if (entry.version) parts.push(`${en ? 'version' : '版本'} "${entry.version}"`);
  return parts.join(en ? ' and ' : '，且');
}
