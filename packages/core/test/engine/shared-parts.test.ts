/**
 * Findings share their common parts (a remediation, a software spelling, a recognition or rule
 * step) instead of copying them per finding; the shared parts are frozen, so changing one
 * finding can never change another.
 */
import { createAuditor, type Finding } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { hosts, policy, units } from './fleet.js';

async function fleetFindings(): Promise<Finding[]> {
  const auditor = createAuditor(policy, { units });
  for (const h of hosts) auditor.add(h);
  return (await auditor.finish()).findings;
}

describe('parts shared among findings', () => {
  it('are frozen: a reporter that tries to edit one finding’s remediation or step cannot reach the others', async () => {
    const unlicensed = (await fleetFindings()).filter((f) => f.rule === 'licensing.unlicensed');
    expect(unlicensed.length).toBeGreaterThan(1);
    const [first, second] = unlicensed as [Finding, Finding];
    expect(first.remediation).toBe(second.remediation);
    expect(() => {
      first.remediation!.zh = '改了';
    }).toThrow(TypeError);
    expect(second.remediation!.zh).toBe('购买或调配许可并登记台账，或卸载该软件');
    const ruleStep = first.trace!.find((s) => s.step === 'rule')!;
    expect(() => {
      ruleStep.detail = 'edited';
    }).toThrow(TypeError);
    expect(second.trace!.find((s) => s.step === 'rule')!.detail).toBe('licensing.unlicensed');
  });

  it('leave each finding its own trace list: a waiver step added to one is not on the others', async () => {
    const unlicensed = (await fleetFindings()).filter((f) => f.rule === 'licensing.unlicensed');
    const [first, second] = unlicensed as [Finding, Finding];
    const before = second.trace!.length;
    first.trace!.push({ step: 'waiver', detail: 'added by a plugin' });
    expect(second.trace!.length).toBe(before);
  });

  it('give findings about one installation kind on different hosts the same recognition step', async () => {
    const findings = await fleetFindings();
    const byKind = new Map<string, Finding[]>();
    for (const f of findings.filter((f) => f.rule === 'licensing.unlicensed')) {
      const key = `${f.subject.product}\u0000${f.subject.software?.name}\u0000${f.subject.software?.version}`;
      byKind.set(key, [...(byKind.get(key) ?? []), f]);
    }
    const shared = [...byKind.values()].find((list) => new Set(list.map((f) => f.subject.host)).size > 1);
    expect(shared).toBeDefined();
    const steps = shared!.map((f) => f.trace!.find((s) => s.step === 'recognition'));
    expect(new Set(steps).size).toBe(1);
    expect(Object.isFrozen(steps[0])).toBe(true);
  });
});
