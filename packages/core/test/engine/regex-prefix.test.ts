/**
 * The literal-prefix test in front of anchored regexes never changes an answer: checked against
 * RE2 alone on hand-picked traps (case folding beyond ASCII, optional last characters,
 * alternations) and on random names for random anchored patterns.
 */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/engine/patterns.js';
import { anchoredPrefix, mayStartWith } from '../../src/engine/regex-prefix.js';

const plain = (source: string, text: string) => RE2JS.compile(source).test(text);
const fast = (source: string, text: string) =>
  compilePattern({ kind: 'regex', value: source, caseSensitive: true })(text);

describe('anchored regex prefix', () => {
  it('finds the literal every match starts with, or none', () => {
    expect(anchoredPrefix('(?i)^abbyy finereader\\b', false)).toBe('abbyy finereader');
    expect(anchoredPrefix('(?i)^rhino(ceros)? \\d', false)).toBe('rhino');
    expect(anchoredPrefix('(?i)^abc?d', false)).toBe('ab');
    expect(anchoredPrefix('(?i)^abc*d', false)).toBe('ab');
    expect(anchoredPrefix('(?i)^abc+d', false)).toBe('abc');
    expect(anchoredPrefix('^360安全卫士', false)).toBe('\u0000360安全卫士');
    expect(anchoredPrefix('(?i)^(中望cad|zwcad)', false)).toBeUndefined();
    expect(anchoredPrefix('(?i)^foo|bar', false)).toBeUndefined();
    expect(anchoredPrefix('(?i)^foo(a|b)', false)).toBe('foo');
    expect(anchoredPrefix('(?i)\\bKB\\d+', false)).toBeUndefined();
    // A non-ASCII letter with case ends the literal: RE2 folds it in ways toLowerCase does not.
    expect(anchoredPrefix('(?i)^abcÉtude', false)).toBe('abc');
  });

  it('defers to RE2 where case folding beyond ASCII could still match', () => {
    expect(mayStartWith('\u212Aaspersky', 'kaspersky')).toBe(true); // Kelvin sign folds to k
    expect(plain('(?i)^kaspersky', '\u212Aaspersky')).toBe(fast('(?i)^kaspersky', '\u212Aaspersky'));
    expect(plain('(?i)^sogou', '\u017Fogou')).toBe(fast('(?i)^sogou', '\u017Fogou'));
    expect(mayStartWith('ZWCAD', 'zw')).toBe(true);
    expect(mayStartWith('WinRAR', 'zw')).toBe(false);
    expect(mayStartWith('中望CAD', '中望')).toBe(true);
    expect(mayStartWith('浩辰CAD', '中望')).toBe(false);
  });

  it.each([
    [
      '(?i)^adobe photoshop\\b',
      ['Adobe Photoshop 2023', 'ADOBE PHOTOSHOP', 'Adobe Photoshopper', 'Adobe', ''],
    ],
    ['(?i)^abc?d', ['abd', 'ABCD', 'abxd', 'ab']],
    ['^WinRAR', ['WinRAR 6', 'winrar 6']],
    ['(?i)^数科\\s*ofd', ['数科OFD阅读器', '数科 ofd', '数科PDF']],
    ['(?i)^c\\+\\+ builder', ['C++ Builder', 'c++ builder 11', 'C Builder']],
  ])('%s answers as RE2 does', (source, names) => {
    for (const name of names) expect(fast(source, name), name).toBe(plain(source, name));
  });

  it('answers as RE2 does for random anchored patterns and names', () => {
    const alphabet = fc.constantFrom(
      'a',
      'B',
      'k',
      'K',
      '\u212A',
      's',
      '\u017F',
      'é',
      'É',
      '中',
      ' ',
      '1',
      '-',
      '.',
    );
    const word = fc.array(alphabet, { maxLength: 6 }).map((chars) => chars.join(''));
    const tail = fc.constantFrom('', '\\b', '?', '*', '+', '(x|y)?', '\\d', '$', '|z');
    fc.assert(
      fc.property(word, tail, fc.boolean(), word, (literal, end, nocase, name) => {
        const escaped = literal.replace(/[.\\-]/g, (c) => `\\${c}`);
        const source = `${nocase ? '(?i)' : ''}^${escaped}${end}`;
        const text = nocase ? name : `${literal}${name}`;
        expect(fast(source, text)).toBe(plain(source, text));
        expect(fast(source, name)).toBe(plain(source, name));
      }),
      { numRuns: 2000 },
    );
  });
});
