/**
 * A UTF-16 `regedit /e` export read as a stream: a whole-hive export is hundreds of MB, and read
 * whole it was held twice (bytes and text) with every line split out at once. Here it is decoded
 * chunk by chunk (a BOM says LE or BE; a character or surrogate pair split between chunks is
 * joined by the decoder, a CRLF split between them by readLines) and parsed in batches of lines,
 * so only the keys a fact is read from are kept (reg-export.ts). The records are those of the
 * whole-file reader.
 */
import { open } from 'node:fs/promises';
import type { ProblemSink } from '../common/problem-sink.js';
import { SNIFF_BYTES, sniffEncoding } from '../text/decode-text.js';
import { openTextStream, readLines } from '../text/text-file.js';
import { RegExportParser } from './reg-export.js';
import type { RegistryKey } from './registry-key.js';

const HEADER = /^(Windows Registry Editor Version 5\.00|REGEDIT4)\s*$/;
/** Lines parsed at a time (a batch only ends before a key line, so it may run longer). */
const BATCH_LINES = 8192;
/** A line where no value can go on: a key, not continuing a hex list (reg-value-lines.ts). */
const KEY_LINE = /^\[-?HKEY_/i;

/** Lines of the file as the whole-file reader splits them: CRLF, LF, and a CR alone too. */
async function* fileLines(chunks: AsyncIterable<string>, lineChars?: number): AsyncGenerator<string> {
  for await (const { text } of readLines(chunks, lineChars)) {
    if (text.includes('\r')) yield* text.split('\r');
    else yield text;
  }
}

/** The file starts as UTF-16 text (with a BOM, or sniffed); false for anything else or an error. */
async function isUtf16(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const first = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await handle.read(first, 0, first.length, 0);
      const { encoding } = sniffEncoding(first.subarray(0, bytesRead), file, false);
      return encoding === 'utf-16le' || encoding === 'utf-16be';
    } finally {
      await handle.close();
    }
  } catch {
    // Read whole instead, which says what is wrong with the file.
    return false;
  }
}

/**
 * The keys of `file` when it is a UTF-16 .reg export, read as a stream; undefined when it is not
 * one (the caller reads it whole and recognises what it is).
 */
export async function readRegExportStream(
  file: string,
  sink: ProblemSink,
  signal?: AbortSignal,
  options: { lineChars?: number } = {},
): Promise<RegistryKey[] | undefined> {
  if (!(await isUtf16(file))) return undefined;
  const stream = await openTextStream(file, signal);
  let parser: RegExportParser | undefined;
  let batch: string[] = [];
  /** Line number of batch[0]: line 1 is the header. */
  let offset = 2;
  for await (const line of fileLines(stream.chunks, options.lineChars)) {
    if (!parser) {
      // Leaving the loop closes the stream (and the file).
      if (!HEADER.test(line)) return undefined;
      parser = new RegExportParser(file, sink, line.startsWith('REGEDIT4'));
      continue;
    }
    if (batch.length >= BATCH_LINES && KEY_LINE.test(line) && !batch[batch.length - 1]!.endsWith('\\')) {
      parser.read(batch, 0, offset);
      offset += batch.length;
      batch = [];
    }
    batch.push(line);
  }
  if (!parser) return undefined;
  parser.read(batch, 0, offset);
  return parser.keys;
}
