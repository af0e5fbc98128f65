/**
 * Reading the cells of one inventory row into record and host fields (the csv scanner's hot path:
 * no regexes or closures per row on the common path).
 */
import { editionFromName, type OsInfo, type RecordAttributes } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { isRealDate } from '../common/dates.js';
import { parseLicenseStatus } from '../common/license-status.js';
import { osIdFromName } from '../common/os-identity.js';
import type { CsvColumns } from './csv-headers.js';
import type { RowFields } from './row-fields.js';

const SOURCE = 'csv';

/** Control characters (seen in exported DisplayVersion values) removed; a plain loop on the hot path. */
export function withoutControls(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return cleanValue(value) ?? '';
  }
  return value;
}

/** `YYYY-MM-DD` (digits, a real date) without a regex or substrings (the hot path); else undefined. */
export function fastIsoDate(text: string): string | undefined {
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

export function readAttributes(row: RowFields, c: CsvColumns): RecordAttributes | undefined {
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

export function readOs(row: RowFields, c: CsvColumns, file: string, line: number): OsInfo | undefined {
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
