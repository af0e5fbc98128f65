/**
 * Faults in plugins and inputs, through the CLI's `run()`: a scanner that throws becomes an `error`
 * problem naming the plugin and the audit goes on; one that fails before reading anything ends the
 * run with exit 2 and one clear line; bad inputs end with one clear error; no stack trace ever.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const cwd = FIXTURES;
const NO_STACK = /^\s+at /m;

describe('faults: a scanner plugin that throws', () => {
  it('becomes an error problem naming the plugin; the other inputs are still audited', async () => {
    const dir = scratch();
    const result = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        './plugins/throwing-scanner.mjs:some-agent-export',
        '--input',
        'csv:inventory/clean.csv',
        '--report',
        `json:${dir}/report.json`,
        '--fail-on',
        'never',
      ],
      { cwd },
    );
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ComplianceReport;
    expect(report.problems.filter((problem) => problem.code === 'plugin.failed')).toEqual([
      {
        message: `scanner "throwing" failed on some-agent-export: Cannot read properties of undefined (reading 'DisplayName')`,
        severity: 'error',
        code: 'plugin.failed',
        params: {
          plugin: 'throwing',
          input: 'some-agent-export',
          reason: "Cannot read properties of undefined (reading 'DisplayName')",
        },
        source: 'throwing',
        file: 'some-agent-export',
        fatal: true,
      },
    ]);
    // The host it yielded before failing counts, and so does every host of the next input.
    expect(report.inputs.map((input) => [input.source, input.hosts])).toEqual([
      ['./plugins/throwing-scanner.mjs:some-agent-export', 1],
      ['csv:inventory/clean.csv', expect.any(Number)],
    ]);
    expect(report.inputs[1]!.hosts).toBeGreaterThan(0);
  });

  it('ends the run with exit 2 and one line naming the plugin when it fails before any computer', async () => {
    const result = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        './plugins/failing-scanner.mjs:db',
        '--input',
        'csv:inventory/clean.csv',
      ],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // The progress line counts the input, then one error line names the plugin and what it said.
    expect(result.stderr.split('\n')).toEqual([
      './plugins/failing-scanner.mjs:db: 0 台计算机，读取 0 条（接受 0，拒绝 0，忽略 0）',
      'zhengban: 错误: 输入 ./plugins/failing-scanner.mjs:db 完全无法读取: scanner "failing" failed on db: agent database is locked',
      '',
    ]);
  });
});

describe('faults: bad inputs end with one clear error (exit 2), never a stack trace', () => {
  const cases: Array<[string, string | Uint8Array, string, string]> = [
    [
      'binary junk as a CSV inventory',
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      'csv',
      'binary data, not a text file',
    ],
    [
      'an empty CSV inventory',
      '',
      'csv',
      'the file is empty; expected a header row and one row per installation',
    ],
    ['a file that is no Windows export', 'hello\nworld\n', 'windows', 'not a Windows inventory file'],
  ];
  it.each(cases)('%s', async (_title, content, kind, expected) => {
    const dir = scratch();
    const file = join(dir, 'input.dat');
    writeFileSync(file, content);
    const result = await runCli(['audit', '--policy', 'policies/small.yaml', '--input', `${kind}:${file}`], {
      cwd,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // One progress line (0 computers), then one error line.
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${kind}:${file}: 0 台计算机，读取 0 条（接受 0，拒绝 0，忽略 0）`);
    expect(lines[1]).toContain(`zhengban: 错误: 输入 ${kind}:${file} 完全无法读取: `);
    expect(lines[1]).toContain(expected);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  it('an empty policy file: exit 2, the file and the problem named', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'policy.yaml'), '');
    const result = await runCli(
      ['audit', '--policy', join(dir, 'policy.yaml'), '--input', 'csv:inventory/clean.csv'],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'zhengban: 错误: 策略有 1 个问题:',
      `${join(dir, 'policy.yaml')}:1:1  策略 应为映射（键: 值），不能是空值。`,
    ]);
    expect(result.stderr).not.toMatch(NO_STACK);
  });
});
