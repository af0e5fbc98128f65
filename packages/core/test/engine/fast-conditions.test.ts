/**
 * The synchronous evaluator (engine/fast-conditions.ts) must give json-rules-engine's verdict for
 * every rule it accepts: both run here over the same rules and fact tuples, including comparisons
 * that cannot be read (unsure → run twice) and facts of the wrong type.
 */
import type { CustomRule } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/engine/custom-rules.js';

const AS_OF = '2024-06-30';

function rule(conditions: unknown): CustomRule {
  return {
    id: 'r',
    scope: 'software',
    conditions: conditions as CustomRule['conditions'],
    outcome: { status: 'warn', severity: 'low' },
    message: { zh: 'r', en: 'r' },
  };
}

const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });

const RULES = [
  { all: [leaf('category', 'equal', 'antivirus'), leaf('installDate', 'dateBefore', '2018-01-01')] },
  { all: [leaf('product', 'equal', 'ms-office'), leaf('version', 'versionInRange', '<15')] },
  { any: [leaf('name', 'matchesRegex', '(?i)^navicat'), leaf('name', 'matchesGlob', 'Xshell*')] },
  { not: leaf('licenseStatus', 'in', ['licensed', 'unknown']) },
  {
    all: [
      leaf('domestic', 'notEqual', true),
      { any: [leaf('size', 'greaterThan', 10), leaf('size', 'lessThanInclusive', 2)] },
    ],
  },
  { all: [leaf('tags', 'contains', 'x'), leaf('tags', 'doesNotContain', 'y')] },
  { all: [leaf('installDate', 'olderThan', 365), leaf('installDate', 'dateAfter', '2001-01-01')] },
  { all: [leaf('kmsHost', 'notIn', ['kms.zf.gov.cn']), leaf('size', 'lessThan', 5)] },
  { all: [] },
  { any: [] },
];

const TUPLES: Record<string, unknown>[] = [
  {},
  { category: 'antivirus', installDate: '2017-03-01' },
  { category: 'antivirus', installDate: 'soon' },
  { category: 'office', installDate: 'soon' },
  { product: 'ms-office', version: '14.0.7015' },
  { product: 'ms-office', version: 'abc' },
  { product: 'wps', version: 'abc' },
  { name: 'Navicat Premium 16', licenseStatus: 'licensed' },
  { name: 'xshell 7', licenseStatus: 'notification' },
  { domestic: false, size: '12' },
  { domestic: false, size: 'big' },
  { domestic: true, size: 1 },
  { tags: ['x'], size: 3, kmsHost: 'kms.msft.vip' },
  { tags: 'x', kmsHost: 'kms.zf.gov.cn' },
  { installDate: '2000-05-05' },
  { installDate: '2023-12-31' },
];

describe('fast conditions agree with json-rules-engine', () => {
  it('on every rule × tuple, including unreadable comparisons', async () => {
    let compared = 0;
    for (const conditions of RULES) {
      const compiled = compileRule(rule(conditions), AS_OF);
      expect(compiled.evaluateNow, JSON.stringify(conditions)).toBeDefined();
      for (const tuple of TUPLES) {
        const fast = compiled.evaluateNow!(tuple);
        const engine = await compiled.evaluate(tuple);
        expect(fast, `${JSON.stringify(conditions)} on ${JSON.stringify(tuple)}`).toEqual(engine);
        compared++;
      }
    }
    expect(compared).toBe(RULES.length * TUPLES.length);
  });

  it('reports the same error for a comparison that decides the result and cannot be read', () => {
    const compiled = compileRule(rule(RULES[1]), AS_OF);
    expect(compiled.evaluateNow!({ product: 'ms-office', version: 'abc' })).toEqual({
      error: 'version "abc" cannot be read (auto scheme): the version contains no digit',
    });
  });

  it('leaves to the engine what it cannot mirror: paths, priorities, fact references, unknown operators', async () => {
    const others = [
      { all: [{ ...leaf('tags', 'equal', 'x'), path: '$[0]' }] },
      { all: [{ ...leaf('size', 'equal', 1), priority: 2 }, leaf('size', 'equal', 2)] },
      { all: [leaf('name', 'equal', { fact: 'publisher' })] },
      { all: [leaf('tags', 'everyFact:equal', 'x')] },
    ];
    for (const conditions of others) {
      const compiled = compileRule(rule(conditions), AS_OF);
      expect(compiled.evaluateNow, JSON.stringify(conditions)).toBeUndefined();
    }
    // `in` against a value that is not a list throws inside the engine: the fast path defers to it.
    const compiled = compileRule(rule({ all: [leaf('size', 'in', 5)] }), AS_OF);
    expect(compiled.evaluateNow!({ size: 5 })).toBeUndefined();
    expect(await compiled.evaluate({ size: 5 })).toHaveProperty('error');
  });
});
