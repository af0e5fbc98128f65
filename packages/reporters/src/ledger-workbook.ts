/**
 * The licence ledger as the office's spreadsheet (`zhengban ledger export`): a title row, then the
 * ledger columns under their Chinese headings (the names the `ledger:` reader knows, whatever the
 * locale: they are the sheet's format, like a CSV template's header), one row per entitlement,
 * dates in date cells, prices as numbers and 剩余天数 counted from asOf. Reading the workbook back
 * with `ledger:` gives the same entitlements.
 */
import {
  type Entitlement,
  type IsoDate,
  LEDGER_COLUMNS,
  LEDGER_DATE_FIELDS,
  type Locale,
  ledgerRowValues,
} from '@zhengban/core';
import { displayWidth } from './display-width.js';
import { t } from './messages.js';
import { streamedWorkbook } from './xlsx/streamed-workbook.js';
import { safeText } from './xlsx-reporter.js';

export interface LedgerWorkbookOptions {
  /** The policy's name, for the title row. */
  policyName: string;
  /** The day 剩余天数 is counted from. */
  asOf: IsoDate;
  locale: Locale;
}

export async function renderLedgerWorkbook(
  entitlements: readonly Entitlement[],
  options: LedgerWorkbookOptions,
): Promise<Uint8Array> {
  const { workbook, bytes } = await streamedWorkbook('zhengban', options.asOf);
  const sheet = workbook.addWorksheet(t('ledgerExport.sheet', options.locale), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const rows = entitlements.map((entitlement) => ledgerRowValues(entitlement, options.asOf));
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    width: Math.min(
      40,
      Math.max(
        8,
        displayWidth(column.heading),
        ...rows.map((row) => displayWidth(String(row[column.field] ?? ''))),
      ) + 2,
    ),
  }));
  const title = sheet.addRow([
    safeText(t('ledgerExport.title', options.locale, { policy: options.policyName, asOf: options.asOf })),
  ]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  title.commit();
  const header = sheet.addRow(LEDGER_COLUMNS.map((column) => column.heading));
  header.font = { bold: true };
  header.commit();
  for (const values of rows) {
    const row = sheet.addRow(
      LEDGER_COLUMNS.map(({ field }) => {
        const value = values[field];
        if (value === undefined) return null;
        if (LEDGER_DATE_FIELDS.has(field)) return new Date(`${value}T00:00:00Z`);
        return typeof value === 'number' ? value : safeText(value);
      }),
    );
    LEDGER_COLUMNS.forEach(({ field }, index) => {
      if (LEDGER_DATE_FIELDS.has(field)) row.getCell(index + 1).numFmt = 'yyyy-mm-dd';
      if (field === 'unitPrice' || field === 'amount') row.getCell(index + 1).numFmt = '#,##0.00';
    });
    row.commit();
  }
  sheet.commit();
  return bytes();
}
