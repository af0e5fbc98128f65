import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffReports, type ReportDiff } from '@zhengban/cli';
import type { ComplianceReport } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;
let dir = '';

// Phase 1: the small fixture (3 open findings). Phase 2: Office replaced by WPS, the Home edition
// upgraded, and a new computer with KMSpico (1 new finding).
beforeAll(async () => {
  dir = scratch('zhengban-diff-');
  await runCli([...SMALL_AUDIT, '--report', `json:${dir}/before.json`, '--quiet'], { cwd });
  await runCli(
    [
      'audit',
      '--policy',
      'policies/small.yaml',
      '--units',
      'inventory/units.csv',
      '--input',
      'csv:inventory/after.csv',
      '--report',
      `json:${dir}/after.json`,
      '--quiet',
    ],
    { cwd },
  );
}, 60_000);

describe('zhengban diff', () => {
  it('prints findings fixed / new / still open and the rate changes per unit and class', async () => {
    const result = await runCli(['diff', 'before.json', 'after.json'], { cwd: dir });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '整改进展：before.json（2024-06-30）→ after.json（2024-06-30）',
      '已整改 3 项，新增 1 项，仍未整改 0 项（未整改发现 3 → 1；计算机 4 → 5 台）',
      '',
      '按规则',
      '规则                         已整改  新增  仍未整改',
      'forbidden.product            0       1     0',
      'licensing.unlicensed         1       0     0',
      'preferences.domestic.office  1       0     0',
    ]);
    expect(result.stdout).toContain(
      '合计    75.00% → 100.00% (+25.00)  75.00% → 100.00% (+25.00)  100.00% → 100.00% (+0.00)  83.33% → 100.00% (+16.67)',
    );
    expect(result.stdout).toContain('档案局  — → —');
    expect(result.stdout).toContain(
      '新增发现 (1)\n  [fail] 办公室 / BGS-03 / kmspico: BGS-03 安装了禁止使用的软件 KMSpico / AutoPico（KMSpico）  (forbidden.product)',
    );
  });

  it('writes markdown tables in English', async () => {
    const result = await runCli(
      ['diff', 'before.json', 'after.json', '--format', 'markdown', '--locale', 'en'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Progress: before.json (2024-06-30) → after.json (2024-06-30)');
    expect(result.stdout).toContain(
      '| unit | OS | office | antivirus | overall |\n| --- | --- | --- | --- | --- |',
    );
    expect(result.stdout).toContain('| 办公室 | 100.00% → 100.00% (+0.00) | 50.00% → 100.00% (+50.00) |');
    expect(result.stdout).toContain('## Fixed findings (3)');
  });

  it('writes the whole diff as JSON', async () => {
    const result = await runCli(['diff', 'before.json', 'after.json', '--format', 'json'], { cwd: dir });
    const diff = JSON.parse(result.stdout) as ReportDiff;
    expect(diff.fixed.map((finding) => finding.rule)).toEqual([
      'preferences.domestic.office',
      'licensing.unlicensed',
      'requirements.edition',
    ]);
    expect(diff.new.map((finding) => [finding.rule, finding.subject.host])).toEqual([
      ['forbidden.product', 'BGS-03'],
    ]);
    expect(
      diff.rates.find((row) => row.unit === undefined && row.class === 'office' && row.kind === 'genuine'),
    ).toEqual({
      class: 'office',
      kind: 'genuine',
      before: 0.75,
      after: 1,
      change: 0.25,
    });
  });

  it('counts a finding waived in the later report as fixed, and one whose waiver lapsed as new', () => {
    const before = JSON.parse(readFileSync(join(dir, 'before.json'), 'utf8')) as ComplianceReport;
    const waived = structuredClone(before);
    const target = waived.findings.find((finding) => finding.rule === 'licensing.unlicensed')!;
    target.waiver = { id: 'w1', justification: '采购中', expires: '2099-01-01' };
    const forward = diffReports(before, waived, { before: 'a', after: 'b' });
    expect(forward.fixed.map((finding) => finding.id)).toEqual([target.id]);
    expect(forward.stillOpen).toHaveLength(2);
    const backward = diffReports(waived, before, { before: 'b', after: 'a' });
    expect(backward.new.map((finding) => finding.id)).toEqual([target.id]);
  });

  it('names a file that is not JSON with line:column, and one that is not a report', async () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "schemaVersion": 1,\n  oops\n}\n');
    const broken = await runCli(['diff', 'broken.json', 'after.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^zhengban: 错误: broken\.json:3:3 {2}JSON 无效: /);
    writeFileSync(join(dir, 'other.json'), '{"hello": "world"}');
    const other = await runCli(['diff', 'other.json', 'after.json', '--locale', 'en'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(
      'zhengban: error: other.json is not a zhengban JSON report (missing schemaVersion)\n',
    );
    const missing = await runCli(['diff', 'gone.json', 'after.json'], { cwd: dir });
    expect(missing.stderr).toBe('zhengban: 错误: 文件不存在: gone.json\n');
  });

  it('needs both files', async () => {
    const result = await runCli(['diff', 'before.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("zhengban: 错误: 缺少参数 'after'");
  });
});
