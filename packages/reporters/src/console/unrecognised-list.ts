/**
 * The unrecognised software on a terminal: the count, then the titles on the most computers (the
 * ones worth adding to the catalogue or the policy first), name, publisher and computers.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import type { Palette } from '../ansi.js';
import { sanitiseTerminal as clean } from '../escaping.js';
import { t } from '../messages.js';
import { renderTextTable } from '../text-table.js';

/** Titles listed before the rest is only counted. */
export const MAX_UNRECOGNISED_LINES = 15;

export function unrecognisedLines(
  report: ComplianceReport,
  locale: Locale,
  colour: Palette,
  width: number,
): string[] {
  const hosts = report.unrecognised.reduce((sum, item) => sum + item.hosts, 0);
  const lines = [
    colour.bold(t('section.unrecognised', locale)),
    t('unrecognised.summary', locale, { count: report.unrecognised.length, hosts }),
  ];
  if (report.unrecognised.length === 0) return [...lines, ''];
  const top = [...report.unrecognised]
    .sort((a, b) => b.hosts - a.hosts || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_UNRECOGNISED_LINES);
  const table = renderTextTable(
    [
      { header: t('unrecognised.name', locale) },
      { header: t('unrecognised.hosts', locale), align: 'right' },
      { header: t('unrecognised.publisher', locale) },
    ],
    top.map((item) => [clean(item.name), String(item.hosts), clean(item.publisher ?? '')]),
    { maxWidth: width - 2, headerStyle: colour.bold },
  );
  lines.push(...table.map((line) => `  ${line}`));
  const rest = report.unrecognised.length - top.length;
  if (rest > 0) lines.push(`  ${t('unrecognised.more', locale, { count: rest })}`);
  return [...lines, ''];
}
