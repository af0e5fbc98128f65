/**
 * xlsx (exceljs): sheets 统计表, 问题清单, 授权台账, 未识别软件, then 数据输入 and 输入问题 so
 * rejected rows travel with the spreadsheet. Text is always written as a string cell (never a
 * formula) and a leading `=`, `+`, `-`, `@`, tab or CR is still prefixed with `'` in case the
 * sheet is re-saved as csv. Rates are numbers with a `0.00%` format; headers are bold and frozen.
 */
import type { ComplianceReport, Reporter, ReporterContext } from '@zhengban/core';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { neutraliseFormula } from './csv-reporter.js';
import { replaceLoneSurrogates } from './escaping.js';
import { t } from './messages.js';
import { buildTable, type Cell, type Table, type TableId } from './tables.js';

const SHEETS: readonly TableId[] = ['units', 'findings', 'ledger', 'unrecognised', 'inputs', 'problems'];
const MAX_COLUMN_WIDTH = 60;
/** Excel refuses cell text longer than this. */
const MAX_CELL_TEXT = 32_767;

function safeText(value: string): string {
  const clean = replaceLoneSurrogates(value).replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g,
    '\uFFFD',
  );
  return neutraliseFormula(clean).slice(0, MAX_CELL_TEXT);
}

function cellValue(cell: Cell): string | number | null {
  switch (cell.kind) {
    case 'text':
      return safeText(cell.value);
    case 'count':
      return cell.value ?? null;
    case 'rate':
      return cell.value;
    case 'date':
      return cell.value ?? null;
  }
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, nullRate: string): void {
  // Sheet names may not contain []:*?/\ and are at most 31 characters.
  const sheet = workbook.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(table.columns.map(safeText));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map(cellValue));
    row.forEach((cell, index) => {
      if (cell.kind !== 'rate') return;
      const target = added.getCell(index + 1);
      if (cell.value === null) {
        target.value = nullRate;
        target.alignment = { horizontal: 'right' };
      } else {
        target.numFmt = '0.00%';
      }
    });
  }
  table.columns.forEach((header, index) => {
    const widths = [header, ...table.rows.map((row) => String(cellValue(row[index]!) ?? ''))].map((text) =>
      stringWidth(text.split('\n')[0] ?? ''),
    );
    sheet.getColumn(index + 1).width = Math.min(MAX_COLUMN_WIDTH, Math.max(8, ...widths) + 2);
  });
}

export async function renderXlsx(report: ComplianceReport, ctx: ReporterContext): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `${report.tool.name} ${report.tool.version}`;
  // A fixed date keeps the bytes reproducible; the audit date is what the workbook speaks for.
  workbook.created = new Date(`${report.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  for (const id of SHEETS) addSheet(workbook, buildTable(id, report, ctx.locale), t('rate.null', ctx.locale));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export function xlsxReporter(): Reporter {
  return { name: 'xlsx', extension: 'xlsx', binary: true, render: renderXlsx };
}
