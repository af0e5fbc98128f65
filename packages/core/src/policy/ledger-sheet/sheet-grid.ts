/**
 * A spreadsheet as the ledger reader sees it: rows of cells, each cell text or a number, with the
 * file and sheet they came from. CSV and XLSX are both read into this one shape, so the ledger's
 * columns are understood in one place whatever the office saved.
 */
import type { SourceLocation } from '../../model.js';

/** One cell: text, a number (XLSX numbers and dates are Excel serial numbers), or empty. */
export type SheetCell = string | number | undefined;

export interface SheetGrid {
  /** The file as written in the policy (relative paths stay relative, for messages). */
  file: string;
  /** The worksheet's name (XLSX); absent for CSV. */
  sheet?: string;
  /** Rows in file order; `rows[0]` is the file's first row. Merged cells carry their value in every cell. */
  rows: SheetCell[][];
}

/** `A`, `B`, … `Z`, `AA`, … for a 0-based column index. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Where a cell is: file, 1-based row and column, and `sheet!B7` as the key. */
export function cellLocation(grid: SheetGrid, rowIndex: number, columnIndex: number): SourceLocation {
  const cell = `${columnLetters(columnIndex)}${rowIndex + 1}`;
  return {
    file: grid.file,
    line: rowIndex + 1,
    column: columnIndex + 1,
    key: grid.sheet === undefined ? cell : `${grid.sheet}!${cell}`,
  };
}

/**
 * The text of a cell, trimmed; empty → undefined. A `'` before `=`, `+`, `-` or `@` is the mark
 * spreadsheet writers (ours included) put there so the text is never taken for a formula; it is not
 * part of the value.
 */
export function cellText(cell: SheetCell): string | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : undefined;
  const trimmed = cell.trim().replace(/^'(?=[=+\-@])/, '');
  return trimmed === '' ? undefined : trimmed;
}
