/**
 * The sections of the HTML report. Every string taken from the report goes through `e()`
 * (escapeHtml) — names, publishers, unit names, messages, rule ids — including attribute values.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import { campaignLines } from '../campaign-view.js';
import { escapeHtml as e } from '../escaping.js';
import { classLabel } from '../labels.js';
import { t } from '../messages.js';
import { formatRate, formatRateExplained, overallFraction, rateOf } from '../rates.js';
import { countByStatus } from '../report-view.js';
import type { RateCell } from '../statistics-view.js';
import type { Cell, Table } from '../tables.js';

const num = (value: number | string | undefined) =>
  `<td class="num">${value === undefined ? '' : e(String(value))}</td>`;

/** Genuine rates are coloured (100% or not); domestic rates are a preference and stay neutral. */
function rateTd(cell: RateCell | undefined, locale: Locale, toned = false): string {
  if (!cell) return '<td class="num"></td>';
  const tone = !toned || cell.rate === null ? '' : cell.rate === 1 ? ' rate-good' : ' rate-bad';
  return `<td class="num${tone}">${e(formatRateExplained(cell.rate, cell.numerator, cell.denominator, locale))}</td>`;
}

/** `extra` is markup the caller has already escaped. */
function card(label: string, value: string, fraction: string, { main = false, extra = '' } = {}): string {
  return `<div class="card${main ? ' main' : ''}"><div class="label">${e(label)}</div><div class="value">${e(value)}</div><div class="fraction">${e(fraction)}</div>${extra}</div>`;
}

export function headlineSection(report: ComplianceReport, locale: Locale): string {
  const overall = overallFraction(report.totals.classes, report.classes);
  const cards = [
    card(
      t('headline.overall', locale),
      formatRate(rateOf(report.totals.rates, 'genuine', 'overall'), locale),
      `${overall.genuine}/${overall.installed}`,
      { main: true },
    ),
  ];
  for (const name of report.classes) {
    const stats = report.totals.classes[name] ?? { installed: 0, genuine: 0, domestic: 0, missing: 0 };
    const label = classLabel(name, locale);
    const domestic = formatRateExplained(
      rateOf(report.totals.rates, 'domestic', name),
      stats.domestic,
      stats.installed,
      locale,
    );
    cards.push(
      card(
        t('headline.classGenuine', locale, { class: label }),
        formatRate(rateOf(report.totals.rates, 'genuine', name), locale),
        `${stats.genuine}/${stats.installed}`,
        {
          extra: `<div class="fraction">${e(t('headline.classDomestic', locale, { class: label }))}: ${e(domestic)}</div>`,
        },
      ),
    );
  }
  const counts = countByStatus(report.findings);
  return (
    `<div class="cards">${cards.join('')}</div>` +
    `<p>${e(t('headline.computers', locale, { computers: report.totals.computers, units: report.units.length }))} · ${e(t('finding.counts', locale, counts))}</p>` +
    campaignLines(report, locale)
      .map((line) => `<p class="overdue">${e(line)}</p>`)
      .join('')
  );
}

function cellHtml(cell: Cell, locale: Locale): string {
  switch (cell.kind) {
    case 'text':
      return `<td>${e(cell.value)}</td>`;
    case 'count':
      return num(cell.value);
    case 'rate':
      return rateTd({ rate: cell.value, numerator: cell.numerator, denominator: cell.denominator }, locale);
    case 'date':
      return `<td class="num">${e(cell.value ?? '')}</td>`;
  }
}

/** Any table from tables.ts, or a line saying it is empty. */
export function tableSection(table: Table, locale: Locale, emptyText = t('misc.none', locale)): string {
  if (table.rows.length === 0) return `<p class="empty">${e(emptyText)}</p>`;
  const numeric = table.columns.map((_, index) =>
    ['count', 'rate'].includes(table.rows[0]?.[index]?.kind ?? ''),
  );
  const head = table.columns
    .map((column, index) => `<th${numeric[index] ? ' class="num"' : ''}>${e(column)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => cellHtml(cell, locale)).join('')}</tr>`)
    .join('\n');
  return `<table id="${table.id}-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
