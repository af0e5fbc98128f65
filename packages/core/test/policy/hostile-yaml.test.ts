/**
 * Hostile policy files (test/bad-input/policy/): each must fail fast with a clear, located
 * message, and nothing in them may reach an object prototype.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, parsePolicy } from '@zhengban/core';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD_INPUT, located, problemsOf } from './policy-test-support.js';

const HEADER = 'apiVersion: zhengban/v1\nmetadata:\n  name: hostile\n';

describe('hostile YAML', () => {
  it('rejects an alias bomb (billion laughs) quickly, at the alias that crosses the limit', () => {
    const started = performance.now();
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}alias-bomb.yaml`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'policy.alias-bomb', line: 8, column: 12 });
    expect(problems[0]!.message).toBe(
      'Too many YAML aliases: expanding them needs more than 100 alias references, which is how an "alias bomb" (billion laughs) attack works; write the values out instead.',
    );
  });

  it('rejects an alias that contains itself', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}deep-alias-nesting.yaml`));
    expect(problems.map((p) => p.code)).toEqual(['policy.too-deep']);
    expect(problems[0]!.message).toBe(
      'The policy nests lists or mappings more than 64 levels deep (through aliases); it is refused.',
    );
  });

  it('rejects __proto__ / constructor keys at every depth and pollutes nothing', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}proto-keys.yaml`));
    expect(located(problems)).toEqual([
      '4:1 Key "__proto__" is not allowed: it has a special meaning in JavaScript objects and could be used to tamper with the program.',
      '7:3 Key "__proto__" is not allowed: it has a special meaning in JavaScript objects and could be used to tamper with the program.',
      '11:7 Key "constructor" is not allowed: it has a special meaning in JavaScript objects and could be used to tamper with the program.',
      '19:20 Key "__proto__" is not allowed: it has a special meaning in JavaScript objects and could be used to tamper with the program.',
    ]);
    expect(problems.every((p) => p.code === 'policy.forbidden-key')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps free-form rule data in prototype-less objects', () => {
    const text = `${HEADER}rules:\n  - id: r\n    scope: software\n    conditions:\n      all:\n        - { fact: category, operator: in, value: { toString: 1, valueOf: 2 } }\n    message: m\n`;
    const policy = parsePolicy(text, { filename: 'p.yaml' });
    const condition = (policy.rules[0]!.conditions.all as Array<Record<string, unknown>>)[0]!;
    expect(Object.getPrototypeOf(condition)).toBeNull();
    expect(condition.value).toEqual({ toString: 1, valueOf: 2 });
    expect(Object.getPrototypeOf(policy.requirements.editions)).toBeNull();
  });

  it('refuses a 10 MB policy text before parsing it', () => {
    const text = `${HEADER}# ${'x'.repeat(10 * 1024 * 1024)}\n`;
    const started = performance.now();
    const problems = problemsOf(() => parsePolicy(text, { filename: 'huge.yaml' }));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      {
        file: 'huge.yaml',
        message:
          'Policy file is 10.0 MB, more than the 5.0 MB limit; a policy this large is almost certainly not a policy (raise maxBytes if it really is).',
        severity: 'error',
        code: 'policy.too-large',
        params: { size: '10.0 MB', limit: '5.0 MB' },
        source: 'policy',
      },
    ]);
  });

  describe('a policy file over maxBytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-policy-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is refused from its size on disk, unread', () => {
      const file = join(dir, 'big.yaml');
      writeFileSync(file, `${HEADER}# ${'x'.repeat(3000)}\n`);
      const problems = problemsOf(() => loadPolicy(file, { maxBytes: 2048 }));
      expect(problems.map((p) => p.message)).toEqual([
        'Policy file is 3 KB, more than the 2 KB limit; a policy this large is almost certainly not a policy (raise maxBytes if it really is).',
      ]);
      expect(problems[0]!.file).toBe(file);
    });
  });

  it('refuses 20 000 nested flow brackets without overflowing the stack', () => {
    const started = performance.now();
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}deep-flow-nesting.yaml`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(located(problems)).toEqual([
      '4:75 The policy nests lists or mappings more than 64 levels deep; no policy needs that, so it is refused.',
    ]);
  });

  it('refuses 5 000 nested block sequences on one line', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}deep-block-nesting.yaml`));
    expect(located(problems)).toEqual([
      '5:131 The policy nests lists or mappings more than 64 levels deep; no policy needs that, so it is refused.',
    ]);
  });

  it('refuses tabs used for indentation, at the tab', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}tab-indentation.yaml`));
    expect(problems).toMatchObject([
      {
        line: 5,
        column: 1,
        code: 'policy.tab-indent',
        message: 'Tabs are not allowed for indentation in YAML; indent with spaces.',
      },
    ]);
  });

  it('refuses a file with several YAML documents', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}multiple-documents.yaml`));
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([[4, 1, 'policy.yaml-syntax']]);
    expect(problems[0]!.message).toMatch(/^YAML syntax error: .*multiple documents/i);
  });
});
