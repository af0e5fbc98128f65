/**
 * Streams a delimited file as batches of rows with the physical line number each row starts on.
 *
 * Parser choice, measured on 1 M rows (issue 4): csv-parse `columns: true` ≈ 0.33 M rows/s, Papa Parse
 * `header: true` ≈ 0.94 M rows/s, Papa Parse chunk mode ≈ 2.2 M rows/s. We drive Papa's low-level
 * `Parser` chunk by chunk ourselves (arrays, no header objects): it keeps its split-based fast path for
 * chunks without quotes, tells us where the last complete row ends (so a quoted field may span chunks),
 * and lets us count physical lines per chunk — rows equal line breaks unless a quoted field holds a
 * newline, and only then are fields scanned.
 */
import { bilingual, InputError, type ProblemParams } from '@zhengban/core';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { OnMixedEncoding } from '../text/decode-text.js';
import { openTextStream } from '../text/text-file.js';

/** Why a row cannot be read, as a sentence (without its `line N:`) and a problem code. */
export interface RowError {
  message: string;
  code: string;
  /** The params of the problem's text besides the row's `line`. */
  params?: ProblemParams;
}

export interface CsvBatch {
  rows: string[][];
  /** Physical line (1-based) each row starts on. */
  lines: number[];
  /** Rows that cannot be read (quotes, a change of encoding, an overlong line) by row index. */
  errors: Map<number, RowError>;
}

/**
 * A batch as text: row `i` is `text.slice(starts[i], ends[i])` (its line break excluded) on line
 * `firstLine + i`; its fields are `parsed.get(i)` when the line holds a quote, else what
 * `row.split(delimiter)` gives — exactly what Papa Parse returns for such lines (its own fast path
 * for text without quotes), but the reader slices only the fields it reads instead of an array of
 * every field of every row.
 */
export interface CsvTextBatch {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
  firstLine: number;
  delimiter: string;
  /** The rows of lines that hold a quote, parsed by Papa Parse, by line index in this batch. */
  parsed: Map<number, string[]> | undefined;
}

export interface CsvStreamOptions {
  /** `,` `;` or tab; sniffed from the header line when absent. */
  delimiter?: string;
  /** Force an encoding (`gbk`, `utf-16le`, …) instead of detecting it. */
  encoding?: string;
  signal?: AbortSignal;
}

/** Characters parsed per batch (the file is read in larger blocks). */
const BATCH_CHARS = Number(process.env.ZB_BATCH ?? 16 * 1024);

/**
 * A row that does not end within this many characters: an unclosed quoted field stops the file (the
 * rest cannot be told apart from it); a line without quotes is skipped up to its line break and
 * rejected, and the rows after it are read.
 */
const MAX_PENDING_CHARS = Number(process.env.ZB_MAX_ROW_CHARS ?? 32 * 1024 * 1024);

/** Counts occurrences of `\n` in `text` from `start` to `end`. */
function countNewlines(text: string, start = 0, end = text.length): number {
  let count = 0;
  let at = text.indexOf('\n', start);
  while (at >= 0 && at < end) {
    count++;
    at = text.indexOf('\n', at + 1);
  }
  return count;
}

/** The delimiter used most in the header line, outside quotes: `,`, `;` or tab. */
export function sniffDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char]!++;
  }
  let best = ',';
  for (const candidate of [';', '\t']) if (counts[candidate]! > counts[best]!) best = candidate;
  return best;
}

export async function* csvBatches(
  file: string,
  options: CsvStreamOptions = {},
): AsyncGenerator<CsvBatch | CsvTextBatch> {
  /** Where a UTF-8 file turned into another encoding: that line and every row after it are rejected. */
  let mixedFrom: { line: number; byte: number } | undefined;
  const chunks = await forcedOrDetectedChunks(file, options, (line, byte) => {
    mixedFrom ??= { line, byte };
  });
  /** Marks the rows of a batch at or after the change of encoding. */
  const rejectMixed = (batch: CsvBatch): CsvBatch => {
    if (mixedFrom === undefined) return batch;
    for (let i = 0; i < batch.rows.length; i++) {
      if (batch.lines[i]! < mixedFrom.line) continue;
      batch.errors.set(i, {
        message: `not read: the file starts as UTF-8 but is not valid UTF-8 from line ${mixedFrom.line} (byte ${mixedFrom.byte}) on; it mixes encodings, so no row from there on is read (save the file again as UTF-8 or GBK)`,
        code: 'input.encoding',
        params: {
          at: bilingual(`第 ${batch.lines[i]!} 行未读取：`, `line ${batch.lines[i]!}: not read: `),
          from: mixedFrom.line,
          byte: mixedFrom.byte,
          unread: bilingual('，从该行起的行都不读取', ', so no row from there on is read'),
        },
      });
    }
    return batch;
  };
  // ZB_CSV_LINES=0: every batch through Papa Parse (tests compare both readings).
  const byLines = process.env.ZB_CSV_LINES !== '0';
  let parser: InstanceType<typeof Papa.Parser> | undefined;
  let delimiter = '';
  let newline = '\n' as '\n' | '\r\n' | '\r';
  let pending = '';
  let nextLine = 1;
  /**
   * Text cut at its line breaks as Papa Parse cuts text without quotes (`split(newline)`, the piece
   * after the last break left pending). A line holding a quote is parsed alone by Papa Parse and
   * kept as that row when it is one clean row (its quotes open and close within the line: Papa
   * Parse reads it the same within the text). Undefined — the whole text goes to Papa Parse — when
   * some line is not, or holds a `\n` that is not its break (a lone `\n` in a `\r\n` file).
   */
  const takeLines = (text: string): CsvTextBatch | undefined => {
    let count = 0;
    for (let at = text.indexOf(newline); at >= 0; at = text.indexOf(newline, at + newline.length)) count++;
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    let parsed: Map<number, string[]> | undefined;
    let quote = text.indexOf('"');
    let start = 0;
    for (let i = 0; i < count; i++) {
      const end = text.indexOf(newline, start);
      starts[i] = start;
      ends[i] = end;
      if (quote >= 0 && quote < end) {
        const result = parser!.parse(text.slice(start, end), 0, false) as {
          data: string[][];
          errors: unknown[];
        };
        if (result.data.length !== 1 || result.errors.length !== 0) return undefined;
        parsed ??= new Map();
        parsed.set(i, result.data[0]!);
        quote = text.indexOf('"', end);
      }
      start = end + newline.length;
    }
    if (quote >= 0 && quote < start) return undefined;
    if (newline === '\r\n' && countNewlines(text, 0, start) !== count) return undefined;
    const batch: CsvTextBatch = { text, starts, ends, count, firstLine: nextLine, delimiter, parsed };
    nextLine += count;
    pending = text.slice(start);
    return batch;
  };
  const take = (text: string, last: boolean): CsvBatch => {
    if (!parser) {
      const firstBreak = text.indexOf('\n');
      const headerLine = firstBreak < 0 ? text : text.slice(0, firstBreak);
      newline = headerLine.endsWith('\r') ? '\r\n' : firstBreak < 0 && text.includes('\r') ? '\r' : '\n';
      delimiter = options.delimiter ?? sniffDelimiter(headerLine);
      parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    }
    const result = parser.parse(text, 0, !last) as {
      data: string[][];
      errors: Array<{ row?: number; code: string }>;
      meta: { cursor: number };
    };
    const rows = result.data;
    const consumed = last ? text.length : result.meta.cursor;
    const lines = new Array<number>(rows.length);
    const breaks = countNewlines(text, 0, consumed);
    if (breaks === rows.length || (last && breaks === rows.length - 1)) {
      for (let i = 0; i < rows.length; i++) lines[i] = nextLine + i;
      nextLine += breaks;
    } else {
      // Some quoted field holds a line break: walk the rows and count the breaks inside their fields.
      let line = nextLine;
      for (let i = 0; i < rows.length; i++) {
        lines[i] = line;
        const row = rows[i]!;
        let inside = 0;
        for (let f = 0; f < row.length; f++) if (row[f]!.includes('\n')) inside += countNewlines(row[f]!);
        line += 1 + inside;
      }
      nextLine += breaks;
    }
    const errors = new Map<number, RowError>();
    for (const error of result.errors) {
      if (error.row === undefined) continue;
      const [zh, en] =
        error.code === 'MissingQuotes'
          ? [
              '带引号的字段没有闭合（文件可能被截断）',
              'a quoted field is not closed (the file may be cut off)',
            ]
          : ['带引号的字段中的引号没有写成两个（""）', 'a quote inside a quoted field is not doubled ("")'];
      errors.set(error.row, { message: en, code: 'csv.quotes', params: { detail: bilingual(zh, en) } });
    }
    pending = text.slice(consumed);
    return { rows, lines, errors };
  };
  const unclosedQuote = () =>
    new InputError(
      `${file}:${nextLine}: a row (or a quoted field) does not end within ${MAX_PENDING_CHARS / 1024 / 1024} MB; a quote is probably not closed, so the rest of the file cannot be read`,
      { file, line: nextLine, source: 'csv' },
      'csv.unclosed-quote',
      { file, line: nextLine, limit: `${MAX_PENDING_CHARS / 1024 / 1024} MB` },
    );
  // A line longer than MAX_PENDING_CHARS without quotes is skipped: where it started and how it began.
  let skipping: { line: number; excerpt: string } | undefined;
  const overlong = (skipped: { line: number; excerpt: string }): CsvBatch => ({
    rows: [[skipped.excerpt]],
    lines: [skipped.line],
    errors: new Map([
      [
        0,
        {
          message: `the line is longer than ${MAX_PENDING_CHARS / 1024 / 1024} MB and holds no quote, so it is not a row of an inventory; skipped`,
          code: 'csv.line-too-long',
          params: { limit: `${MAX_PENDING_CHARS / 1024 / 1024} MB` },
        },
      ],
    ]),
  });
  for await (const chunk of lineBreaksAsLf(chunks)) {
    // Parsed a slice at a time: a batch's rows are garbage once its hosts are added, and keeping a
    // batch small lets them die in the young generation instead of being copied and promoted.
    for (let at = 0; at < chunk.length; ) {
      if (options.signal?.aborted) return;
      // A row longer than a slice is parsed again with each new slice; growing the slice with the
      // pending text keeps that re-parsing linear in the row's length instead of quadratic.
      const size = Math.max(BATCH_CHARS, pending.length);
      let piece = at === 0 && chunk.length <= size ? chunk : chunk.slice(at, at + size);
      at += size;
      if (skipping !== undefined) {
        const end = piece.indexOf(newline === '\r' ? '\r' : '\n');
        if (end < 0) continue;
        yield overlong(skipping);
        nextLine = skipping.line + 1;
        skipping = undefined;
        piece = piece.slice(end + 1);
      }
      // A row still open and no line break in this piece: the row cannot end here, so it is only
      // extended (a rope: no copy), not parsed again; re-parsing it with every piece made one 100 MB
      // line quadratic (15 s and 778 MB).
      if (
        pending.length > BATCH_CHARS &&
        parser !== undefined &&
        !piece.includes(newline === '\r' ? '\r' : '\n')
      ) {
        pending += piece;
        if (pending.length > MAX_PENDING_CHARS) {
          if (pending.includes('"')) throw unclosedQuote();
          skipping = { line: nextLine, excerpt: pending.slice(0, 200) };
          pending = '';
        }
        continue;
      }
      const text = pending + piece;
      // Text whose rows are lines (nearly every batch of an export) is cut here; the header batch,
      // quoted fields across lines, a `\r`-only file, a delimiter longer than one character and rows
      // past a change of encoding go to Papa Parse.
      const fast =
        byLines &&
        parser !== undefined &&
        delimiter.length === 1 &&
        newline !== '\r' &&
        mixedFrom === undefined
          ? takeLines(text)
          : undefined;
      const batch = fast ?? rejectMixed(take(text, false));
      if (('rows' in batch ? batch.rows.length : batch.count) > 0) yield batch;
      if (pending.length > MAX_PENDING_CHARS) {
        if (parser === undefined || pending.includes('"')) throw unclosedQuote();
        skipping = { line: nextLine, excerpt: pending.slice(0, 200) };
        pending = '';
      }
    }
  }
  if (skipping !== undefined) yield overlong(skipping);
  else if (pending !== '') yield rejectMixed(take(pending, true));
}

/**
 * `\r\n` as `\n`, so that a file whose header ends in CRLF and whose rows end in LF (two exports
 * joined, a file edited on two systems) is cut at every line, not read as one row of hundreds of
 * columns. A `\r` at the end of a chunk waits for the next one (it may be half of a CRLF). Lone `\r`
 * (old Mac files) is kept: the reader detects it. Line numbers do not change.
 */
async function* lineBreaksAsLf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    yield text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  }
  if (carry !== '') yield carry;
}

async function forcedOrDetectedChunks(
  file: string,
  options: CsvStreamOptions,
  onMixed: OnMixedEncoding,
): Promise<AsyncIterable<string>> {
  if (!options.encoding) return (await openTextStream(file, options.signal, onMixed)).chunks;
  const encoding = options.encoding;
  if (!iconv.encodingExists(encoding)) {
    throw new InputError(
      `unknown encoding "${encoding}" for ${file} (try utf-8, gbk, gb18030, utf-16le)`,
      { file, source: 'csv' },
      'csv.encoding',
      { file, encoding },
    );
  }
  const { createReadStream } = await import('node:fs');
  return (async function* () {
    const decoder = iconv.getDecoder(encoding);
    for await (const bytes of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      const text = decoder.write(bytes as Buffer);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  })();
}
