/**
 * Options of a built-in scanner written into its `--input`: `csv:登记表.xlsx?host=资产编号&name=软件`
 * maps columns, `?sheet=2024` picks a workbook's sheet, `?delimiter=;` / `?encoding=gbk` force the
 * reading. Every built-in scanner is also told the unit names, so that sub-folders named after a
 * unit put their computers in it.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Scanner, UsageError } from '@zhengban/core';
import { CSV_FIELDS, type CsvField, getScanner } from '@zhengban/scanners';
import type { CliContext } from './cli-io.js';
import { msg } from './messages.js';

const CSV_KEYS = ['sheet', 'delimiter', 'encoding'];

/** What the built-in scanners are told besides their input. */
export interface SourceOptions {
  /** Unit names (units file, hosts file): a sub-folder named after one holds that unit's computers. */
  units?: readonly string[];
}

/**
 * `PATH?key=value&…` → the path and the query. A `?` is a query only when what follows is
 * `key=value` pairs and the whole text is not itself an existing file.
 */
export function splitInputQuery(target: string, cwd: string): { target: string; query: string } {
  const at = target.lastIndexOf('?');
  if (at < 0) return { target, query: '' };
  const query = target.slice(at + 1);
  if (!/^[^=&]+=[^&]*(?:&[^=&]+=[^&]*)*$/.test(query) || existsSync(resolve(cwd, target)))
    return { target, query: '' };
  return { target: target.slice(0, at), query };
}

/** A built-in scanner configured from the query and the unit names. */
export function builtinScanner(
  ctx: CliContext,
  kind: string,
  raw: string,
  query: string,
  options: SourceOptions,
): Scanner {
  const settings: Record<string, unknown> = {};
  if (options.units !== undefined && options.units.length > 0) settings.units = options.units;
  if (query !== '') {
    if (kind !== 'csv') throw new UsageError(msg(ctx.locale, 'inputQueryNotCsv', { spec: raw }));
    const mapping: Partial<Record<CsvField, string>> = {};
    for (const [key, value] of new URLSearchParams(query)) {
      if ((CSV_FIELDS as string[]).includes(key)) mapping[key as CsvField] = value;
      else if (CSV_KEYS.includes(key)) settings[key] = value;
      else {
        throw new UsageError(
          msg(ctx.locale, 'inputQueryKey', {
            spec: raw,
            key,
            keys: [...CSV_FIELDS, ...CSV_KEYS].join(', '),
          }),
        );
      }
    }
    if (Object.keys(mapping).length > 0) settings.mapping = mapping;
  }
  return getScanner(kind, settings)!;
}
