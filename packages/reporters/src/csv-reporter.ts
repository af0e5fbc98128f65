/**
 * csv: one table per file, UTF-8 with a BOM (so Excel reads Chinese), RFC 4180 quoting and CRLF
 * line ends. A text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so a
 * spreadsheet never runs it as a formula; numbers we computed ourselves are written as numbers.
 */
import type { ComplianceReport, Locale, Reporter, ReporterContext, ReportWriter } from '@zhengban/core';
import { UsageError } from '@zhengban/core';
import { replaceLoneSurrogates } from './escaping.js';
import { formatRate } from './rates.js';
import {
  buildTable,
  type Cell,
  findingColumns,
  findingRow,
  isTableId,
  TABLE_IDS,
  type Table,
  type TableId,
  tableOrder,
  tableTitle,
} from './tables.js';

export interface CsvReporterOptions {
  /** Which table: `units` (the statistics table, default), `findings`, `ledger`, `unrecognised`,
   * `inputs` or `problems`. */
  table?: TableId;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(cell: Cell, locale: Locale): string {
  switch (cell.kind) {
    case 'text':
      return neutraliseFormula(
        replaceLoneSurrogates(cell.value).replace(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g,
          '\uFFFD',
        ),
      );
    case 'count':
      return cell.value === undefined ? '' : String(cell.value);
    case 'rate':
      return formatRate(cell.value, locale);
    case 'date':
      return cell.value ?? '';
  }
}

function headerLine(columns: readonly string[]): string {
  return columns.map(neutraliseFormula).map(quote).join(',');
}

function rowLine(row: readonly Cell[], locale: Locale): string {
  return row.map((cell) => quote(cellText(cell, locale))).join(',');
}

export function tableToCsv(table: Table, locale: Locale): string {
  const lines = [headerLine(table.columns), ...table.rows.map((row) => rowLine(row, locale))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * The streaming form: the findings table row by row as the findings arrive (each group sorted as
 * the whole table is: groups are one unit's or one host's); any other table needs no finding and
 * is written whole at the end.
 */
function csvWriter(report: ComplianceReport, table: TableId, locale: Locale): ReportWriter {
  if (table !== 'findings') {
    return {
      start: () => '',
      findings: () => '',
      end: () => tableToCsv(buildTable(table, report, locale), locale),
    };
  }
  return {
    start: () => `${BOM}${headerLine(findingColumns(locale, report.campaign !== undefined))}\r\n`,
    findings: (group) =>
      tableOrder(report, group)
        .map(
          (finding) => `${rowLine(findingRow(finding, locale, report.campaign !== undefined), locale)}\r\n`,
        )
        .join(''),
    end: () => '',
  };
}

/** Every table as its own file: `{ '统计表.csv': …, '问题清单.csv': …, … }` (English names under en). */
export function renderCsvTables(
  report: ComplianceReport,
  ctx: Pick<ReporterContext, 'locale'>,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const id of TABLE_IDS) {
    const table = buildTable(id, report, ctx.locale);
    files[`${table.title}.csv`] = tableToCsv(table, ctx.locale);
  }
  return files;
}

/**
 * Every table as its own file, streamed: one writer per file name (`统计表.csv`, `问题清单.csv`, …;
 * English names under en). Together they write what `renderCsvTables` returns.
 */
export function csvTableWriters(
  report: ComplianceReport,
  ctx: Pick<ReporterContext, 'locale'>,
): Record<string, ReportWriter> {
  const writers: Record<string, ReportWriter> = {};
  for (const id of TABLE_IDS)
    writers[`${tableTitle(id, ctx.locale)}.csv`] = csvWriter(report, id, ctx.locale);
  return writers;
}

function chosenTable(value: unknown): TableId {
  if (value === undefined) return 'units';
  if (isTableId(value)) return value;
  throw new UsageError(`csv: unknown table "${String(value)}"; choose one of ${TABLE_IDS.join(', ')}`);
}

/** The csv reporter for one table: `options.table`, else `ctx.options.table`, else `units`. */
export function csvReporter(options: CsvReporterOptions | Record<string, unknown> = {}): Reporter {
  const fixed = options.table === undefined ? undefined : chosenTable(options.table);
  return {
    name: 'csv',
    extension: 'csv',
    render: (report, ctx) => {
      const table = fixed ?? chosenTable(ctx.options.table);
      return tableToCsv(buildTable(table, report, ctx.locale), ctx.locale);
    },
    stream: (report, ctx) => csvWriter(report, fixed ?? chosenTable(ctx.options.table), ctx.locale),
  };
}
