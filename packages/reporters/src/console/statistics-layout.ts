/**
 * The statistics table on a terminal. The wide layout (one row per unit and class, every measure
 * a column, rates with their fractions) is used when it fits the width; otherwise the narrow one:
 * first one line per unit (staff, computers, overall genuine rate, unauthorised), then one block
 * per class with a line per unit. Rates there stand without the fraction, which is the 正版 and
 * 已安装 columns beside them. Either way no line is wider than the terminal.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import type { Palette } from '../ansi.js';
import { displayWidth } from '../display-width.js';
import { sanitiseTerminal as clean } from '../escaping.js';
import { t } from '../messages.js';
import { formatRate, formatRateExplained } from '../rates.js';
import { type RateCell, statisticsBlocks, type UnitBlock } from '../statistics-view.js';
import { renderTextTable, type TextColumn } from '../text-table.js';

const right = 'right' as const;

function rateColour(colour: Palette, rate: number | null | undefined, padded: string): string {
  if (rate === 1) return colour.green(padded);
  if (typeof rate === 'number') return colour.red(padded);
  return padded;
}

function wideTable(blocks: readonly UnitBlock[], locale: Locale, colour: Palette): string[] {
  const rows: string[][] = [];
  const ruleBefore = new Set<number>();
  const rateColumns = new Map<number, { rate: number | null }>();
  const explained = (cell: RateCell | undefined) =>
    cell ? formatRateExplained(cell.rate, cell.numerator, cell.denominator, locale) : '';
  for (const block of blocks) {
    if (rows.length > 0) ruleBefore.add(rows.length);
    block.rows.forEach((row, index) => {
      const first = index === 0;
      rateColumns.set(rows.length, row.genuineRate);
      rows.push([
        first ? clean(block.unit) : '',
        first && block.staff !== undefined ? String(block.staff) : '',
        first ? String(block.computers) : '',
        row.label,
        String(row.installed),
        String(row.genuine),
        row.domestic === undefined ? '' : String(row.domestic),
        row.missing === undefined ? '' : String(row.missing),
        explained(row.genuineRate),
        explained(row.domesticRate),
        first ? String(block.unauthorised) : '',
      ]);
    });
  }
  const columns: TextColumn[] = [
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
  return renderTextTable(columns, rows, {
    ruleBefore,
    headerStyle: colour.bold,
    style: (row, column, padded, raw) => {
      if (column === 8) return rateColour(colour, rateColumns.get(row)?.rate, padded);
      if (column === 10 && raw !== '' && raw !== '0') return colour.red(padded);
      return padded;
    },
  });
}

function narrowTables(
  blocks: readonly UnitBlock[],
  locale: Locale,
  colour: Palette,
  width: number,
): string[] {
  const totalsRule = new Set([blocks.length - 1]);
  const overall = (block: UnitBlock) => block.rows[block.rows.length - 1]!.genuineRate;
  const summary = renderTextTable(
    [
      { header: t('stats.unit', locale) },
      { header: t('stats.staff', locale), align: right },
      { header: t('stats.computers', locale), align: right },
      { header: t('stats.overallGenuineRate', locale), align: right },
      { header: t('stats.unauthorised', locale), align: right },
    ],
    blocks.map((block) => [
      clean(block.unit),
      block.staff === undefined ? '' : String(block.staff),
      String(block.computers),
      formatRateExplained(overall(block).rate, overall(block).numerator, overall(block).denominator, locale),
      String(block.unauthorised),
    ]),
    {
      ruleBefore: totalsRule,
      maxWidth: width,
      headerStyle: colour.bold,
      style: (row, column, padded, raw) => {
        if (column === 3) return rateColour(colour, overall(blocks[row]!).rate, padded);
        if (column === 4 && raw !== '0') return colour.red(padded);
        return padded;
      },
    },
  );
  const lines = [...summary];
  const classCount = blocks[0]?.rows.length ?? 1;
  // The last row of each block is 必备类合计, shown in the summary; one block per class.
  for (let index = 0; index < classCount - 1; index += 1) {
    const label = blocks[0]!.rows[index]!.label;
    lines.push('', colour.bold(label));
    const table = renderTextTable(
      [
        { header: t('stats.unit', locale) },
        { header: t('stats.installed', locale), align: right },
        { header: t('stats.genuine', locale), align: right },
        { header: t('stats.domestic', locale), align: right },
        { header: t('stats.missing', locale), align: right },
        { header: t('stats.genuineRate', locale), align: right },
        { header: t('stats.domesticRate', locale), align: right },
      ],
      blocks.map((block) => {
        const row = block.rows[index]!;
        return [
          clean(block.unit),
          String(row.installed),
          String(row.genuine),
          String(row.domestic ?? ''),
          String(row.missing ?? ''),
          formatRate(row.genuineRate.rate, locale),
          formatRate(row.domesticRate?.rate ?? null, locale),
        ];
      }),
      {
        ruleBefore: totalsRule,
        maxWidth: width,
        headerStyle: colour.bold,
        style: (row, column, padded) =>
          column === 5 ? rateColour(colour, blocks[row]!.rows[index]!.genuineRate.rate, padded) : padded,
      },
    );
    lines.push(...table);
  }
  return lines;
}

const visible = (line: string) => displayWidth(line.replace(/\u001b\[[0-9;]*m/g, ''));

export function statisticsLines(
  report: ComplianceReport,
  locale: Locale,
  colour: Palette,
  width: number,
): string[] {
  const blocks = statisticsBlocks(report, locale);
  const wide = wideTable(blocks, locale, colour);
  const table = wide.every((line) => visible(line) <= width)
    ? wide
    : narrowTables(blocks, locale, colour, width);
  return [colour.bold(t('section.statistics', locale)), ...table, ''];
}
