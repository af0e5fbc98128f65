import type { ComplianceReport, Finding } from '@zhengban/core';
import { jsonReporter, renderJson } from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

/** What the CLI writes when it streams: start, each group as it comes, end. */
function streamed(report: ComplianceReport, groups: Finding[][]): string {
  const writer = jsonReporter().stream!({ ...report, findings: [] }, undefined as never);
  return writer.start() + groups.map((group) => writer.findings(group)).join('') + writer.end();
}

function split(findings: Finding[], sizes: number[]): Finding[][] {
  const groups: Finding[][] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(findings.slice(at, at + size));
    at += size;
  }
  groups.push(findings.slice(at));
  return groups;
}

describe('json reporter, streamed', () => {
  it('writes the same bytes as render, whatever the grouping of the findings', () => {
    const whole = renderJson(fixtureReport);
    const findings = fixtureReport.findings;
    expect(findings.length).toBeGreaterThan(2);
    expect(streamed(fixtureReport, [findings])).toBe(whole);
    expect(streamed(fixtureReport, split(findings, [1, 0, 1]))).toBe(whole);
    expect(
      streamed(
        fixtureReport,
        findings.map((f) => [f]),
      ),
    ).toBe(whole);
  });

  it('writes an empty findings array as render does', () => {
    const empty = { ...fixtureReport, findings: [] };
    expect(streamed(empty, [])).toBe(renderJson(empty));
    expect(streamed(empty, [[], []])).toBe(renderJson(empty));
  });

  it('renders what is known only at the end (rules, stats) from the report as it is then', () => {
    const report: ComplianceReport = { ...fixtureReport, findings: [], stats: { customRuleRuns: 1 } };
    const writer = jsonReporter().stream!(report, undefined as never);
    const start = writer.start();
    const middle = writer.findings(fixtureReport.findings);
    report.stats = { customRuleRuns: 42 };
    const text = start + middle + writer.end();
    expect(JSON.parse(text).stats).toEqual({ customRuleRuns: 42 });
    expect(text).toBe(renderJson({ ...fixtureReport, stats: { customRuleRuns: 42 } }));
  });

  it('keeps a unit named like the findings key from moving the split point', () => {
    const hostile = structuredClone(fixtureReport);
    hostile.units[0]!.unit = '\n  "findings": [';
    expect(streamed(hostile, [hostile.findings])).toBe(renderJson(hostile));
  });
});
