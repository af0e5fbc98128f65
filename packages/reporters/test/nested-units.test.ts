/**
 * Nested units in the statistics table (docs/semantics.md#units): each subordinate unit indented one
 * full-width space per level under its parent, the parent's subtotal right after the last unit under
 * it, and the totals as the report gives them (every person and computer once).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ComplianceReport, UnitStats } from '@zhengban/core';
import { buildTable, createReporterContext, renderJson, renderMarkdown } from '@zhengban/reporters';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

// 财政局 (4 computers, 25 staff) with 教育局 (3 computers, 18 staff) under it; 档案馆 at the top.
const [finance, education, , archive] = fixtureReport.units as [UnitStats, UnitStats, UnitStats, UnitStats];
const nested: ComplianceReport = {
  ...fixtureReport,
  units: [
    {
      ...finance,
      subtotal: {
        units: 2,
        staff: 25,
        computers: 7,
        classes: {
          os: { installed: 7, genuine: 6, domestic: 1, missing: 0 },
          office: { installed: 7, genuine: 5, domestic: 5, missing: 0 },
          antivirus: { installed: 6, genuine: 6, domestic: 6, missing: 1 },
        },
        rates: {
          genuine: { os: 6 / 7, office: 5 / 7, antivirus: 1, overall: 17 / 20 },
          domestic: { os: 1 / 7, office: 5 / 7, antivirus: 1 },
        },
        unauthorised: 1,
      },
    },
    { ...education, parent: '财政局', level: 1 },
    archive,
  ],
};

describe('nested units in the statistics table', () => {
  it('indents subordinates and puts the parent subtotal after the last of them (zh-CN)', () => {
    const table = buildTable('units', nested, 'zh-CN');
    const cells = table.rows.map((row) => [row[0]!.value, row[3]!.value, row.at(-1)!.value]);
    expect(cells).toEqual([
      ['财政局（本级）', 4, 1],
      ['\u3000教育局', 3, 0],
      ['财政局 小计', 7, 1],
      ['档案馆', 0, 0],
      ['合计', fixtureReport.totals.computers, fixtureReport.totals.unauthorised],
    ]);
    expect(table.columns.at(-1)).toBe('未授权安装（套）');
  });

  it('shows the subtotal in the long form too (en)', () => {
    const md = renderMarkdown(nested, createReporterContext(nested, { locale: 'en' }));
    expect(md).toContain('财政局 subtotal');
    // The parent's own row is its own computers, not the department: the label says so.
    expect(md).toContain('财政局 (own)');
    expect(md).toContain('Unauthorised installations');
  });

  it('is valid under the published JSON Schema and keeps level and subtotal in the json output', () => {
    const schema = JSON.parse(
      readFileSync(fileURLToPath(new URL('../schema/report.schema.json', import.meta.url)), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const written = JSON.parse(renderJson(nested)) as ComplianceReport;
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect(written.units[1]!.level).toBe(1);
    expect(written.units[0]!.subtotal).toMatchObject({ units: 2, computers: 7 });
  });
});
