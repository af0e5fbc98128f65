import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;
const INPUTS = ['--input', 'csv:inventory/small.csv', '--input', 'csv:inventory/counties-gbk.csv'];

describe('zhengban scan, then audit --input inventory:FILE', () => {
  it('writes the normalised inventory as JSON Lines and reports the rejected row', async () => {
    const dir = scratch();
    const result = await runCli(['scan', ...INPUTS, '--out', `${dir}/scan.jsonl`], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'csv:inventory/small.csv: 3 台计算机，读取 7 条（接受 6，拒绝 1，忽略 0）',
      'csv:inventory/counties-gbk.csv: 1 台计算机，读取 2 条（接受 2，拒绝 0，忽略 0）',
      `已写入 ${dir}/scan.jsonl：4 台计算机，8 条记录`,
      'inventory/small.csv:7  第 7 行：软件名称为空',
      '',
    ]);
    const lines = readFileSync(join(dir, 'scan.jsonl'), 'utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'zhengban-inventory', version: 1 });
    expect(lines.slice(1).map((line) => JSON.parse(line).id)).toEqual([
      'BGS-01',
      'BGS-02',
      'CZJ-01',
      'CZJ-02',
    ]);
    expect(readdirSync(dir)).toEqual(['scan.jsonl']);
  });

  it('judges the saved inventory exactly like the original inputs', async () => {
    const dir = scratch();
    await runCli(['scan', ...INPUTS, '--out', `${dir}/scan.jsonl`, '--quiet'], { cwd });
    await runCli([...SMALL_AUDIT, '--report', `json:${dir}/direct.json`, '--quiet'], { cwd });
    const reread = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--units',
        'inventory/units.csv',
        '--input',
        `inventory:${dir}/scan.jsonl`,
        '--report',
        `json:${dir}/reread.json`,
        '--quiet',
      ],
      { cwd },
    );
    expect(reread.code).toBe(1);
    const direct = JSON.parse(readFileSync(join(dir, 'direct.json'), 'utf8')) as ComplianceReport;
    const fromScan = JSON.parse(readFileSync(join(dir, 'reread.json'), 'utf8')) as ComplianceReport;
    expect(fromScan.findings.map((finding) => finding.id)).toEqual(
      direct.findings.map((finding) => finding.id),
    );
    expect(fromScan.totals).toEqual(direct.totals);
  });

  it('writes to stdout without --out', async () => {
    const result = await runCli(['scan', '--input', 'csv:inventory/clean.csv', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('needs at least one input', async () => {
    const result = await runCli(['scan', '--out', 'x.jsonl']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('zhengban: 错误: 至少需要一个 --input KIND:PATH');
  });

  it('refuses an input without a kind and an unknown kind', async () => {
    const noKind = await runCli(['scan', '--input', 'inventory.csv']);
    expect(noKind.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 输入 'inventory.csv' 缺少类型，应写成 KIND:PATH（例如 csv:inventory.csv 或 windows:local）",
    );
    const unknown = await runCli(['scan', '--input', 'exel:inventory.xls']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 未知的输入类型 'exel'。内置: windows, linux, csv, osquery, inventory, glpi, wazuh；也可以给出 ./扫描器.mjs 或包名",
    );
  });
});
