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
  const total = widths.reduce((sum, width) => sum + width, 0) + gap.length * (columns.length - 1);
  const rule = '─'.repeat(total);
  const header = columns.map((column, index) => pad(column.header, widths[index]!, column.align)).join(gap);
  const lines = [(options.headerStyle ?? ((line: string) => line))(header.trimEnd()), rule];
  rows.forEach((row, rowIndex) => {
    if (options.ruleBefore?.has(rowIndex)) lines.push(rule);
    const cells = columns.map((column, index) => {
      const raw = row[index] ?? '';
      const padded = pad(raw, widths[index]!, column.align);
      return options.style ? options.style(rowIndex, index, padded, raw) : padded;
    });
    lines.push(cells.join(gap).trimEnd());
  });
  return lines;
}
