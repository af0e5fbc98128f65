/**
 * Column layout for terminals: widths are measured in terminal cells (string-width), so Chinese
 * characters count as two and the columns line up.
 */
import { displayWidth as stringWidth } from './display-width.js';

export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
}

export interface TextTableOptions {
  /** Rows before which a rule line is drawn (e.g. the totals row). */
  ruleBefore?: ReadonlySet<number>;
  /** Decorates a padded cell (colour); must not change its visible width. */
  style?: (row: number, column: number, padded: string, raw: string) => string;
  /** Decorates the header line. */
  headerStyle?: (line: string) => string;
  gap?: number;
  /**
   * The widest a line may be (terminal columns). When the table is wider, the first column (the
   * names) is narrowed and a longer name continues on the lines below its row.
   */
  maxWidth?: number;
  /** A line printed under a row (indented), e.g. what did not fit in the columns. */
  rowDetail?: (row: number) => string | undefined;
}

/** Splits `value` into pieces of at most `width` cells. */
function splitCells(value: string, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of value) {
    if (current !== '' && stringWidth(current + char) > width) {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  pieces.push(current);
  return pieces;
}

export function pad(value: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(value)));
  return align === 'right' ? fill + value : value + fill;
}

/** The table as lines, without trailing spaces. Cells must already be free of control characters. */
export function renderTextTable(
  columns: readonly TextColumn[],
  rows: readonly (readonly string[])[],
  options: TextTableOptions = {},
): string[] {
  const gap = ' '.repeat(options.gap ?? 2);
  const widths = columns.map((column, index) =>
    Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[index] ?? ''))),
  );
  let total = widths.reduce((sum, width) => sum + width, 0) + gap.length * (columns.length - 1);
  if (options.maxWidth !== undefined && total > options.maxWidth) {
    const first = Math.max(stringWidth(columns[0]?.header ?? ''), 8, widths[0]! - (total - options.maxWidth));
    total -= widths[0]! - first;
    widths[0] = first;
  }
  const rule = '─'.repeat(total);
  const header = columns.map((column, index) => pad(column.header, widths[index]!, column.align)).join(gap);
  const lines = [(options.headerStyle ?? ((line: string) => line))(header.trimEnd()), rule];
  rows.forEach((row, rowIndex) => {
    if (options.ruleBefore?.has(rowIndex)) lines.push(rule);
    const [name = '', ...more] = splitCells(row[0] ?? '', widths[0]!);
    const cells = columns.map((column, index) => {
      const raw = index === 0 ? name : (row[index] ?? '');
      const padded = pad(raw, widths[index]!, column.align);
      return options.style ? options.style(rowIndex, index, padded, row[index] ?? '') : padded;
    });
    lines.push(cells.join(gap).trimEnd());
    for (const piece of more) lines.push(`  ${piece}`.trimEnd());
    const detail = options.rowDetail?.(rowIndex);
    if (detail) lines.push(`    ${detail}`);
  });
  return lines;
}
