/** CSV text for the generated files (RFC 4180 quoting), and the header names the csv scanner reads. */

/** Inventory columns, in file order: the csv scanner's English header names. */
export const INVENTORY_COLUMNS = [
  ['host', (h) => h.id],
  ['unit', (h) => h.unit.name],
  ['os', (h) => h.os.name],
  ['os_version', (h) => h.os.version],
  ['os_edition', (h) => h.os.edition],
  ['os_id', (h) => h.os.id],
  ['os_license_status', (h) => h.os.licenseStatus],
  ['os_channel', (h) => h.os.channel],
  ['os_kms_host', (h) => h.os.kmsHost],
];

export const RECORD_COLUMNS = [
  ['name', (r) => r.name],
  ['version', (r) => r.version],
  ['publisher', (r) => r.publisher],
  ['install_date', (r) => r.installDate],
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
  return csvLine([...INVENTORY_COLUMNS.map(([name]) => name), ...RECORD_COLUMNS.map(([name]) => name)]);
}

/** All rows of one host: the host's columns are written once and repeated on each of its rows. */
export function hostRows(host) {
  const prefix = INVENTORY_COLUMNS.map(([, get]) => csvField(get(host))).join(',');
  let text = '';
  for (const record of host.records) {
    text += `${prefix},${RECORD_COLUMNS.map(([, get]) => csvField(get(record))).join(',')}\n`;
  }
  return text;
}
