/** The csv scanner's view of one row, reused for every row of a file (the hot path). */
import type { CsvTextBatch } from './csv-stream.js';

/**
 * The fields of the row being read: a parsed row (Papa Parse's array), or a line of a text batch
 * whose fields are located once (their start offsets) and sliced only when read. One object per
 * file, reused for every row.
 */
export class RowFields {
  /** The parsed row, or undefined for a line of `text`. */
  private row: string[] | undefined = undefined;
  private text = '';
  private delimiterText = ',';
  private batch: CsvTextBatch | undefined = undefined;
  /** Field f of the line is text.slice(offsets[f], offsets[f + 1] - 1). */
  private offsets = new Int32Array(1);
  private lineStart = 0;
  private lineEnd = 0;
  private materialised: string[] | undefined = undefined;
  /** Number of fields. */
  length = 0;

  useRow(row: string[]): void {
    this.row = row;
    this.length = row.length;
  }

  useText(batch: CsvTextBatch, width: number): void {
    this.batch = batch;
    this.text = batch.text;
    this.delimiterText = batch.delimiter;
    if (this.offsets.length !== width + 1) this.offsets = new Int32Array(width + 1);
  }

  /** Locates the fields of line `i` of the text batch. */
  textRow(i: number): void {
    const batch = this.batch!;
    const text = this.text;
    const offsets = this.offsets;
    const limit = offsets.length - 1;
    const start = batch.starts[i]!;
    const end = batch.ends[i]!;
    this.row = undefined;
    this.materialised = undefined;
    this.lineStart = start;
    this.lineEnd = end;
    offsets[0] = start;
    const delimiter = this.delimiterText;
    let count = 1;
    // indexOf, not a charCodeAt loop: the batch text is a concatenation, read through an indirection.
    for (let at = text.indexOf(delimiter, start); at >= 0 && at < end; at = text.indexOf(delimiter, at + 1)) {
      if (count <= limit) offsets[count] = at + 1;
      count++;
    }
    if (count <= limit + 1) offsets[Math.min(count, limit)] = end + 1;
    this.length = count;
  }

  /** Field `f` (only for `f < length`). */
  get(f: number): string {
    if (this.row !== undefined) return this.row[f]!;
    if (this.length !== this.offsets.length - 1) return this.all()[f]!;
    return this.text.slice(this.offsets[f]!, this.offsets[f + 1]! - 1);
  }

  /** True when field `f` trimmed is `value`, for a `value` that is trimmed and not empty. */
  is(f: number, value: string): boolean {
    if (this.row !== undefined || this.length !== this.offsets.length - 1)
      return this.get(f).trim() === value;
    const start = this.offsets[f]!;
    const length = this.offsets[f + 1]! - 1 - start;
    if (length === value.length) return this.text.startsWith(value, start);
    return this.get(f).trim() === value;
  }

  /** Every field, as Papa Parse gives them. */
  all(): string[] {
    if (this.row !== undefined) return this.row;
    this.materialised ??= this.text.slice(this.lineStart, this.lineEnd).split(this.delimiterText);
    return this.materialised;
  }
}
