/**
 * The generated policy corpus (policy-cases.ts): each text is written to a temp file and loaded;
 * the problems must be exactly the expected ones, located, and never a crash. The regex case shows
 * that RE2 (re2js) matches `(a+)+$` against a 100 000-character name in linear time.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit, type HostInventory, loadPolicy, PolicyError, type Scanner } from '@zhengban/core';
import { RE2JS } from 're2js';
import { afterAll, describe, expect, it } from 'vitest';
import { policyCases } from './policy-cases.js';

const dir = mkdtempSync(join(tmpdir(), 'zhengban-policy-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(file: string): string[] {
  try {
    loadPolicy(file);
    return [];
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return error.problems.map(
      (problem) => `${problem.line}:${problem.column} ${problem.code} ${problem.message}`,
    );
  }
}

describe('bad input: policy (generated)', () => {
  it.each(policyCases.map((testCase) => [testCase.id, testCase] as const))('%s', (id, testCase) => {
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, testCase.content());
    const problems = problemsOf(file);
    if (id === 'binary-junk') {
      // The junk itself is quoted back (shortened); only its start is fixed.
      expect(problems).toHaveLength(1);
      expect(problems[0]!.startsWith(testCase.expected[0]!)).toBe(true);
      expect(problems[0]!.length).toBeLessThan(200);
    } else expect(problems).toEqual(testCase.expected);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('matches (a+)+$ and ^(a|aa)+$ against 100 000-character names in linear time', async () => {
    const file = join(dir, 'redos.yaml');
    writeFileSync(
      file,
      policyCases.find((testCase) => testCase.id === 'catastrophic-backtracking-regex')!.content(),
    );
    const policy = loadPolicy(file);
    const evil = `${'a'.repeat(100_000)}!`;
    const host: HostInventory = {
      id: 'PC-01',
      scanner: 'memory',
      software: [
        { name: evil, source: 'memory', evidence: { source: 'memory' } },
        { name: 'a'.repeat(100_000), source: 'memory', evidence: { source: 'memory' } },
      ],
    };
    const scanner: Scanner = {
      name: 'memory',
      async *scan() {
        yield host;
      },
    };
    const started = performance.now();
    const report = await audit({ policy, sources: [{ scanner, input: 'memory' }], asOf: '2024-06-30' });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(report.inputs[0]).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    // Regexes see the whole name: the padded name ending in "!" is not the product, the other is.
    const forbidden = report.findings.filter((finding) => finding.rule === 'forbidden.product');
    expect(forbidden.map((finding) => finding.subject.software?.name.length)).toEqual([100_000]);
    expect(report.unrecognised.map((title) => title.name.length)).toEqual([100_001]);
    // RE2 itself, over the whole 100 001 characters (the engine also bounds what it matches).
    const re2Started = performance.now();
    expect(RE2JS.compile('(a+)+$').test(evil)).toBe(false);
    expect(RE2JS.compile('^(a|aa)+$').test(evil)).toBe(false);
    expect(RE2JS.compile('(a+)+$').test('a'.repeat(100_000))).toBe(true);
    expect(performance.now() - re2Started).toBeLessThan(1000);
  });
});
