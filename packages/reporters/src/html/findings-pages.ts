/**
 * The findings of the HTML report, paged so a province's report still opens: the page carries
 * every finding as data (a `<script type="application/json">` block, never executed, each distinct
 * string written once) and the page script draws one page of rows at a time, filtered by unit,
 * severity, rule and status. The first page is also written as markup, so the table reads the same
 * without script and in print. Drawing 100 rows instead of 100 000 is what keeps the first screen
 * fast: a browser parses megabytes of JSON in a fraction of the time it lays out a table of them.
 */
import type { ComplianceReport, Finding, Locale, RuleMeta } from '@zhengban/core';
import { escapeHtml as e, htmlTextValue } from '../escaping.js';
import { severityLabel, statusLabel } from '../labels.js';
import { localText, type MessageKey, t } from '../messages.js';
import {
  type EffectiveStatus,
  effectiveStatus,
  evidenceList,
  hostName,
  productLabel,
  SEVERITIES,
  STATUSES,
  sortFindings,
  unitName,
  waiverText,
} from '../report-view.js';

/** Rows drawn at once. */
export const FINDINGS_PAGE_SIZE = 100;

/**
 * The fields of one finding row, in the order of the data block. The first four are filter keys
 * (raw values the selects compare against); the rest are the texts of the cells.
 */
const FIELDS = [
  'unit',
  'severity',
  'rule',
  'status',
  'host',
  'statusText',
  'severityText',
  'ruleText',
  'software',
  'message',
  'remediation',
  'deadline',
  'overdue',
  'waiver',
  'evidence',
] as const;
type Field = (typeof FIELDS)[number];
export type RowText = Record<Field, string>;

/** A rule's name in the reader's language, from the report's rule descriptions. */
function ruleName(rule: string, rules: Record<string, RuleMeta>, locale: Locale): string {
  const meta = Object.hasOwn(rules, rule) ? rules[rule] : undefined;
  return meta ? localText(meta.description, locale) : '';
}

function rowText(
  finding: Finding,
  rules: Record<string, RuleMeta>,
  locale: Locale,
  reportAsOf: string,
  product: (id: string | undefined) => string,
): RowText {
  const status = effectiveStatus(finding);
  const software = finding.subject.software;
  return {
    unit: unitName(finding.subject.unit, locale),
    severity: finding.severity,
    rule: finding.rule,
    status,
    host: hostName(finding.subject.host, locale),
    statusText:
      status === 'waived'
        ? t('finding.waivedAs', locale, { status: statusLabel(finding.status, locale) })
        : statusLabel(status, locale),
    severityText: severityLabel(finding.severity, locale),
    ruleText: ruleName(finding.rule, rules, locale),
    software: software
      ? [software.name, software.version].filter(Boolean).join(' ')
      : product(finding.subject.product),
    message: localText(finding.message, locale),
    remediation: finding.remediation ? localText(finding.remediation, locale) : '',
    deadline: finding.deadline ?? '',
    overdue: finding.overdue
      ? t('finding.overdueShort', locale, { firstSeen: finding.firstSeen ?? reportAsOf })
      : '',
    waiver: waiverText(finding, locale),
    evidence: evidenceList(finding),
  };
}

/** A rule id may break after its dots (`requirements.<wbr>missing.<wbr>antivirus`), nowhere else. */
function breakableId(id: string): string {
  return e(id).replace(/\./g, '.<wbr>');
}

/** The same markup the page script draws (html-assets.ts, `drawRow`). */
function rowHtml(row: RowText): string {
  const ruleName = row.ruleText === '' ? '' : `<br><small>${e(row.ruleText)}</small>`;
  const remediation = row.remediation === '' ? '' : `<br><small>${e(row.remediation)}</small>`;
  return (
    `<tr class="s-${e(row.status)}">` +
    `<td>${e(row.unit)}</td><td class="nowrap">${e(row.host)}</td><td class="status">${e(row.statusText)}</td>` +
    `<td class="nowrap">${e(row.severityText)}</td><td><code>${breakableId(row.rule)}</code>${ruleName}</td><td>${e(row.software)}</td>` +
    `<td>${e(row.message)}${remediation}</td><td class="num">${e(row.deadline)}${row.overdue === '' ? '' : `<br><small>${e(row.overdue)}</small>`}</td>` +
    `<td class="waiver">${e(row.waiver)}</td><td class="wrap">${e(row.evidence)}</td></tr>`
  );
}

/** JSON that is safe inside a `<script>` element: `<` is escaped so no `</script>` or `<!--` can end or change it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Strings written once, rows as indexes into them: findings repeat units, rules and messages. */
function findingsData(rows: readonly RowText[]): string {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (value: string) => {
    let at = index.get(value);
    if (at === undefined) {
      at = strings.length;
      strings.push(htmlTextValue(value));
      index.set(value, at);
    }
    return at;
  };
  const flat: number[] = [];
  for (const row of rows) for (const field of FIELDS) flat.push(intern(row[field]));
  return scriptJson({ fields: FIELDS, pageSize: FINDINGS_PAGE_SIZE, strings, rows: flat });
}

function filterSelect(
  id: string,
  filter: Field,
  label: string,
  values: readonly string[],
  text: (value: string) => string,
  locale: Locale,
): string {
  const options = values.map((value) => `<option value="${e(value)}">${e(text(value))}</option>`).join('');
  return `<label for="${id}">${e(label)}<select id="${id}" data-filter="${filter}"><option value="">${e(t('filter.all', locale))}</option>${options}</select></label>`;
}

const COLUMNS: MessageKey[] = [
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

/** The findings' rows, in report order, one at a time (a render may pause between them, render-steps.ts). */
export function* findingRows(
  report: ComplianceReport,
  rules: Record<string, RuleMeta>,
  locale: Locale,
): Generator<RowText> {
  const sorted = sortFindings(report);
  // Product names looked up once per id: a province has a million findings and a few hundred products.
  const names = new Map<string | undefined, string>();
  const product = (id: string | undefined) => {
    let label = names.get(id);
    if (label === undefined) {
      label = productLabel(report, id);
      names.set(id, label);
    }
    return label;
  };
  for (const finding of sorted) yield rowText(finding, rules, locale, report.asOf, product);
}

/** The findings section over the rows findingRows made. */
export function findingsSection(
  rows: readonly RowText[],
  rules: Record<string, RuleMeta>,
  locale: Locale,
): string {
  if (rows.length === 0) return `<p class="empty">${e(t('finding.none', locale))}</p>`;
  const units = [...new Set(rows.map((row) => row.unit))];
  const severities = SEVERITIES.filter((severity) => rows.some((row) => row.severity === severity));
  const ruleIds = [...new Set(rows.map((row) => row.rule))].sort();
  const statuses = STATUSES.filter((status) => rows.some((row) => row.status === status));
  const ruleOption = (id: string) => {
    const name = ruleName(id, rules, locale);
    return name === '' ? id : `${id}（${name}）`;
  };
  const total = rows.length;
  const firstPage = rows.slice(0, FINDINGS_PAGE_SIZE);
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
    filterSelect('filter-rule', 'rule', t('finding.rule', locale), ruleIds, ruleOption, locale) +
    filterSelect(
      'filter-status',
      'status',
      t('finding.status', locale),
      statuses,
      (value) => statusLabel(value as EffectiveStatus, locale),
      locale,
    ) +
    `<output id="findings-shown" data-template="${e(t('finding.shown', locale, { shown: '{shown}', total: '{total}' }))}">${e(t('finding.shown', locale, { shown: total, total }))}</output></div>`;
  const pager =
    `<div class="pager">` +
    `<button type="button" id="findings-prev">${e(t('finding.previousPage', locale))}</button>` +
    `<output id="findings-page" data-template="${e(t('finding.page', locale, { page: '{page}', pages: '{pages}' }))}">${e(t('finding.page', locale, { page: 1, pages: Math.max(1, Math.ceil(total / FINDINGS_PAGE_SIZE)) }))}</output>` +
    `<button type="button" id="findings-next">${e(t('finding.nextPage', locale))}</button></div>`;
  const head = COLUMNS.map((key) => `<th class="nowrap">${e(t(key, locale))}</th>`).join('');
  const partial =
    total > FINDINGS_PAGE_SIZE
      ? `<noscript><p>${e(t('finding.printedPage', locale, { shown: firstPage.length, total }))}</p></noscript>`
      : '';
  return (
    `${filters}${pager}${partial}<table id="findings-table"><thead><tr>${head}</tr></thead><tbody>\n` +
    `${firstPage.map(rowHtml).join('\n')}\n</tbody></table>` +
    `<script type="application/json" id="findings-data">${findingsData(rows)}</script>`
  );
}
