/**
 * Finding the header of an inventory register as offices keep them: a title row or two above it
 * (`XX局软件正版化登记表`, `填报日期：…`), a two-row header whose upper cells were merged over the
 * lower ones (`软件信息` over `名称 | 版本 | 厂商`), PowerShell's `#TYPE …` line, and per-PC exports
 * without a computer column (PowerShell Export-Csv of the Uninstall keys): those are one computer,
 * named after the file.
 */
import { InputError, type ProblemParams, type ScanContext } from '@zhengban/core';
import { isTypeLine, kindOf } from '../windows/export-csv.js';
import {
  CSV_FIELDS,
  CSV_HEADER_WORDS,
  type CsvColumns,
  type CsvField,
  type HeaderMatch,
  matchColumns,
  normaliseHeader,
  resolveCsvColumns,
} from './csv-headers.js';

/** Rows looked at for the header: titles above a header are one or two rows, rarely more. */
const HEADER_SEARCH_ROWS = 10;

export interface RegisterHeader {
  columns: CsvColumns;
  /** Index (in the rows given) of the last header row; data starts after it. */
  index: number;
  /** The header cells as read (the two rows combined when merged). */
  cells: string[];
  /** Line of the (first) header row. */
  line: number;
  /** Lines of non-empty rows above the header that are not read (a title). */
  titleLines: number[];
  /** The header spans two rows (merged upper cells). */
  merged: boolean;
  /** A per-PC export without a computer column: every row is the computer the file is named after. */
  hostFromFile: boolean;
  /** A PowerShell Export-Csv of the Uninstall keys: an empty DisplayName is a key, not a bad row. */
  uninstallExport: boolean;
}

const ALL_WORDS = new Set(CSV_FIELDS.flatMap((field) => CSV_HEADER_WORDS[field]));

/** True when every non-empty cell is a header word and at least two are (a header row, not data). */
function isHeaderWords(row: readonly string[]): boolean {
  let words = 0;
  for (const cell of row) {
    const key = normaliseHeader(cell);
    if (key === '') continue;
    if (!ALL_WORDS.has(key)) return false;
    words++;
  }
  return words >= 2;
}

function fieldCount(match: HeaderMatch): number {
  return CSV_FIELDS.filter((field) => match.columns[field] >= 0).length;
}

/** Two header rows as one: the lower cell where it has one, else the upper (merged) cell. */
function combine(upper: readonly string[], lower: readonly string[]): string[] {
  const cells: string[] = [];
  for (let i = 0; i < Math.max(upper.length, lower.length); i++) {
    const below = (lower[i] ?? '').trim();
    cells.push(below !== '' ? below : (upper[i] ?? ''));
  }
  return cells;
}

/**
 * The header among the first rows. Throws the usual header error (naming the first row) when no row
 * has both a computer and a software-name column and the file is no per-PC export.
 */
export function findRegisterHeader(
  rows: readonly string[][],
  lines: readonly number[],
  file: string,
  mapping: Partial<Record<CsvField, string>> | undefined,
  onDuplicate: (
    cells: readonly string[],
    line: number,
    field: CsvField,
    used: number,
    unused: number,
  ) => void,
): RegisterHeader | undefined {
  const candidates: number[] = [];
  let typeLine = false;
  for (let i = 0; i < rows.length && candidates.length < HEADER_SEARCH_ROWS; i++) {
    const row = rows[i]!;
    if (row.every((cell) => cell.trim() === '')) continue;
    if (candidates.length === 0 && !typeLine && row.length === 1 && isTypeLine(row[0]!)) {
      typeLine = true;
      continue;
    }
    candidates.push(i);
  }
  if (candidates.length === 0) return undefined;
  const titleLinesBefore = (index: number) => candidates.filter((i) => i < index).map((i) => lines[i]!);
  const found = (cells: string[], first: number, last: number, merged: boolean): RegisterHeader => {
    const match = matchColumns(cells, mapping, (field, used, unused) =>
      onDuplicate(cells, lines[first]!, field, used, unused),
    );
    const keys = cells.map(normaliseHeader);
    const exportKind = kindOf(keys);
    return {
      columns: match.columns,
      index: last,
      cells,
      line: lines[first]!,
      titleLines: titleLinesBefore(first),
      merged,
      hostFromFile: match.columns.host < 0,
      uninstallExport: exportKind === 'powershell',
    };
  };
  for (let c = 0; c < candidates.length; c++) {
    const at = candidates[c]!;
    const next = candidates[c + 1];
    const row = rows[at]!;
    // A lower header row of words under this one: the header is both rows when together they name
    // more fields than the lower row alone (cells merged down or across: 计算机名 over an empty cell).
    if (next !== undefined && next === at + 1 && isHeaderWords(rows[next]!)) {
      const cells = combine(row, rows[next]!);
      const both = matchColumns(cells, mapping);
      const lower = matchColumns(rows[next]!, mapping);
      const usable = (match: HeaderMatch) => match.missing.length === 0 && match.mappingMissing === undefined;
      if (usable(both) && (!usable(lower) || fieldCount(both) > fieldCount(lower)))
        return found(cells, at, next, true);
    }
    const match = matchColumns(row, mapping);
    if (match.missing.length === 0 && match.mappingMissing === undefined) return found(row, at, at, false);
  }
  // No computer column: a per-PC export (PowerShell, wmic without Node) is one computer.
  for (const at of candidates.slice(0, 3)) {
    const row = rows[at]!;
    const match = matchColumns(row, mapping);
    const perPc = typeLine || kindOf(row.map(normaliseHeader)) !== undefined;
    if (perPc && match.missing.length === 1 && match.missing[0] === 'host' && !match.mappingMissing)
      return found(row, at, at, false);
  }
  // The usual error, about the first row (the header when there are no titles).
  const first = candidates[0]!;
  resolveCsvColumns(rows[first]!, file, mapping, undefined, lines[first]!);
  throw new InputError(`${file}: no header found`, { file, source: 'csv' }, 'csv.header');
}

/** Says how a register's header was read when it was not simply the first row (info, counted nowhere). */
export function reportHeaderNotes(
  ctx: Pick<ScanContext, 'problem'>,
  file: string,
  header: RegisterHeader,
  fileHost: string,
): void {
  const note = (message: string, code: string, params: ProblemParams) =>
    ctx.problem({ message, code, params, severity: 'info', rejects: false, file, line: header.line });
  if (header.titleLines.length > 0) {
    note(
      `line ${header.line} is the header; line(s) ${header.titleLines.join(', ')} above it are a title and are not read`,
      'csv.title-rows',
      { line: header.line, titleLines: header.titleLines.join(', ') },
    );
  }
  if (header.merged) {
    note(
      `lines ${header.line} and ${header.line + 1} are read as one header (merged cells above the column names): ${header.cells.join(', ').slice(0, 200)}`,
      'csv.merged-header',
      { line: header.line, next: header.line + 1, header: header.cells.join(', ').slice(0, 200) },
    );
  }
  if (header.hostFromFile) {
    note(
      `no computer column: a per-PC export, every row is the computer "${fileHost}" (the file's name)`,
      'csv.host-from-file',
      { host: fileHost },
    );
  }
}
