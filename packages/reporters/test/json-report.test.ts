import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ComplianceReport } from '@zhengban/core';
import { renderJson } from '@zhengban/reporters';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_SOFTWARE } from './fixtures/report.js';

const schemaPath = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function errorsOf(report: unknown): string[] {
  return validate(report)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** The same report with every object's keys in reverse insertion order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, inner]) => [key, reversedKeys(inner)]),
  );
}

describe('published JSON Schema (schema/report.schema.json)', () => {
  it('accepts the fixture report and the json reporter output read back', () => {
    expect(errorsOf(fixtureReport)).toEqual([]);
    expect(errorsOf(JSON.parse(renderJson(fixtureReport)))).toEqual([]);
  });

  it('accepts a policy warning worded in both locales (the policy linter), and keeps its text', () => {
    const report = structuredClone(fixtureReport);
    report.problems.unshift({
      file: 'policy.yaml',
      line: 37,
      column: 22,
      message:
        'The unit name "县公安局 " starts or ends with a space, so it equals no unit; did you mean "县公安局"?',
      text: {
        zh: '单位“县公安局 ”首尾有空格，与任何单位都不会相同；是否想写“县公安局”？',
        en: 'The unit name "县公安局 " starts or ends with a space, so it equals no unit; did you mean "县公安局"?',
      },
      severity: 'warning',
      code: 'policy.name-space',
      source: 'policy',
    });
    const written = JSON.parse(renderJson(report));
    expect(errorsOf(written)).toEqual([]);
    expect(written.problems[0].text.zh).toBe(
      '单位“县公安局 ”首尾有空格，与任何单位都不会相同；是否想写“县公安局”？',
    );
  });

  it('rejects a report with a missing count, a bad rate and an unknown finding status, naming the path', () => {
    const broken = structuredClone(fixtureReport);
    delete (broken.totals as Partial<typeof broken.totals>).computers;
    broken.units[0]!.rates.genuine.os = 1.5;
    (broken.findings[0] as { status: string }).status = 'waived';
    expect(errorsOf(broken)).toEqual([
      "/totals must have required property 'computers'",
      '/units/0/rates/genuine/os must be <= 1',
      '/findings/0/status must be equal to one of the allowed values',
    ]);
  });
});

describe('json reporter', () => {
  it('writes keys in schema order whatever order the report object has', () => {
    const text = renderJson(fixtureReport);
    expect(renderJson(reversedKeys(fixtureReport) as ComplianceReport)).toBe(text);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'tool',
      'policy',
      'asOf',
      'generatedAt',
      'inputs',
      'totals',
      'units',
      'entitlements',
      'findings',
      'unrecognised',
      'problems',
      'rules',
      'classes',
      'stats',
    ]);
    expect(Object.keys(parsed.findings[0])).toEqual([
      'id',
      'rule',
      'status',
      'severity',
      'subject',
      'message',
      'remediation',
      'evidence',
      'deadline',
    ]);
    // Open maps (class names, rate keys) in code point order.
    expect(Object.keys(parsed.units[0].rates.genuine)).toEqual(['antivirus', 'office', 'os', 'overall']);
    expect(parsed.schemaVersion).toBe(1);
  });

  it('round-trips every string, lone surrogate and control characters included, as valid UTF-8 JSON', () => {
    const text = renderJson(fixtureReport);
    expect(text).toContain('\\ud800');
    expect(text).toContain('\\u0007\\u001b[31m');
    // No raw lone surrogate in the text: encoding to UTF-8 and back changes nothing.
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
    const parsed = JSON.parse(text) as ComplianceReport;
    expect(
      parsed.findings.find((finding) => finding.id === 'f-xx-01-unauthorised')?.subject.software?.name,
    ).toBe(HOSTILE_SOFTWARE);
    expect(parsed).toEqual(fixtureReport);
  });

  it('keeps the engine’s mergeBasis (needed to merge reports) and the schema accepts it', () => {
    const report = {
      ...structuredClone(fixtureReport),
      mergeBasis: { waiverClock: '2024-06-30T00:00:00Z', seats: [], units: [], policy: {} },
    };
    const parsed = JSON.parse(renderJson(report as unknown as ComplianceReport));
    expect(Object.keys(parsed).at(-1)).toBe('mergeBasis');
    expect(Object.keys(parsed.mergeBasis)).toEqual(['policy', 'seats', 'units', 'waiverClock']);
    expect(errorsOf(parsed)).toEqual([]);
  });

  it('writes every string as JSON.stringify does: quotes, backslashes, control characters, lone surrogates', () => {
    const names = [
      'say "hi"',
      'C:\\Tools',
      'tab\there\u0000',
      'lone \ud800 half',
      'pair 😀',
      'line\u2028sep',
      '正版\u007f',
    ];
    const report = structuredClone(fixtureReport);
    report.findings = names.map((name, i) => ({
      ...report.findings[0]!,
      id: `id-${i}`,
      subject: { software: { name } },
    }));
    const text = renderJson(report);
    for (const name of names) expect(text).toContain(`"name": ${JSON.stringify(name)}`);
    // A lone surrogate is written as an escape and read back as the same code unit.
    const read = (JSON.parse(text) as ComplianceReport).findings.map((f) => f.subject.software?.name);
    expect(read).toEqual(names);
  });

  it('writes a frozen value shared by many findings as JSON.stringify does, at every depth it appears', () => {
    const report = structuredClone(fixtureReport);
    const remediation = Object.freeze({ en: 'Uninstall "it"', zh: '卸载' });
    const step = Object.freeze({ step: 'rule' as const, detail: 'licensing.unlicensed' });
    report.findings = [0, 1, 2].map((i) => ({
      ...report.findings[0]!,
      id: `id-${i}`,
      remediation,
      trace: [step, { step: 'evidence' as const, detail: `line ${i}` }],
    }));
    // The same frozen text at another depth: an entitlement's evidence.
    report.entitlements[0]!.evidence = remediation as unknown as Record<string, string>;
    const text = renderJson(report);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    const parsed = JSON.parse(text) as ComplianceReport;
    expect(parsed.findings.map((f) => f.remediation)).toEqual([remediation, remediation, remediation]);
    expect(parsed.findings.map((f) => f.trace?.[0])).toEqual([step, step, step]);
  });

  it('writes a frozen value again when something inside it can still change', () => {
    const report = structuredClone(fixtureReport);
    const software = { name: 'WinRAR' };
    const subject = Object.freeze({ host: 'PC-1', software });
    report.findings = [{ ...report.findings[0]!, subject }];
    expect(renderJson(report)).toContain('"name": "WinRAR"');
    software.name = 'WinRAR 7';
    expect(renderJson(report)).toContain('"name": "WinRAR 7"');
  });

  it('keeps a `__proto__` key from input as data, without touching any prototype', () => {
    const report = structuredClone(fixtureReport);
    report.entitlements[0]!.evidence = JSON.parse('{"__proto__": {"polluted": "yes"}, "合同号": "CG-1"}');
    const parsed = JSON.parse(renderJson(report));
    expect(Object.keys(parsed.entitlements[0].evidence)).toEqual(['__proto__', '合同号']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
