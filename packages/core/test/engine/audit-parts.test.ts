/**
 * Two audits in one process (a server, a test run) share nothing they word: each has its own
 * shared parts (engine/audit-parts.ts), so a step or text made under one policy is never handed
 * to a report made under another, even when both run at once.
 */
import { type ComplianceReport, createAuditor, type Finding, type Policy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { policy as fleetPolicy, hosts, units } from './fleet.js';

function withRule(remediation: string, message: string): Policy {
  return {
    ...fleetPolicy,
    rules: [
      {
        id: 'every-windows',
        scope: 'software',
        outcome: { status: 'warn', severity: 'info' },
        conditions: { all: [{ fact: 'product', operator: 'equal', value: 'ms-windows' }] },
        message: { zh: message, en: message },
        remediation: { zh: remediation, en: remediation },
      },
    ],
  };
}

/** Both audits finish before either report's findings are read: their streams interleave. */
async function twoAudits(a: Policy, b: Policy): Promise<[ComplianceReport, ComplianceReport]> {
  const streams = [];
  for (const policy of [a, b]) {
    const auditor = createAuditor(policy, { units });
    for (const h of hosts) auditor.add(h);
    streams.push(await auditor.finishStream());
  }
  const iterators = streams.map((s) => s.findings[Symbol.asyncIterator]());
  const done = [false, false];
  while (!done[0] || !done[1]) {
    for (const i of [0, 1]) {
      if (done[i]) continue;
      const next = await iterators[i]!.next();
      if (next.done) done[i] = true;
      else streams[i]!.report.findings.push(...next.value);
    }
  }
  return [streams[0]!.report, streams[1]!.report];
}

/** The trace steps worded from what a policy and its fleet hold: rule ids, entitlements, recognitions. */
function policySteps(findings: readonly Finding[]): Set<object> {
  const steps = new Set<object>();
  for (const f of findings)
    for (const step of f.trace ?? [])
      if (step.step === 'entitlement' || step.step === 'recognition' || step.detail === f.rule)
        steps.add(step);
  return steps;
}

describe('two audits in one process', () => {
  it('word each report from its own policy: the custom rule’s message and remediation are its own', async () => {
    const [a, b] = await twoAudits(withRule('升级 A', 'Windows A'), withRule('升级 B', 'Windows B'));
    const custom = (report: ComplianceReport) =>
      report.findings.filter((f) => f.rule === 'custom.every-windows');
    expect(custom(a).length).toBeGreaterThan(0);
    expect(custom(b).length).toBe(custom(a).length);
    expect(new Set(custom(a).map((f) => `${f.message.zh} ${f.remediation?.zh}`))).toEqual(
      new Set(['Windows A 升级 A']),
    );
    expect(new Set(custom(b).map((f) => `${f.message.zh} ${f.remediation?.zh}`))).toEqual(
      new Set(['Windows B 升级 B']),
    );
  });

  it('hand no shared step of one report to the other, though both word the same findings', async () => {
    const [a, b] = await twoAudits(withRule('升级', 'Windows'), withRule('升级', 'Windows'));
    const fromA = policySteps(a.findings);
    const fromB = policySteps(b.findings);
    expect(fromA.size).toBeGreaterThan(0);
    expect(b.findings.map((f) => f.id)).toEqual(a.findings.map((f) => f.id));
    expect([...fromB].filter((step) => fromA.has(step))).toEqual([]);
    // Within one report the parts are still shared: findings of one rule hold one rule step.
    const unlicensed = b.findings.filter((f) => f.rule === 'licensing.unlicensed');
    expect(unlicensed.length).toBeGreaterThan(1);
    expect(new Set(unlicensed.map((f) => f.trace!.find((s) => s.detail === f.rule))).size).toBe(1);
  });
});
