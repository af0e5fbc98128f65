/**
 * `zhengban diff` output: console (aligned text), markdown (tables, every cell escaped) or json
 * (the ReportDiff itself). Rates are percentages with two decimals; changes are percentage points.
 */
import type { Locale } from '@zhengban/core';
import { localText, type MessageKey, msg } from '../messages.js';
import { printable } from '../printable.js';
import { formatTable } from '../text-table.js';
import { bulletinLines, percent, rankingTable, thresholdsLine } from './render-bulletin.js';
import type { DiffFinding, RateChange, ReportDiff } from './report-diff.js';

export type DiffFormat = 'console' | 'markdown' | 'json';
export const DIFF_FORMATS: readonly DiffFormat[] = ['console', 'markdown', 'json'];

/** Findings listed one by one in console output; the rest are counted. */
const LISTED = 50;

const CLASS_LABELS: Record<string, MessageKey> = {
  os: 'classOs',
  office: 'classOffice',
  antivirus: 'classAntivirus',
  overall: 'classOverall',
};

function classLabel(locale: Locale, cls: string): string {
  const key = CLASS_LABELS[cls];
  return key ? msg(locale, key) : cls;
}

function rateCell(row: RateChange | undefined): string {
  if (!row) return '—';
  const change =
    row.change === null ? '' : ` (${row.change >= 0 ? '+' : ''}${(row.change * 100).toFixed(2)})`;
  return `${percent(row.before)} → ${percent(row.after)}${change}`;
}

/** One table per kind: a row per unit (totals first), a column per class. */
function rateTable(diff: ReportDiff, kind: 'genuine' | 'domestic', locale: Locale): string[][] | undefined {
  const rows = diff.rates.filter((row) => row.kind === kind);
  if (rows.length === 0) return undefined;
  const classes = [...new Set(rows.map((row) => row.class))];
  const units = [...new Set(rows.map((row) => row.unit))];
  const header = [msg(locale, 'diffUnit'), ...classes.map((cls) => classLabel(locale, cls))];
  const body = units.map((unit) => [
    unit ?? msg(locale, 'diffTotal'),
    ...classes.map((cls) => rateCell(rows.find((row) => row.unit === unit && row.class === cls))),
  ]);
  return [header, ...body];
}

function findingLine(finding: DiffFinding, locale: Locale): string {
  const where = [finding.subject.unit, finding.subject.host, finding.subject.product]
    .filter(Boolean)
    .join(' / ');
  const text = `[${finding.status}] ${where ? `${where}: ` : ''}${localText(finding.message, locale)}  (${finding.rule})`;
  return printable(text);
}

function headline(diff: ReportDiff, locale: Locale): string[] {
  return [
    msg(locale, 'diffTitle', {
      before: diff.before.file,
      beforeAsOf: diff.before.asOf,
      after: diff.after.file,
      afterAsOf: diff.after.asOf,
    }),
    msg(locale, 'diffSummary', {
      fixed: diff.fixed.length,
      new: diff.new.length,
      stillOpen: diff.stillOpen.length,
      openBefore: diff.before.openFindings,
      openAfter: diff.after.openFindings,
      computersBefore: diff.before.computers,
      computersAfter: diff.after.computers,
    }),
    // Overdue findings exist only in campaign reports (audit --since): said when there are any.
    ...(diff.before.overdueFindings + diff.after.overdueFindings > 0
      ? [
          msg(locale, 'diffOverdue', {
            before: diff.before.overdueFindings,
            after: diff.after.overdueFindings,
          }),
        ]
      : []),
  ];
}

function ruleTable(diff: ReportDiff, locale: Locale): string[][] {
  return [
    msg(locale, 'diffRuleHeader').split('|'),
    ...diff.byRule.map((row) => [row.rule, String(row.fixed), String(row.new), String(row.stillOpen)]),
  ];
}

/** The parts of the output in order: a title with a table, or a title with a list of lines. */
type Section = { title: string; table: string[][] } | { title: string; lines: string[]; more?: number };

/** How much of BEFORE's plan was carried out: the totals as the title, one line per unit. */
function planSection(diff: ReportDiff, locale: Locale): Section | undefined {
  const plan = diff.plan;
  if (!plan) return undefined;
  const title = msg(locale, 'diffPlan', {
    done: plan.done,
    items: plan.items,
    partlyDone: plan.partlyDone,
    seatsDone: plan.seatsDone,
    seats: plan.seats,
    costDone: plan.costDone,
    cost: plan.cost,
  });
  return { title, lines: plan.units.map((unit) => msg(locale, 'diffPlanUnit', { ...unit })) };
}

function sections(diff: ReportDiff, locale: Locale, listed: number): Section[] {
  const out: Section[] = [];
  const plan = planSection(diff, locale);
  if (plan) out.push(plan);
  if (diff.byRule.length > 0) out.push({ title: msg(locale, 'diffByRule'), table: ruleTable(diff, locale) });
  for (const [kind, title] of [
    ['genuine', 'diffGenuineRates'],
    ['domestic', 'diffDomesticRates'],
  ] as const) {
    const table = rateTable(diff, kind, locale);
    if (table) out.push({ title: msg(locale, title), table });
  }
  if (diff.ranking.length > 0)
    out.push({ title: msg(locale, 'diffRanking'), table: rankingTable(diff.ranking, locale) });
  for (const [list, title] of [
    [diff.bulletin.praise, 'diffPraise'],
    [diff.bulletin.criticise, 'diffCriticise'],
  ] as const) {
    out.push({ title: `${msg(locale, title)} (${list.length})`, lines: bulletinLines(list, locale) });
  }
  out.push({ title: '', lines: [thresholdsLine(diff.bulletin, locale)] });
  for (const [list, title] of [
    [diff.new, 'diffNewFindings'],
    [diff.fixed, 'diffFixedFindings'],
  ] as const) {
    out.push({
      title: `${msg(locale, title)} (${list.length})`,
      lines: list.slice(0, listed).map((finding) => findingLine(finding, locale)),
      more: Math.max(0, list.length - listed),
    });
  }
  return out;
}

export function renderDiffConsole(diff: ReportDiff, locale: Locale): string {
  const out: string[] = [...headline(diff, locale), ''];
  for (const section of sections(diff, locale, LISTED)) {
    if ('table' in section) {
      out.push(section.title, formatTable(section.table));
      continue;
    }
    if (section.title === '') {
      out.push(...section.lines.map(printable), '');
      continue;
    }
    out.push(section.title, ...section.lines.map((line) => `  ${printable(line)}`));
    if (section.more) out.push(`  ${msg(locale, 'diffMore', { count: section.more })}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A markdown table cell: pipes, backslashes, angle brackets and line breaks cannot break the table. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

function markdownTable(rows: string[][]): string {
  const [header, ...body] = rows;
  const line = (row: string[]) => `| ${row.map(cell).join(' | ')} |`;
  return [line(header!), `|${header!.map(() => ' --- ').join('|')}|`, ...body.map(line)].join('\n');
}

export function renderDiffMarkdown(diff: ReportDiff, locale: Locale): string {
  const [title, ...summary] = headline(diff, locale);
  const out: string[] = [`# ${cell(title!)}`, '', ...summary.flatMap((line) => [cell(line), ''])];
  for (const section of sections(diff, locale, Number.POSITIVE_INFINITY)) {
    if ('table' in section) {
      out.push(`## ${section.title}`, '', markdownTable(section.table), '');
      continue;
    }
    if (section.title === '') {
      out.push(...section.lines.map(cell), '');
      continue;
    }
    out.push(`## ${section.title}`, '');
    if (section.lines.length === 0) out.push(msg(locale, 'diffNone'));
    for (const line of section.lines) out.push(`- ${cell(line)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderDiff(diff: ReportDiff, format: DiffFormat, locale: Locale): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  return format === 'markdown' ? renderDiffMarkdown(diff, locale) : renderDiffConsole(diff, locale);
}
