/** CSV text for the generated files (RFC 4180 quoting), and the header names the csv scanner reads. */

/**
 * Inventory columns, in file order: the csv scanner's English header names. `host` and `unit` are on
 * every row; the OS columns only on a host's first row (the scanner takes the first non-empty one),
 * which keeps 15 M rows near 1.4 GB.
 */
export const HOST_COLUMNS = [
  ['host', (h) => h.id],
  ['unit', (h) => h.unit.name],
];
export const OS_COLUMNS = [
  ['os', (h) => h.os.name],
  ['os_version', (h) => h.os.version],
  ['os_edition', (h) => h.os.edition],
];

export const RECORD_COLUMNS = [
  ['name', (r) => r.name],
  ['version', (r) => r.version],
  ['publisher', (r) => r.publisher],
  ['install_date', (r) => r.installDate],
  ['edition', (r) => r.edition],
  ['license_status', (r) => r.licenseStatus],
  ['channel', (r) => r.channel],
  ['kms_host', (r) => r.kmsHost],
];

export const UNIT_COLUMNS = ['unit', 'staff', 'parent'];

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value) {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values) {
  return `${values.map(csvField).join(',')}\n`;
}

export function inventoryHeader() {
  return csvLine([...HOST_COLUMNS, ...OS_COLUMNS, ...RECORD_COLUMNS].map(([name]) => name));
}

const NO_OS = OS_COLUMNS.map(() => '').join(',');

/** All rows of one host; the OS columns are filled on its first row only. */
export function hostRows(host) {
  const prefix = HOST_COLUMNS.map(([, get]) => csvField(get(host))).join(',');
  const os = OS_COLUMNS.map(([, get]) => csvField(get(host))).join(',');
  let text = '';
  for (let i = 0; i < host.records.length; i++) {
    const record = host.records[i];
    text += `${prefix},${i === 0 ? os : NO_OS},${RECORD_COLUMNS.map(([, get]) => csvField(get(record))).join(',')}\n`;
  }
  return text;
}
