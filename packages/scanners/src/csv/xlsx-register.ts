/**
 * `.xlsx` registers (软件登记表): every sheet, or the one the `sheet` option names, read with the same
 * header rules as a CSV (title rows, merged header cells, the words in csv-headers.ts). Cells are read
 * as the text a person sees: a date as `YYYY-MM-DD`, a formula as its cached result, rich text joined;
 * a cell of a merged range reads as the range's value (exceljs gives the master's value).
 *
 * In "every sheet" mode an empty sheet (Sheet2, Sheet3) is passed over, and a sheet without an
 * inventory header (a 说明 or 汇总 sheet) is one warning; when no sheet has one, the file fails.
 */
import { extname } from 'node:path';
import { bilingual, type HostInventory, InputError, type ScanContext, ZhengbanError } from '@zhengban/core';
import type { CsvBatch, CsvTextBatch } from './csv-stream.js';

export function isWorkbook(file: string): boolean {
  return extname(file).toLowerCase() === '.xlsx';
}

type RowScanner<O> = (
  label: string,
  path: string,
  batches: AsyncIterable<CsvBatch | CsvTextBatch>,
  options: O,
  ctx: ScanContext,
) => AsyncGenerator<HostInventory>;

interface SheetRows {
  name: string;
  rows: string[][];
  lines: number[];
}

export async function* scanWorkbook<O extends { sheet?: string }>(
  file: string,
  options: O,
  ctx: ScanContext,
  scanRows: RowScanner<O>,
): AsyncGenerator<HostInventory> {
  const sheets = await readSheets(file);
  const wanted = options.sheet;
  const chosen =
    wanted === undefined
      ? sheets
      : sheets.filter((sheet, index) => sheet.name === wanted || String(index + 1) === wanted);
  if (chosen.length === 0) {
    throw new InputError(
      `${file}: the workbook has no sheet "${wanted}" (sheets: ${sheets.map((sheet) => sheet.name).join(', ')})`,
      { file, source: 'csv' },
      'csv.sheet',
      { file, wanted: wanted ?? '', sheets: sheets.map((sheet) => sheet.name).join(', ') },
    );
  }
  const several = chosen.length > 1;
  let read = 0;
  let firstError: unknown;
  for (const sheet of chosen) {
    if (wanted === undefined && sheet.rows.every((row) => row.every((cell) => cell === ''))) continue;
    const label = several || wanted !== undefined ? `${file}#${sheet.name}` : file;
    const batch: CsvBatch = { rows: sheet.rows, lines: sheet.lines, errors: new Map() };
    try {
      yield* scanRows(label, file, once(batch), options, ctx);
      read++;
    } catch (error) {
      if (wanted !== undefined || !(error instanceof ZhengbanError)) throw error;
      firstError ??= error;
      ctx.problem({
        message: `sheet "${sheet.name}": ${error.message}; the sheet was not read`,
        code: error.code,
        params: {
          ...error.params,
          skipped: { zh: `；工作表“${sheet.name}”未读取`, en: '; the sheet was not read' },
        },
        severity: 'warning',
        rejects: false,
        file: label,
      });
    }
  }
  if (read === 0) {
    if (firstError) throw firstError;
    throw new InputError(
      `${file}: every sheet of the workbook is empty`,
      { file, source: 'csv' },
      'csv.empty',
      { file, sheets: bilingual('（工作簿的每个工作表都是空的）', ' (every sheet of the workbook)') },
    );
  }
}

async function* once(batch: CsvBatch): AsyncGenerator<CsvBatch> {
  yield batch;
}

async function readSheets(file: string): Promise<SheetRows[]> {
  // Loaded here, not at import: exceljs takes ~0.5 s to load and most inputs are no workbooks.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new InputError(
      `${file}: not a readable .xlsx workbook (${(error as Error).message}); an old .xls must be saved as .xlsx or CSV first`,
      { file, source: 'csv' },
      'csv.xlsx',
      { file, reason: (error as Error).message },
    );
  }
  const sheets: SheetRows[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: string[][] = [];
    const lines: number[] = [];
    const width = worksheet.columnCount;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
      rows.push(cells);
      lines.push(rowNumber);
    });
    sheets.push({ name: worksheet.name, rows, lines });
  });
  return sheets;
}

/** The text a person sees in a cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: Array<{ text?: string }>;
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text ?? '').join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error !== undefined) return '';
  }
  return '';
}
