/**
 * The rectification plan as tables: 采购计划 (one row per plan item) and 经费预算 (one row per unit
 * with a totals row, and the domestic rate each unit would reach). Shared by csv, markdown, html and
 * the xlsx plan sheets; empty when the report has no plan.
 */
import type { ComplianceReport, Locale, PlanTotals } from '@zhengban/core';
import { classLabel } from './labels.js';
import { t } from './messages.js';
import { type Cell, count, type Table, text } from './table-cells.js';

/** A cost: the number, or 未定价 when the price is unknown (never an empty cell that reads as 0). */
function money(value: number | undefined, locale: Locale): Cell {
  return value === undefined ? text(t('plan.unpriced', locale)) : count(value);
}

export function planTable(report: ComplianceReport, locale: Locale): Table {
  const columns = [
    'plan.id',
    'plan.unit',
    'plan.action',
    'plan.product',
    'plan.class',
    'plan.hosts',
    'plan.seats',
    'plan.unitPrice',
    'plan.cost',
    'plan.entitlement',
    'plan.edition',
    'plan.domestic',
    'plan.findings',
  ] as const;
  const rows = (report.plan?.items ?? []).map((item): Cell[] => [
    text(item.id),
    text(item.unit),
    text(t(`action.${item.action}`, locale)),
    text(item.product),
    text(item.class === undefined ? undefined : classLabel(item.class, locale)),
    text(item.hosts.join(', ')),
    count(item.seats),
    item.unitPrice === undefined && item.cost === 0 ? text('') : money(item.unitPrice, locale),
    money(item.cost, locale),
    text(item.entitlement),
    text(item.edition),
    text(item.domestic ? t('plan.yes', locale) : ''),
    count(item.findings.length),
  ]);
  return { id: 'plan', title: t('table.plan', locale), columns: columns.map((key) => t(key, locale)), rows };
}

export function budgetTable(report: ComplianceReport, locale: Locale): Table {
  const plan = report.plan;
  const classes = Object.keys(plan?.totals.domesticRates ?? {});
  const columns = [
    t('budget.unit', locale),
    t('budget.items', locale),
    t('budget.seats', locale),
    t('budget.purchasedSeats', locale),
    t('budget.cost', locale, { currency: plan?.currency ?? 'CNY' }),
    t('budget.unpriced', locale),
    ...classes.map((cls) => t('budget.domesticRate', locale, { class: classLabel(cls, locale) })),
  ];
  if (!plan) return { id: 'budget', title: t('table.budget', locale), columns, rows: [] };
  const row = (label: string, totals: PlanTotals): Cell[] => [
    text(label),
    count(totals.items),
    count(totals.seats),
    count(totals.purchasedSeats),
    count(totals.cost),
    count(totals.unpricedItems),
    ...classes.map((cls): Cell => {
      const share = totals.domesticRates[cls];
      return {
        kind: 'rate',
        value: share?.rate ?? null,
        numerator: share?.domestic ?? 0,
        denominator: share?.installed ?? 0,
      };
    }),
  ];
  const rows = [
    ...plan.units.map((unit) => row(unit.unit, unit)),
    row(t('budget.total', locale), plan.totals),
  ];
  return { id: 'budget', title: t('table.budget', locale), columns, rows };
}
