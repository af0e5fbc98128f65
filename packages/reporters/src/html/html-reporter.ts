/**
 * html: one self-contained file an official can open offline, print on A4 and attach to a report.
 * No network, no external asset or font; a Content-Security-Policy allows only the page's own
 * style sheet and filter script, by hash.
 */

import { createHash } from 'node:crypto';
import type { ComplianceReport, Locale, Reporter, ReporterContext } from '@zhengban/core';
import { escapeHtml as e } from '../escaping.js';
import { localTimestamp } from '../local-time.js';
import { t } from '../messages.js';
import { renderSteps } from '../render-steps.js';
import { productLabel } from '../report-view.js';
import { systemComponentsLine } from '../statistics-view.js';
import { buildTable, type Table } from '../tables.js';
import { findingRows, findingsSection, type RowText } from './findings-pages.js';
import { FILTER_SCRIPT, STYLE } from './html-assets.js';
import { planSection } from './html-plan.js';
import { headlineSection, tableSection } from './html-sections.js';
import { statisticsFormSection } from './statistics-form.js';
import { chartsSection } from './svg-charts.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** default-src 'none': no fetch, image, font, frame or connection of any kind. */
export const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(FILTER_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The ledger table with each product shown by its name and id. */
function ledgerWithProductNames(report: ComplianceReport, locale: Locale): Table {
  const table = buildTable('ledger', report, locale);
  const column = table.columns.indexOf(t('ledger.product', locale));
  const rows = table.rows.map((row) =>
    row.map((cell, index) =>
      index === column && cell.kind === 'text' ? { ...cell, value: productLabel(report, cell.value) } : cell,
    ),
  );
  return { ...table, rows };
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${e(title)}</h2>\n${body}\n</section>`;
}

/**
 * The page's parts, each made when called, so a render can let the event loop turn between them
 * (renderHtmlSteps); `rows` are the findings' rows (findingRows).
 */
function pageParts(
  report: ComplianceReport,
  ctx: ReporterContext,
  rows: readonly RowText[],
): (() => string)[] {
  const locale = ctx.locale;
  const policy = [report.policy.name, report.policy.version].filter(Boolean).join(' ');
  const meta = [
    `${t('report.policy', locale)}: ${policy}`,
    `${t('report.asOf', locale)}: ${report.asOf}`,
    ...(report.generatedAt
      ? [`${t('report.generatedAt', locale)}: ${localTimestamp(report.generatedAt)}`]
      : []),
    `${t('report.tool', locale)}: ${report.tool.name} ${report.tool.version}`,
  ];
  const unrecognisedHosts = report.unrecognised.reduce((sum, item) => sum + item.hosts, 0);
  const problemCounts = { error: 0, warning: 0, info: 0 };
  for (const problem of report.problems) problemCounts[problem.severity] += 1;
  return [
    () =>
      `<header><h1>${e(t('report.title', locale))}</h1><p class="meta">${meta.map(e).join(' · ')}</p></header>`,
    () => statisticsFormSection(report, locale),
    () => section('headline', t('section.headline', locale), headlineSection(report, locale)),
    () => section('charts', t('section.charts', locale), chartsSection(report, locale)),
    () => section('findings', t('section.findings', locale), findingsSection(rows, ctx.rulesMeta, locale)),
    () =>
      section(
        'ledger',
        t('section.ledger', locale),
        tableSection(ledgerWithProductNames(report, locale), locale, t('ledger.none', locale)),
      ),
    ...(report.plan ? [() => section('plan', t('section.plan', locale), planSection(report, locale))] : []),
    ...(report.purchases
      ? [
          () =>
            section(
              'purchases',
              t('table.purchases', locale),
              tableSection(buildTable('purchases', report, locale), locale),
            ),
        ]
      : []),
    () =>
      section(
        'unrecognised',
        t('section.unrecognised', locale),
        `<p>${e(t('unrecognised.summary', locale, { count: report.unrecognised.length, hosts: unrecognisedHosts }))}</p>` +
          systemComponentsLine(report, locale)
            .map((line) => `<p>${e(line)}</p>`)
            .join('') +
          tableSection(buildTable('unrecognised', report, locale), locale),
      ),
    () =>
      section(
        'inputs',
        t('section.inputs', locale),
        tableSection(buildTable('inputs', report, locale), locale),
      ),
    () =>
      section(
        'problems',
        t('section.problems', locale),
        `<p>${e(t('problem.summary', locale, { count: report.problems.length, ...problemCounts }))}</p>` +
          tableSection(buildTable('problems', report, locale), locale),
      ),
    () => `<footer>${e(`${report.tool.name} ${report.tool.version}`)}</footer>`,
  ];
}

function page(report: ComplianceReport, ctx: ReporterContext, body: readonly string[]): string {
  const policy = [report.policy.name, report.policy.version].filter(Boolean).join(' ');
  return htmlDocument(ctx.locale, `${t('report.title', ctx.locale)} · ${policy} · ${report.asOf}`, [
    ...body,
    `<script>${FILTER_SCRIPT}</script>`,
  ]);
}

export function renderHtml(report: ComplianceReport, ctx: ReporterContext): string {
  const rows = [...findingRows(report, ctx.rulesMeta, ctx.locale)];
  return page(
    report,
    ctx,
    pageParts(report, ctx, rows).map((part) => part()),
  );
}

/**
 * renderHtml, letting the event loop turn between findings and between sections, and stopping
 * once ctx.signal is aborted (a large fleet's page is seconds of work). The same text.
 */
export async function renderHtmlSteps(report: ComplianceReport, ctx: ReporterContext): Promise<string> {
  const step = renderSteps(ctx.signal);
  const rows: RowText[] = [];
  for (const row of findingRows(report, ctx.rulesMeta, ctx.locale)) {
    await step();
    rows.push(row);
  }
  const body: string[] = [];
  for (const part of pageParts(report, ctx, rows)) {
    await step();
    body.push(part());
  }
  await step();
  return page(report, ctx, body);
}

/**
 * A whole page around `body` (markup the caller has escaped): the report's style, and a content
 * security policy that lets nothing be fetched and no script run but the report's own.
 */
export function htmlDocument(locale: Locale, title: string, body: readonly string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function htmlReporter(): Reporter {
  return { name: 'html', extension: 'html', render: renderHtmlSteps };
}
