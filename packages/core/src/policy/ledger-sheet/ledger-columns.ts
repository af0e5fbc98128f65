/**
 * The columns of a ledger sheet: the Chinese headings offices use, with English aliases (the YAML
 * key names), and how the header row is found under a title row. One list serves reading and
 * `zhengban ledger export`, so an exported sheet reads back column for column.
 */
import type { SheetCell } from './sheet-grid.js';
import { cellText } from './sheet-grid.js';

export type LedgerField =
  | 'id'
  | 'product'
  | 'type'
  | 'seats'
  | 'versions'
  | 'editions'
  | 'units'
  | 'hosts'
  | 'purchased'
  | 'validFrom'
  | 'expires'
  | 'status'
  | 'unitPrice'
  | 'amount'
  | 'supplier'
  | 'contract'
  | 'origin'
  | 'notes'
  | 'daysLeft';

export interface LedgerColumn {
  field: LedgerField;
  /** The heading `ledger export` writes. */
  heading: string;
  /** Every heading read as this column (normalised: no spaces, lower case, no unit in brackets). */
  aliases: string[];
}

/** The ledger's columns in the order `ledger export` writes them. */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { field: 'id', heading: '授权编号', aliases: ['授权编号', '许可编号', '编号', 'id'] },
  { field: 'product', heading: '产品', aliases: ['产品', '产品名称', '软件名称', '软件', 'product'] },
  { field: 'type', heading: '授权类型', aliases: ['授权类型', '许可类型', '授权方式', 'type'] },
  { field: 'seats', heading: '数量', aliases: ['数量', '授权数量', '许可数量', '套数', 'seats'] },
  { field: 'versions', heading: '版本范围', aliases: ['版本范围', '版本号', 'versions'] },
  { field: 'editions', heading: '版本类型', aliases: ['版本类型', '版本类别', 'editions'] },
  { field: 'units', heading: '使用单位', aliases: ['使用单位', '单位', 'units', 'scope.units'] },
  { field: 'hosts', heading: '使用计算机', aliases: ['使用计算机', '计算机', 'hosts', 'scope.hosts'] },
  { field: 'purchased', heading: '采购日期', aliases: ['采购日期', '购买日期', '购置日期', 'purchased'] },
  { field: 'validFrom', heading: '生效日期', aliases: ['生效日期', '起始日期', 'validfrom'] },
  { field: 'expires', heading: '到期日期', aliases: ['到期日期', '截止日期', '失效日期', 'expires'] },
  { field: 'status', heading: '状态', aliases: ['状态', '使用状态', 'status'] },
  { field: 'unitPrice', heading: '单价', aliases: ['单价', 'unitprice'] },
  { field: 'amount', heading: '金额', aliases: ['金额', '总价', '合计金额', 'amount'] },
  { field: 'supplier', heading: '供应商', aliases: ['供应商', 'supplier'] },
  { field: 'contract', heading: '合同号', aliases: ['合同号', '合同编号', 'contract'] },
  { field: 'origin', heading: '来源', aliases: ['来源', 'origin'] },
  { field: 'notes', heading: '备注', aliases: ['备注', '说明', 'notes'] },
  // Written by `ledger export` for people; computed from 到期日期 and asOf, so never read back.
  { field: 'daysLeft', heading: '剩余天数', aliases: ['剩余天数', 'daysleft'] },
];

/** Headings that are known not to be data (a row number); read silently as nothing. */
const IGNORED_HEADINGS: ReadonlySet<string> = new Set(['序号', 'no', 'no.', '#']);

/** The columns a header row must name; the other columns are optional. */
const REQUIRED_FIELDS: readonly LedgerField[] = ['id', 'product', 'type'];

/** How far down a header row is looked for (title rows, a date line, a blank line above it). */
export const HEADER_SEARCH_ROWS = 10;

const BY_ALIAS = new Map<string, LedgerField>(
  LEDGER_COLUMNS.flatMap((column) => column.aliases.map((alias) => [alias, column.field] as const)),
);

/** A heading as compared: no whitespace, lower case, a trailing unit in brackets dropped (`单价（元）`). */
export function normaliseHeading(heading: string): string {
  return heading
    .replace(/\s+/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .toLowerCase();
}

export interface HeaderRow {
  /** 0-based index of the header row in the grid. */
  index: number;
  /** 0-based column index of each field found. */
  columns: Map<LedgerField, number>;
  /** Headings that are not ledger columns: [column index, heading]. */
  unknown: Array<[number, string]>;
  /** Fields named by more than one column: [field, the column read, the column not read]. */
  repeated: Array<[LedgerField, number, number]>;
}

/**
 * The header row: of the first HEADER_SEARCH_ROWS rows, the one naming every required column and
 * the most columns in all. A two-row header (a merged 日期 over 采购日期 / 生效日期 / 到期日期, the
 * other headings merged down both rows) thus gives its lower row, where every heading is named.
 */
export function findHeaderRow(rows: readonly SheetCell[][]): HeaderRow | undefined {
  let best: HeaderRow | undefined;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const candidate = readHeadings(rows[index] ?? [], index);
    if (!REQUIRED_FIELDS.every((field) => candidate.columns.has(field))) continue;
    if (!best || candidate.columns.size > best.columns.size) best = candidate;
  }
  return best;
}

function readHeadings(row: readonly SheetCell[], index: number): HeaderRow {
  const columns = new Map<LedgerField, number>();
  const unknown: Array<[number, string]> = [];
  const repeated: Array<[LedgerField, number, number]> = [];
  row.forEach((cell, column) => {
    const heading = cellText(cell);
    if (heading === undefined) return;
    const normalised = normaliseHeading(heading);
    const field = BY_ALIAS.get(normalised);
    if (field === undefined) {
      if (!IGNORED_HEADINGS.has(normalised)) unknown.push([column, heading]);
    } else if (columns.has(field)) repeated.push([field, columns.get(field)!, column]);
    else columns.set(field, column);
  });
  return { index, columns, unknown, repeated };
}

/** The headings a header row must have, for messages. */
export const REQUIRED_HEADINGS = REQUIRED_FIELDS.map(
  (field) => LEDGER_COLUMNS.find((column) => column.field === field)!.heading,
);
