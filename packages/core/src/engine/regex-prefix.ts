/**
 * A cheap first test for anchored regexes. Most catalogue patterns are `(?i)^literal…`
 * (`(?i)^abbyy finereader\b`); a name that does not start with the literal cannot match, and
 * telling that by comparing a few characters costs a small fraction of an RE2 call. With hundreds of
 * products every distinct title meets every pattern once, so the catalogue's breadth would
 * otherwise cost that many RE2 calls per title.
 *
 * The test only ever says "cannot match" when that is certain; whenever it is unsure (a non-ASCII
 * character where the literal has a Latin letter, which RE2's case folding could still match: the
 * Kelvin sign folds to `k`, `ſ` to `s`) it defers to the regex.
 */

/** Characters with a meaning in RE2 syntax: the literal stops at the first. */
const META = new Set(['\\', '^', '$', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|']);
/** Quantifiers that make the character before them optional. */
const OPTIONAL = new Set(['?', '*', '{']);

/** True when `|` appears outside every group and character class: `^a|b` is not anchored on `a`. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The literal every match must start with, or undefined when there is none worth testing: the
 * pattern must begin with `^` (after an optional `(?i)`) and have no top-level alternation.
 */
export function anchoredPrefix(source: string, caseInsensitive: boolean): string | undefined {
  let rest = source;
  let nocase = caseInsensitive;
  if (rest.startsWith('(?i)')) {
    nocase = true;
    rest = rest.slice(4);
  }
  if (!rest.startsWith('^') || hasTopLevelAlternation(rest)) return undefined;
  let end = 1;
  while (end < rest.length && !META.has(rest[end]!)) end++;
  let literal = rest.slice(1, end);
  if (end < rest.length && OPTIONAL.has(rest[end]!)) literal = literal.slice(0, -1);
  if (nocase) {
    // Only ASCII and caseless characters (CJK) are compared: a non-ASCII letter with case, or a
    // surrogate, ends the literal, so RE2's Unicode folding never has to be imitated.
    let safe = 0;
    while (safe < literal.length && !hasUnicodeCase(literal.charCodeAt(safe))) safe++;
    literal = literal.slice(0, safe).toLowerCase();
  }
  if (literal.length === 0) return undefined;
  return nocase ? literal : `\u0000${literal}`;
}

function hasUnicodeCase(code: number): boolean {
  if (code < 128) return false;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  const char = String.fromCharCode(code);
  return char.toLowerCase() !== char.toUpperCase();
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * False when `text` certainly does not start with `prefix` (as `anchoredPrefix` returned it: lower
 * case for a case-insensitive pattern, `\0`-marked when case counts); true when it does or may.
 */
export function mayStartWith(text: string, prefix: string): boolean {
  if (prefix.charCodeAt(0) === 0) return text.startsWith(prefix.slice(1));
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const want = prefix.charCodeAt(i);
    let got = text.charCodeAt(i);
    if (got === want) continue;
    // Digits, punctuation and caseless characters match only themselves.
    if (!isAsciiLetter(want)) return false;
    // A non-ASCII character may still fold to this Latin letter: let RE2 decide.
    if (got >= 128) return true;
    if (got >= 65 && got <= 90) got += 32;
    if (got !== want) return false;
  }
  return true;
}
