/**
 * Inline SVG bar charts: for each mandatory class, every unit (and the totals) gets a genuine-rate
 * bar and a domestic-rate bar. A unit without computers of the class shows `—` instead of bars.
 * Every label is escaped; long unit names are shortened with the full name in a <title>.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import { displayWidth as stringWidth } from '../display-width.js';
import { escapeHtml as e } from '../escaping.js';
import { classLabel } from '../labels.js';
import { t } from '../messages.js';
import { formatRate, rateOf } from '../rates.js';

const WIDTH = 480;
const LABEL_WIDTH = 150;
const BAR_AREA = 250;
const BAR_HEIGHT = 10;
const ROW_HEIGHT = 30;
const TOP = 26;
/** Terminal-style cells (a CJK character is two) a unit label may take before it is shortened. */
const MAX_LABEL_CELLS = 20;

function shorten(label: string): string {
  if (stringWidth(label) <= MAX_LABEL_CELLS) return label;
  let out = '';
  for (const char of label) {
    if (stringWidth(`${out + char}…`) > MAX_LABEL_CELLS) break;
    out += char;
  }
  return `${out}…`;
}

function bar(y: number, rate: number | null, colour: string, locale: Locale): string {
  if (rate === null) {
    return `<text x="${LABEL_WIDTH}" y="${y + BAR_HEIGHT - 1}" class="na">${e(t('rate.null', locale))}</text>`;
  }
  const width = Math.max(0, Math.min(1, rate)) * BAR_AREA;
  const label = formatRate(rate, locale);
  return (
    `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour}"/>` +
    `<text x="${(LABEL_WIDTH + width + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 1}" font-size="10" fill="#1f2328">${e(label)}</text>`
  );
}

/** One chart for one class. */
export function classChart(report: ComplianceReport, name: string, locale: Locale): string {
  const rows = [
    ...report.units.map((unit) => ({ label: unit.unit, rates: unit.rates, totals: false })),
    { label: t('stats.totals', locale), rates: report.totals.rates, totals: true },
  ];
  const height = TOP + rows.length * ROW_HEIGHT + 4;
  const title = t('chart.title', locale, { class: classLabel(name, locale) });
  const body = rows.map((row, index) => {
    const y = TOP + index * ROW_HEIGHT;
    return (
      `<g><title>${e(row.label)}</title>` +
      `<text x="0" y="${y + BAR_HEIGHT + 4}" font-size="12" fill="#1f2328"${row.totals ? ' font-weight="600"' : ''}>${e(shorten(row.label))}</text>` +
      bar(y, rateOf(row.rates, 'genuine', name), '#1f6feb', locale) +
      bar(y + BAR_HEIGHT + 2, rateOf(row.rates, 'domestic', name), '#d9480f', locale) +
      '</g>'
    );
  });
  const legend =
    `<rect x="0" y="4" width="10" height="10" fill="#1f6feb"/><text x="14" y="13" font-size="11">${e(t('chart.legendGenuine', locale))}</text>` +
    `<rect x="110" y="4" width="10" height="10" fill="#d9480f"/><text x="124" y="13" font-size="11">${e(t('chart.legendDomestic', locale))}</text>` +
    `<line x1="${LABEL_WIDTH}" y1="${TOP - 4}" x2="${LABEL_WIDTH}" y2="${height - 2}" stroke="#8c959f"/>` +
    `<line x1="${LABEL_WIDTH + BAR_AREA}" y1="${TOP - 4}" x2="${LABEL_WIDTH + BAR_AREA}" y2="${height - 2}" stroke="#d0d7de" stroke-dasharray="3 3"/>`;
  return (
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${e(title)}">` +
    `<title>${e(title)}</title>${legend}${body.join('')}</svg><figcaption>${e(title)}</figcaption></figure>`
  );
}

export function chartsSection(report: ComplianceReport, locale: Locale): string {
  return `<div class="charts">${report.classes.map((name) => classChart(report, name, locale)).join('')}</div>`;
}
