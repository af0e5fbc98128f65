/**
 * Files that are not regular files (`/dev/zero` reports size 0 and never ends) given as a policy,
 * an extended policy, a units file or a report for diff/merge: refused at once with exit 2 and a
 * message naming the file — never read until memory runs out.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

vi.setConfig({ testTimeout: 20_000 });

describe('device files as inputs', () => {
  it('policy validate /dev/zero', async () => {
    const result = await runCli(['policy', 'validate', '/dev/zero'], { cwd: FIXTURES });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read policy "/dev/zero": it is not a regular file');
  });

  it('extends: [/dev/zero]', async () => {
    const policy = join(scratch(), 'p.yaml');
    writeFileSync(policy, "apiVersion: zhengban/v1\nmetadata: { name: x }\nextends: ['/dev/zero']\n");
    const result = await runCli(['policy', 'validate', policy], { cwd: FIXTURES });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is not a regular file');
  });

  it('audit --units /dev/zero', async () => {
    const result = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--units',
        '/dev/zero',
        '--input',
        'csv:inventory/small.csv',
      ],
      { cwd: FIXTURES },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/dev/zero：无法读取单位文件（不是普通文件）');
  });

  it('diff and merge of /dev/zero', async () => {
    for (const args of [
      ['diff', '/dev/zero', 'inventory/small.csv'],
      ['merge', '/dev/zero', '/dev/zero'],
    ]) {
      const result = await runCli(args, { cwd: FIXTURES });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('/dev/zero 不是普通文件（设备、管道或套接字），无法读取');
    }
  });
});
