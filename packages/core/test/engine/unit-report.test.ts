/**
 * One unit's own report, cut from the hand-built fleet of fleet.ts audited with `unitBreakdown`.
 * 卫健委 has 6 computers (W-01..W-06); its row of the statistics table becomes the totals (overall
 * 16/17, see fleet.test.ts), its 2 failures (W-03's WPS below the site licence, W-05 without
 * office) are its findings, and W-06's Foo Viewer (7-Zip is catalogued) its only unrecognised
 * software; J-04's cracked Photoshop belongs to 教育局. Its ledger lines: E-WPS-SITE (scoped to it),
 * E-OFF-19, E-SEP and E-WIN-ALL (county-wide, one seat each on W-04, two of E-WIN-ALL on W-04/W-05).
 */
import { type ComplianceReport, createAuditor, unitReport } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hosts, policy, units } from './fleet.js';

let whole: ComplianceReport;
let plain: ComplianceReport;

beforeAll(async () => {
  const audit = async (unitBreakdown: boolean) => {
    const auditor = createAuditor(policy, { units, unitBreakdown });
    for (const host of hosts) auditor.add(structuredClone(host));
    return auditor.finish();
  };
  whole = await audit(true);
  plain = await audit(false);
});

describe('unitReport', () => {
  it("holds only the unit's computers: its row as totals, its findings, its unrecognised software", () => {
    const report = unitReport(whole, '卫健委')!;
    const row = whole.units.find((u) => u.unit === '卫健委')!;
    expect(report.units).toEqual([row]);
    expect(report.totals.computers).toBe(6);
    expect(report.totals.rates.genuine.overall).toBeCloseTo(16 / 17, 12);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.subject.unit === '卫健委')).toBe(true);
    expect(
      report.findings.filter((f) => f.status === 'fail' && !f.waiver).map((f) => f.subject.host),
    ).toEqual(['W-03', 'W-05']);
    expect(report.unrecognised).toEqual([
      { name: 'Foo Viewer', publisher: 'Foo Ltd', versions: ['1.0'], hosts: 1, sampleHosts: ['W-06'] },
    ]);
    for (const entry of report.unrecognised) {
      expect(entry.sampleHosts.every((h) => h.startsWith('W-'))).toBe(true);
      expect(entry).not.toHaveProperty('units');
    }
    const everywhere = whole.unrecognised.flatMap((e) => e.units ?? []).filter((u) => u.unit === '卫健委');
    expect(report.unrecognised.reduce((n, e) => n + e.hosts, 0)).toBe(
      everywhere.reduce((n, u) => n + u.hosts, 0),
    );
    expect(report.mergeBasis).toBeUndefined();
  });

  it('the per-unit counts add up to the fleet-wide ones', () => {
    for (const entry of whole.unrecognised)
      expect(
        entry.units!.reduce((n, u) => n + u.hosts, 0),
        entry.name,
      ).toBe(entry.hosts);
    for (const position of whole.entitlements)
      expect(
        (position.units ?? []).reduce((n, u) => n + u.consumed, 0),
        position.id,
      ).toBe(position.consumed);
  });

  it('lists the ledger lines scoped to the unit or holding a seat on its computers', () => {
    const report = unitReport(whole, '卫健委')!;
    expect(report.entitlements.map((p) => p.id)).toEqual(['E-OFF-19', 'E-SEP', 'E-WIN-ALL', 'E-WPS-SITE']);
    for (const position of report.entitlements)
      expect(
        position.scope?.units?.includes('卫健委') || position.units?.some((u) => u.unit === '卫健委'),
      ).toBe(true);
    const elsewhere = whole.entitlements.filter(
      (p) => !p.scope?.units?.includes('卫健委') && !p.units?.some((u) => u.unit === '卫健委'),
    );
    expect(report.entitlements.length + elsewhere.length).toBe(whole.entitlements.length);
  });

  it('a report audited without the breakdown lists no unrecognised software for a unit, and says why', () => {
    expect(plain.unrecognised.length).toBeGreaterThan(0);
    const report = unitReport(plain, '卫健委')!;
    expect(report.unrecognised).toEqual([]);
    expect(report.problems.map((p) => p.code)).toContain('split.unrecognised-not-per-unit');
    expect(unitReport(plain, '没有这个单位')).toBeUndefined();
  });
});
