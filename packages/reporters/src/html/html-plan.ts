/**
 * The HTML section of the rectification plan: the summary sentence, the 采购计划 items, the 调剂
 * suggestions and the 经费预算 per unit. Every report string is escaped by `e()`.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import { escapeHtml as e } from '../escaping.js';
import { t } from '../messages.js';
import { budgetTable, planTable } from '../plan-tables.js';
import { tableSection } from './html-sections.js';

export function planSection(report: ComplianceReport, locale: Locale): string {
  const plan = report.plan;
  if (!plan || plan.items.length === 0) return `<p class="empty">${e(t('plan.none', locale))}</p>`;
  const summary = t('plan.summary', locale, {
    items: plan.totals.items,
    seats: plan.totals.seats,
    purchased: plan.totals.purchasedSeats,
    cost: plan.totals.cost,
    currency: plan.currency,
  });
  const unpriced =
    plan.totals.unpricedItems > 0
      ? `；${t('plan.unpricedNote', locale, { count: plan.totals.unpricedItems })}`
      : '';
  const suggestions = plan.suggestions.length
    ? `<ul>${plan.suggestions.map((s) => `<li>${e(t('plan.suggestion', locale, { ...s }))}</li>`).join('')}</ul>`
    : '';
  return [
    `<p>${e(summary + unpriced)}</p>`,
    `<h3>${e(t('table.plan', locale))}</h3>`,
    tableSection(planTable(report, locale), locale),
    suggestions,
    `<h3>${e(t('table.budget', locale))}</h3>`,
    tableSection(budgetTable(report, locale), locale),
  ].join('\n');
}
