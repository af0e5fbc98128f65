/**
 * `zhengban audit --since`: the second phase of the small fixture campaign. Phase 1 (as of
 * 2024-06-30, 15 remediation days) fails twice: BGS-02's unlicensed software and CZJ-02's Home
 * edition, both due 2024-07-15 (办公室's domestic share is a warning, never overdue). Phase 2 is the
 * same inventory as of 2024-08-01: both failures are still open past their deadline, so overdue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
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
