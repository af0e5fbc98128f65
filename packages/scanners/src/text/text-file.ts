/**
 * Reading inventory files as text: whole (small per-host files) or as a stream of decoded chunks
 * and numbered lines (CSV exports and result logs with millions of rows).
 */
import { open, stat } from 'node:fs/promises';
import { BoundedReadError, InputError, readRegularFile } from '@zhengban/core';
import {
  createChunkDecoder,
  decodeText,
  type OnMixedEncoding,
  SNIFF_BYTES,
  sniffEncoding,
  type TextEncodingName,
} from './decode-text.js';

/** Whole-file reads are for per-host files; anything larger is streamed or refused. */
export const MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024;

// 64 KiB: a chunk decodes to a string of at most 128 KiB, an ordinary young object that dies in the
// next scavenge; 1 MiB chunks made 2 MiB strings in large-object space, promoted to the old
// generation on their first scavenge (1 700 of them for a province file), each a major GC's work.
const CHUNK_BYTES = 64 * 1024;

/** Reads and decodes a whole file; throws an InputError naming the file if it cannot be read. */
export async function readTextFile(file: string): Promise<{ text: string; encoding: string }> {
  const info = await statOrThrow(file);
  if (info.size > MAX_WHOLE_FILE_BYTES) {
    throw new InputError(
      `${file}: ${info.size} bytes is too large for this format (limit ${MAX_WHOLE_FILE_BYTES})`,
      { file },
      'input.too-large',
      { file, size: info.size, limit: MAX_WHOLE_FILE_BYTES },
    );
  }
  // Bounded by the bytes read too: a file that grows while it is read (or reports size 0, like the
  // files under /proc) cannot pass the limit.
  const bytes = await readRegularFile(file, MAX_WHOLE_FILE_BYTES).catch((error: unknown) => {
    if (error instanceof BoundedReadError) {
      throw new InputError(
        error.reason === 'too-large'
          ? `${file}: more than ${MAX_WHOLE_FILE_BYTES} bytes is too large for this format`
          : `${file}: not a file`,
        { file },
        error.reason === 'too-large' ? 'input.too-large' : 'input.unreadable',
        error.reason === 'too-large'
          ? {
              file,
              size: { zh: `超过 ${MAX_WHOLE_FILE_BYTES}`, en: `more than ${MAX_WHOLE_FILE_BYTES}` },
              limit: MAX_WHOLE_FILE_BYTES,
            }
          : { file, reason: { zh: '不是文件', en: 'not a file' } },
      );
    }
    return unreadable(file, error);
  });
  return decodeText(bytes, file);
}

export interface TextStream {
  encoding: TextEncodingName;
  /** Decoded text, chunk by chunk (the BOM removed). Iterate once. */
  chunks: AsyncGenerator<string>;
}

/** Opens a file as a stream of decoded text chunks, choosing the encoding from the first bytes. */
export async function openTextStream(
  file: string,
  signal?: AbortSignal,
  onMixed?: OnMixedEncoding,
): Promise<TextStream> {
  await statOrThrow(file);
  const handle = await open(file, 'r').catch((error: unknown) => unreadable(file, error));
  let first: Uint8Array;
  let sniffed: ReturnType<typeof sniffEncoding>;
  try {
    const buffer = new Uint8Array(Math.max(CHUNK_BYTES, SNIFF_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    first = buffer.subarray(0, bytesRead);
    sniffed = sniffEncoding(first.subarray(0, SNIFF_BYTES), file, onMixed !== undefined);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const decoder = createChunkDecoder(sniffed.encoding, file, sniffed.bomLength, onMixed);
  const readChunk = async (): Promise<Uint8Array> => {
    const buffer = new Uint8Array(CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    return buffer.subarray(0, bytesRead);
  };
  async function* chunks(): AsyncGenerator<string> {
    // One read ahead: the next chunk is read by the thread pool while this one is parsed and judged
    // (waiting for each read in turn left the process idle a tenth of a province's audit).
    let next: Promise<Uint8Array> | undefined;
    try {
      let bytes = first.subarray(sniffed.bomLength);
      while (bytes.length > 0) {
        if (signal?.aborted) return;
        next = readChunk();
        // Settled even if this generator is abandoned before awaiting it (awaited in finally).
        next.catch(() => {});
        const text = decoder.write(bytes);
        if (text) yield text;
        bytes = await next;
        next = undefined;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      await next?.catch(() => {});
      await handle.close();
    }
  }
  return { encoding: sniffed.encoding, chunks: chunks() };
}

export interface NumberedLine {
  /** The line without its line break (and without a trailing `\r`). */
  text: string;
  /** 1-based physical line number. */
  line: number;
  /** The line was longer than the limit: `text` holds only its first 200 characters. */
  tooLong?: boolean;
}

/** Splits decoded chunks into numbered lines; lines longer than `maxLength` are cut, not held. */
export async function* readLines(
  chunks: AsyncIterable<string>,
  maxLength = 64 * 1024 * 1024,
): AsyncGenerator<NumberedLine> {
  let pending = '';
  let line = 1;
  let overflow = false;
  for await (const chunk of chunks) {
    let start = 0;
    let at = chunk.indexOf('\n');
    while (at >= 0) {
      const piece = chunk.slice(start, at);
      if (overflow) yield { text: pending, line: line, tooLong: true };
      else yield { text: stripCr(pending ? pending + piece : piece), line };
      pending = '';
      overflow = false;
      line++;
      start = at + 1;
      at = chunk.indexOf('\n', start);
    }
    if (!overflow) {
      pending += chunk.slice(start);
      if (pending.length > maxLength) {
        pending = pending.slice(0, 200);
        overflow = true;
      }
    }
  }
  if (overflow) yield { text: pending, line, tooLong: true };
  else if (pending) yield { text: stripCr(pending), line };
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Splits a whole text into lines (CRLF, LF or CR-only endings). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

async function statOrThrow(file: string) {
  const info = await stat(file).catch((error: unknown) => unreadable(file, error));
  if (!info.isFile())
    throw new InputError(`${file}: not a file`, { file }, 'input.unreadable', {
      file,
      reason: { zh: '不是文件', en: 'not a file' },
    });
  return info;
}

function unreadable(file: string, error: unknown): never {
  const reason =
    (error as NodeJS.ErrnoException)?.code === 'ENOENT'
      ? 'no such file'
      : String((error as Error)?.message ?? error);
  throw new InputError(`${file}: cannot read it (${reason})`, { file }, 'input.unreadable', {
    file,
    reason: { zh: reason === 'no such file' ? '文件不存在' : `无法读取（${reason}）`, en: reason },
  });
}
