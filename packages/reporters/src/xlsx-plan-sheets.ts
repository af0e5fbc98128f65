/**
 * The xlsx sheets of the rectification plan, in the form a budget request is handed in: 采购计划
 * (a title row, every plan item, a totals row) and 经费预算 (a title row, one row per unit and the
 * total, the domestic rates the plan reaches, then the signature lines: 编制单位（盖章）, 单位负责人,
 * 财务负责人, 经办人, 日期). Written only when the report has a plan.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import type ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv-reporter.js';
import { displayWidth } from './display-width.js';
import { replaceLoneSurrogates } from './escaping.js';
import { t } from './messages.js';
import { budgetTable, planTable } from './plan-tables.js';
import type { Cell, Table } from './tables.js';

const safe = (value: string): string =>
  neutraliseFormula(
    replaceLoneSurrogates(value).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD'),
  );

function value(cell: Cell, nullRate: string): string | number | null {
  if (cell.kind === 'text') return safe(cell.value);
  if (cell.kind === 'rate') return cell.value ?? nullRate;
  return cell.value ?? null;
}

function addTableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: Table,
  title: string,
  nullRate: string,
  after: (sheet: ExcelJS.Worksheet) => void,
): void {
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = table.columns.map((header, index) => ({
    width: Math.min(
      40,
      Math.max(
        8,
        displayWidth(header),
        ...table.rows.map((row) => displayWidth(String(value(row[index]!, nullRate) ?? ''))),
      ) + 2,
    ),
  }));
  const heading = sheet.addRow([safe(title)]);
  heading.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, Math.max(1, table.columns.length));
  heading.commit();
  const header = sheet.addRow(table.columns.map(safe));
  header.font = { bold: true };
  header.commit();
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((cell) => value(cell, nullRate)));
    cells.forEach((cell, index) => {
      if (cell.kind === 'rate' && cell.value !== null) row.getCell(index + 1).numFmt = '0.00%';
    });
    row.commit();
  }
  after(sheet);
  sheet.commit();
}

export function addPlanSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: ComplianceReport,
  locale: Locale,
): void {
  const plan = report.plan;
  if (!plan) return;
  const nullRate = t('rate.null', locale);
  const params = { policy: report.policy.name, asOf: report.asOf };
  const items = planTable(report, locale);
  // The column's own sum (removals count their installations), so the 合计 row adds up as read.
  const seats = plan.items.reduce((sum, item) => sum + item.seats, 0);
  addTableSheet(workbook, items, t('plan.title', locale, params), nullRate, (sheet) => {
    const total = sheet.addRow([t('budget.total', locale), '', '', '', '', '', seats, '', plan.totals.cost]);
    total.font = { bold: true };
    total.commit();
    for (const suggestion of plan.suggestions)
      sheet.addRow([safe(t('plan.suggestion', locale, { ...suggestion }))]).commit();
    if (plan.totals.unpricedItems > 0)
      sheet.addRow([t('plan.unpricedNote', locale, { count: plan.totals.unpricedItems })]).commit();
  });
  addTableSheet(
    workbook,
    budgetTable(report, locale),
    t('budget.title', locale, params),
    nullRate,
    (sheet) => {
      sheet.addRow([]).commit();
      for (const key of [
        'budget.signUnit',
        'budget.signHead',
        'budget.signFinance',
        'budget.signPreparer',
        'budget.signDate',
      ] as const) {
        sheet.addRow([t(key, locale)]).commit();
        sheet.addRow([]).commit();
      }
    },
  );
}
