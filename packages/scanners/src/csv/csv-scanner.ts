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
import { isoDate, parseIsoDate } from '../common/dates.js';
import { filesBelow } from '../common/host-folders.js';
import { parseLicenseStatus } from '../common/license-status.js';
import { osIdFromName } from '../common/os-identity.js';
import { type CsvColumns, type CsvField, resolveCsvColumns } from './csv-headers.js';
import { csvBatches } from './csv-stream.js';

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
  for await (const batch of csvBatches(file, streamOptions)) {
    const { rows, lines, errors } = batch;
    let start = 0;
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
    const c = columns;
    for (let i = start; i < rows.length; i++) {
      const row = rows[i]!;
      const line = lines[i]!;
      const quoteError = errors.get(i);
      if (quoteError !== undefined) {
        reject(ctx, file, line, row, `line ${line}: ${quoteError}`, 'csv.quotes');
        continue;
      }
      if (row.length !== width) {
        if (isEmptyRow(row)) continue;
        reject(
          ctx,
          file,
          line,
          row,
          `line ${line} has ${row.length} columns, the header has ${width}`,
          'csv.column-count',
        );
        continue;
      }
      const hostId = row[c.host]!.trim();
      const name = row[c.name]!.trim();
      if (hostId === '') {
        if (isEmptyRow(row)) continue;
        reject(ctx, file, line, row, `line ${line}: the computer name is empty`, 'csv.empty-host');
        continue;
      }
      if (name === '') {
        reject(ctx, file, line, row, `line ${line}: the software name is empty`, 'csv.empty-name');
        continue;
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
        continue;
      }
      if (name.length > MAX_NAME_LENGTH || name.includes('\u0000') || hostId.includes('\u0000')) {
        reject(
          ctx,
          file,
          line,
          row,
          `line ${line}: the name is not text (too long or holds NUL characters)`,
          'csv.bad-text',
        );
        continue;
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
        const written = row[c.installDate]!.trim();
        if (written !== '') {
          const date = fastIsoDate(written) ?? parseIsoDate(written);
          if (date === undefined) {
            reject(
              ctx,
              file,
              line,
              row,
              `line ${line}: install date "${written.slice(0, 40)}" is not a real date`,
              'csv.date',
            );
            continue;
          }
          record.installDate = date;
        }
      }
      if (c.version >= 0) {
        const value = withoutControls(row[c.version]!.trim());
        if (value !== '') record.version = value;
      }
      if (c.publisher >= 0) {
        const value = row[c.publisher]!.trim();
        if (value !== '') record.publisher = value;
      }
      if (c.arch >= 0) {
        const value = row[c.arch]!.trim();
        if (value !== '') record.arch = value;
      }
      const attributes = readAttributes(row, c);
      if (attributes !== undefined) record.attributes = attributes;

      if (current === undefined || current.id !== hostId) {
        if (current !== undefined) done.push(current);
        current = { id: hostId, software: [], scanner: 'csv' };
      }
      current.software.push(record);
      if (current.unit === undefined && c.unit >= 0) {
        const unit = row[c.unit]!.trim();
        if (unit !== '') current.unit = unit;
      }
      if (current.os === undefined && c.os >= 0) {
        const os = readOs(row, c, file, line);
        if (os !== undefined) current.os = os;
      }
      if (current.hostname === undefined && c.hostname >= 0) {
        const value = row[c.hostname]!.trim();
        if (value !== '') current.hostname = value;
      }
      if (current.scannedAt === undefined && c.scannedAt >= 0) {
        const value = row[c.scannedAt]!.trim();
        if (value !== '') current.scannedAt = value;
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

/** `YYYY-MM-DD` without a regex (the common case on the hot path); anything else → undefined. */
function fastIsoDate(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    isoDate(year, month, day) === text
    ? text
    : undefined;
}

function readAttributes(row: readonly string[], c: CsvColumns): RecordAttributes | undefined {
  const edition = c.edition >= 0 ? row[c.edition]!.trim() : '';
  const status = c.licenseStatus >= 0 ? parseLicenseStatus(row[c.licenseStatus]) : undefined;
  const channel = c.channel >= 0 ? row[c.channel]!.trim() : '';
  const partialKey = c.partialKey >= 0 ? row[c.partialKey]!.trim() : '';
  const kmsHost = c.kmsHost >= 0 ? row[c.kmsHost]!.trim().toLowerCase() : '';
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

function readOs(row: readonly string[], c: CsvColumns, file: string, line: number): OsInfo | undefined {
  const name = row[c.os]!.trim();
  if (name === '') return undefined;
  const os: OsInfo = { name, evidence: { source: SOURCE, file, line } };
  const id = osIdFromName(name);
  if (id !== undefined) os.id = id;
  if (c.osVersion >= 0 && row[c.osVersion]!.trim() !== '') os.version = row[c.osVersion]!.trim();
  const edition = c.osEdition >= 0 ? row[c.osEdition]!.trim() : '';
  if (edition !== '') os.edition = edition;
  else {
    const fromName = editionFromName(name);
    if (fromName !== undefined) os.edition = fromName;
  }
  if (c.osBuild >= 0 && row[c.osBuild]!.trim() !== '') os.build = row[c.osBuild]!.trim();
  return os;
}
