/**
 * A campaign report (audited `--since` an earlier phase): every format says which findings are
 * overdue, when they were first seen, and how many are overdue per unit and in all.
 */
import type { ComplianceReport } from '@zhengban/core';
import { createReporterContext, getReporter, renderCsvTables } from '@zhengban/reporters';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

// The first failing finding of the fixture becomes overdue (first seen in the phase as of 2024-05-01).
const failing = fixtureReport.findings.findIndex((f) => f.status === 'fail' && f.deadline && !f.waiver);
const overdueFinding = {
  ...fixtureReport.findings[failing]!,
  firstSeen: '2024-05-01',
  deadline: '2024-05-31',
  overdue: true as const,
};
const overdueUnit = overdueFinding.subject.unit!;
const report: ComplianceReport = {
  ...fixtureReport,
  findings: fixtureReport.findings.map((f, i) => (i === failing ? overdueFinding : f)),
  campaign: {
    since: { asOf: '2024-05-01', carried: 4 },
    deadline: '2024-12-31',
    overdue: 1,
    units: fixtureReport.units.map((row) => ({ unit: row.unit, overdue: row.unit === overdueUnit ? 1 : 0 })),
  },
};

async function render(format: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const out = await getReporter(format)!.render(report, createReporterContext(report, { locale }));
  return out;
}

describe('overdue findings in every format', () => {
  it('csv: the statistics table counts overdue per unit and in total; the findings table marks them', () => {
    const files = renderCsvTables(report, { locale: 'zh-CN' });
    const stats = files['统计表.csv']!.split('\r\n');
    expect(stats[0]!.endsWith(',逾期问题')).toBe(true);
    const unitLine = stats.find((line) => line.startsWith(`${overdueUnit},`))!;
    expect(unitLine.endsWith(',1')).toBe(true);
    expect(stats.find((line) => line.startsWith('合计'))!.endsWith(',1')).toBe(true);
    const findings = files['问题清单.csv']!.split('\r\n');
    const header = findings[0]!.replace('\uFEFF', '').split(',');
    expect(header.slice(header.indexOf('整改期限'), header.indexOf('整改期限') + 3)).toEqual([
      '整改期限',
      '首次发现',
      '是否逾期',
    ]);
    expect(findings.filter((line) => line.includes(',2024-05-31,2024-05-01,逾期,'))).toHaveLength(1);
  });

  it('without a campaign, no overdue column appears (reports of earlier versions read the same)', () => {
    const files = renderCsvTables(fixtureReport, { locale: 'zh-CN' });
    expect(files['统计表.csv']).not.toContain('逾期');
    expect(files['问题清单.csv']).not.toContain('首次发现');
  });

  it('console, markdown and html say how many are overdue, where dates came from, and mark the finding', async () => {
    const console = String(await render('console'));
    expect(console).toContain('逾期未整改问题 1 项');
    expect(console).toContain('沿用 2024-05-01 报告中 4 项未整改问题的首次发现日期和整改期限');
    expect(console).toContain('整改总截止日期 2024-12-31');
    expect(console).toContain('限 2024-05-31 前整改 已逾期（首次发现于 2024-05-01）');
    const markdown = String(await render('markdown', 'en'));
    expect(markdown).toContain('1 overdue finding(s)');
    expect(markdown).toMatch(/\| First seen \| Overdue \|/);
    const html = String(await render('html'));
    expect(html).toContain('<p class="overdue">逾期未整改问题 1 项');
    expect(html).toContain('2024-05-31<br><small>已逾期（首次发现于 2024-05-01）</small>');
  });

  it('xlsx: the statistics sheet has the overdue column, the findings sheet the first-seen date', async () => {
    const bytes = (await render('xlsx')) as Uint8Array;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const values = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getSheetValues()
        .map((row) =>
          Array.isArray(row)
            ? row.slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
            : [],
        );
    const statistics = values(book.getWorksheet('统计表')!);
    expect(statistics.some((row) => row.includes('逾期问题'))).toBe(true);
    const findings = values(book.getWorksheet('问题清单')!);
    expect(findings.some((row) => row.includes('逾期') && row.includes('2024-05-01'))).toBe(true);
  });
});
