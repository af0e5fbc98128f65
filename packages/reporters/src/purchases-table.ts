/**
 * 采购统计: per product class, the seats (套数) and amount (金额) the ledger records as bought, as the
 * national statistics report them, with a totals row. Lines without a price are counted apart, so an
 * amount never silently leaves out what was not priced.
 */
import type { ClassPurchases, ComplianceReport, Locale } from '@zhengban/core';
import { classLabel } from './labels.js';
import { t } from './messages.js';
import type { Cell, Table } from './table-cells.js';

export function purchasesTable(report: ComplianceReport, locale: Locale): Table {
  const currency = report.currency ?? 'CNY';
  const columns = [
    t('purchases.class', locale),
    t('purchases.lines', locale),
    t('purchases.seats', locale),
    t('purchases.unlimitedLines', locale),
    t('purchases.amount', locale, { currency }),
    t('purchases.unpricedLines', locale),
  ];
  const rows = report.purchases ?? [];
  const total: ClassPurchases = {
    class: t('purchases.total', locale),
    lines: 0,
    seats: 0,
    unlimitedLines: 0,
    amount: 0,
    unpricedLines: 0,
  };
  for (const row of rows) {
    total.lines += row.lines;
    total.seats += row.seats;
    total.unlimitedLines += row.unlimitedLines;
    total.amount = Math.round((total.amount + row.amount) * 100) / 100;
    total.unpricedLines += row.unpricedLines;
  }
  const line = (row: ClassPurchases, label: string): Cell[] => [
    { kind: 'text', value: label },
    { kind: 'count', value: row.lines },
    { kind: 'count', value: row.seats },
    { kind: 'count', value: row.unlimitedLines },
    { kind: 'count', value: row.amount },
    { kind: 'count', value: row.unpricedLines },
  ];
  return {
    id: 'purchases',
    title: t('table.purchases', locale),
    columns,
    rows:
      rows.length === 0
        ? []
        : [...rows.map((row) => line(row, classLabel(row.class, locale))), line(total, total.class)],
  };
}
