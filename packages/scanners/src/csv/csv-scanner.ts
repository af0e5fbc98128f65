/**
 * The `csv` scanner: an inventory spreadsheet an agency already has, one row per installation
 * (host, unit, software name, version, publisher, install date, optional edition / activation / KMS /
 * OS columns). Rows of one host are usually together: a host is yielded as soon as the host column
 * changes, so memory stays bounded for sorted files; a host whose rows come back later is yielded
 * again with the same id (the auditor merges hosts by id).
 *
 * The row loop is the hot path (a benchmark streams 15 M rows): no closures or regexes are created
 * per row, no object spreads, fields are read by index.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  editionFromName,
  type HostInventory,
  InputError,
  type OsInfo,
  type RecordAttributes,
  type ScanContext,
  type Scanner,
  type SoftwareRecord,
} from '@zhengban/core';
import { cleanValue, excerpt } from '../common/clean-text.js';
import { isRealDate, parseIsoDate } from '../common/dates.js';
import { filesBelow } from '../common/host-folders.js';
import { parseLicenseStatus } from '../common/license-status.js';
import { osIdFromName } from '../common/os-identity.js';
import { type CsvColumns, type CsvField, resolveCsvColumns } from './csv-headers.js';
import { type CsvBatch, type CsvTextBatch, csvBatches, type RowError } from './csv-stream.js';

export interface CsvScannerOptions {
  /** Header text per field, overriding the built-in English/Chinese words. */
  mapping?: Partial<Record<CsvField, string>>;
  /** `,` `;` or `\t`; sniffed from the header when absent. */
  delimiter?: string;
  /** Force an encoding (`gbk`, `utf-16le`); detected when absent. */
  encoding?: string;
}

const SOURCE = 'csv';
/** Longer names are not software names (a broken export, a pasted document). */
const MAX_NAME_LENGTH = 1024;
const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

export function csvScanner(options: CsvScannerOptions = {}): Scanner {
  return {
    name: 'csv',
    description: 'inventory spreadsheet (CSV/TSV, UTF-8 / UTF-16 / GBK), one row per installation',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const info = await stat(input).catch(() => undefined);
      const files = info?.isDirectory()
        ? (await filesBelow(input)).filter((file) => CSV_EXTENSIONS.has(extname(file).toLowerCase()))
        : [input];
      for (const file of files) {
        if (ctx.signal.aborted) return;
        yield* scanCsvFile(file, options, ctx);
      }
    },
  };
}

async function* scanCsvFile(
  file: string,
  options: CsvScannerOptions,
  ctx: ScanContext,
): AsyncGenerator<HostInventory> {
  let columns: CsvColumns | undefined;
  let width = 0;
  // The header's host and name cells: a data row repeating them is a header again (files joined).
  let headerHost = '';
  let headerName = '';
  let current: HostInventory | undefined;
  const done: HostInventory[] = [];
  const streamOptions = {
    signal: ctx.signal,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  };
  /** Reads one data row into `current` (a new host when the host column changes); returns it. */
  const readRow = (
    row: RowFields,
    line: number,
    rowError: RowError | undefined,
  ): HostInventory | undefined => {
    const c = columns!;
    if (rowError !== undefined) {
      reject(ctx, file, line, row.all(), `line ${line}: ${rowError.message}`, rowError.code);
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
      );
      return current;
    }
    // A row of the host being read (the usual case) reuses its id instead of slicing its own.
    const hostId = current !== undefined && row.is(c.host, current.id) ? current.id : row.get(c.host).trim();
    const name = row.get(c.name).trim();
    if (hostId === '') {
      if (isEmptyRow(row.all())) return current;
      reject(ctx, file, line, row.all(), `line ${line}: the computer name is empty`, 'csv.empty-host');
      return current;
    }
    if (name === '') {
      reject(ctx, file, line, row.all(), `line ${line}: the software name is empty`, 'csv.empty-name');
      return current;
    }
    if (name === headerName && (hostId === headerHost || hostId.replace(/^\uFEFF/, '') === headerHost)) {
      ctx.problem({
        message: `line ${line} repeats the header (were two exports joined into one file?); skipped`,
        code: 'csv.repeated-header',
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
        if (date === undefined) {
          reject(
            ctx,
            file,
            line,
            row.all(),
            `line ${line}: install date "${written.slice(0, 40)}" is not a real date`,
            'csv.date',
          );
          return current;
        }
        record.installDate = date;
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
  for await (const read of csvBatches(file, streamOptions)) {
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
        while (start < rows.length && isEmptyRow(rows[start]!)) start++;
        if (start === rows.length) continue;
        const header = rows[start]!;
        const headerLine = lines[start]!;
        columns = resolveCsvColumns(header, file, options.mapping, (field, used, unused) =>
          // Silently reading one of two columns would lose the other's data without a word.
          ctx.problem({
            message: `line ${headerLine}: columns ${used + 1} "${header[used]}" and ${unused + 1} "${header[unused]}" both name the ${field}; column ${used + 1} is read, column ${unused + 1} is not (give a mapping to choose)`,
            code: 'csv.duplicate-column',
            severity: 'warning',
            rejects: false,
            file,
            line: headerLine,
          }),
        );
        headerHost = header[columns.host]!.replace(/^\uFEFF/, '').trim();
        headerName = header[columns.name]!.trim();
        width = header.length;
        start++;
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
    );
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

/** Control characters (seen in exported DisplayVersion values) removed; a plain loop on the hot path. */
function withoutControls(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return cleanValue(value) ?? '';
  }
  return value;
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
): void {
  ctx.problem({ message, code, file, line, excerpt: excerpt(row.join(',')) });
}

/** `YYYY-MM-DD` (digits, a real date) without a regex or substrings (the hot path); else undefined. */
function fastIsoDate(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return year >= 0 && month >= 0 && day >= 0 && isRealDate(year, month, day) ? text : undefined;
}

/** The number written in ASCII digits from `start` to `end`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function readAttributes(row: RowFields, c: CsvColumns): RecordAttributes | undefined {
  const edition = c.edition >= 0 ? row.get(c.edition).trim() : '';
  const status = c.licenseStatus >= 0 ? parseLicenseStatus(row.get(c.licenseStatus)) : undefined;
  const channel = c.channel >= 0 ? row.get(c.channel).trim() : '';
  const partialKey = c.partialKey >= 0 ? row.get(c.partialKey).trim() : '';
  const kmsHost = c.kmsHost >= 0 ? row.get(c.kmsHost).trim().toLowerCase() : '';
  if (edition === '' && status === undefined && channel === '' && partialKey === '' && kmsHost === '')
    return undefined;
  // One shape for every attributes object (see the record above).
  const attributes: RecordAttributes = {
    edition: edition !== '' ? edition : undefined,
    licenseStatus: status,
    channel: channel !== '' ? channel : undefined,
    partialKey: partialKey !== '' ? partialKey : undefined,
    kmsHost: kmsHost !== '' ? kmsHost : undefined,
  };
  return attributes;
}

function readOs(row: RowFields, c: CsvColumns, file: string, line: number): OsInfo | undefined {
  const name = row.get(c.os).trim();
  if (name === '') return undefined;
  const os: OsInfo = { name, evidence: { source: SOURCE, file, line } };
  const id = osIdFromName(name);
  if (id !== undefined) os.id = id;
  if (c.osVersion >= 0 && row.get(c.osVersion).trim() !== '') os.version = row.get(c.osVersion).trim();
  const edition = c.osEdition >= 0 ? row.get(c.osEdition).trim() : '';
  if (edition !== '') os.edition = edition;
  else {
    const fromName = editionFromName(name);
    if (fromName !== undefined) os.edition = fromName;
  }
  if (c.osBuild >= 0 && row.get(c.osBuild).trim() !== '') os.build = row.get(c.osBuild).trim();
  return os;
}

/**
 * The fields of the row being read: a parsed row (Papa Parse's array), or a line of a text batch
 * whose fields are located once (their start offsets) and sliced only when read. One object per
 * file, reused for every row.
 */
class RowFields {
  /** The parsed row, or undefined for a line of `text`. */
  private row: string[] | undefined = undefined;
  private text = '';
  private delimiterText = ',';
  private batch: CsvTextBatch | undefined = undefined;
  /** Field f of the line is text.slice(offsets[f], offsets[f + 1] - 1). */
  private offsets = new Int32Array(1);
  private lineStart = 0;
  private lineEnd = 0;
  private materialised: string[] | undefined = undefined;
  /** Number of fields. */
  length = 0;

  useRow(row: string[]): void {
    this.row = row;
    this.length = row.length;
  }

  useText(batch: CsvTextBatch, width: number): void {
    this.batch = batch;
    this.text = batch.text;
    this.delimiterText = batch.delimiter;
    if (this.offsets.length !== width + 1) this.offsets = new Int32Array(width + 1);
  }

  /** Locates the fields of line `i` of the text batch. */
  textRow(i: number): void {
    const batch = this.batch!;
    const text = this.text;
    const offsets = this.offsets;
    const limit = offsets.length - 1;
    const start = batch.starts[i]!;
    const end = batch.ends[i]!;
    this.row = undefined;
    this.materialised = undefined;
    this.lineStart = start;
    this.lineEnd = end;
    offsets[0] = start;
    const delimiter = this.delimiterText;
    let count = 1;
    // indexOf, not a charCodeAt loop: the batch text is a concatenation, read through an indirection.
    for (let at = text.indexOf(delimiter, start); at >= 0 && at < end; at = text.indexOf(delimiter, at + 1)) {
      if (count <= limit) offsets[count] = at + 1;
      count++;
    }
    if (count <= limit + 1) offsets[Math.min(count, limit)] = end + 1;
    this.length = count;
  }

  /** Field `f` (only for `f < length`). */
  get(f: number): string {
    if (this.row !== undefined) return this.row[f]!;
    if (this.length !== this.offsets.length - 1) return this.all()[f]!;
    return this.text.slice(this.offsets[f]!, this.offsets[f + 1]! - 1);
  }

  /** True when field `f` trimmed is `value`, for a `value` that is trimmed and not empty. */
  is(f: number, value: string): boolean {
    if (this.row !== undefined || this.length !== this.offsets.length - 1)
      return this.get(f).trim() === value;
    const start = this.offsets[f]!;
    const length = this.offsets[f + 1]! - 1 - start;
    if (length === value.length) return this.text.startsWith(value, start);
    return this.get(f).trim() === value;
  }

  /** Every field, as Papa Parse gives them. */
  all(): string[] {
    if (this.row !== undefined) return this.row;
    this.materialised ??= this.text.slice(this.lineStart, this.lineEnd).split(this.delimiterText);
    return this.materialised;
  }
}
