/**
 * console: the statistics table, the findings that need attention grouped by unit and host, the
 * licence position, then unrecognised software and what happened to each input. Every report
 * string is stripped of control characters, so a hostile name cannot drive the terminal.
 */
import type { ComplianceReport, Finding, Locale, Reporter, ReporterContext } from '@zhengban/core';
import { formatLocation } from '@zhengban/core';
import { type Palette, palette } from './ansi.js';
import { sanitiseTerminal as clean } from './escaping.js';
import {
  entitlementTypeLabel,
  positionStatusLabel,
  problemSeverityLabel,
  severityLabel,
  statusLabel,
} from './labels.js';
import { localText, t } from './messages.js';
import { formatRateExplained } from './rates.js';
import {
  countByStatus,
  effectiveStatus,
  evidenceList,
  groupFindings,
  hostName,
  needsAttention,
  unitName,
  waiverText,
} from './report-view.js';
import { statisticsBlocks, systemComponentsLine } from './statistics-view.js';
import { seatsText, validityText } from './tables.js';
import { renderTextTable } from './text-table.js';

/** Problems listed one per line before the rest is only counted. */
const MAX_PROBLEM_LINES = 20;

function heading(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const policy = [report.policy.name, report.policy.version].filter(Boolean).join(' ');
  return [
    colour.bold(t('report.title', locale)),
    clean(t('report.heading', locale, { policy, asOf: report.asOf })),
    '',
  ];
}

function statistics(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const rows: string[][] = [];
  const ruleBefore = new Set<number>();
  const rateColumns = new Map<number, { rate: number | null }>();
  for (const block of statisticsBlocks(report, locale)) {
    if (rows.length > 0) ruleBefore.add(rows.length);
    block.rows.forEach((row, index) => {
      const first = index === 0;
      const cells = [
        first ? clean(block.unit) : '',
        first && block.staff !== undefined ? String(block.staff) : '',
        first ? String(block.computers) : '',
        row.label,
        String(row.installed),
        String(row.genuine),
        row.domestic === undefined ? '' : String(row.domestic),
        row.missing === undefined ? '' : String(row.missing),
        formatRateExplained(
          row.genuineRate.rate,
          row.genuineRate.numerator,
          row.genuineRate.denominator,
          locale,
        ),
        row.domesticRate
          ? formatRateExplained(
              row.domesticRate.rate,
              row.domesticRate.numerator,
              row.domesticRate.denominator,
              locale,
            )
          : '',
        first ? String(block.unauthorised) : '',
      ];
      rateColumns.set(rows.length, row.genuineRate);
      rows.push(cells);
    });
  }
  const right = 'right' as const;
  const columns = [
    { header: t('stats.unit', locale) },
    { header: t('stats.staff', locale), align: right },
    { header: t('stats.computers', locale), align: right },
    { header: t('stats.class', locale) },
    { header: t('stats.installed', locale), align: right },
    { header: t('stats.genuine', locale), align: right },
    { header: t('stats.domestic', locale), align: right },
    { header: t('stats.missing', locale), align: right },
    { header: t('stats.genuineRate', locale), align: right },
    { header: t('stats.domesticRate', locale), align: right },
    { header: t('stats.unauthorised', locale), align: right },
  ];
  const table = renderTextTable(columns, rows, {
    ruleBefore,
    headerStyle: colour.bold,
    style: (row, column, padded, raw) => {
      if (column === 8) {
        const rate = rateColumns.get(row)?.rate;
        if (rate === 1) return colour.green(padded);
        if (typeof rate === 'number') return colour.red(padded);
      }
      if (column === 10 && raw !== '' && raw !== '0') return colour.red(padded);
      return padded;
    },
  });
  return [colour.bold(t('section.statistics', locale)), ...table, ''];
}

function statusColour(finding: Finding, colour: Palette): (text: string) => string {
  switch (effectiveStatus(finding)) {
    case 'fail':
      return colour.red;
    case 'error':
      return colour.magenta;
    case 'warn':
      return colour.yellow;
    case 'waived':
      return colour.cyan;
    default:
      return (text) => text;
  }
}

function findingLines(finding: Finding, locale: Locale, colour: Palette): string[] {
  const status =
    effectiveStatus(finding) === 'waived'
      ? t('finding.waivedAs', locale, { status: statusLabel(finding.status, locale) })
      : statusLabel(finding.status, locale);
  const head = `${statusColour(finding, colour)(`[${status}]`)} ${severityLabel(finding.severity, locale)}  ${clean(finding.rule)}  ${clean(localText(finding.message, locale))}`;
  const lines = [`    ${head}`];
  const details: string[] = [];
  const evidence = evidenceList(finding);
  if (evidence) details.push(`${t('finding.evidence', locale)}: ${clean(evidence)}`);
  if (finding.deadline && !finding.waiver)
    details.push(t('finding.deadlineShort', locale, { deadline: finding.deadline }));
  if (details.length > 0) lines.push(colour.dim(`      ${details.join('  ')}`));
  if (finding.waiver)
    lines.push(`      ${t('finding.waiver', locale)}: ${clean(waiverText(finding, locale))}`);
  return lines;
}

function findings(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const counts = countByStatus(report.findings);
  const lines = [colour.bold(`${t('section.findings', locale)}  ${t('finding.counts', locale, counts)}`)];
  const shown = report.findings.filter(needsAttention);
  if (shown.length === 0) lines.push(t('finding.none', locale));
  for (const unit of groupFindings(report, shown)) {
    lines.push(colour.bold(clean(unitName(unit.unit, locale))));
    for (const host of unit.hosts) {
      lines.push(`  ${clean(hostName(host.host, locale))}`);
      for (const finding of host.findings) lines.push(...findingLines(finding, locale, colour));
    }
  }
  return [...lines, ''];
}

function ledger(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  if (report.entitlements.length === 0)
    return [colour.bold(t('section.ledger', locale)), t('ledger.none', locale), ''];
  const right = 'right' as const;
  const columns = [
    { header: t('ledger.id', locale) },
    { header: t('ledger.product', locale) },
    { header: t('ledger.type', locale) },
    { header: t('ledger.seats', locale), align: right },
    { header: t('ledger.consumed', locale), align: right },
    { header: t('ledger.surplus', locale), align: right },
    { header: t('ledger.shortfall', locale), align: right },
    { header: t('ledger.status', locale) },
    { header: t('ledger.validity', locale) },
  ];
  const rows = report.entitlements.map((position) => [
    clean(position.id),
    clean(position.product),
    entitlementTypeLabel(position.type, locale),
    seatsText(position.seats, locale),
    String(position.consumed),
    position.surplus === null ? seatsText('unlimited', locale) : String(position.surplus),
    String(position.shortfall),
    positionStatusLabel(position.status, locale),
    clean(validityText(position, locale)),
  ]);
  const table = renderTextTable(columns, rows, {
    headerStyle: colour.bold,
    style: (row, column, padded) => {
      const position = report.entitlements[row]!;
      if (column === 6 && position.shortfall > 0) return colour.red(padded);
      if (column === 7 && position.status !== 'active') return colour.yellow(padded);
      return padded;
    },
  });
  return [colour.bold(t('section.ledger', locale)), ...table, ''];
}

function inputsAndProblems(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const hosts = report.unrecognised.reduce((sum, item) => sum + item.hosts, 0);
  const lines = [
    t('unrecognised.summary', locale, { count: report.unrecognised.length, hosts }),
    ...systemComponentsLine(report, locale),
    '',
    colour.bold(t('section.inputs', locale)),
  ];
  for (const input of report.inputs) {
    const line = t('input.line', locale, { ...input, source: clean(input.source) });
    lines.push(`  ${input.rejected > 0 ? colour.yellow(line) : line}`);
  }
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const problem of report.problems) bySeverity[problem.severity] += 1;
  lines.push(t('problem.summary', locale, { count: report.problems.length, ...bySeverity }));
  for (const problem of report.problems.slice(0, MAX_PROBLEM_LINES)) {
    const where = clean(formatLocation(problem));
    const severity = problemSeverityLabel(problem.severity, locale);
    lines.push(
      `  ${where ? `${where}  ` : ''}${severity}  ${clean(problem.message)}  (${clean(problem.code)})`,
    );
  }
  if (report.problems.length > MAX_PROBLEM_LINES) {
    lines.push(`  ${t('problem.more', locale, { count: report.problems.length - MAX_PROBLEM_LINES })}`);
  }
  return lines;
}

export function renderConsole(report: ComplianceReport, ctx: ReporterContext): string {
  const colour = palette(ctx.color);
  const locale = ctx.locale;
  return `${[
    ...heading(report, locale, colour),
    ...statistics(report, locale, colour),
    ...findings(report, locale, colour),
    ...ledger(report, locale, colour),
    ...inputsAndProblems(report, locale, colour),
  ].join('\n')}\n`;
}

export function consoleReporter(): Reporter {
  return { name: 'console', extension: 'txt', render: renderConsole };
}
