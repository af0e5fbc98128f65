/**
 * markdown: the headline, the statistics table, the findings that need attention, the ledger,
 * unrecognised software and inputs — for tickets and chat. Every cell is escaped (`|`, backticks,
 * emphasis, HTML).
 */
import type { ComplianceReport, Locale, Reporter, ReporterContext } from '@zhengban/core';
import { campaignLines } from './campaign-view.js';
import { escapeMarkdownCell as md } from './escaping.js';
import { classLabel } from './labels.js';
import { type MessageKey, t } from './messages.js';
import { formatRate, formatRateExplained, overallFraction, rateOf } from './rates.js';
import { countByStatus, needsAttention } from './report-view.js';
import { STATISTICS_COLUMNS, statisticsBlocks } from './statistics-view.js';
import { buildTable, type Cell, type Table, type TableId } from './tables.js';

function mdTable(
  columns: string[],
  rows: string[][],
  rightAligned: ReadonlySet<number> = new Set(),
): string[] {
  const align = columns.map((_, index) => (rightAligned.has(index) ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns.map(md)), line(align), ...rows.map(line)];
}

function cellMarkdown(cell: Cell, locale: Locale): string {
  switch (cell.kind) {
    case 'text':
      return md(cell.value);
    case 'count':
      return cell.value === undefined ? '' : String(cell.value);
    case 'rate':
      return formatRateExplained(cell.value, cell.numerator, cell.denominator, locale);
    case 'date':
      return cell.value ?? '';
  }
}

const SECTION_TITLE: Record<TableId, MessageKey> = {
  units: 'section.statistics',
  findings: 'section.findings',
  ledger: 'section.ledger',
  purchases: 'table.purchases',
  plan: 'table.plan',
  budget: 'table.budget',
  unrecognised: 'section.unrecognised',
  inputs: 'section.inputs',
  problems: 'section.problems',
};

function tableSection(table: Table, locale: Locale): string[] {
  const rows = table.rows.map((row) => row.map((cell) => cellMarkdown(cell, locale)));
  const numeric = new Set(
    table.columns.map((_, index) => index).filter((index) => table.rows[0]?.[index]?.kind === 'count'),
  );
  return [`## ${t(SECTION_TITLE[table.id], locale)}`, '', ...mdTable(table.columns, rows, numeric), ''];
}

function headline(report: ComplianceReport, locale: Locale): string[] {
  const overall = overallFraction(report.totals.classes, report.classes);
  const lines = [
    `- **${t('headline.overall', locale)}**: ${formatRateExplained(rateOf(report.totals.rates, 'genuine', 'overall'), overall.genuine, overall.installed, locale)}`,
  ];
  for (const name of report.classes) {
    const stats = report.totals.classes[name];
    const label = classLabel(name, locale);
    const genuine = formatRateExplained(
      rateOf(report.totals.rates, 'genuine', name),
      stats?.genuine ?? 0,
      stats?.installed ?? 0,
      locale,
    );
    const domestic = formatRateExplained(
      rateOf(report.totals.rates, 'domestic', name),
      stats?.domestic ?? 0,
      stats?.installed ?? 0,
      locale,
    );
    lines.push(
      `- ${t('headline.classGenuine', locale, { class: label })}: ${genuine}; ${t('headline.classDomestic', locale, { class: label })}: ${domestic}`,
    );
  }
  lines.push(
    `- ${t('headline.computers', locale, { computers: report.totals.computers, units: report.units.length })}`,
  );
  lines.push(`- ${t('finding.counts', locale, countByStatus(report.findings))}`);
  for (const line of campaignLines(report, locale)) lines.push(`- ${md(line)}`);
  return lines;
}

function statistics(report: ComplianceReport, locale: Locale): string[] {
  const columns = STATISTICS_COLUMNS;
  const rows: string[][] = [];
  for (const block of statisticsBlocks(report, locale)) {
    block.rows.forEach((row, index) => {
      const first = index === 0;
      const unit = first ? (block.isTotals ? `**${md(block.unit)}**` : md(block.unit)) : '';
      rows.push([
        unit,
        first && block.staff !== undefined ? String(block.staff) : '',
        first ? String(block.computers) : '',
        md(row.label),
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
        row.domesticRate ? formatRate(row.domesticRate.rate, locale) : '',
        first ? String(block.unauthorised) : '',
      ]);
    });
  }
  const headers = columns.map((key) => t(key, locale));
  return [
    `## ${t('section.statistics', locale)}`,
    '',
    ...mdTable(headers, rows, new Set([1, 2, 4, 5, 6, 7, 8, 9, 10])),
    '',
  ];
}

export function renderMarkdown(report: ComplianceReport, ctx: ReporterContext): string {
  const locale = ctx.locale;
  const policy = [report.policy.name, report.policy.version].filter(Boolean).join(' ');
  // Passing and skipped findings are only counted in the headline; the rest are listed.
  const findings = buildTable(
    'findings',
    { ...report, findings: report.findings.filter(needsAttention) },
    locale,
  );
  const sections = [
    `# ${t('report.title', locale)}`,
    '',
    md(t('report.heading', locale, { policy, asOf: report.asOf })),
    '',
    `## ${t('section.headline', locale)}`,
    '',
    ...headline(report, locale),
    '',
    ...statistics(report, locale),
    ...(findings.rows.length > 0
      ? tableSection(findings, locale)
      : [`## ${t('section.findings', locale)}`, '', t('finding.none', locale), '']),
    ...tableSection(buildTable('ledger', report, locale), locale),
    ...(report.purchases ? tableSection(buildTable('purchases', report, locale), locale) : []),
    ...(report.plan
      ? [
          ...tableSection(buildTable('plan', report, locale), locale),
          ...report.plan.suggestions.map((s) => `- ${md(t('plan.suggestion', locale, { ...s }))}`),
          ...(report.plan.suggestions.length > 0 ? [''] : []),
          ...tableSection(buildTable('budget', report, locale), locale),
        ]
      : []),
    ...tableSection(buildTable('unrecognised', report, locale), locale),
    ...tableSection(buildTable('inputs', report, locale), locale),
    ...tableSection(buildTable('problems', report, locale), locale),
  ];
  return `${sections.join('\n').trimEnd()}\n`;
}

export function markdownReporter(): Reporter {
  return { name: 'markdown', extension: 'md', render: renderMarkdown };
}
