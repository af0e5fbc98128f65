/**
 * The report as plain tables (header + typed cells), shared by csv, xlsx, markdown and html so every
 * format lists the same columns in the same order. Each format decides how a cell kind is written
 * (a rate is text `87.50%` in csv, a number with a percent format in xlsx).
 */
import type { ComplianceReport, EntitlementPosition, Finding, Locale, UnitStats } from '@zhengban/core';
import { formatLocation } from '@zhengban/core';
import { overdueMark, overdueOf } from './campaign-view.js';
import {
  classLabel,
  entitlementTypeLabel,
  positionStatusLabel,
  problemSeverityLabel,
  severityLabel,
  statusLabel,
} from './labels.js';
import { localText, type MessageKey, problemText, t } from './messages.js';
import { budgetTable, planTable } from './plan-tables.js';
import { purchasesTable } from './purchases-table.js';
import { overallFraction, rateOf } from './rates.js';
import {
  effectiveStatus,
  evidenceList,
  hostName,
  sortFindings,
  unitName,
  waiverText,
} from './report-view.js';
import { unitEntries } from './statistics-view.js';
import { type Cell, count, date, rate, TABLE_IDS, type Table, type TableId, text } from './table-cells.js';

export { type Cell, TABLE_IDS, type Table, type TableId } from './table-cells.js';

function headers(keys: MessageKey[], locale: Locale): string[] {
  return keys.map((key) => t(key, locale));
}

const CLASS_MEASURES: MessageKey[] = [
  'stats.installed',
  'stats.genuine',
  'stats.domestic',
  'stats.missing',
  'stats.genuineRate',
  'stats.domesticRate',
];

/** The statistics table, one row per unit and a totals row: the spreadsheet agencies hand in. */
export function statisticsTable(report: ComplianceReport, locale: Locale): Table {
  const columns = headers(['stats.unit', 'stats.parent', 'stats.staff', 'stats.computers'], locale);
  for (const name of report.classes) {
    for (const measure of CLASS_MEASURES) {
      columns.push(
        t('stats.classColumn', locale, { class: classLabel(name, locale), measure: t(measure, locale) }),
      );
    }
  }
  columns.push(t('stats.overallGenuineRate', locale), t('stats.unauthorised', locale));
  const campaign = report.campaign !== undefined;
  if (campaign) columns.push(t('stats.overdue', locale));
  const row = (
    label: string,
    parent: string | undefined,
    stats: Omit<UnitStats, 'unit'>,
    staff: number | undefined,
    unit?: string,
    subtotal = false,
  ): Cell[] => {
    const cells: Cell[] = [text(label), text(parent), count(staff), count(stats.computers)];
    for (const name of report.classes) {
      const c = stats.classes[name] ?? { installed: 0, genuine: 0, domestic: 0, missing: 0 };
      cells.push(count(c.installed), count(c.genuine), count(c.domestic), count(c.missing));
      cells.push(rate(rateOf(stats.rates, 'genuine', name), c.genuine, c.installed));
      cells.push(rate(rateOf(stats.rates, 'domestic', name), c.domestic, c.installed));
    }
    const overall = overallFraction(stats.classes, report.classes);
    cells.push(rate(rateOf(stats.rates, 'genuine', 'overall'), overall.genuine, overall.installed));
    cells.push(count(stats.unauthorised));
    if (campaign) cells.push(count(overdueOf(report, unit, subtotal)));
    return cells;
  };
  const rows = unitEntries(report, locale).map((entry) =>
    row(entry.label, entry.parent, entry.stats, entry.staff, entry.unit, entry.subtotal),
  );
  rows.push(row(t('stats.totals', locale), undefined, report.totals, report.totals.staff));
  return { id: 'units', title: t('table.units', locale), columns, rows };
}

/** The findings table's header; a campaign report (report.campaign) adds 首次发现 and 是否逾期. */
export function findingColumns(locale: Locale, campaign = false): string[] {
  return headers(
    [
      'finding.unit',
      'finding.host',
      'finding.status',
      'finding.severity',
      'finding.rule',
      'finding.class',
      'finding.product',
      'finding.software',
      'finding.version',
      'finding.publisher',
      'finding.message',
      'finding.remediation',
      'finding.deadline',
      ...(campaign ? (['finding.firstSeen', 'finding.overdue'] as const) : []),
      'finding.waiver',
      'finding.evidence',
    ],
    locale,
  );
}

/** One finding as a row of the findings table; a waived one says so with its justification. */
export function findingRow(finding: Finding, locale: Locale, campaign = false): Cell[] {
  const status = effectiveStatus(finding);
  const statusText =
    status === 'waived'
      ? t('finding.waivedAs', locale, { status: statusLabel(finding.status, locale) })
      : statusLabel(status, locale);
  const software = finding.subject.software;
  return [
    text(unitName(finding.subject.unit, locale)),
    text(hostName(finding.subject.host, locale)),
    text(statusText),
    text(severityLabel(finding.severity, locale)),
    text(finding.rule),
    text(finding.subject.class === undefined ? '' : classLabel(finding.subject.class, locale)),
    text(finding.subject.product),
    text(software?.name),
    text(software?.version),
    text(software?.publisher),
    text(localText(finding.message, locale)),
    text(finding.remediation ? localText(finding.remediation, locale) : ''),
    date(finding.deadline),
    ...(campaign ? [date(finding.firstSeen), text(overdueMark(finding, locale))] : []),
    text(waiverText(finding, locale)),
    text(evidenceList(finding)),
  ];
}

/**
 * Findings in the order of a flat table (csv, xlsx): by unit and host as everywhere, but expired-
 * waiver warnings at the end, as the report lists them (their counts span every other finding), so
 * that the table can be written while the findings stream out of the auditor.
 */
export function tableOrder(
  report: ComplianceReport,
  findings: readonly Finding[] = report.findings,
): Finding[] {
  const sorted = sortFindings(report, findings);
  const expired = sorted.filter((f) => f.rule === 'waivers.expired');
  return expired.length === 0 ? sorted : [...sorted.filter((f) => f.rule !== 'waivers.expired'), ...expired];
}

/** Every finding, sorted by unit and host; waived ones say so with their justification. */
export function findingsTable(report: ComplianceReport, locale: Locale): Table {
  const campaign = report.campaign !== undefined;
  const rows = tableOrder(report).map((finding) => findingRow(finding, locale, campaign));
  const columns = findingColumns(locale, campaign);
  return { id: 'findings', title: t('table.findings', locale), columns, rows };
}

export function seatsText(seats: EntitlementPosition['seats'], locale: Locale): string {
  return seats === 'unlimited' ? t('ledger.unlimited', locale) : String(seats);
}

export function validityText(position: EntitlementPosition, locale: Locale): string {
  if (!position.validFrom && !position.expires) return '';
  return t('ledger.validRange', locale, {
    from: position.validFrom ?? t('ledger.openStart', locale),
    to: position.expires ?? t('ledger.openEnd', locale),
  });
}

function recordText(record: Record<string, string> | undefined): string {
  if (!record) return '';
  return Object.keys(record)
    .sort()
    .map((key) => `${key}: ${record[key]}`)
    .join('; ');
}

/** The licence ledger (台账) with each entitlement's position. */
export function ledgerTable(report: ComplianceReport, locale: Locale): Table {
  const columns = headers(
    [
      'ledger.id',
      'ledger.product',
      'ledger.type',
      'ledger.versions',
      'ledger.editions',
      'ledger.seats',
      'ledger.purchased',
      'ledger.validity',
      'ledger.consumed',
      'ledger.surplus',
      'ledger.shortfall',
      'ledger.status',
      'ledger.origin',
      'ledger.evidence',
      'ledger.disposal',
      'ledger.unitPrice',
      'ledger.amount',
      'ledger.daysLeft',
    ],
    locale,
  );
  const rows = report.entitlements.map((position): Cell[] => [
    text(position.id),
    text(position.product),
    text(entitlementTypeLabel(position.type, locale)),
    text(position.versions),
    text(position.editions?.join(', ')),
    position.seats === 'unlimited' ? text(seatsText('unlimited', locale)) : count(position.seats),
    date(position.purchased),
    text(validityText(position, locale)),
    count(position.consumed),
    position.surplus === null ? text(seatsText('unlimited', locale)) : count(position.surplus),
    count(position.shortfall),
    text(positionStatusLabel(position.status, locale)),
    text(position.origin),
    text(recordText(position.evidence)),
    text([position.retired?.date, position.retired?.reason].filter(Boolean).join(' ')),
    count(position.unitPrice),
    count(position.amount),
    count(position.daysLeft),
  ]);
  return { id: 'ledger', title: t('table.ledger', locale), columns, rows };
}

export function unrecognisedTable(report: ComplianceReport, locale: Locale): Table {
  const columns = headers(
    [
      'unrecognised.name',
      'unrecognised.publisher',
      'unrecognised.versions',
      'unrecognised.hosts',
      'unrecognised.sampleHosts',
    ],
    locale,
  );
  const rows = report.unrecognised.map((item): Cell[] => [
    text(item.name),
    text(item.publisher),
    text(item.versions.join(', ')),
    count(item.hosts),
    text(item.sampleHosts.join(', ')),
  ]);
  return { id: 'unrecognised', title: t('table.unrecognised', locale), columns, rows };
}

export function inputsTable(report: ComplianceReport, locale: Locale): Table {
  const columns = headers(
    [
      'input.source',
      'input.scanner',
      'input.hosts',
      'input.read',
      'input.accepted',
      'input.rejected',
      'input.ignored',
    ],
    locale,
  );
  const rows = report.inputs.map((input): Cell[] => [
    text(input.source),
    text(input.scanner),
    count(input.hosts),
    count(input.read),
    count(input.accepted),
    count(input.rejected),
    count(input.ignored),
  ]);
  return { id: 'inputs', title: t('table.inputs', locale), columns, rows };
}

export function problemsTable(report: ComplianceReport, locale: Locale): Table {
  const columns = headers(
    [
      'problem.location',
      'problem.severity',
      'problem.message',
      'problem.code',
      'problem.source',
      'problem.excerpt',
    ],
    locale,
  );
  const rows = report.problems.map((problem): Cell[] => [
    text(formatLocation(problem)),
    text(problemSeverityLabel(problem.severity, locale)),
    text(problemText(problem, locale)),
    text(problem.code),
    text(problem.source),
    text(problem.excerpt),
  ]);
  return { id: 'problems', title: t('table.problems', locale), columns, rows };
}

const BUILDERS: Record<TableId, (report: ComplianceReport, locale: Locale) => Table> = {
  units: statisticsTable,
  findings: findingsTable,
  ledger: ledgerTable,
  unrecognised: unrecognisedTable,
  inputs: inputsTable,
  problems: problemsTable,
  purchases: purchasesTable,
  plan: planTable,
  budget: budgetTable,
};

/** A table's title (its csv file name without `.csv`). */
export function tableTitle(id: TableId, locale: Locale): string {
  return t(`table.${id}`, locale);
}

export function buildTable(id: TableId, report: ComplianceReport, locale: Locale): Table {
  return BUILDERS[id](report, locale);
}

export function isTableId(value: unknown): value is TableId {
  return typeof value === 'string' && (TABLE_IDS as readonly string[]).includes(value);
}
