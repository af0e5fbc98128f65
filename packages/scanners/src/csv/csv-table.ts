/**
 * The rows of one inventory table (a CSV file or a workbook sheet) as computers: the register's
 * header found, then one installation per row, a host yielded as soon as the host column changes
 * (csv-scanner.ts says why), each row that cannot be read rejected at its line.
 *
 * The row loop is the hot path (a benchmark streams 15 M rows): no closures or regexes are created
 * per row, no object spreads, fields are read by index.
 */
import {
  type HostInventory,
  InputError,
  type ProblemParams,
  type ScanContext,
  type SoftwareRecord,
} from '@zhengban/core';
import { excerpt } from '../common/clean-text.js';
import { parseIsoDate } from '../common/dates.js';
import { fileStem } from '../common/host-folders.js';
import type { CsvColumns, CsvField } from './csv-headers.js';
import type { CsvBatch, CsvTextBatch, RowError } from './csv-stream.js';
import { fastIsoDate, readAttributes, readOs, withoutControls } from './csv-values.js';
import { findRegisterHeader, reportHeaderNotes } from './register-header.js';
import { RowFields } from './row-fields.js';

/** What reading a table needs of the scanner's options. */
export interface TableOptions {
  /** Header text per field, overriding the built-in English/Chinese words. */
  mapping?: Partial<Record<CsvField, string>>;
}

const SOURCE = 'csv';
/** Longer names are not software names (a broken export, a pasted document). */
const MAX_NAME_LENGTH = 1024;

/**
 * The rows of one table (a CSV file or a workbook sheet). `label` is the file as evidence and
 * problems name it (`登记表.xlsx#2024年` for a sheet); `path` is the file itself (its stem names a
 * per-PC export's computer).
 */
export async function* scanRows(
  label: string,
  path: string,
  batches: AsyncIterable<CsvBatch | CsvTextBatch>,
  options: TableOptions,
  ctx: ScanContext,
): AsyncGenerator<HostInventory> {
  const file = label;
  let columns: CsvColumns | undefined;
  let width = 0;
  // The header's host and name cells: a data row repeating them is a header again (files joined).
  let headerHost = '';
  let headerName = '';
  let current: HostInventory | undefined;
  const done: HostInventory[] = [];
  /** The computer every row is, for a per-PC export without a computer column (the file's stem). */
  let fileHost = '';
  /** A PowerShell Uninstall export: an empty DisplayName is a registry key, not a bad row. */
  let uninstallExport = false;
  const withoutName: number[] = [];
  let dataRows = 0;
  /** Reads one data row into `current` (a new host when the host column changes); returns it. */
  const readRow = (
    row: RowFields,
    line: number,
    rowError: RowError | undefined,
  ): HostInventory | undefined => {
    const c = columns!;
    dataRows++;
    if (rowError !== undefined) {
      reject(ctx, file, line, row.all(), `line ${line}: ${rowError.message}`, rowError.code, {
        line,
        detail: rowError.message,
        ...rowError.params,
      });
      return current;
    }
    if (row.length !== width) {
      if (isEmptyRow(row.all())) return current;
      reject(
        ctx,
        file,
        line,
        row.all(),
        `line ${line} has ${row.length} columns, the header has ${width}`,
        'csv.column-count',
        { line, columns: row.length, width },
      );
      return current;
    }
    // A row of the host being read (the usual case) reuses its id instead of slicing its own.
    const hostId =
      c.host < 0
        ? fileHost
        : current !== undefined && row.is(c.host, current.id)
          ? current.id
          : row.get(c.host).trim();
    const name = row.get(c.name).trim();
    if (hostId === '') {
      if (isEmptyRow(row.all())) return current;
      reject(ctx, file, line, row.all(), `line ${line}: the computer name is empty`, 'csv.empty-host', {
        line,
      });
      return current;
    }
    if (name === '') {
      if (uninstallExport) {
        withoutName.push(line);
        ctx.ignore(1, 'no DisplayName');
      } else
        reject(ctx, file, line, row.all(), `line ${line}: the software name is empty`, 'csv.empty-name', {
          line,
        });
      return current;
    }
    if (name === headerName && (hostId === headerHost || hostId.replace(/^\uFEFF/, '') === headerHost)) {
      ctx.problem({
        message: `line ${line} repeats the header (were two exports joined into one file?); skipped`,
        code: 'csv.repeated-header',
        params: { line },
        severity: 'warning',
        rejects: false,
        file,
        line,
      });
      ctx.ignore(1, 'repeated header');
      return current;
    }
    if (
      name.length > MAX_NAME_LENGTH ||
      name.includes('\u0000') ||
      // The host being read was checked on its first row (and its id is reused, not sliced again).
      (hostId !== current?.id && hostId.includes('\u0000'))
    ) {
      reject(
        ctx,
        file,
        line,
        row.all(),
        `line ${line}: the name is not text (too long or holds NUL characters)`,
        'csv.bad-text',
        { line },
      );
      return current;
    }
    // Every record has the same shape (absent fields are undefined, never missing): the engine
    // reads millions of them, and one hidden class keeps its property reads monomorphic.
    const record: SoftwareRecord = {
      name,
      version: undefined,
      publisher: undefined,
      installDate: undefined,
      arch: undefined,
      source: SOURCE,
      attributes: undefined,
      evidence: { source: SOURCE, file, line },
    };
    if (c.installDate >= 0) {
      const written = row.get(c.installDate).trim();
      if (written !== '') {
        const date = fastIsoDate(written) ?? parseIsoDate(written);
        // An impossible date (2013-02-30) costs the date, not the installation.
        if (date === undefined) {
          ctx.problem({
            message: `line ${line}: install date "${written.slice(0, 40)}" is not a real date; the installation is read without it`,
            code: 'csv.date',
            params: { line, value: written.slice(0, 40) },
            severity: 'warning',
            rejects: false,
            file,
            line,
            excerpt: excerpt(row.all().join(',')),
          });
        } else record.installDate = date;
      }
    }
    if (c.version >= 0) {
      const value = withoutControls(row.get(c.version).trim());
      if (value !== '') record.version = value;
    }
    if (c.publisher >= 0) {
      const value = row.get(c.publisher).trim();
      if (value !== '') record.publisher = value;
    }
    if (c.arch >= 0) {
      const value = row.get(c.arch).trim();
      if (value !== '') record.arch = value;
    }
    const attributes = readAttributes(row, c);
    if (attributes !== undefined) record.attributes = attributes;

    let host = current;
    if (host === undefined || host.id !== hostId) {
      if (host !== undefined) done.push(host);
      host = { id: hostId, software: [], scanner: 'csv' };
    }
    host.software.push(record);
    if (host.unit === undefined && c.unit >= 0) {
      const unit = row.get(c.unit).trim();
      if (unit !== '') host.unit = unit;
    }
    if (host.os === undefined && c.os >= 0) {
      const os = readOs(row, c, file, line);
      if (os !== undefined) host.os = os;
    }
    if (host.hostname === undefined && c.hostname >= 0) {
      const value = row.get(c.hostname).trim();
      if (value !== '') host.hostname = value;
    }
    if (host.scannedAt === undefined && c.scannedAt >= 0) {
      const value = row.get(c.scannedAt).trim();
      if (value !== '') host.scannedAt = value;
    }
    return host;
  };
  const fields = new RowFields();
  for await (const read of batches) {
    let start = 0;
    // Before the header (a header longer than a batch) lines are read as rows like any other.
    const batch = 'count' in read && !columns ? textAsRows(read) : read;
    if ('count' in batch) {
      fields.useText(batch, width);
      const parsed = batch.parsed;
      for (let i = 0; i < batch.count; i++) {
        const row = parsed?.get(i);
        if (row !== undefined) fields.useRow(row);
        else fields.textRow(i);
        current = readRow(fields, batch.firstLine + i, undefined);
      }
    } else {
      const { rows, lines, errors } = batch;
      if (!columns) {
        const header = findRegisterHeader(
          rows,
          lines,
          file,
          options.mapping,
          (cells, at, field, used, unused) =>
            // Silently reading one of two columns would lose the other's data without a word.
            ctx.problem({
              message: `line ${at}: columns ${used + 1} "${cells[used]}" and ${unused + 1} "${cells[unused]}" both name the ${field}; column ${used + 1} is read, column ${unused + 1} is not (give a mapping to choose)`,
              code: 'csv.duplicate-column',
              params: {
                line: at,
                used: used + 1,
                usedName: cells[used]!,
                unused: unused + 1,
                unusedName: cells[unused]!,
                field,
              },
              severity: 'warning',
              rejects: false,
              file,
              line: at,
            }),
        );
        if (header === undefined) continue;
        columns = header.columns;
        uninstallExport = header.uninstallExport;
        if (header.hostFromFile) fileHost = fileStem(path);
        headerHost = columns.host >= 0 ? header.cells[columns.host]!.replace(/^\uFEFF/, '').trim() : '';
        headerName = header.cells[columns.name]!.trim();
        width = header.cells.length;
        start = header.index + 1;
        reportHeaderNotes(ctx, file, header, fileHost);
      }
      for (let i = start; i < rows.length; i++) {
        fields.useRow(rows[i]!);
        current = readRow(fields, lines[i]!, errors.get(i));
      }
    }
    if (done.length > 0) {
      for (const host of done) yield host;
      done.length = 0;
    }
  }
  if (!columns) {
    throw new InputError(
      `${file}: the file is empty; expected a header row and one row per installation`,
      { file, source: 'csv' },
      'csv.empty',
      { file },
    );
  }
  if (dataRows === 0) {
    ctx.problem({
      message: `${file}: the file has a header but no rows; no installation read from it`,
      code: 'csv.no-rows',
      params: { file },
      severity: 'warning',
      rejects: false,
      file,
    });
  }
  if (withoutName.length > 0) {
    ctx.problem({
      message: `${withoutName.length} row(s) without a DisplayName (lines ${withoutName.slice(0, 8).join(', ')}${withoutName.length > 8 ? ', …' : ''}): registry keys Programs and Features does not list (updates, components, leftovers); not installations, counted as ignored`,
      code: 'csv.no-display-name',
      params: {
        count: withoutName.length,
        lines: `${withoutName.slice(0, 8).join(', ')}${withoutName.length > 8 ? ', …' : ''}`,
      },
      severity: 'info',
      rejects: false,
      file,
      line: withoutName[0]!,
    });
  }
  if (current !== undefined) yield current;
}

/** A text batch as Papa Parse's rows (each line split at the delimiter). */
function textAsRows(batch: CsvTextBatch): CsvBatch {
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < batch.count; i++) {
    rows.push(
      batch.parsed?.get(i) ?? batch.text.slice(batch.starts[i]!, batch.ends[i]!).split(batch.delimiter),
    );
    lines.push(batch.firstLine + i);
  }
  return { rows, lines, errors: new Map() };
}

function isEmptyRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) if (row[i]!.trim() !== '') return false;
  return true;
}

function reject(
  ctx: ScanContext,
  file: string,
  line: number,
  row: readonly string[],
  message: string,
  code: string,
  params: ProblemParams,
): void {
  ctx.problem({ message, code, params, file, line, excerpt: excerpt(row.join(',')) });
}
