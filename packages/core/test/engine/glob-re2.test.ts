/**
 * Globs run on RE2 (glob-re2.ts): the same matches as the picomatch globs policies were written
 * for, in time linear in the name — a multi-star glob that made picomatch's backtracking regex
 * take 13.5 s on a 100-character name returns at once on a 100 000-character one, and a name
 * padded past 512 characters no longer dodges an end-anchored glob.
 */
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlob, GlobSyntaxError } from '../../src/engine/glob-re2.js';
import { compilePattern } from '../../src/engine/patterns.js';

const GLOBS = [
  'WPS Office*',
  '*crack*',
  '协同办公*',
  'WPS?[0-9]',
  '{a,b}*',
  '*.[ch]',
  '@(x|y)z',
  '?(a)b',
  '+(ab)c',
  '*(ab)c',
  'a\\*b',
  '[[:digit:]]*',
  'Microsoft {Office,Visio} 20{16,19}*',
  'Adobe*/*Acrobat',
  '[a-c]?x',
];

describe('globs on RE2', () => {
  it('match what picomatch matched', () => {
    // Names never end in `/`: picomatch lets a trailing `/` through (a folder path), names are not paths.
    const names = fc
      .stringMatching(/^[abcxyzWPS Ofie0-9.*/协同办公-]{0,12}$/)
      .filter((name) => !name.endsWith('/'));
    for (const glob of GLOBS) {
      const pico = picomatch.makeRe(glob, { nocase: true, dot: true, bash: true });
      const re2 = compileGlob(glob, false);
      fc.assert(
        fc.property(names, (name) => re2.matches(name) === pico.test(name)),
        { numRuns: 300 },
      );
    }
    // Picomatch quirks not kept: `[!a]` is a negated class as in bash (picomatch read the `!`
    // literally); `**` matches `.` and `..`, and a trailing `/` is let through (path segments and
    // folders, which names are not).
    expect(compileGlob('[!a]*', false).matches('b1')).toBe(true);
    expect(compileGlob('[!a]*', false).matches('a1')).toBe(false);
    expect(compileGlob('WPS Office*', false).matches('wps office 2019 专业版')).toBe(true);
    expect(compileGlob('WPS Office*', true).matches('wps office 2019')).toBe(false);
  });

  it('cannot backtrack: a multi-star glob over a long name returns at once', () => {
    const name = 'a'.repeat(100_000);
    const started = Date.now();
    expect(compilePattern({ kind: 'glob', value: '*a*a*a*a*a*b', caseSensitive: false })(name)).toBe(false);
    expect(
      compilePattern({ kind: 'glob', value: '*a*a*a*a*a*b', caseSensitive: false })('a'.repeat(100)),
    ).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('see the whole name: padding past 512 characters does not dodge *crack', () => {
    expect(
      compilePattern({ kind: 'glob', value: '*crack', caseSensitive: false })(`${'x'.repeat(600)}crack`),
    ).toBe(true);
  });

  it('refuse what would need backtracking, and unbalanced brackets', () => {
    expect(() => compileGlob('!(foo)*', false)).toThrow(GlobSyntaxError);
    expect(() => compileGlob('WPS [Office', false)).toThrow('never closed');
    expect(() => compileGlob('WPS {Office', false)).toThrow('never closed');
    expect(() => compileGlob('WPS Office}', false)).toThrow('unbalanced');
  });
});
