/**
 * Campaign dates over the hand-built fleet of fleet.ts (as of 2024-06-30, 15 remediation days, so
 * every failure of the first audit has the deadline 2024-07-15).
 *
 * Phase 2 is audited as of 2024-07-20 `--since` phase 1: two of its failures were put right in
 * between (F-06's Home edition replaced by Windows 10 Pro; KMSpico removed from F-08), and one new
 * computer X-01 arrived with a Home edition. Every failure that was open in phase 1 and is still
 * open keeps its first-seen date (2024-06-30) and its deadline (2024-07-15 < 2024-07-20): overdue.
 * X-01's failure is first seen on 2024-07-20, deadline 2024-08-04: not overdue.
 */
import {
  type ComplianceReport,
  createAuditor,
  effectiveStatus,
  type Finding,
  findingHistory,
  type HostInventory,
  type Policy,
} from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hosts, policy, units } from './fleet.js';

async function run(
  fleet: HostInventory[],
  options: { policy?: Policy; asOf?: string; since?: ComplianceReport } = {},
): Promise<ComplianceReport> {
  const auditor = createAuditor(options.policy ?? policy, {
    units,
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.since ? { since: findingHistory(options.since) } : {}),
  });
  for (const host of fleet) auditor.add(structuredClone(host));
  return auditor.finish();
}

const failing = (report: ComplianceReport) => report.findings.filter((f) => effectiveStatus(f) === 'fail');
const byHost = (report: ComplianceReport, host: string, rule: string): Finding | undefined =>
  report.findings.find((f) => f.subject.host === host && f.rule === rule);

const withPolicySettings = (settings: Partial<Policy['settings']>): Policy => ({
  ...policy,
  settings: { ...policy.settings, ...settings },
});

describe('audit --since: first-seen dates and deadlines carry over, overdue is counted', () => {
  let phase1: ComplianceReport;
  let phase2: ComplianceReport;
  beforeAll(async () => {
    phase1 = await run(hosts);
    const f06 = hosts.find((h) => h.id === 'F-06')!;
    const f08 = hosts.find((h) => h.id === 'F-08')!;
    const x01: HostInventory = { ...structuredClone(f06), id: 'X-01' };
    const fixed = hosts.map((h) => {
      if (h === f06)
        return { ...h, os: { ...h.os!, name: 'Microsoft Windows 10 专业版', edition: 'Professional' } };
      if (h === f08) return { ...h, software: h.software.filter((r) => !r.name.startsWith('KMSpico')) };
      return h;
    });
    phase2 = await run([...fixed, x01], { asOf: '2024-07-20', since: phase1 });
  });

  it('phase 1 alone speaks of no campaign: no first-seen dates, nothing overdue, no campaign section', () => {
    expect(phase1.campaign).toBeUndefined();
    expect(phase1.findings.some((f) => f.firstSeen || f.overdue)).toBe(false);
    expect(new Set(failing(phase1).map((f) => f.deadline))).toEqual(new Set(['2024-07-15']));
  });

  it('a failure still open keeps its first-seen date and deadline, and is overdue', () => {
    const stillOpen = failing(phase2).filter((f) => findingHistory(phase1).failures.has(f.id));
    expect(stillOpen.length).toBeGreaterThan(0);
    for (const finding of stillOpen)
      expect(finding).toMatchObject({ firstSeen: '2024-06-30', deadline: '2024-07-15', overdue: true });
    // F-04's rogue KMS host was not put right.
    expect(byHost(phase2, 'F-04', 'requirements.activation')).toMatchObject({ overdue: true });
  });

  it('a failure first seen now gets a new deadline and is not overdue; a fixed one is gone', () => {
    const x01 = phase2.findings.filter((f) => f.subject.host === 'X-01' && effectiveStatus(f) === 'fail');
    expect(x01.length).toBeGreaterThan(0);
    for (const finding of x01) {
      expect(finding.deadline).toBe('2024-08-04');
      expect(finding.firstSeen).toBeUndefined();
      expect(finding.overdue).toBeUndefined();
    }
    expect(
      phase2.findings.some(
        (f) => f.subject.host === 'F-08' && f.subject.software?.name?.startsWith('KMSpico'),
      ),
    ).toBe(false);
  });

  it('counts overdue findings per unit in the statistics order, and says what it carried', () => {
    const overdue = phase2.findings.filter((f) => f.overdue);
    const perUnit = (unit: string) => overdue.filter((f) => (f.subject.unit ?? '') === unit).length;
    expect(phase2.campaign).toMatchObject({
      since: { asOf: '2024-06-30', carried: overdue.length },
      overdue: overdue.length,
    });
    expect(phase2.campaign!.units).toEqual(
      phase2.units.map((row) => ({ unit: row.unit, overdue: perUnit(row.unit) })),
    );
    // Phase 1 fails 17 times: 财政局 12 (the unit's custom.low-os-genuine; F-04 activation; F-05
    // unlicensed Windows and no antivirus; F-06 licensing.edition, requirements.edition and
    // unlicensed WPS; F-07 unlicensed WPS; F-08 KMSpico, expired Office, unlicensed Windows and its
    // activation), 教育局 3 (J-04 cracked Photoshop and Windows 7 out of range; J-07 no antivirus),
    // 卫健委 2 (W-03 WPS below the site licence; W-05 no office). Phase 2 put right F-06's two
    // edition failures and F-08's KMSpico: 17 − 3 = 14 overdue, 9 of them in 财政局.
    expect(failing(phase1)).toHaveLength(17);
    expect(overdue).toHaveLength(14);
    expect(perUnit('财政局')).toBe(9);
    expect(perUnit('教育局')).toBe(3);
    expect(perUnit('卫健委')).toBe(2);
  });
});

describe('settings.deadline caps every deadline', () => {
  it('a campaign deadline before asOf + remediation days becomes the deadline', async () => {
    const report = await run(hosts, { policy: withPolicySettings({ deadline: '2024-07-10' }) });
    expect(new Set(failing(report).map((f) => f.deadline))).toEqual(new Set(['2024-07-10']));
    expect(report.campaign).toMatchObject({ deadline: '2024-07-10', overdue: 0 });
  });

  it('a campaign deadline already past makes every open failure overdue; waived ones are not', async () => {
    const report = await run(hosts, { policy: withPolicySettings({ deadline: '2024-06-01' }) });
    const open = failing(report);
    expect(open.every((f) => f.overdue === true && f.deadline === '2024-06-01')).toBe(true);
    expect(report.campaign!.overdue).toBe(open.length);
    expect(report.findings.filter((f) => f.waiver && f.overdue)).toEqual([]);
  });
});
