/** Runs one format's bad-input cases as a vitest suite: exact outcome, counts add up, no pollution. */
import { problemText } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { type BadInputCase, runBadInputCase } from './scanner-case.js';

export function describeBadInput(format: string, cases: readonly BadInputCase[]): void {
  describe(`bad input: ${format}`, () => {
    it.each(cases.map((testCase) => [testCase.id, testCase] as const))('%s', async (_id, testCase) => {
      const { raw, ...outcome } = await runBadInputCase(testCase);
      expect(outcome.counts.read).toBe(outcome.counts.accepted + outcome.counts.rejected);
      expect(outcome).toEqual(testCase.expected);
      // No message is a stack trace, and nothing from the input reached an object prototype.
      for (const problem of raw) expect(problem.message).not.toMatch(/\n\s+at /);
      // Every problem reads in Chinese under zh-CN (core's catalogue, by code and params).
      for (const problem of raw) {
        const text = problemText(problem, 'zh-CN');
        expect(text, `${problem.code}: ${problem.message}`).toMatch(/[\u4e00-\u9fff]/);
        expect(text, `${problem.code} has no Chinese text`).not.toBe(problem.message);
      }
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  });
}
