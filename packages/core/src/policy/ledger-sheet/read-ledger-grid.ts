/**
 * One sheet of a ledger → entitlement items in the YAML format's shape, one per data row, each with
 * where its cells are. A cell that cannot be read is a located problem (file, sheet, row, column)
 * that costs its own row only: the row is left out and said to be left out, the others are read.
 * Totals rows (合计, 小计, 总计) and empty rows are not ledger lines and are passed over.
 */
import type { LocalText, Problem, SourceLocation } from '../../model.js';
import {
  type CellResult,
  readEditionList,
  readId,
  readList,
  readMoney,
  readSeats,
  readSheetDate,
  readStatus,
  readType,
  readVersionRange,
} from './ledger-cells.js';
import { findHeaderRow, type HeaderRow, LEDGER_COLUMNS, type LedgerField } from './ledger-columns.js';
import { cellLocation, cellText, type SheetCell, type SheetGrid } from './sheet-grid.js';

/** One data row as a YAML-shaped entitlement item, with the location of each field's cell. */
export interface SheetEntry {
  item: Record<string, unknown>;
  /** The cell of each field that was read; `row` is the row's first cell. */
  cells: Map<LedgerField | 'row', SourceLocation>;
}

export interface GridReading {
  /** False when the sheet has no header row: nothing was read from it. */
  hasHeader: boolean;
  entries: SheetEntry[];
  problems: Problem[];
}

const TOTALS_ROW = /^(?:合计|小计|总计|共计|total)[:：]?$/i;

/**
 * A problem of a ledger sheet, worded in both languages where it is made (`text`; the message is the
 * English), since it names cells and headings the policy problem catalogue knows nothing of.
 */
export function ledgerProblem(code: string, text: LocalText, location: SourceLocation): Problem {
  return { ...location, message: text.en, text, severity: 'error', code: `ledger.${code}`, source: 'ledger' };
}

/** "…; this ledger line is not read." in both languages. */
export const rowLost = (what: LocalText): LocalText => ({
  zh: `${what.zh}；此台账行未读入。`,
  en: `${what.en}; this ledger line is not read.`,
});

/** Reads every data row under the header row of one grid. */
export function readLedgerGrid(grid: SheetGrid): GridReading {
  const header = findHeaderRow(grid.rows);
  const problems: Problem[] = [];
  if (!header) return { hasHeader: false, entries: [], problems };
  for (const [column, heading] of header.unknown) {
    problems.push({
      ...ledgerProblem(
        'unknown-column',
        {
          zh: `“${heading}”不是台账的列，未读取（可用的列：${LEDGER_COLUMNS.map((c) => c.heading).join('、')}）。`,
          en: `Column "${heading}" is not a ledger column and is not read (known: ${LEDGER_COLUMNS.map((c) => c.heading).join(', ')}).`,
        },
        cellLocation(grid, header.index, column),
      ),
      severity: 'warning',
    });
  }
  for (const [field, read, notRead] of header.repeated) {
    problems.push(
      ledgerProblem(
        'repeated-column',
        {
          zh: `第 ${read + 1} 列和第 ${notRead + 1} 列都是“${headingOf(field)}”列；读取第 ${read + 1} 列，不读取第 ${notRead + 1} 列。`,
          en: `Columns ${read + 1} and ${notRead + 1} both are the ${headingOf(field)} column; column ${read + 1} is read, column ${notRead + 1} is not.`,
        },
        cellLocation(grid, header.index, notRead),
      ),
    );
  }
  const entries: SheetEntry[] = [];
  for (let index = header.index + 1; index < grid.rows.length; index++) {
    const row = grid.rows[index] ?? [];
    if (isBlankRow(row, header) || isTotalsRow(row)) continue;
    const entry = readRow(grid, index, header, problems);
    if (entry) entries.push(entry);
  }
  return { hasHeader: true, entries, problems };
}

export const headingOf = (field: LedgerField): string =>
  LEDGER_COLUMNS.find((column) => column.field === field)!.heading;

function isBlankRow(row: readonly SheetCell[], header: HeaderRow): boolean {
  for (const [field, column] of header.columns)
    if (field !== 'daysLeft' && cellText(row[column]) !== undefined) return false;
  return true;
}

/** A totals line: no 授权编号, and some cell says 合计 / 小计 / 总计. */
function isTotalsRow(row: readonly SheetCell[]): boolean {
  return row.some((cell) => typeof cell === 'string' && TOTALS_ROW.test(cell.trim()));
}

function readRow(
  grid: SheetGrid,
  index: number,
  header: HeaderRow,
  problems: Problem[],
): SheetEntry | undefined {
  const item: Record<string, unknown> = Object.create(null);
  const cells = new Map<LedgerField | 'row', SourceLocation>();
  cells.set('row', cellLocation(grid, index, header.columns.get('id')!));
  let failed = false;
  const row = grid.rows[index] ?? [];
  const take = <T>(
    field: LedgerField,
    read: (cell: SheetCell) => CellResult<T>,
    store: (value: T) => void,
  ): void => {
    const column = header.columns.get(field);
    if (column === undefined) return;
    const cell = row[column];
    const location = cellLocation(grid, index, column);
    cells.set(field, location);
    // A required column may not be empty; an optional one left empty says nothing.
    if (cellText(cell) === undefined && field !== 'id' && field !== 'product' && field !== 'type') return;
    const result = read(cell);
    if (result.ok) store(result.value);
    else {
      failed = true;
      problems.push(
        ledgerProblem(
          'bad-cell',
          rowLost({
            zh: `${headingOf(field)}：${result.reason.zh}`,
            en: `${headingOf(field)}: ${result.reason.en}`,
          }),
          location,
        ),
      );
    }
  };
  const textOf = (cell: SheetCell): CellResult<string> => {
    const written = cellText(cell);
    return written === undefined
      ? { ok: false, reason: { zh: '单元格为空', en: 'the cell is empty' } }
      : { ok: true, value: written };
  };
  const scope: Record<string, string[]> = Object.create(null);
  const evidence: Record<string, string> = Object.create(null);
  take('id', readId, (value) => (item.id = value));
  take('product', textOf, (value) => (item.product = value));
  take('type', readType, (value) => (item.type = value));
  take('seats', readSeats, (value) => (item.seats = value));
  take('versions', readVersionRange, (value) => (item.versions = value));
  take('editions', readEditionList, (value) => (item.editions = value));
  take(
    'units',
    (cell) => ({ ok: true, value: readList(cell) }),
    (value) => (scope.units = value),
  );
  take(
    'hosts',
    (cell) => ({ ok: true, value: readList(cell) }),
    (value) => (scope.hosts = value),
  );
  take('purchased', readSheetDate, (value) => (item.purchased = value));
  take('validFrom', readSheetDate, (value) => (item.validFrom = value));
  take('expires', readSheetDate, (value) => (item.expires = value));
  take('status', readStatus, (value) => (item.status = value));
  take('unitPrice', readMoney, (value) => (item.unitPrice = value));
  take('amount', readMoney, (value) => (item.amount = value));
  take('supplier', textOf, (value) => (evidence.supplier = value));
  take('contract', textOf, (value) => (evidence.contract = value));
  take('origin', textOf, (value) => (item.origin = value));
  take('notes', textOf, (value) => (item.notes = value));
  if (failed) return undefined;
  if (Object.keys(scope).length > 0) item.scope = scope;
  if (Object.keys(evidence).length > 0) item.evidence = evidence;
  return { item, cells };
}
