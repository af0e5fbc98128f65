import type { ComplianceReport, Finding } from '@zhengban/core';
import {
  createReporterContext,
  csvReporter,
  csvTableWriters,
  jsonReporter,
  renderCsvTables,
  renderJson,
} from '@zhengban/reporters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reportSchema from '../schema/report.schema.json';
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

  it('splits the report at its findings however its own keys stand: merge data, unknown and array-index keys, __proto__', () => {
    const odd = JSON.parse(
      JSON.stringify({
        ...fixtureReport,
        mergeBasis: { policy: { metadata: { name: 'p' } }, units: [], waiverClock: 'x', seats: [] },
        extra: { note: 'a key the schema does not know' },
        '7': 'an array-index key, written first',
      }),
    );
    Object.defineProperty(odd, '__proto__', { value: { own: true }, enumerable: true });
    const whole = renderJson(odd);
    expect(whole.indexOf('"7"')).toBeLessThan(whole.indexOf('"schemaVersion"'));
    expect(whole.indexOf('"extra"')).toBeGreaterThan(whole.indexOf('"findings"'));
    expect(streamed(odd, [odd.findings.slice(0, 1), odd.findings.slice(1)])).toBe(whole);
  });

  it('keeps a unit named like the findings key from moving the split point', () => {
    const hostile = structuredClone(fixtureReport);
    hostile.units[0]!.unit = '\n  "findings": [';
    expect(streamed(hostile, [hostile.findings])).toBe(renderJson(hostile));
  });
});

describe('json reporter key order, written in one pass', () => {
  // The reference: copy the report with keys in schema order, then JSON.stringify the copy.
  type Node = {
    $ref?: string;
    properties?: Record<string, Node>;
    items?: Node;
    additionalProperties?: Node | boolean;
  };
  const root = reportSchema as unknown as Node & { definitions: Record<string, Node> };
  const resolve = (node: Node | undefined): Node | undefined =>
    node?.$ref ? resolve(root.definitions[node.$ref.replace('#/definitions/', '')]) : node;
  function ordered(value: unknown, node: Node | undefined): unknown {
    const schema = resolve(node);
    if (Array.isArray(value)) return value.map((item) => ordered(item, schema?.items));
    if (value === null || typeof value !== 'object') return value;
    const source = value as Record<string, unknown>;
    const known = schema?.properties ?? {};
    const open = typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined;
    const keys = [
      ...Object.keys(known).filter((key) => Object.hasOwn(source, key)),
      ...Object.keys(source)
        .filter((key) => !Object.hasOwn(known, key))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    ];
    const out: Record<string, unknown> = Object.create(null);
    for (const key of keys) {
      if (source[key] === undefined) continue;
      out[key] = ordered(source[key], Object.hasOwn(known, key) ? known[key] : open);
    }
    return out;
  }
  const reference = (report: unknown) => `${JSON.stringify(ordered(report, root), null, 2)}\n`;

  it('gives the bytes of JSON.stringify over a reordered copy, for the fixture report', () => {
    expect(renderJson(fixtureReport)).toBe(reference(fixtureReport));
  });

  it('does so for hostile keys and values anywhere in a report (property test)', () => {
    const key = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', '0', '1', '10', '01', '4294967295', 'zh', 'en', 'id', ''),
      fc.string({ maxLength: 6 }),
    );
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, tree, (extra, finding) => {
        const report = structuredClone(fixtureReport) as unknown as Record<string, unknown>;
        report.stats = extra as never;
        (report.findings as unknown[]).push(finding);
        (report.units as Array<Record<string, unknown>>)[0]!.extra = extra;
        expect(renderJson(report as unknown as ComplianceReport)).toBe(reference(report));
      }),
      { numRuns: 300 },
    );
  });
});

describe('csv reporter, streamed', () => {
  // The auditor's groups: each unit's own findings, each host's, then the fleet's and the
  // expired-waiver warnings, in report order.
  function auditorGroups(report: ComplianceReport): Finding[][] {
    const last = fixtureReport.findings.filter((f) => f.rule === 'waivers.expired' || !f.subject.unit);
    const keyed = new Map<string, Finding[]>();
    const unitIndex = new Map(report.units.map((u, i) => [u.unit, i]));
    for (const f of report.findings) {
      if (last.includes(f)) continue;
      const key = `${String(unitIndex.get(f.subject.unit!) ?? 999).padStart(4, '0')}\u0000${f.subject.unit}\u0000${f.subject.host ?? ''}`;
      keyed.set(key, [...(keyed.get(key) ?? []), f]);
    }
    const ordered = [...keyed.keys()].sort().map((key) => keyed.get(key)!);
    return [...ordered, last];
  }

  for (const table of ['findings', 'units', 'ledger'] as const) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`${table} (${locale}): the same bytes as render`, () => {
        const reporter = csvReporter({ table });
        const ctx = createReporterContext(fixtureReport, { locale });
        const writer = reporter.stream!({ ...fixtureReport, findings: [] }, ctx);
        const groups = auditorGroups(fixtureReport);
        expect(groups.flat()).toHaveLength(fixtureReport.findings.length);
        const text = writer.start() + groups.map((g) => writer.findings(g)).join('') + writer.end();
        expect(text).toBe(reporter.render(fixtureReport, ctx));
      });
    }
  }

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`every table into a folder (${locale}): the files renderCsvTables writes`, () => {
      const writers = csvTableWriters({ ...fixtureReport, findings: [] }, { locale });
      const groups = auditorGroups(fixtureReport);
      const files: Record<string, string> = {};
      for (const [name, writer] of Object.entries(writers))
        files[name] = writer.start() + groups.map((g) => writer.findings(g)).join('') + writer.end();
      expect(files).toEqual(renderCsvTables(fixtureReport, { locale }));
    });
  }
});
