/**
 * Identifiers from inventories are data, never object keys with a special meaning: computers named
 * `__proto__` or `constructor` in units named `toString` / `__proto__` are counted like any other,
 * and no prototype is touched.
 */
import { createAuditor, type HostInventory } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { AS_OF, policy } from './random-fleet.js';

const wps = {
  name: 'WPS Office (12.1.0.16417)',
  version: '12.1.0.16417',
  publisher: 'Kingsoft Corp.',
  source: 'memory',
  evidence: { source: 'memory' },
};
const kylin = { name: 'Kylin', id: 'kylin', version: 'V10' };

describe('hostile identifiers in the engine', () => {
  it('counts computers named __proto__ / constructor in units named __proto__ / toString', async () => {
    const hosts: HostInventory[] = [
      { id: '__proto__', unit: '__proto__', os: kylin, scanner: 'memory', software: [wps] },
      { id: 'constructor', unit: 'toString', os: kylin, scanner: 'memory', software: [wps] },
      { id: 'hasOwnProperty', unit: 'toString', scanner: 'memory', software: [] },
    ];
    const auditor = createAuditor(policy, {
      asOf: AS_OF,
      units: [
        { name: '__proto__', staff: 1 },
        { name: 'toString', staff: 2 },
      ],
    });
    for (const host of hosts) auditor.add(host);
    const report = await auditor.finish();
    expect(
      report.units.map((unit) => [
        unit.unit,
        unit.staff,
        unit.computers,
        unit.classes.os?.installed,
        unit.classes.office?.installed,
      ]),
    ).toEqual([
      ['__proto__', 1, 1, 1, 1],
      ['toString', 2, 2, 1, 1],
    ]);
    expect(report.totals.computers).toBe(3);
    const missingOs = report.findings
      .filter((finding) => finding.rule === 'requirements.missing.os')
      .map((finding) => finding.subject.host);
    expect(missingOs).toEqual(['hasOwnProperty']);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).computers).toBeUndefined();
  });
});
