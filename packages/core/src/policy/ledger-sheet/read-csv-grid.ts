/**
 * A ledger saved as CSV. Excel on a Chinese Windows saves "CSV" in GBK and "CSV UTF-8" with a BOM;
 * Notepad may save UTF-16 with a BOM. Encodings are chosen in that order: BOM, strict UTF-8,
 * GB18030 (a superset of GBK), decoded by TextDecoder. Fields follow RFC 4180 (quotes, doubled
 * quotes, line breaks inside quotes), and a comma, semicolon or tab is taken as the separator,
 * whichever the header line holds most of outside quotes.
 */
import type { SheetCell, SheetGrid } from './sheet-grid.js';

/** Decodes a CSV file's bytes; the encoding used is returned for messages. */
export function decodeSheetText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The separator the first line uses most, outside quotes. */
function guessSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char]!++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0]![0];
}

/** Splits CSV text into rows of fields (RFC 4180). A quote left open at the end closes there. */
export function parseCsvRows(text: string): string[][] {
  const separator = guessSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += char;
      i++;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else field += char;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file's bytes as a sheet grid. */
export function readCsvGrid(bytes: Uint8Array, file: string): SheetGrid {
  const { text } = decodeSheetText(bytes);
  const rows: SheetCell[][] = parseCsvRows(text).map((row) =>
    row.map((field) => (field.trim() === '' ? undefined : field)),
  );
  return { file, rows };
}
