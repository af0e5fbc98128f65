/** The index of a report split by unit, as HTML and as a workbook with hyperlinked cells. */
import type { ComplianceReport } from '@zhengban/core';
import { renderSplitIndexHtml, renderSplitIndexXlsx, type SplitIndexEntry } from '@zhengban/reporters';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_UNIT } from './fixtures/report.js';

const unitOnly = (unit: string): ComplianceReport => {
  const row = fixtureReport.units.find((u) => u.unit === unit)!;
  const { unit: _u, parent: _p, ...totals } = row;
  return {
    ...fixtureReport,
    units: [row],
    totals,
    findings: fixtureReport.findings.filter((f) => f.subject.unit === unit),
  };
};
const entries: SplitIndexEntry[] = fixtureReport.units.map((row, i) => ({
  unit: row.unit,
  href: `单位 ${i}#/${row.unit === HOSTILE_UNIT ? 'x' : row.unit}.html`,
  report: unitOnly(row.unit),
}));

describe('split index', () => {
  it('html: every unit with computers, rate and open findings, links percent-encoded and names escaped', () => {
    const html = renderSplitIndexHtml(fixtureReport, entries, '全部单位.html', { locale: 'zh-CN' });
    for (const row of fixtureReport.units) expect(html).toContain(`<td class="num">${row.computers}</td>`);
    expect(html).toContain(`href="${encodeURIComponent('单位 0#')}/`);
    expect(html).not.toContain('<script>alert("unit")</script>');
    expect(html).toContain('<h1>各单位报告索引</h1>');
  });

  it('xlsx: a row per unit with a hyperlink to its report, and the whole-fleet link on top', async () => {
    const bytes = await renderSplitIndexXlsx(fixtureReport, entries, '全部单位.html', { locale: 'zh-CN' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).getCell(2).value as { hyperlink: string }).hyperlink).toBe(
      encodeURIComponent('全部单位.html'),
    );
    expect(sheet.getRow(2).getCell(1).value).toBe('单位');
    const names = fixtureReport.units.map((_, i) => sheet.getRow(i + 3).getCell(1).value);
    expect(names).toEqual(fixtureReport.units.map((u) => u.unit));
    const last = sheet.getRow(3).getCell(6).value as { text: string; hyperlink: string };
    expect(last.text).toBe(entries[0]!.href);
  });
});
