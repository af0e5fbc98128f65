/**
 * finishStream(): the findings a province cannot hold at once come out one group at a time — a
 * unit's own findings, each host's, then the fleet's — and together they are exactly finish()'s.
 */
import { type ComplianceReport, createAuditor, type Finding, type StreamedReport } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hosts, policy, units } from './fleet.js';

function audited() {
  const auditor = createAuditor(policy, { units, now: () => new Date(2024, 6, 1) });
  for (const host of hosts) auditor.add(host);
  return auditor;
}

let whole: ComplianceReport;
let streamed: StreamedReport;
let groups: Finding[][];

beforeAll(async () => {
  whole = await audited().finish();
  streamed = await audited().finishStream();
  groups = [];
  for await (const group of streamed.findings) groups.push(group);
});

const scrub = (report: ComplianceReport) => ({ ...report, generatedAt: undefined });

describe('auditor.finishStream()', () => {
  it('yields the findings of finish(), in the same order', () => {
    expect(whole.findings.length).toBeGreaterThan(20);
    expect(groups.flat()).toEqual(whole.findings);
  });

  it('completes the report as finish() does once every group is read', () => {
    expect(scrub({ ...streamed.report, findings: groups.flat() })).toEqual(scrub(whole));
  });

  it('gives one group per unit or host, expired-waiver and fleet findings last', () => {
    const last = groups.at(-1)!;
    expect(last.map((f) => f.rule).sort()).toEqual(['custom.fleet-unauthorised', 'waivers.expired']);
    const subjects = groups.slice(0, -1).map((group) => {
      const keys = new Set(group.map((f) => `${f.subject.unit}/${f.subject.host ?? ''}`));
      expect(keys.size, JSON.stringify([...keys])).toBe(1);
      return [...keys][0];
    });
    expect(new Set(subjects).size).toBe(subjects.length);
    // A unit's own group comes before its hosts'.
    expect(subjects.indexOf('教育局/')).toBeLessThan(subjects.indexOf('教育局/J-02'));
  });

  it('leaves report.findings empty and completes report.rules after the last group', async () => {
    const { report, findings } = await audited().finishStream();
    const iterator = findings[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual(groups[0]);
    // The report's rule list is completed from the findings seen, at the end.
    expect(report.findings).toEqual([]);
    while (!(await iterator.next()).done);
    expect(report.rules).toEqual(whole.rules);
  });

  it('may be called once, and not after finish()', async () => {
    const auditor = audited();
    await auditor.finishStream();
    await expect(auditor.finish()).rejects.toThrow(/once/);
  });
});
