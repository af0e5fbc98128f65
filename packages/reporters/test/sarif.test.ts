/**
 * The SARIF output is validated against the official SARIF 2.1.0 JSON Schema (sarif-2.1.0-rtm.5),
 * vendored in fixtures/ from the npm package @microsoft/jest-sarif (MIT). It is a draft-04
 * schema; Ajv 8 speaks draft-07, so the test renames its top-level `id` to `$id` and drops
 * `$schema` in memory — the keywords it uses mean the same in both drafts. Its `language` pattern
 * has a stray `]` that only non-unicode regular expressions accept, hence `unicodeRegExp: false`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createReporterContext, renderSarif } from '@zhengban/reporters';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

const officialSchema = JSON.parse(
  readFileSync(fileURLToPath(new URL('./fixtures/sarif-2.1.0.schema.json', import.meta.url)), 'utf8'),
);
const { $schema: _draft04, id, ...rest } = officialSchema;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile({ $id: id, ...rest });

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  suppressions?: unknown[];
  partialFingerprints: Record<string, string>;
}

const sarif = JSON.parse(renderSarif(fixtureReport, createReporterContext(fixtureReport)));
const run = sarif.runs[0];
const resultFor = (findingId: string) =>
  run.results.find((result: SarifResult) => result.partialFingerprints['zhengbanFindingId/v1'] === findingId);

describe('sarif reporter', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const valid = validateSarif(sarif);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the vendored schema really validates: a result with a bad level is rejected', () => {
    const broken = structuredClone(sarif);
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  it('has one rule per rule id with descriptions and results pointing at them', () => {
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(
      fixtureReport.rules.map((rule) => rule.id),
    );
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.tool.driver.rules[0].fullDescription.text).toBe(
      '商业软件的每次安装都要有授权覆盖 / Every commercial installation must be covered by an entitlement',
    );
    expect(run.results).toHaveLength(13);
  });

  it('maps status and severity to kind and level', () => {
    expect(resultFor('f-cz-003-kmspico')).toMatchObject({ kind: 'fail', level: 'error' });
    expect(resultFor('f-cz-002-edition')).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(resultFor('f-jy-domestic-os')).toMatchObject({ kind: 'fail', level: 'note' });
    expect(resultFor('f-jy-003-version')).toMatchObject({
      kind: 'fail',
      level: 'warning',
      properties: { status: 'error' },
    });
    expect(resultFor('f-jy-001-os-pass')).toMatchObject({ kind: 'pass', level: 'none' });
    expect(resultFor('f-jy-001-activation')).toMatchObject({ kind: 'notApplicable', level: 'none' });
  });

  it('suppresses waived findings with the justification, and only those', () => {
    expect(resultFor('f-cz-001-activation').suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: '新购设备，待统一激活（批准人：张三；工单：ZB-12；有效期至 2024-09-30）',
      },
    ]);
    expect(run.results.filter((result: SarifResult) => result.suppressions)).toHaveLength(1);
  });

  it('points at the input file and line, percent-encoded, and names unit/host/product', () => {
    expect(resultFor('f-jy-002-office').locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'reg/JY-002.txt' }, region: { startLine: 88 } },
      logicalLocations: [{ fullyQualifiedName: '教育局/JY-002/ms-office-2019', kind: 'resource' }],
    });
    expect(resultFor('f-cz-002-edition').locations[0].physicalLocation.artifactLocation.uri).toBe(
      'inventory/%E8%B4%A2%E6%94%BF%E5%B1%80.csv',
    );
    expect(resultFor('f-cz-004-av').locations).toEqual([
      { logicalLocations: [{ fullyQualifiedName: '财政局/CZ-004', kind: 'resource' }] },
    ]);
  });

  it('never turns evidence into a URI with a scheme (javascript:, data:): a relative path keeps its colons encoded', () => {
    const report = structuredClone(fixtureReport);
    const finding = report.findings.find((f) => f.id === 'f-jy-002-office')!;
    finding.evidence = [{ source: 'csv', file: 'javascript:alert(1)//x.csv', line: 1 }];
    const sarif = JSON.parse(renderSarif(report, createReporterContext(report)));
    const uris: string[] = sarif.runs[0].results.flatMap(
      (r: { locations?: { physicalLocation?: { artifactLocation: { uri: string } } }[] }) =>
        (r.locations ?? []).flatMap((l) =>
          l.physicalLocation ? [l.physicalLocation.artifactLocation.uri] : [],
        ),
    );
    expect(uris).toContain('javascript%3Aalert(1)//x.csv');
    for (const uri of uris) expect(uri).not.toMatch(/^(?!file:)[A-Za-z][A-Za-z0-9+.-]*:/);
  });

  it('reports input problems as tool notifications', () => {
    const notifications = run.invocations[0].toolExecutionNotifications;
    expect(notifications).toHaveLength(4);
    expect(notifications[0]).toMatchObject({
      level: 'error',
      message: { text: '第 17 行有 5 列，表头有 7 列 (csv.column-count)' },
      locations: [{ physicalLocation: { region: { startLine: 17 } } }],
    });
  });
});
