/**
 * xlsx (exceljs): first the statistics form people sign (统计表, xlsx/statistics-form-sheet.ts), then
 * 问题清单, 授权台账, 采购统计, 采购计划 and 经费预算 (with a plan, xlsx-plan-sheets.ts), 明细表
 * (with details, xlsx-details-sheet.ts), 未识别软件,
 * 数据输入 and 输入问题 so rejected rows travel with the spreadsheet, and last 统计数据, the
 * statistics as one flat row per unit for sorting and filtering. Text is always written as a string cell (never a
 * formula) and a leading `=`, `+`, `-`, `@`, tab or CR is still prefixed with `'` in case the
 * sheet is re-saved as csv. Rates are numbers with a `0.00%` format; headers are bold and frozen.
 *
 * Written with exceljs's streaming writer and inline strings: rows are released as they are
 * committed, where the in-memory workbook holds an object per cell of every sheet until the end,
 * and no shared-strings table has to be built over the whole workbook first.
 */
import type { ComplianceReport, Reporter, ReporterContext } from '@zhengban/core';
import type ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv-reporter.js';
import { displayWidth } from './display-width.js';
import { xmlSafeText } from './escaping.js';
import { t } from './messages.js';
import { renderSteps } from './render-steps.js';
import { statisticsForm } from './statistics-form.js';
import { buildTable, type Cell, type Table, type TableId } from './tables.js';
import { addStatisticsFormSheet } from './xlsx/statistics-form-sheet.js';
import { streamedWorkbook } from './xlsx/streamed-workbook.js';
import { addDetailsSheet } from './xlsx-details-sheet.js';
import { addPlanSheets } from './xlsx-plan-sheets.js';

/** The sheets after the form, in order. */
const SHEETS: readonly TableId[] = [
  'findings',
  'ledger',
  'purchases',
  'unrecognised',
  'inputs',
  'problems',
  'units',
];
const MIN_COLUMN_WIDTH = 8;
const MAX_COLUMN_WIDTH = 60;
/** Column widths are fitted to the header and this many rows (widths are written before rows). */
const WIDTH_SAMPLE_ROWS = 500;
/** Excel refuses cell text longer than this. */
const MAX_CELL_TEXT = 32_767;

export function safeText(value: string): string {
  // xmlSafeText: U+FFFE and the other characters XML forbids would make the sheet not well-formed.
  const clean = xmlSafeText(value).replace(/\u007F/g, '\uFFFD');
  return neutraliseFormula(clean).slice(0, MAX_CELL_TEXT);
}

function cellValue(cell: Cell, nullRate: string): string | number | null {
  switch (cell.kind) {
    case 'text':
      return safeText(cell.value);
    case 'count':
      return cell.value ?? null;
    case 'rate':
      return cell.value ?? nullRate;
    case 'date':
      return cell.value ?? null;
  }
}

function columnWidths(table: Table, nullRate: string): number[] {
  const sample = table.rows.slice(0, WIDTH_SAMPLE_ROWS);
  return table.columns.map((header, index) => {
    const widths = [header, ...sample.map((row) => String(cellValue(row[index]!, nullRate) ?? ''))].map(
      (text) => displayWidth(text.split('\n')[0] ?? ''),
    );
    return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, ...widths) + 2);
  });
}

/** Sheet names may not contain []:*?/\ and are at most 31 characters. */
function sheetName(title: string): string {
  return xmlSafeText(title, '')
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31);
}

/** Every cell of a column wraps at the column's width, top-aligned so a wrapped row reads down. */
const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };

async function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: Table,
  nullRate: string,
  step: () => Promise<void>,
  title = table.title,
): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName(title), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });
  sheet.columns = columnWidths(table, nullRate).map((width) => ({ width, style: WRAP }));
  const header = sheet.addRow(table.columns.map(safeText));
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) {
    await step();
    const added = sheet.addRow(row.map((cell) => cellValue(cell, nullRate)));
    row.forEach((cell, index) => {
      if (cell.kind !== 'rate') return;
      const target = added.getCell(index + 1);
      if (cell.value === null) target.alignment = { horizontal: 'right' };
      else target.numFmt = '0.00%';
    });
    added.commit();
  }
  sheet.commit();
}

export async function renderXlsx(report: ComplianceReport, ctx: ReporterContext): Promise<Uint8Array> {
  // The audit date is the day the workbook speaks for.
  const { workbook, bytes } = await streamedWorkbook(
    xmlSafeText(`${report.tool.name} ${report.tool.version}`),
    report.asOf,
  );
  const nullRate = t('rate.null', ctx.locale);
  addStatisticsFormSheet(workbook, statisticsForm(report, ctx.locale), {
    text: safeText,
    nullRate,
    sheetName: sheetName(t('table.units', ctx.locale)),
  });
  // A large report is seconds of work here: a Ctrl-C is heard between rows (render-steps.ts).
  const step = renderSteps(ctx.signal);
  for (const id of SHEETS) {
    await step();
    const title = id === 'units' ? t('table.statisticsData', ctx.locale) : undefined;
    await addSheet(workbook, buildTable(id, report, ctx.locale), nullRate, step, title);
    // The plan's two sheets, in the form of a budget request, follow the purchases.
    if (id === 'purchases') {
      addPlanSheets(workbook, report, ctx.locale);
      await step();
      await addDetailsSheet(workbook, report, ctx.locale, step);
    }
  }
  await step();
  return bytes();
}

export function xlsxReporter(): Reporter {
  return { name: 'xlsx', extension: 'xlsx', binary: true, render: renderXlsx };
}
