/**
 * Reading a JSON report back (for diff, merge, render, explain). A file that is not JSON, or not a
 * zhengban report, is an InputError naming the file (and line:column for bad JSON). The report is
 * read as a stream (json-parts.ts): findings and seats one at a time, each checked as it comes, so
 * a report larger than the longest string V8 can make (~512 MiB) is read too, and `diff` keeps of
 * each finding only what it compares.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ComplianceReport, type Finding, InputError, ZhengbanError } from '@zhengban/core';
import type { CliContext } from './cli-io.js';
import { JsonParts, JsonPartsError, JsonPartTooLarge, type Route } from './json-parts.js';
import { msg } from './messages.js';
import { badFinding, badReportField, badSeat, type CheckedLists } from './report-shape.js';

const REQUIRED: readonly (keyof ComplianceReport)[] = [
  'schemaVersion',
  'asOf',
  'totals',
  'units',
  'findings',
];

/**
 * Limits of a report read back. The total only stops a file that never ends or was never a report
 * (a province's report with its merge data is a few GB); one value read whole (a finding, a seat,
 * the resolved policy) must stay far below V8's longest string.
 */
export const REPORT_LIMITS = {
  maxBytes: 32 * 1024 ** 3,
  maxBytesText: '32 GiB',
  maxPartChars: 256 * 1024 ** 2,
  maxPartText: '256 MiB',
  chunkBytes: 1024 ** 2,
};

export interface ReadReportOptions {
  /** What to keep of each finding once it is checked (undefined: drop it); all of it by default. */
  keepFinding?: (finding: Finding) => Finding | undefined;
  /** Overrides of REPORT_LIMITS (tests read with tiny chunks). */
  limits?: Partial<typeof REPORT_LIMITS>;
}

/** The file's text piece by piece, decoded as UTF-8 (a BOM dropped); refuses devices and over-long files. */
function textPieces(ctx: CliContext, path: string, file: string, limits: typeof REPORT_LIMITS) {
  const fd = openSync(path, 'r');
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new InputError(msg(ctx.locale, 'notRegularFile', { path: file }), { file });
  }
  const decoder = new TextDecoder('utf-8');
  const buffer = Buffer.allocUnsafe(limits.chunkBytes);
  let total = 0;
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const next = (): string | undefined => {
    if (!open) return undefined;
    const read = readSync(fd, buffer, 0, buffer.length, null);
    total += read;
    if (total > limits.maxBytes) {
      close();
      throw new InputError(msg(ctx.locale, 'reportTooLarge', { path: file, limit: limits.maxBytesText }), {
        file,
      });
    }
    if (read > 0) return decoder.decode(buffer.subarray(0, read), { stream: true });
    close();
    return decoder.decode();
  };
  return { next, close };
}

/** Line and column (1-based) of a character offset, read again from the file (only on an error). */
function lineColumn(
  ctx: CliContext,
  path: string,
  file: string,
  offset: number,
  limits: typeof REPORT_LIMITS,
) {
  const pieces = textPieces(ctx, path, file, limits);
  let line = 1;
  let lineStart = 0;
  let seen = 0;
  try {
    for (let piece = pieces.next(); piece !== undefined && seen < offset; piece = pieces.next()) {
      const upTo = Math.min(piece.length, offset - seen);
      for (let at = piece.indexOf('\n'); at !== -1 && at < upTo; at = piece.indexOf('\n', at + 1)) {
        line++;
        lineStart = seen + at + 1;
      }
      seen += piece.length;
    }
  } finally {
    pieces.close();
  }
  return { line, column: offset - lineStart + 1 };
}

/** How a report is walked: findings and seats one by one (checked, then kept or not), other lists item by item. */
function reportRoute(checked: CheckedLists, keepFinding: ReadReportOptions['keepFinding']): Route {
  const items: Route = { kind: 'array' };
  const findings: Route = {
    kind: 'array',
    keep: (item, index) => {
      const bad = badFinding(item, index);
      if (bad !== undefined) checked.findings ??= bad;
      return bad !== undefined || !keepFinding ? item : keepFinding(item as Finding);
    },
  };
  const seats: Route = {
    kind: 'array',
    keep: (item, index) => {
      checked.seats ??= badSeat(item, index);
      return item;
    },
  };
  const mergeBasis: Route = { kind: 'object', fields: { seats }, other: items };
  return { kind: 'object', fields: { findings, mergeBasis }, other: items };
}

export function readReport(ctx: CliContext, file: string, options: ReadReportOptions = {}): ComplianceReport {
  const path = resolve(ctx.io.cwd, file);
  if (!existsSync(path)) throw new InputError(msg(ctx.locale, 'fileMissing', { path: file }), { file });
  const limits = { ...REPORT_LIMITS, ...options.limits };
  const checked: CheckedLists = { findings: undefined, seats: undefined };
  const pieces = textPieces(ctx, path, file, limits);
  let data: unknown;
  try {
    data = new JsonParts(pieces.next, limits.maxPartChars).document(
      reportRoute(checked, options.keepFinding),
    );
  } catch (error) {
    if (error instanceof JsonPartsError) {
      throw new InputError(msg(ctx.locale, 'badJson', { message: error.message }), {
        file,
        ...lineColumn(ctx, path, file, error.offset, limits),
      });
    }
    if (error instanceof JsonPartTooLarge) {
      const params = { path: file, field: error.path || '/', limit: limits.maxPartText };
      throw new InputError(msg(ctx.locale, 'reportPartTooLarge', params), { file });
    }
    throw error;
  } finally {
    pieces.close();
  }
  const record = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const missing = REQUIRED.find((field) => record[field] === undefined);
  if (missing !== undefined) {
    throw new InputError(msg(ctx.locale, 'notAReport', { path: file, field: missing }), { file });
  }
  const bad = badReportField(data, checked);
  if (bad !== undefined) {
    throw new InputError(msg(ctx.locale, 'badReportField', { path: file, field: bad }), { file });
  }
  return data as ComplianceReport;
}

/**
 * Runs diff or merge over reports read with readReport. An error that is not one of zhengban's own
 * (a TypeError on a field deeper than the shape check looks) means a report was not written by
 * zhengban: an input error, not an internal one.
 */
export function combineReports<T>(ctx: CliContext, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ZhengbanError || !(error instanceof Error)) throw error;
    throw new InputError(msg(ctx.locale, 'reportsDoNotCombine', { message: error.message }), {});
  }
}
