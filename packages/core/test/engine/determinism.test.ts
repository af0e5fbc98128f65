/**
 * The same inventory gives the same report whatever order hosts arrive in, and whether a computer
 * comes in one inventory or split over several (two scanners, non-contiguous CSV rows).
 */
import { type ComplianceReport, createAuditor, type HostInventory } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { hosts, policy, units } from './fleet.js';
import { buildPolicy, entitlement, glob, product } from './policy-builder.js';

async function run(list: HostInventory[]): Promise<ComplianceReport> {
  const auditor = createAuditor(policy, { units });
  for (const h of list) auditor.add(h);
  const { generatedAt: _ignored, ...rest } = await auditor.finish();
  return rest as ComplianceReport;
}

/** A seeded shuffle (mulberry32), so a failure can be replayed. */
function shuffle<T>(list: T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('order independence', () => {
  it('gives an identical report (minus generatedAt) for shuffled host orders', async () => {
    const reference = JSON.stringify(await run(hosts));
    for (const seed of [1, 7, 42]) expect(JSON.stringify(await run(shuffle(hosts, seed)))).toBe(reference);
  });

  it('gives an identical report when each host is split over two inventories', async () => {
    const reference = JSON.stringify(await run(hosts));
    // First half of each host's records (and its OS) from one scanner, the rest from another, later.
    const first = hosts.map((h) => ({ ...h, software: h.software.slice(0, 1) }));
    const second = hosts.map((h) => {
      const { os: _os, ...rest } = h;
      return { ...rest, scanner: 'windows', software: h.software.slice(1) };
    });
    const split = await run(shuffle([...second, ...first], 3));
    // Only the arrival counter tells the two apart: 42 inventories instead of 21.
    expect(split.stats?.hostArrivals).toBe(42);
    split.stats!.hostArrivals = 21;
    expect(JSON.stringify(split)).toBe(reference);
  });
});

describe('one product on one host counts once', () => {
  const policy2 = buildPolicy({
    catalog: {
      products: [product({ id: 'wps', category: 'office', match: [{ name: [glob('WPS Office*')] }] })],
    },
    entitlements: [entitlement({ id: 'E1', product: 'wps', seats: 1 })],
    requirements: { classes: ['office'] },
    settings: { asOf: '2024-06-30' },
  });
  const record = (line: number, key: string, version?: string) => ({
    name: 'WPS Office',
    ...(version ? { version } : {}),
    source: 'windows:reg-export',
    evidence: { source: 'windows:reg-export', file: 'pc1.reg', line, key },
  });

  it('merges the GUID key, the named key, the 32-bit view and a second scanner into one seat', async () => {
    const auditor = createAuditor(policy2);
    auditor.add({
      id: 'PC1',
      unit: 'A',
      scanner: 'windows',
      software: [
        record(10, 'HKLM\\…\\{GUID}', '12.1.0.1'),
        record(40, 'HKLM\\…\\Kingsoft Office', '12.1.0.1'),
      ],
    });
    auditor.add({ id: 'PC2', unit: 'A', scanner: 'csv', software: [] });
    auditor.add({
      id: 'PC1',
      unit: 'A',
      scanner: 'csv',
      software: [record(90, 'WOW6432Node\\…\\{GUID}'), record(3, 'csv row', '12.1.0.1')],
    });
    const report = await auditor.finish();
    // One installation on PC1 (the version-less twin folds into the 12.1.0.1 one) takes E1's one seat.
    expect(report.entitlements[0]).toMatchObject({
      id: 'E1',
      consumed: 1,
      surplus: 0,
      shortfall: 0,
      hosts: ['PC1'],
    });
    expect(report.totals.computers).toBe(2);
    expect(report.units[0]!.classes.office).toEqual({ installed: 1, genuine: 1, domestic: 0, missing: 1 });
    expect(report.findings.map((f) => [f.subject.host, f.rule])).toEqual([
      ['PC2', 'requirements.missing.office'],
    ]);
    expect(report.stats?.installations).toBe(1);
    expect(report.stats?.hostArrivals).toBe(3);
  });

  it('counts two different versions on one host as two installations (two seats)', async () => {
    const auditor = createAuditor(policy2);
    auditor.add({
      id: 'PC1',
      unit: 'A',
      scanner: 'windows',
      software: [record(1, 'k1', '11.1.0.1'), record(2, 'k2', '12.1.0.1')],
    });
    const report = await auditor.finish();
    expect(report.entitlements[0]).toMatchObject({ consumed: 1, shortfall: 1 });
    const unlicensed = report.findings.filter((f) => f.rule === 'licensing.unlicensed');
    expect(unlicensed.map((f) => f.subject.software?.version)).toEqual(['12.1.0.1']);
  });
});
