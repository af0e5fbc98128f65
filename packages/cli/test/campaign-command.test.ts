/**
 * `zhengban audit --since`: the second phase of the small fixture campaign. Phase 1 (as of
 * 2024-06-30, 15 remediation days) fails twice: BGS-02's unlicensed software and CZJ-02's Home
 * edition, both due 2024-07-15 (办公室's domestic share is a warning, never overdue). Phase 2 is the
 * same inventory as of 2024-08-01: both failures are still open past their deadline, so overdue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffReports, type ReportDiff } from '@zhengban/cli';
import type { ComplianceReport } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ComplianceReport;

describe('zhengban audit --since', () => {
  it('carries first-seen dates and deadlines, flags what is overdue and counts it per unit', async () => {
    const dir = scratch();
    const phase1 = join(dir, 'phase1.json');
    const phase2 = join(dir, 'phase2.json');
    expect((await runCli([...SMALL_AUDIT, '--report', `json:${phase1}`, '--quiet'], { cwd })).code).toBe(1);
    const result = await runCli(
      [
        ...SMALL_AUDIT,
        '--as-of',
        '2024-08-01',
        '--since',
        phase1,
        '--report',
        `json:${phase2}`,
        '--report',
        'console',
      ],
      { cwd },
    );
    expect(result.code).toBe(1);
    const report = readJson(phase2);
    expect(
      report.findings.filter((f) => f.overdue).map((f) => [f.rule, f.subject.host, f.firstSeen, f.deadline]),
    ).toEqual([
      ['licensing.unlicensed', 'BGS-02', '2024-06-30', '2024-07-15'],
      ['requirements.edition', 'CZJ-02', '2024-06-30', '2024-07-15'],
    ]);
    expect(report.campaign).toEqual({
      since: { asOf: '2024-06-30', carried: 2 },
      overdue: 2,
      units: [
        { unit: '办公室', overdue: 1 },
        { unit: '财政局', overdue: 1 },
        { unit: '档案局', overdue: 0 },
      ],
    });
    expect(result.stdout).toContain('逾期未整改问题 2 项');
    expect(result.stdout).toContain('已逾期（首次发现于 2024-06-30）');
  });

  it('refuses an earlier report that is as of a later date than this audit (exit 2)', async () => {
    const dir = scratch();
    const later = join(dir, 'later.json');
    await runCli([...SMALL_AUDIT, '--as-of', '2024-09-01', '--report', `json:${later}`, '--quiet'], { cwd });
    const result = await runCli([...SMALL_AUDIT, '--since', later], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('截至 2024-09-01，晚于本次检查的截至日期 2024-06-30');
  });
});

describe('zhengban diff: ranking and the bulletin lists', () => {
  // Phase 1: the small fixture. Phase 2 (after.csv, as of 2024-08-01 --since phase 1): BGS-02's
  // Office replaced by WPS and CZJ-02's Home edition upgraded (both fixed), a new computer BGS-03
  // with KMSpico (new, not overdue). Phase 2b: the same inventory as phase 1, as of 2024-08-01:
  // both failures overdue.
  let dir = '';
  const paths = () => ({
    phase1: join(dir, 'p1.json'),
    phase2: join(dir, 'p2.json'),
    stale: join(dir, 'p2b.json'),
  });
  beforeAll(async () => {
    dir = scratch('zhengban-bulletin-');
    const { phase1, phase2, stale } = paths();
    await runCli([...SMALL_AUDIT, '--report', `json:${phase1}`, '--quiet'], { cwd });
    const afterInputs = ['--input', 'csv:inventory/after.csv'];
    const base = [
      'audit',
      '--policy',
      'policies/small.yaml',
      '--units',
      'inventory/units.csv',
      '--as-of',
      '2024-08-01',
    ];
    await runCli([...base, ...afterInputs, '--since', phase1, '--report', `json:${phase2}`, '--quiet'], {
      cwd,
    });
    await runCli(
      [...SMALL_AUDIT, '--as-of', '2024-08-01', '--since', phase1, '--report', `json:${stale}`, '--quiet'],
      {
        cwd,
      },
    );
  }, 60_000);

  it('ranks units by genuine rate, change, open findings; praises the unit at 100 % with nothing open', async () => {
    const { phase1, phase2 } = paths();
    const result = await runCli(['diff', phase1, phase2, '--format', 'json'], { cwd: dir });
    const diff = JSON.parse(result.stdout) as ReportDiff;
    // 财政局 and 办公室 both go 83.33 % → 100 % (+16.67); 财政局 has nothing open, 办公室 BGS-03's
    // KMSpico: 财政局 first. 档案局 has no computers: last, on neither list.
    expect(diff.ranking.map((row) => [row.rank, row.unit, row.outstanding, row.fixed, row.new])).toEqual([
      [1, '财政局', 0, 1, 0],
      [2, '办公室', 1, 2, 1],
      [3, '档案局', 0, 0, 0],
    ]);
    expect(diff.bulletin.praise.map((entry) => entry.unit)).toEqual(['财政局']);
    expect(diff.bulletin.criticise).toEqual([]);
    const text = await runCli(['diff', phase1, phase2], { cwd: dir });
    expect(text.stdout).toContain(
      '通报表扬 (1)\n  财政局：总体正版率 100.00%（不低于 100.00%）；未整改问题 0 项（不超过 0 项）；无逾期问题',
    );
  });

  it('criticises units with overdue findings and says so in every format', async () => {
    const { phase1, stale } = paths();
    const json = JSON.parse(
      (await runCli(['diff', phase1, stale, '--format', 'json'], { cwd: dir })).stdout,
    ) as ReportDiff;
    expect(json.after.overdueFindings).toBe(2);
    // Both at 83.33 %, unchanged; 财政局 has 1 finding open, 办公室 2 (its domestic share too): 财政局 ranks first.
    expect(json.bulletin.criticise).toEqual([
      { unit: '财政局', reasons: [{ kind: 'overdue', value: 1, threshold: 1 }] },
      { unit: '办公室', reasons: [{ kind: 'overdue', value: 1, threshold: 1 }] },
    ]);
    const console = (await runCli(['diff', phase1, stale], { cwd: dir })).stdout;
    expect(console).toContain('逾期未整改 0 → 2 项');
    expect(console).toContain('通报批评 (2)\n  财政局：逾期未整改问题 1 项\n  办公室：逾期未整改问题 1 项');
    const markdown = (
      await runCli(['diff', phase1, stale, '--format', 'markdown', '--locale', 'en'], { cwd: dir })
    ).stdout;
    expect(markdown).toContain('## Criticism (通报批评) (2)\n\n- 财政局: 1 overdue finding(s)');
  });

  it('uses the thresholds the later report carries, and criticises a genuine rate that fell', () => {
    const { phase1, phase2 } = paths();
    const before = readJson(phase2);
    const after = structuredClone(readJson(phase1));
    after.campaign = {
      overdue: 0,
      units: [],
      bulletin: {
        praise: { genuineRate: 0.8, outstanding: 1 },
        criticise: { overdue: 1, rateFell: true, genuineRateBelow: 0.9 },
      },
    };
    // Backwards (phase 2 → phase 1): both units fall 100 % → 83.33 % (≥ 80 %, < 90 %). 财政局 has 1
    // finding open (≤ 1) and would be praised by these thresholds, but a unit criticised is not praised.
    const backwards = diffReports(before, after, { before: 'p2', after: 'p1' });
    expect(backwards.bulletin.praise).toEqual([]);
    // Forwards with the same thresholds carried by phase 1 → the same report: 83.33 % ≥ 80 %, no fall,
    // but below 90 %: criticised for the low rate only.
    const still = diffReports(after, after, { before: 'p1', after: 'p1' });
    expect(still.bulletin.criticise.map((entry) => [entry.unit, entry.reasons.map((r) => r.kind)])).toEqual([
      ['财政局', ['rateBelow']],
      ['办公室', ['rateBelow']],
    ]);
    const diff = backwards;
    expect(diff.bulletin.criticise.map((entry) => [entry.unit, entry.reasons.map((r) => r.kind)])).toEqual([
      ['财政局', ['rateFell', 'rateBelow']],
      ['办公室', ['rateFell', 'rateBelow']],
    ]);
  });
});
