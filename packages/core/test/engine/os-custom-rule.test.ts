/**
 * A software rule on the operating system reports each host once (issue 24): a register lists
 * Windows among the programs (with its edition) and also as the computer's OS (here without one),
 * which gives two tuples; one product on one host is one subject for every rule.
 */
import { createAuditor, type HostInventory, type Policy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { policy as fleetPolicy, units } from './fleet.js';

const policy: Policy = {
  ...fleetPolicy,
  rules: [
    {
      id: 'every-windows',
      scope: 'software',
      outcome: { status: 'warn', severity: 'info' },
      conditions: { all: [{ fact: 'product', operator: 'equal', value: 'ms-windows' }] },
      message: { zh: '使用 Windows', en: 'runs Windows' },
    },
  ],
  waivers: [],
};

const at = (line: number) => ({ source: 'csv', file: 'inventory.csv', line });

/** A computer whose OS is read twice: as the OS (no edition) and as a program row (with one). */
function host(id: string, line: number): HostInventory {
  return {
    id,
    unit: '教育局',
    scanner: 'csv',
    os: { name: 'Microsoft Windows 7 专业版', id: 'windows', version: '6.1.7601', evidence: at(line) },
    software: [
      {
        name: 'Microsoft Windows 7 专业版',
        version: '6.1.7601',
        publisher: 'Microsoft Corporation',
        source: 'csv',
        attributes: { edition: 'Professional' },
        evidence: at(line + 1),
      },
    ],
  };
}

describe('a software rule on the OS', () => {
  it('gives one finding per host, with the evidence of both readings', async () => {
    const auditor = createAuditor(policy, { units, asOf: '2024-06-30' });
    auditor.add(host('J-91', 2));
    auditor.add(host('J-92', 4));
    const report = await auditor.finish();
    const findings = report.findings.filter((f) => f.rule === 'custom.every-windows');
    expect(findings.map((f) => f.subject.host)).toEqual(['J-91', 'J-92']);
    expect(findings[0]!.subject.product).toBe('ms-windows');
    expect(findings[0]!.evidence.map((e) => e.line).sort()).toEqual([2, 3]);
  });

  it('tells evidence from one row once when the OS and its program row come from it', async () => {
    const auditor = createAuditor(policy, { units, asOf: '2024-06-30' });
    const one = host('J-93', 7);
    one.software[0]!.evidence = at(7);
    auditor.add(one);
    const report = await auditor.finish();
    const finding = report.findings.find((f) => f.rule === 'custom.every-windows')!;
    expect(finding.evidence.map((e) => e.line)).toEqual([7]);
    expect(finding.trace?.filter((step) => step.step === 'evidence')).toHaveLength(1);
  });
});
