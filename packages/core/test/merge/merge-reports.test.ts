/**
 * mergeReports over audits of disjoint host sets equals one audit over all of them. The fleet is the
 * benchmark's generated province (scripts/bench), split in two shards by unit so that every Office
 * pool shared by two cities, and every unscoped seat-limited licence, straddles the split.
 */
import {
  type ComplianceReport,
  createAuditor,
  type HostInventory,
  type InputSummary,
  mergeReports,
  type Policy,
  parsePolicy,
  type UnitInfo,
} from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFleet, type FleetHost, fleetHosts } from '../../../../scripts/bench/fleet.mjs';
import { fleetPolicy } from '../../../../scripts/bench/fleet-policy.mjs';

const SEED = 7;
const HOSTS = 400;

function inventory(host: FleetHost): HostInventory {
  const file = `fleet-s${SEED}.csv`;
  return {
    id: host.id,
    unit: host.unit.name,
    os: { name: host.os.name, version: host.os.version, edition: host.os.edition, id: host.os.id },
    scanner: 'bench',
    software: host.records.map((r, i) => {
      const attributes: Record<string, string | boolean> = {};
      if (r.edition) attributes.edition = r.edition;
      if (r.licenseStatus) attributes.licenseStatus = r.licenseStatus;
      if (r.channel) attributes.channel = r.channel;
      if (r.kmsHost) attributes.kmsHost = r.kmsHost;
      return {
        name: r.name,
        ...(r.version ? { version: r.version } : {}),
        ...(r.publisher ? { publisher: r.publisher } : {}),
        ...(r.installDate ? { installDate: r.installDate } : {}),
        source: 'bench',
        evidence: { source: 'bench', file, line: host.index * 1000 + i + 2 },
        ...(Object.keys(attributes).length ? { attributes } : {}),
      };
    }),
  };
}

function summary(label: string, hosts: HostInventory[]): InputSummary {
  const records = hosts.reduce((n, h) => n + h.software.length, 0);
  return {
    source: label,
    scanner: 'bench',
    hosts: hosts.length,
    read: records,
    accepted: records,
    rejected: 0,
    ignored: 0,
  };
}

async function auditOf(
  policy: Policy,
  units: UnitInfo[],
  shards: Array<[string, HostInventory[]]>,
  mergeable = true,
): Promise<ComplianceReport> {
  const auditor = createAuditor(policy, { units, mergeable });
  for (const [label, hosts] of shards) {
    for (const host of hosts) auditor.add(host);
    auditor.addInput(summary(label, hosts), []);
  }
  return auditor.finish();
}

/** The report as compared: without `generatedAt` and the informational engine counters. */
function comparable(report: ComplianceReport): Omit<ComplianceReport, 'generatedAt' | 'stats'> {
  const { generatedAt: _when, stats: _stats, ...rest } = report;
  return rest;
}

describe('mergeReports over a generated province split by unit', () => {
  let shardA: HostInventory[];
  let shardB: HostInventory[];
  let single: ComplianceReport;
  let merged: ComplianceReport;
  let reportA: ComplianceReport;
  let reportB: ComplianceReport;

  beforeAll(async () => {
    const fleet = createFleet(SEED, HOSTS);
    const cities = [...new Set(fleet.units.map((u) => u.city))];
    const inA = (host: FleetHost) => cities.indexOf(host.unit.city) % 2 === 0;
    const hosts = [...fleetHosts(fleet)];
    shardA = hosts.filter(inA).map(inventory);
    shardB = hosts.filter((h) => !inA(h)).map(inventory);
    const policy = parsePolicy(fleetPolicy(fleet, { rules: 4 }), {
      filename: 'bench-policy.yaml',
      resolvers: [builtinResolver],
    });
    const units: UnitInfo[] = fleet.units.map((u) => ({ name: u.name, staff: u.staff, parent: u.parent }));
    reportA = await auditOf(policy, units, [['bench:shard-a', shardA]]);
    reportB = await auditOf(policy, units, [['bench:shard-b', shardB]]);
    single = await auditOf(policy, units, [
      ['bench:shard-a', shardA],
      ['bench:shard-b', shardB],
    ]);
    merged = mergeReports(reportA, reportB);
  }, 120_000);

  it('splits the fleet so that shared seat pools straddle the shards and run short', () => {
    expect(shardA.length).toBeGreaterThan(50);
    expect(shardB.length).toBeGreaterThan(50);
    const pools = single.entitlements.filter((e) => e.id.startsWith('ENT-OFFICE-POOL-'));
    expect(pools.length).toBeGreaterThan(0);
    // The case a naive merge gets wrong: each shard alone fits in the pool, together they do not.
    const straddling = single.entitlements.filter((e) => {
      const a = reportA.entitlements.find((x) => x.id === e.id)!;
      const b = reportB.entitlements.find((x) => x.id === e.id)!;
      return a.consumed > 0 && b.consumed > 0 && e.shortfall > a.shortfall + b.shortfall;
    });
    expect(straddling.map((e) => e.id)).not.toEqual([]);
  });

  it('gives the same report as one audit of all hosts (minus generatedAt and engine counters)', () => {
    expect(
      merged.mergeBasis,
      'the auditor must fill report.mergeBasis (docs/performance.md#scale-out)',
    ).toBeDefined();
    expect(comparable(merged)).toEqual(comparable(single));
  });

  it('gives the same totals, rates and licence position as the single audit', () => {
    expect(merged.totals).toEqual(single.totals);
    expect(merged.units.map((u) => [u.unit, u.rates])).toEqual(single.units.map((u) => [u.unit, u.rates]));
    expect(merged.entitlements).toEqual(single.entitlements);
    expect(merged.findings.length).toBe(single.findings.length);
    expect(merged.stats?.hosts).toBe(HOSTS);
    expect(merged.stats?.shards).toBe(2);
    // The recognition share of the merged report is the single audit's (counted per computer).
    for (const counter of ['softwareRecognised', 'softwareUnrecognised', 'softwareSystemComponents'])
      expect(merged.stats?.[counter], counter).toBe(single.stats?.[counter]);
  });

  it('does not depend on the order the reports are given in (up to inputs order)', () => {
    const reversed = mergeReports(reportB, reportA);
    expect({ ...comparable(reversed), inputs: [] }).toEqual({ ...comparable(merged), inputs: [] });
  });

  it('refuses reports that share a host, naming it', () => {
    expect(() => mergeReports(reportA, reportA)).toThrow(/host \S+ is in report 1 and report 2/);
  });

  it('writes merge data only when asked (mergeable), and refuses a report without it by name', async () => {
    const policy = parsePolicy(fleetPolicy(createFleet(SEED, HOSTS), { rules: 4 }), {
      filename: 'bench-policy.yaml',
      resolvers: [builtinResolver],
    });
    const plain = await auditOf(policy, [], [['bench:shard-b', shardB]], false);
    expect(plain.mergeBasis).toBeUndefined();
    expect(() => mergeReports(reportA, plain)).toThrow(
      'report 2 (bench:shard-b) has no mergeBasis (the seat demands merging needs); audit it again with `zhengban audit --mergeable` (createAuditor(policy, { mergeable: true }))',
    );
  });
});
