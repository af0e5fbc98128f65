/**
 * The sections of the HTML report. Every string taken from the report goes through `e()`
 * (escapeHtml) — names, publishers, unit names, messages, rule ids — including attribute values.
 */
import type { ComplianceReport, Finding, Locale } from '@zhengban/core';
import { campaignLines, overdueMark } from '../campaign-view.js';
import { escapeHtml as e } from '../escaping.js';
import { classLabel, severityLabel, statusLabel } from '../labels.js';
import { localText, type MessageKey, t } from '../messages.js';
import { formatRate, formatRateExplained, overallFraction, rateOf } from '../rates.js';
import {
  countByStatus,
  type EffectiveStatus,
  effectiveStatus,
  evidenceList,
  hostName,
  SEVERITIES,
  STATUSES,
  sortFindings,
  unitName,
  waiverText,
} from '../report-view.js';
import { type RateCell, STATISTICS_COLUMNS, statisticsBlocks } from '../statistics-view.js';
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

export function statisticsSection(report: ComplianceReport, locale: Locale): string {
  const keys = STATISTICS_COLUMNS;
  const head = keys
    .map((key, index) => `<th${index === 0 || index === 3 ? '' : ' class="num"'}>${e(t(key, locale))}</th>`)
    .join('');
  const rows: string[] = [];
  for (const block of statisticsBlocks(report, locale)) {
    const span = block.rows.length;
    block.rows.forEach((row, index) => {
      const classes = [block.isTotals ? 'totals' : '', index === 0 ? 'unit-start' : '']
        .filter(Boolean)
        .join(' ');
      const unitCells =
        index === 0
          ? `<th scope="rowgroup" rowspan="${span}">${e(block.unit)}</th>` +
            `<td class="num" rowspan="${span}">${block.staff ?? ''}</td><td class="num" rowspan="${span}">${block.computers}</td>`
          : '';
      const tail = index === 0 ? `<td class="num" rowspan="${span}">${block.unauthorised}</td>` : '';
      rows.push(
        `<tr${classes ? ` class="${classes}"` : ''}>${unitCells}<td class="nowrap">${e(row.label)}</td>${num(row.installed)}${num(row.genuine)}${num(row.domestic)}${num(row.missing)}${rateTd(row.genuineRate, locale, true)}${rateTd(row.domesticRate, locale)}${tail}</tr>`,
      );
    });
  }
  return `<table id="statistics-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function options(values: readonly string[], label: (value: string) => string): string {
  return values.map((value) => `<option value="${e(value)}">${e(label(value))}</option>`).join('');
}

function filterSelect(
  id: string,
  filter: string,
  label: string,
  values: readonly string[],
  text: (value: string) => string,
  locale: Locale,
): string {
  return `<label for="${id}">${e(label)}<select id="${id}" data-filter="${filter}"><option value="">${e(t('filter.all', locale))}</option>${options(values, text)}</select></label>`;
}

/** A rule id may break after its dots (`requirements.<wbr>missing.<wbr>antivirus`), nowhere else. */
function breakableId(id: string): string {
  return e(id).replace(/\./g, '.<wbr>');
}

function findingRow(finding: Finding, locale: Locale): string {
  const status = effectiveStatus(finding);
  const unit = unitName(finding.subject.unit, locale);
  const software = finding.subject.software;
  const softwareText = software
    ? [software.name, software.version].filter(Boolean).join(' ')
    : (finding.subject.product ?? '');
  const statusText =
    status === 'waived'
      ? t('finding.waivedAs', locale, { status: statusLabel(finding.status, locale) })
      : statusLabel(status, locale);
  const remediation = finding.remediation
    ? `<br><small>${e(localText(finding.remediation, locale))}</small>`
    : '';
  return (
    `<tr class="s-${e(status)}" data-unit="${e(unit)}" data-severity="${e(finding.severity)}" data-rule="${e(finding.rule)}" data-status="${e(status)}">` +
    `<td>${e(unit)}</td><td class="nowrap">${e(hostName(finding.subject.host, locale))}</td><td class="status">${e(statusText)}</td>` +
    `<td class="nowrap">${e(severityLabel(finding.severity, locale))}</td><td><code>${breakableId(finding.rule)}</code></td><td>${e(softwareText)}</td>` +
    `<td>${e(localText(finding.message, locale))}${remediation}</td><td class="num">${e(finding.deadline ?? '')}${finding.overdue ? `<br><span class="overdue">${e(overdueMark(finding, locale))}</span>` : ''}</td>` +
    `<td class="waiver">${e(waiverText(finding, locale))}</td><td class="wrap">${e(evidenceList(finding))}</td></tr>`
  );
}

export function findingsSection(report: ComplianceReport, locale: Locale): string {
  const sorted = sortFindings(report);
  const units = [...new Set(sorted.map((finding) => unitName(finding.subject.unit, locale)))];
  const severities = SEVERITIES.filter((severity) => sorted.some((finding) => finding.severity === severity));
  const rules = [...new Set(sorted.map((finding) => finding.rule))].sort();
  const statuses = STATUSES.filter((status) => sorted.some((finding) => effectiveStatus(finding) === status));
  const filters =
    `<div class="filters" role="search">` +
    filterSelect('filter-unit', 'unit', t('finding.unit', locale), units, (value) => value, locale) +
    filterSelect(
      'filter-severity',
      'severity',
      t('finding.severity', locale),
      severities,
      (value) => severityLabel(value as Finding['severity'], locale),
      locale,
    ) +
    filterSelect('filter-rule', 'rule', t('finding.rule', locale), rules, (value) => value, locale) +
    filterSelect(
      'filter-status',
      'status',
      t('finding.status', locale),
      statuses,
      (value) => statusLabel(value as EffectiveStatus, locale),
      locale,
    ) +
    `<output id="findings-shown" data-template="${e(t('finding.shown', locale, { shown: '{shown}', total: '{total}' }))}">${e(t('finding.shown', locale, { shown: sorted.length, total: sorted.length }))}</output></div>`;
  const keys: MessageKey[] = [
    'finding.unit',
    'finding.host',
    'finding.status',
    'finding.severity',
    'finding.rule',
    'finding.software',
    'finding.message',
    'finding.deadline',
    'finding.waiver',
    'finding.evidence',
  ];
  const head = keys.map((key) => `<th class="nowrap">${e(t(key, locale))}</th>`).join('');
  const body = sorted.map((finding) => findingRow(finding, locale)).join('\n');
  if (sorted.length === 0) return `<p class="empty">${e(t('finding.none', locale))}</p>`;
  return `${filters}<table id="findings-table"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
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
