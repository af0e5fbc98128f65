/**
 * The unrecognised software on a terminal: the count and the share of installations recognised,
 * then the titles on the most computers (the ones worth adding to the catalogue or the policy
 * first), with name, computers, publisher and a few of the computers to look at.
 */
import { type ComplianceReport, type Locale, recognitionShare } from '@zhengban/core';
import type { Palette } from '../ansi.js';
import { sanitiseTerminal as clean } from '../escaping.js';
import { t } from '../messages.js';
import { formatRate } from '../rates.js';
import { renderTextTable } from '../text-table.js';

/** Titles listed before the rest is only counted. */
export const MAX_UNRECOGNISED_LINES = 15;
/** Sample computers named per title. */
const SAMPLES = 3;

/** `软件识别率 95.50%（…）` when the engine counted recognition (report.stats). */
function shareLine(report: ComplianceReport, locale: Locale): string[] {
  const share = recognitionShare(report.stats);
  if (share === undefined) return [];
  const recognised = report.stats!.softwareRecognised!;
  return [
    t('unrecognised.share', locale, {
      rate: formatRate(share, locale),
      recognised,
      total: recognised + report.stats!.softwareUnrecognised!,
      components: report.stats!.softwareSystemComponents ?? 0,
    }),
  ];
}

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
    ...shareLine(report, locale),
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
      { header: t('unrecognised.sampleHosts', locale) },
    ],
    top.map((item) => [
      clean(item.name),
      String(item.hosts),
      clean(item.publisher ?? ''),
      clean(item.sampleHosts.slice(0, SAMPLES).join(', ')),
    ]),
    { maxWidth: width - 2, headerStyle: colour.bold },
  );
  lines.push(...table.map((line) => `  ${line}`));
  const rest = report.unrecognised.length - top.length;
  if (rest > 0) lines.push(`  ${t('unrecognised.more', locale, { count: rest })}`);
  return [...lines, ''];
}
