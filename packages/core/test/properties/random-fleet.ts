/**
 * fast-check arbitraries for the engine's property tests: small random fleets over the hand-built
 * policy of test/engine/fleet.ts (Windows OEM/volume/unit-scoped licences, Office retail and
 * version-limited licences, WPS unit and site licences, subscriptions not yet valid, freeware,
 * forbidden products, custom rules at every scope). Each host has at most one installation per
 * product, so "a seat is never consumed twice" can be checked per host and product.
 */
import {
  type ComplianceReport,
  createAuditor,
  type HostInventory,
  type InputSummary,
  type OsInfo,
  type SoftwareRecord,
  type Waiver,
} from '@zhengban/core';
import fc from 'fast-check';
import { AS_OF, policy, units } from '../engine/fleet.js';

export { AS_OF, policy, units };

const UNIT_NAMES = ['财政局', '教育局', '卫健委', '审计局'];

const OS_CHOICES: Array<OsInfo | undefined> = [
  {
    name: 'Microsoft Windows 10 专业版',
    id: 'windows',
    version: '10.0.19045',
    edition: 'Professional',
    attributes: { licenseStatus: 'licensed' },
  },
  {
    name: 'Microsoft Windows 10 专业版',
    id: 'windows',
    version: '10.0.19045',
    edition: 'Professional',
    attributes: { licenseStatus: 'licensed', kmsHost: 'kms.loli.beer', channel: 'VOLUME_KMSCLIENT' },
  },
  {
    name: 'Microsoft Windows 10 家庭中文版',
    id: 'windows',
    version: '10.0.19045',
    edition: 'CoreCountrySpecific',
    attributes: { licenseStatus: 'licensed' },
  },
  { name: 'Microsoft Windows 7 专业版', id: 'windows', version: '6.1.7601', edition: 'Professional' },
  { name: 'Kylin', id: 'kylin', version: 'V10' },
  undefined,
];

/** Per product family, the installations a host may have (at most one of each family). */
const FAMILIES: SoftwareRecord[][] = [
  [
    { name: 'WPS Office (11.1.0.11664)', version: '11.1.0.11664', publisher: 'Kingsoft Corp.' },
    { name: 'WPS Office (12.1.0.16417)', version: '12.1.0.16417', publisher: 'Kingsoft Corp.' },
    { name: 'wps-office', version: '12.1.0.16417', publisher: 'Kingsoft Corp.' },
  ],
  [
    {
      name: 'Microsoft Office Professional Plus 2019',
      version: '16.0.10827.20181',
      publisher: 'Microsoft Corporation',
    },
    {
      name: 'Microsoft Office Professional Plus 2016',
      version: '16.0.4266.1001',
      publisher: 'Microsoft Corporation',
    },
  ],
  [{ name: '火绒安全软件', version: '5.0.73.3', publisher: '北京火绒网络科技有限公司' }],
  [
    { name: 'Symantec Endpoint Protection', version: '14.3.558.0000', publisher: 'Broadcom' },
    { name: 'Symantec Endpoint Protection', version: '12.1.671.4971', publisher: 'Broadcom' },
  ],
  [{ name: 'KMSpico', version: '10.2.0' }],
  [{ name: '7-Zip 23.01 (x64)', version: '23.01', publisher: 'Igor Pavlov' }],
  [{ name: 'WinRAR 6.00 (64-bit)', version: '6.00.0', publisher: 'win.rar GmbH' }],
  [{ name: 'Photoshop crack', version: '1.0' }],
  [{ name: 'Foo Viewer', version: '1.0', publisher: 'Foo Ltd' }],
].map((family) => family.map((record) => ({ ...record, source: 'memory', evidence: { source: 'memory' } })));

const hostArbitrary = (id: string): fc.Arbitrary<HostInventory> =>
  fc
    .record({
      unit: fc.option(fc.constantFrom(...UNIT_NAMES), { nil: undefined, freq: 6 }),
      os: fc.constantFrom(...OS_CHOICES),
      picks: fc.tuple(...FAMILIES.map((family) => fc.option(fc.constantFrom(...family), { nil: undefined }))),
    })
    .map(({ unit, os, picks }) => {
      const host: HostInventory = {
        id,
        scanner: 'memory',
        software: picks.filter((record): record is SoftwareRecord => record !== undefined),
      };
      if (unit) host.unit = unit;
      if (os) host.os = { ...os, evidence: { source: 'memory' } };
      return host;
    });

/** 0–12 hosts with distinct ids (`F-01`, `J-03`, … so OEM and waiver scopes sometimes apply). */
export const fleetArbitrary: fc.Arbitrary<HostInventory[]> = fc
  .uniqueArray(
    fc.constantFrom(
      'F-01',
      'F-02',
      'J-01',
      'J-03',
      'W-01',
      'W-04',
      'X-01',
      'X-02',
      'X-03',
      'X-04',
      'X-05',
      'X-06',
    ),
    { maxLength: 12 },
  )
  .chain((ids) => (ids.length === 0 ? fc.constant([]) : fc.tuple(...ids.map(hostArbitrary))));

/** A waiver of any built-in rule family, for some hosts or units, valid on the audit date. */
export const waiverArbitrary: fc.Arbitrary<Waiver> = fc.record({
  id: fc.constant('waiver-prop'),
  rule: fc.constantFrom(
    'licensing',
    'licensing.unlicensed',
    'requirements',
    'requirements.missing',
    'forbidden',
    'unauthorised',
    'preferences.domestic',
    'custom',
  ),
  hosts: fc.subarray(['F-01', 'J-01', 'J-03', 'X-01', 'X-02']),
  units: fc.subarray(UNIT_NAMES),
  justification: fc.constant('property test'),
  expires: fc.constant('2030-12-31'),
});

function summary(label: string, hosts: readonly HostInventory[]): InputSummary {
  const records = hosts.reduce((sum, host) => sum + host.software.length, 0);
  return {
    source: label,
    scanner: 'memory',
    hosts: hosts.length,
    read: records,
    accepted: records,
    rejected: 0,
    ignored: 0,
  };
}

/** One audit over input shards (label → hosts), with the fleet's units; extra waivers appended. */
export async function auditShards(
  shards: Array<[string, HostInventory[]]>,
  waivers: Waiver[] = [],
  options: { hostRulesOnly?: boolean } = {},
): Promise<ComplianceReport> {
  // mergeReports re-judges software and host rules but not unit or fleet custom rules (it says so
  // with a `merge.custom-scope` warning), so the merge property runs without those.
  const rules = options.hostRulesOnly
    ? policy.rules.filter((rule) => rule.scope === 'software' || rule.scope === 'host')
    : policy.rules;
  const auditor = createAuditor(
    { ...policy, rules, waivers: [...policy.waivers, ...waivers] },
    { units, asOf: AS_OF, mergeable: true },
  );
  for (const [label, hosts] of shards) {
    for (const host of hosts) auditor.add(structuredClone(host));
    auditor.addInput(summary(label, hosts), []);
  }
  return auditor.finish();
}

/** The report as compared between runs: without `generatedAt` and the engine counters. */
export function comparable(report: ComplianceReport): unknown {
  const { generatedAt: _when, stats: _stats, ...rest } = report;
  return rest;
}
