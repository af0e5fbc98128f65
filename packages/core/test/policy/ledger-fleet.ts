/**
 * Four computers in three units for the ledger tests (test/fixtures/ledger/): each test works out by
 * hand what the ledger's entitlements cover on them.
 */
import { createAuditor, type HostInventory, type Policy } from '@zhengban/core';

const os = (edition: string) => ({
  name: `Microsoft Windows 10 ${edition}`,
  version: '10.0.19045',
  id: 'windows',
  edition,
});
const program = (name: string, version: string) => ({
  name,
  version,
  source: 'test',
  evidence: { source: 'test' },
});

/** Four computers; the position each entitlement takes over them is worked out in the test. */
export const FLEET: HostInventory[] = [
  {
    id: 'PC-001',
    unit: '财政局',
    scanner: 'test',
    os: os('Professional'),
    software: [program('WPS Office', '11.1.0'), program('火绒安全软件', '5.0')],
  },
  {
    id: 'PC-002',
    unit: '教育局',
    scanner: 'test',
    os: os('Home'),
    software: [program('WPS Office', '11.1.0'), program('火绒安全软件', '5.0')],
  },
  {
    id: 'PC-003',
    unit: '卫健委',
    scanner: 'test',
    os: os('Professional'),
    software: [
      program('Microsoft Office Professional Plus 2016', '16.0.4266'),
      program('火绒安全软件', '5.0'),
    ],
  },
  {
    id: 'PC-004',
    unit: '财政局',
    scanner: 'test',
    os: os('Enterprise'),
    software: [program('WPS Office', '12.1.0')],
  },
];

export async function positionOf(policy: Policy) {
  const auditor = createAuditor(policy);
  for (const host of FLEET) auditor.add(host);
  const report = await auditor.finish();
  return { positions: report.entitlements, problems: report.problems, report };
}
