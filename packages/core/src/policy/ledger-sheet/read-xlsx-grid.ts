/**
 * A ledger saved as XLSX, read synchronously (policy loading is synchronous): fflate unzips the
 * parts we need, and this module reads the few SpreadsheetML elements a ledger uses — the workbook's
 * sheet list, shared strings, cells (`<c r t><v>` and inline strings) and merged ranges. Formulas are
 * never evaluated: a formula cell gives the value Excel cached when it saved the file.
 *
 * The archive is untrusted: only the workbook parts are inflated, each at most MAX_PART_BYTES, and
 * every pattern below is linear in the part's length.
 */
import { unzipSync } from 'fflate';
import type { LocalText } from '../../model.js';
import type { SheetCell, SheetGrid } from './sheet-grid.js';

/** Largest inflated part accepted (a ledger of 100 000 rows is well under this). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Largest row or column index accepted from a cell reference (Excel's own limits). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Why a workbook cannot be read, in both languages (the Error's message is the English). */
export class XlsxReadError extends Error {
  constructor(readonly reason: LocalText) {
    super(reason.en);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data to text: the five named entities and numeric references. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name[0] !== '#') return ENTITIES[name]!;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The value of `name="…"` in an element's attribute text. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return match ? unescapeXml(match[1]!) : undefined;
}

/** The text of a shared string or inline string: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function runText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[^>]*>[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const match of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += match[1];
  return unescapeXml(text);
}

/** `B7` → [6, 1] (0-based row, column). */
function parseReference(reference: string): [number, number] | undefined {
  const match = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(reference);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1 || row > MAX_ROWS || column > MAX_COLUMNS) return undefined;
  return [row - 1, column - 1];
}

function partText(parts: Record<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts[name];
  return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
}

/** Sheet names in workbook order with the archive path of each sheet's XML. */
function sheetList(parts: Record<string, Uint8Array>): Array<{ name: string; path: string }> {
  const workbook = partText(parts, 'xl/workbook.xml');
  if (!workbook)
    throw new XlsxReadError({
      zh: '其中没有 xl/workbook.xml（它是 XLSX 工作簿吗？）',
      en: 'it has no xl/workbook.xml (is it an XLSX workbook?)',
    });
  const targets = new Map<string, string>();
  for (const match of (partText(parts, 'xl/_rels/workbook.xml.rels') ?? '').matchAll(
    /<Relationship\b([^>]*)\/?>/g,
  )) {
    const id = attribute(match[1]!, 'Id');
    const target = attribute(match[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: Array<{ name: string; path: string }> = [];
  for (const match of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(match[1]!, 'name');
    const id = attribute(match[1]!, 'r:id');
    const path = id ? targets.get(id) : undefined;
    if (name !== undefined && path) sheets.push({ name, path });
  }
  return sheets;
}

function readSheet(xml: string, sharedStrings: string[], file: string, name: string): SheetGrid {
  const rows: SheetCell[][] = [];
  let nextRow = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attribute(rowMatch[1]!, 'r'));
    const rowIndex =
      Number.isInteger(rowNumber) && rowNumber >= 1 && rowNumber <= MAX_ROWS ? rowNumber - 1 : nextRow;
    nextRow = rowIndex + 1;
    const row: SheetCell[] = rows[rowIndex] ?? [];
    rows[rowIndex] = row;
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cellMatch[1]!;
      const reference = attribute(attributes, 'r');
      const column = (reference ? parseReference(reference)?.[1] : undefined) ?? nextColumn;
      nextColumn = column + 1;
      const body = cellMatch[2] ?? '';
      const type = attribute(attributes, 't');
      const value = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      let cell: SheetCell;
      if (type === 'inlineStr') cell = runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (value === undefined) cell = undefined;
      else if (type === 's') cell = sharedStrings[Number(value)];
      else if (type === 'str' || type === 'e') cell = unescapeXml(value);
      else if (type === 'b') cell = value === '1' ? 'TRUE' : 'FALSE';
      else {
        const number = Number(value);
        cell = Number.isFinite(number) ? number : unescapeXml(value);
      }
      if (typeof cell === 'string' && cell.trim() === '') cell = undefined;
      row[column] = cell;
    }
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  fillMergedCells(xml, rows);
  return { file, sheet: name, rows };
}

/** Cells merged ranges may fill in one sheet: a ledger merges a title row and a few columns. */
const MAX_MERGED_CELLS = 1_000_000;

/** A merged range holds its value in the top-left cell; every cell of the range gets it. */
function fillMergedCells(xml: string, rows: SheetCell[][]): void {
  let filled = 0;
  // Ranges are clipped to the cells in use: filling beyond them would invent rows and columns.
  const lastColumn = rows.reduce((widest, row) => Math.max(widest, row.length), 0) - 1;
  for (const match of xml.matchAll(/<mergeCell\b([^>]*?)\/?>/g)) {
    const [from, to] = (attribute(match[1]!, 'ref') ?? '').split(':');
    const start = from ? parseReference(from) : undefined;
    const end = to ? parseReference(to) : undefined;
    if (!start || !end) continue;
    const value = rows[start[0]]?.[start[1]];
    const lastRow = Math.min(end[0], rows.length - 1);
    const endColumn = Math.min(end[1], lastColumn);
    filled += Math.max(0, lastRow - start[0] + 1) * Math.max(0, endColumn - start[1] + 1);
    if (filled > MAX_MERGED_CELLS)
      throw new XlsxReadError({
        zh: `其合并单元格在一张工作表中覆盖超过 ${MAX_MERGED_CELLS} 个单元格`,
        en: `its merged cells cover more than ${MAX_MERGED_CELLS} cells of a sheet`,
      });
    for (let r = start[0]; r <= lastRow; r++) {
      for (let c = start[1]; c <= endColumn; c++) rows[r]![c] = value;
    }
  }
}

/** Every worksheet of an XLSX workbook, in workbook order. Throws XlsxReadError when unreadable. */
export function readXlsxGrids(bytes: Uint8Array, file: string): SheetGrid[] {
  let parts: Record<string, Uint8Array>;
  const tooLarge: string[] = [];
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        if (!entry.name.endsWith('.xml') && !entry.name.endsWith('.rels')) return false;
        if (entry.originalSize <= MAX_PART_BYTES) return true;
        tooLarge.push(entry.name);
        return false;
      },
    });
  } catch (error) {
    throw new XlsxReadError({
      zh: `它不是可读取的 XLSX（zip）文件：${(error as Error).message}`,
      en: `it is not a readable XLSX (zip) file: ${(error as Error).message}`,
    });
  }
  const large = [...tooLarge, ...Object.keys(parts).filter((name) => parts[name]!.length > MAX_PART_BYTES)];
  if (large.length > 0)
    throw new XlsxReadError({
      zh: `其中的 ${large[0]} 大于 64 MB`,
      en: `its part ${large[0]} is larger than 64 MB`,
    });
  const shared = partText(parts, 'xl/sharedStrings.xml') ?? '';
  const sharedStrings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => runText(match[1]!));
  return sheetList(parts).flatMap(({ name, path }) => {
    const xml = partText(parts, path);
    return xml === undefined ? [] : [readSheet(xml, sharedStrings, file, name)];
  });
}
