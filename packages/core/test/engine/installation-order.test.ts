/**
 * Judging puts each computer's installations in key order once reading is done; what the records
 * said about an installation (its evidence lines, its activation facts) must stay with it.
 */
import { createAuditor, type HostInventory, type SoftwareRecord } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { policy, units } from './fleet.js';

const record = (name: string, version: string, line: number, attributes?: SoftwareRecord['attributes']) => {
  const r: SoftwareRecord = {
    name,
    version,
    publisher: name.startsWith('WinRAR') ? 'win.rar GmbH' : 'Microsoft Corporation',
    source: 'csv',
    evidence: { source: 'csv', file: 'inventory.csv', line },
  };
  if (attributes) r.attributes = attributes;
  return r;
};

describe('installations read in another order than their keys', () => {
  it('keep their own evidence lines and activation facts', async () => {
    // Read WinRAR first, then Microsoft Office: in key order Microsoft Office comes first.
    const host: HostInventory = {
      id: 'J-99',
      unit: '教育局',
      scanner: 'csv',
      os: {
        name: 'Kylin',
        id: 'kylin',
        version: 'V10',
        evidence: { source: 'csv', file: 'inventory.csv', line: 2 },
      },
      software: [
        record('WinRAR 6.00 (64-bit)', '6.00.0', 3),
        record('Microsoft Office Standard 2016', '16.0.4266.1001', 4, { licenseStatus: 'notification' }),
        record('WinRAR 6.00 (64-bit)', '6.00.0', 5),
      ],
    };
    const auditor = createAuditor(policy, { units });
    auditor.add(host);
    const findings = (await auditor.finish()).findings.filter((f) => f.subject.host === 'J-99');
    const activation = findings.filter((f) => f.rule === 'requirements.activation');
    expect(activation.map((f) => f.subject.software?.name)).toEqual(['Microsoft Office Standard 2016']);
    expect(activation[0]!.evidence.map((e) => e.line)).toEqual([4]);
    const winrar = findings.filter((f) => f.subject.product === 'winrar');
    expect(winrar.length).toBeGreaterThan(0);
    for (const f of winrar) expect(f.evidence.map((e) => e.line)).toEqual([3, 5]);
  });
});
