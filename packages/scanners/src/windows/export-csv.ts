/**
 * The CSV exports officers make on a PC, one file per computer and no computer column:
 *
 * - PowerShell `Get-ItemProperty HKLM:\…\Uninstall\* | Select DisplayName,DisplayVersion,Publisher,
 *   InstallDate | Export-Csv` (a `#TYPE …` line first unless `-NoTypeInformation`; `,` or the
 *   locale's `;` with `-UseCulture`; UTF-8, UTF-16 or the ANSI code page);
 * - `wmic product get Name,Vendor,Version,InstallDate /format:csv` (a blank line, then
 *   `Node,InstallDate,Name,…`; Node is the computer name).
 *
 * Rows become Uninstall entries (property bags) for the windows scanner; a key without DisplayName
 * is not a program Programs and Features lists, and is counted, not read.
 */
import Papa from 'papaparse';
import { CSV_HEADER_WORDS, normaliseHeader } from '../csv/csv-headers.js';
import { sniffDelimiter } from '../csv/csv-stream.js';
import type { PropertyBag } from './windows-facts.js';

export type ExportCsvKind = 'powershell' | 'wmic-product';

export interface ExportCsvRow {
  values: PropertyBag;
  line: number;
}

export interface ExportCsv {
  kind: ExportCsvKind;
  rows: ExportCsvRow[];
  /** PSComputerName or wmic's Node, when the export has it. */
  computerName?: string;
  /** Rows whose DisplayName (wmic: Name) is empty: registry keys that are not listed programs. */
  withoutName: number[];
  /** Rows whose column count differs from the header's. */
  badRows: number[];
}

/** Computer columns other than the exports' own (PSComputerName, wmic's Node). */
const OTHER_HOST_WORDS = new Set(
  CSV_HEADER_WORDS.host.filter((word) => word !== 'pscomputername' && word !== 'node'),
);

const UNINSTALL_COLUMNS = ['displayversion', 'publisher', 'installdate', 'pschildname', 'uninstallstring'];

/** The header's normalised keys when the text is one of the exports, else undefined. */
export function exportCsvKind(text: string): ExportCsvKind | undefined {
  const header = headerKeys(text);
  if (header === undefined) return undefined;
  return kindOf(header);
}

/** Also used by the csv scanner: a header of a per-PC export has no computer column of its own. */
export function kindOf(keys: readonly string[]): ExportCsvKind | undefined {
  // A table with its own computer column (an SCCM or asset-system export with DisplayName) is a
  // register of many computers, never one computer's export.
  if (keys.some((key) => OTHER_HOST_WORDS.has(key))) return undefined;
  if (keys.includes('displayname') && UNINSTALL_COLUMNS.some((key) => keys.includes(key)))
    return 'powershell';
  if (keys[0] === 'node' && keys.includes('name') && (keys.includes('vendor') || keys.includes('version')))
    return 'wmic-product';
  return undefined;
}

/** `#TYPE Selected.System.Management.Automation.PSCustomObject` and similar first lines. */
export function isTypeLine(line: string): boolean {
  return /^\uFEFF?#TYPE\s/i.test(line);
}

function headerKeys(text: string): string[] | undefined {
  const lines = text.slice(0, 4096).split(/\r*\n/);
  let at = 0;
  while (at < lines.length && lines[at]!.trim() === '') at++;
  if (at < lines.length && isTypeLine(lines[at]!)) at++;
  const header = lines[at];
  if (header === undefined || !/displayname|node/i.test(header)) return undefined;
  return header.split(sniffDelimiter(header)).map((cell) => normaliseHeader(cell.replace(/"/g, '')));
}

export function parseExportCsv(text: string, kind: ExportCsvKind): ExportCsv {
  // wmic writes \r\r\n line ends; the #TYPE line is no row.
  const lines = text.replace(/\r*\n/g, '\n').split('\n');
  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (first < lines.length && isTypeLine(lines[first]!)) first++;
  const body = lines.slice(first).join('\n');
  const parsed = Papa.parse<string[]>(body, {
    delimiter: sniffDelimiter(lines[first] ?? ''),
    skipEmptyLines: false,
  });
  const result: ExportCsv = { kind, rows: [], withoutName: [], badRows: [] };
  const rows = parsed.data;
  const header = (rows[0] ?? []).map(normaliseHeader);
  const nameKey = kind === 'powershell' ? 'displayname' : 'name';
  let line = first + 1;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const at = line;
    line += 1 + row.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    // A blank line is nothing; `,,,` is a key whose selected values are all null (no DisplayName).
    if (index === 0 || (row.length === 1 && row[0]!.trim() === '')) continue;
    if (row.length !== header.length) {
      result.badRows.push(at);
      continue;
    }
    const values: PropertyBag = new Map();
    header.forEach((key, column) => {
      const value = row[column]!.trim();
      if (key !== '' && value !== '') values.set(key, value);
    });
    const computer = values.get('pscomputername') ?? values.get('node');
    if (computer !== undefined) result.computerName ??= computer;
    if (!values.has(nameKey)) {
      result.withoutName.push(at);
      continue;
    }
    result.rows.push({ values: kind === 'powershell' ? values : fromWin32Product(values), line: at });
  }
  return result;
}

/** Win32_Product properties under the Uninstall value names the record reader knows. */
function fromWin32Product(values: PropertyBag): PropertyBag {
  const bag: PropertyBag = new Map();
  const copy = (from: string, to: string) => {
    const value = values.get(from);
    if (value !== undefined) bag.set(to, value);
  };
  copy('name', 'displayname');
  copy('version', 'displayversion');
  copy('vendor', 'publisher');
  copy('installdate', 'installdate');
  copy('installlocation', 'installlocation');
  copy('identifyingnumber', 'pschildname');
  return bag;
}
