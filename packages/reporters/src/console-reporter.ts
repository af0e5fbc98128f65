/**
 * console: the statistics table, the findings that need attention grouped by unit and host, the
 * licence position, then unrecognised software and what happened to each input. Every report
 * string is stripped of control characters, so a hostile name cannot drive the terminal.
 */
import type { ComplianceReport, Finding, Locale, Reporter, ReporterContext } from '@zhengban/core';
import { formatLocation, problemText } from '@zhengban/core';
import { type Palette, palette } from './ansi.js';
import { campaignLines, deadlineDetail } from './campaign-view.js';
import { statisticsLines } from './console/statistics-layout.js';
import { consoleColumns, foldLines } from './console/terminal-width.js';
import { unrecognisedLines } from './console/unrecognised-list.js';
import { displayWidth } from './display-width.js';
import { sanitiseTerminal as clean } from './escaping.js';
import {
  classLabel,
  entitlementTypeLabel,
  positionStatusLabel,
  problemSeverityLabel,
  severityLabel,
  statusLabel,
} from './labels.js';
import { localText, t } from './messages.js';
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
import { seatsText, validityText } from './tables.js';
import { renderTextTable } from './text-table.js';

/** Problems listed one per line before the rest is only counted. */
const MAX_PROBLEM_LINES = 20;

function heading(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const policy = [report.policy.name, report.policy.version].filter(Boolean).join(' ');
  return [
    colour.bold(t('report.title', locale)),
    clean(t('report.heading', locale, { policy, asOf: report.asOf })),
    ...campaignLines(report, locale).map((line) => colour.red(clean(line))),
    '',
  ];
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

function findingLines(finding: Finding, asOf: string, locale: Locale, colour: Palette): string[] {
  const status =
    effectiveStatus(finding) === 'waived'
      ? t('finding.waivedAs', locale, { status: statusLabel(finding.status, locale) })
      : statusLabel(finding.status, locale);
  const head = `${statusColour(finding, colour)(`[${status}]`)} ${severityLabel(finding.severity, locale)}  ${clean(finding.rule)}  ${clean(localText(finding.message, locale))}`;
  const lines = [`    ${head}`];
  const details: string[] = [];
  const evidence = evidenceList(finding);
  if (evidence) details.push(`${t('finding.evidence', locale)}: ${clean(evidence)}`);
  const deadline = deadlineDetail(finding, asOf, locale);
  if (deadline && !finding.overdue) details.push(deadline);
  if (details.length > 0) lines.push(colour.dim(`      ${details.join('  ')}`));
  if (deadline && finding.overdue) lines.push(`      ${colour.red(deadline)}`);
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
      for (const finding of host.findings) lines.push(...findingLines(finding, report.asOf, locale, colour));
    }
  }
  return [...lines, ''];
}

function ledger(report: ComplianceReport, locale: Locale, colour: Palette, width: number): string[] {
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
  const validity = report.entitlements.map((position) => clean(validityText(position, locale)));
  const rows = report.entitlements.map((position, index) => [
    clean(position.id),
    clean(position.product),
    entitlementTypeLabel(position.type, locale),
    seatsText(position.seats, locale),
    String(position.consumed),
    position.surplus === null ? seatsText('unlimited', locale) : String(position.surplus),
    String(position.shortfall),
    positionStatusLabel(position.status, locale),
    validity[index]!,
  ]);
  const style = (row: number, column: number, padded: string) => {
    const position = report.entitlements[row]!;
    if (column === 6 && position.shortfall > 0) return colour.red(padded);
    if (column === 7 && position.status !== 'active') return colour.yellow(padded);
    return padded;
  };
  let table = renderTextTable(columns, rows, { headerStyle: colour.bold, style });
  if (table.some((line) => displayWidth(line) > width)) {
    // Too wide: the validity goes on a line of its own under each licence.
    table = renderTextTable(
      columns.slice(0, -1),
      rows.map((row) => row.slice(0, -1)),
      {
        headerStyle: colour.bold,
        style,
        maxWidth: width,
        rowDetail: (row) => (validity[row] ? `${t('ledger.validity', locale)}: ${validity[row]}` : undefined),
      },
    );
  }
  return [colour.bold(t('section.ledger', locale)), ...table, ''];
}

function inputsAndProblems(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const lines = [colour.bold(t('section.inputs', locale))];
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
      `  ${where ? `${where}  ` : ''}${severity}  ${clean(problemText(problem, locale))}  (${clean(problem.code)})`,
    );
  }
  if (report.problems.length > MAX_PROBLEM_LINES) {
    lines.push(`  ${t('problem.more', locale, { count: report.problems.length - MAX_PROBLEM_LINES })}`);
  }
  return lines;
}

/** 采购套数 and 金额 per class, one line each (the national statistics' purchase columns). */
function purchasesSummary(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const rows = report.purchases;
  if (!rows) return [];
  const currency = report.currency ?? 'CNY';
  const lines = [colour.bold(t('table.purchases', locale))];
  for (const row of rows) {
    const unpriced =
      row.unpricedLines > 0 ? t('purchases.unpricedNote', locale, { count: row.unpricedLines }) : '';
    const unlimited =
      row.unlimitedLines > 0 ? t('purchases.unlimitedNote', locale, { count: row.unlimitedLines }) : '';
    lines.push(
      `  ${t('purchases.line', locale, { class: classLabel(row.class, locale), seats: row.seats, amount: row.amount, currency })}${unlimited}${unpriced}`,
    );
  }
  return [...lines, ''];
}

/** The plan in a few lines: the totals, the cost per unit with actions, the 调剂 suggestions. */
function planSummary(report: ComplianceReport, locale: Locale, colour: Palette): string[] {
  const plan = report.plan;
  if (!plan) return [];
  const lines = [colour.bold(t('section.plan', locale))];
  if (plan.items.length === 0) return [...lines, t('plan.none', locale), ''];
  const { totals } = plan;
  lines.push(
    t('plan.summary', locale, {
      items: totals.items,
      seats: totals.seats,
      purchased: totals.purchasedSeats,
      cost: totals.cost,
      currency: plan.currency,
    }),
  );
  if (totals.unpricedItems > 0)
    lines.push(colour.yellow(t('plan.unpricedNote', locale, { count: totals.unpricedItems })));
  for (const unit of plan.units) {
    if (unit.items === 0) continue;
    lines.push(
      `  ${t('plan.unitLine', locale, { unit: clean(unit.unit), items: unit.items, cost: unit.cost })}`,
    );
  }
  for (const suggestion of plan.suggestions) {
    lines.push(`  ${clean(t('plan.suggestion', locale, { ...suggestion }))}`);
  }
  return [...lines, ''];
}

export function renderConsole(report: ComplianceReport, ctx: ReporterContext): string {
  const colour = palette(ctx.color);
  const locale = ctx.locale;
  const width = consoleColumns(ctx.options);
  const lines = [
    ...heading(report, locale, colour),
    ...statisticsLines(report, locale, colour, width),
    ...findings(report, locale, colour),
    ...ledger(report, locale, colour, width),
    ...purchasesSummary(report, locale, colour),
    ...planSummary(report, locale, colour),
    ...unrecognisedLines(report, locale, colour, width),
    ...inputsAndProblems(report, locale, colour),
  ];
  return `${foldLines(lines, width).join('\n')}\n`;
}

export function consoleReporter(): Reporter {
  return { name: 'console', extension: 'txt', render: renderConsole };
}
