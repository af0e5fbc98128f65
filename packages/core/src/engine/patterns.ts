/**
 * Compiles the string patterns of a policy (product match, forbidden patterns, custom-rule
 * operators) into plain predicates. Exact and glob patterns ignore case unless `caseSensitive`;
 * regexes use RE2 syntax (re2js: linear time, so a hostile inventory cannot stall a pattern) and
 * match anywhere in the text, like `grep`.
 */
import { RE2JS } from 're2js';
import type { Pattern } from '../model.js';
import { compileGlob } from './glob-re2.js';
import { anchoredPrefix, mayStartWith } from './regex-prefix.js';

export type StringMatcher = (text: string) => boolean;

const cache = new Map<string, StringMatcher>();

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
      const prefix = anchoredPrefix(pattern.value, nocase);
      if (prefix === undefined) return (text) => re.test(text);
      return (text) => mayStartWith(text, prefix) && re.test(text);
    }
  }
}

/** A predicate for one pattern (compiled once per distinct pattern). Throws on a malformed regex. */
export function compilePattern(pattern: Pattern): StringMatcher {
  const key = `${pattern.kind}\u0000${pattern.caseSensitive ? 1 : 0}\u0000${pattern.value}`;
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = build(pattern);
    cache.set(key, matcher);
  }
  return matcher;
}

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

/** `glob "WPS*"`, `regex "(?i)crack"`: how a pattern reads in traces and `catalog match`. */
export function describePattern(pattern: Pattern): string {
  return `${pattern.kind} "${pattern.value}"${pattern.caseSensitive ? ' (case-sensitive)' : ''}`;
}
