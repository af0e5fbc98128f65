/**
 * The index of a report split by unit (`zhengban audit --split unit`): one row per unit — its
 * computers, overall genuine rate, open and overdue findings — linking to that unit's report, and a
 * link to the whole fleet's report. Written as an HTML page and as a workbook (hyperlinked cells).
 */
import type { ComplianceReport, Locale, ReporterContext } from '@zhengban/core';
import { overdueOf } from './campaign-view.js';
import { escapeHtml as e } from './escaping.js';
import { htmlDocument } from './html/html-reporter.js';
import { t } from './messages.js';
import { formatRateExplained, overallFraction, rateOf } from './rates.js';
import { countByStatus } from './report-view.js';
import { safeText } from './xlsx-reporter.js';

export interface SplitIndexEntry {
  unit: string;
  parent?: string;
  /** The unit's report, relative to the index, with `/` between folders. */
  href: string;
  /** The unit's own report (unitReport). */
  report: ComplianceReport;
}

interface IndexRow {
  unit: string;
  parent: string;
  computers: number;
  rate: string;
  open: number;
  overdue: number | undefined;
  href: string;
}

function rows(entries: readonly SplitIndexEntry[], locale: Locale): IndexRow[] {
  return entries.map((entry) => {
    const { report } = entry;
    const overall = overallFraction(report.totals.classes, report.classes);
    const counts = countByStatus(report.findings);
    return {
      unit: entry.unit,
      parent: entry.parent ?? '',
      computers: report.totals.computers,
      rate: formatRateExplained(
        rateOf(report.totals.rates, 'genuine', 'overall'),
        overall.genuine,
        overall.installed,
        locale,
      ),
      open: counts.fail + counts.error + counts.warn,
      overdue: overdueOf(report, entry.unit),
      href: entry.href,
    };
  });
}

function headers(locale: Locale, campaign: boolean): string[] {
  return [
    t('stats.unit', locale),
    t('stats.parent', locale),
    t('stats.computers', locale),
    t('stats.overallGenuineRate', locale),
    t('split.open', locale),
    ...(campaign ? [t('stats.overdue', locale)] : []),
    t('split.report', locale),
  ];
}

/** A relative link whose every path segment is percent-encoded (Chinese names, spaces, `#`). */
function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function renderSplitIndexHtml(
  whole: ComplianceReport,
  entries: readonly SplitIndexEntry[],
  wholeHref: string,
  ctx: Pick<ReporterContext, 'locale'>,
): string {
  const locale = ctx.locale;
  const campaign = whole.campaign !== undefined;
  const policy = [whole.policy.name, whole.policy.version].filter(Boolean).join(' ');
  const head = headers(locale, campaign)
    .map((text) => `<th>${e(text)}</th>`)
    .join('');
  const body = rows(entries, locale)
    .map(
      (row) =>
        `<tr><td>${e(row.unit)}</td><td>${e(row.parent)}</td><td class="num">${row.computers}</td>` +
        `<td class="num">${e(row.rate)}</td><td class="num">${row.open}</td>` +
        (campaign ? `<td class="num">${row.overdue ?? 0}</td>` : '') +
        `<td><a href="${e(hrefOf(row.href))}">${e(row.href)}</a></td></tr>`,
    )
    .join('\n');
  return htmlDocument(locale, `${t('split.title', locale)} · ${policy} · ${whole.asOf}`, [
    `<header><h1>${e(t('split.title', locale))}</h1><p class="meta">${e(`${t('report.policy', locale)}: ${policy} · ${t('report.asOf', locale)}: ${whole.asOf}`)}</p></header>`,
    `<p>${e(t('split.whole', locale))}: <a href="${e(hrefOf(wholeHref))}">${e(wholeHref)}</a></p>`,
    `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`,
  ]);
}

export async function renderSplitIndexXlsx(
  whole: ComplianceReport,
  entries: readonly SplitIndexEntry[],
  wholeHref: string,
  ctx: Pick<ReporterContext, 'locale'>,
): Promise<Uint8Array> {
  const locale = ctx.locale;
  const campaign = whole.campaign !== undefined;
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = `${whole.tool.name} ${whole.tool.version}`;
  workbook.created = new Date(`${whole.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(t('split.title', locale).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const link = (path: string) => ({ text: safeText(path), hyperlink: hrefOf(path) });
  sheet.addRow([safeText(t('split.whole', locale)), link(wholeHref)]);
  const header = sheet.addRow(headers(locale, campaign).map(safeText));
  header.font = { bold: true };
  for (const row of rows(entries, locale)) {
    sheet.addRow([
      safeText(row.unit),
      safeText(row.parent),
      row.computers,
      safeText(row.rate),
      row.open,
      ...(campaign ? [row.overdue ?? 0] : []),
      link(row.href),
    ]);
  }
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 || index === sheet.columnCount - 1 ? 36 : 16;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
