/**
 * The typed cells and tables every tabular format shares (tables.ts builds the report's tables,
 * plan-tables.ts and purchases-table.ts some of them); apart so those builders need not import
 * each other.
 */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number | undefined }
  | { kind: 'rate'; value: number | null; numerator: number; denominator: number }
  | { kind: 'date'; value: string | undefined };

export const TABLE_IDS = [
  'units',
  'findings',
  'ledger',
  'purchases',
  'plan',
  'budget',
  'unrecognised',
  'inputs',
  'problems',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface Table {
  id: TableId;
  /** Sheet / file name: 统计表, 问题清单, … */
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const text = (value: string | undefined): Cell => ({ kind: 'text', value: value ?? '' });
export const count = (value: number | undefined): Cell => ({ kind: 'count', value });
export const date = (value: string | undefined): Cell => ({ kind: 'date', value });
export const rate = (value: number | null, numerator: number, denominator: number): Cell => ({
  kind: 'rate',
  value,
  numerator,
  denominator,
});
