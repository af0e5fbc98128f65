/**
 * Reading a JSON report back (for diff and merge). A file that is not JSON, or not a zhengban
 * report, is an InputError naming the file (and line:column for bad JSON).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BoundedReadError, type ComplianceReport, InputError, readRegularFileSync } from '@zhengban/core';
import type { CliContext } from './cli-io.js';
import { msg } from './messages.js';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const upTo = text.slice(0, offset);
  const line = upTo.split('\n').length;
  return { line, column: offset - upTo.lastIndexOf('\n') };
}

/** Where JSON.parse stopped, from V8's message (`at position N` or `line L column C`). */
function jsonErrorLocation(text: string, message: string): { line?: number; column?: number } {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return lineColumn(text, Number(position[1]));
  return {};
}

const REQUIRED: readonly (keyof ComplianceReport)[] = [
  'schemaVersion',
  'asOf',
  'totals',
  'units',
  'findings',
];

/**
 * A report is read whole, so it must fit in one string (V8 cannot make one over ~512 MiB) and be
 * a regular file (`/dev/zero` would be read until memory runs out).
 */
const MAX_REPORT_BYTES = 500 * 1024 * 1024;

function readReportText(ctx: CliContext, path: string, file: string): string {
  try {
    return readRegularFileSync(path, MAX_REPORT_BYTES)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof BoundedReadError) {
      const key = error.reason === 'not-a-file' ? 'notRegularFile' : 'reportTooLarge';
      throw new InputError(msg(ctx.locale, key, { path: file, limit: '500 MiB' }), { file });
    }
    throw error;
  }
}

export function readReport(ctx: CliContext, file: string): ComplianceReport {
  const path = resolve(ctx.io.cwd, file);
  if (!existsSync(path)) throw new InputError(msg(ctx.locale, 'fileMissing', { path: file }), { file });
  const text = readReportText(ctx, path, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(msg(ctx.locale, 'badJson', { message }), {
      file,
      ...jsonErrorLocation(text, message),
    });
  }
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const missing = REQUIRED.find((field) => record[field] === undefined);
  const wrongVersion = missing === undefined && record.schemaVersion !== 1;
  if (
    missing !== undefined ||
    wrongVersion ||
    !Array.isArray(record.findings) ||
    !Array.isArray(record.units)
  ) {
    throw new InputError(
      msg(ctx.locale, 'notAReport', { path: file, field: missing ?? 'schemaVersion: 1' }),
      { file },
    );
  }
  return data as ComplianceReport;
}
