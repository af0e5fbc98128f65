/**
 * The `csv` scanner: an inventory spreadsheet an agency already has, one row per installation
 * (host, unit, software name, version, publisher, install date, optional edition / activation / KMS /
 * OS columns). Rows of one host are usually together: a host is yielded as soon as the host column
 * changes, so memory stays bounded for sorted files; a host whose rows come back later is yielded
 * again with the same id (the auditor merges hosts by id). This module picks the files and how
 * each is read; csv-table.ts reads the rows of one table.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { HostInventory, ScanContext, Scanner } from '@zhengban/core';
import { fileFailed } from '../common/folder-problems.js';
import { filesBelow, unitOfFile } from '../common/host-folders.js';
import { csvBatches } from './csv-stream.js';
import { scanRows, type TableOptions } from './csv-table.js';
import { isPerPcExport, isProseText, scanPerPcExport } from './per-pc-export.js';
import { isWorkbook, scanWorkbook } from './xlsx-register.js';

export interface CsvScannerOptions extends TableOptions {
  /** `,` `;` or `\t`; sniffed from the header when absent. */
  delimiter?: string;
  /** Force an encoding (`gbk`, `utf-16le`); detected when absent. */
  encoding?: string;
  /** The sheet of an .xlsx register to read (its name or 1-based number); default every sheet. */
  sheet?: string;
  /** Unit names of the units file: files below a sub-folder named after one are that unit's. */
  units?: Iterable<string>;
}

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx']);

export function csvScanner(options: CsvScannerOptions = {}): Scanner {
  return {
    name: 'csv',
    description: 'inventory spreadsheet (CSV/TSV, UTF-8 / UTF-16 / GBK), one row per installation',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const info = await stat(input).catch(() => undefined);
      if (!info?.isDirectory()) {
        yield* scanCsvFile(input, options, ctx);
        return;
      }
      const units = new Set(options.units ?? []);
      const files = (await filesBelow(input)).filter((file) =>
        CSV_EXTENSIONS.has(extname(file).toLowerCase()),
      );
      for (const file of files) {
        if (ctx.signal.aborted) return;
        if (extname(file).toLowerCase() === '.txt' && (await isProseText(file))) {
          ctx.problem({
            message: `${file}: not a table (no line has a comma, semicolon or tab); skipped`,
            code: 'csv.not-a-table',
            params: { file },
            severity: 'warning',
            rejects: false,
            file,
          });
          continue;
        }
        const unit = unitOfFile(input, file, units);
        try {
          for await (const host of scanCsvFile(file, options, ctx)) {
            if (unit !== undefined && host.unit === undefined) host.unit = unit;
            yield host;
          }
        } catch (error) {
          // In a folder, one unreadable file costs that file only; the files after it are read.
          fileFailed(ctx, error, file, false);
        }
      }
    },
  };
}

/**
 * One file: a CSV / TSV text, an .xlsx workbook (every sheet, or the one `options.sheet` names), or a
 * per-PC Windows export (read as the windows scanner reads it, unless a mapping says how to read it).
 */
async function* scanCsvFile(
  file: string,
  options: CsvScannerOptions,
  ctx: ScanContext,
): AsyncGenerator<HostInventory> {
  if (isWorkbook(file)) {
    yield* scanWorkbook(file, options, ctx, scanRows);
    return;
  }
  if (options.mapping === undefined && (await isPerPcExport(file))) {
    yield* scanPerPcExport(file, ctx);
    return;
  }
  const streamOptions = {
    signal: ctx.signal,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  };
  yield* scanRows(file, file, csvBatches(file, streamOptions), options, ctx);
}
