/** `zhengban audit --plan`: the rectification plan in the report, written after the streamed findings. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES as cwd, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

describe('zhengban audit --plan', () => {
  it('puts the plan into a streamed JSON report and every failing licensing finding into one item', async () => {
    const out = join(scratch(), 'plan.json');
    const result = await runCli([...SMALL_AUDIT, '--plan', '--report', `json:${out}`, '--quiet'], { cwd });
    expect(result.stderr).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as ComplianceReport;
    const plan = report.plan!;
    expect(plan.items.length).toBeGreaterThan(0);
    const failingLicensing = report.findings
      .filter((f) => f.rule.startsWith('licensing.') && f.status === 'fail' && !f.waiver)
      .map((f) => f.id)
      .sort();
    const answered = plan.items.flatMap((item) => item.findings);
    for (const id of failingLicensing) expect(answered.filter((a) => a === id)).toHaveLength(1);
    expect(plan.items.reduce((sum, item) => sum + (item.cost ?? 0), 0)).toBe(plan.totals.cost);
  });
});
