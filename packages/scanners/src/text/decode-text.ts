/**
 * Text encodings of inventory files. Chinese Windows consoles and Excel write GBK, PowerShell 5.1
 * writes UTF-16LE when redirected, everything else writes UTF-8 with or without a BOM. We detect in
 * that order: BOM, UTF-16 without BOM (NUL bytes on every other position), strict UTF-8, GB18030
 * (a superset of GBK). Decoding is done by TextDecoder and iconv-lite, never by hand.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '@zhengban/core';
import iconv from 'iconv-lite';
import {
  isMixedEncoding,
  mixedEncodingError,
  scanUtf8Prefix,
  unfinishedCharacter,
} from './mixed-encoding.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface SniffedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** How many leading bytes are looked at to choose an encoding. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Chooses the encoding of a file from its first bytes. Throws an InputError when the bytes are not
 * text at all (many NUL or control bytes: an executable, an archive, an image).
 */
export function sniffEncoding(head: Uint8Array, file: string): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };

  const sample = head.subarray(0, Math.min(head.length, 8192));
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    } else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++;
  }
  const pairs = sample.length / 2;
  // ASCII-heavy UTF-16 text has a NUL in (nearly) every high byte and (nearly) none in the low ones.
  if (pairs >= 2 && oddNul > pairs * 0.3 && evenNul < pairs * 0.05)
    return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs >= 2 && evenNul > pairs * 0.3 && oddNul < pairs * 0.05)
    return { encoding: 'utf-16be', bomLength: 0 };
  // Text has (almost) no control bytes besides tab, CR, LF, FF and ESC; a few stray NULs are kept and
  // reported by the parsers where they land.
  if (sample.length > 0 && (control / sample.length > 0.01 || (evenNul + oddNul) / sample.length > 0.1)) {
    throw new InputError(
      `${file}: binary data, not a text file (${evenNul + oddNul} NUL and ${control} control bytes in the first ${sample.length} bytes)`,
      { file },
      'input.binary',
      { file, nul: evenNul + oddNul, control, sample: sample.length },
    );
  }
  // Not valid UTF-8 in the sniffed start: GBK, unless the valid part before the first invalid byte
  // already holds UTF-8 Chinese (then the file mixes encodings and either reading would garble it).
  const prefix = scanUtf8Prefix(head, false);
  if (prefix.invalidAt === undefined) return { encoding: 'utf-8', bomLength: 0 };
  if (isMixedEncoding(prefix)) throw mixedEncodingError(file, prefix.lineFeeds + 1, prefix.invalidAt);
  return { encoding: 'gb18030', bomLength: 0 };
}

/** An incremental decoder for one encoding: feed byte chunks, get text. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * A streaming decoder. UTF-8 is decoded strictly: a file that turns out not to be UTF-8 after the
 * sniffed prefix fails with the mixed-encoding error instead of filling the report with U+FFFD — unless
 * all text before the first invalid byte was ASCII (a GBK file with a long ASCII start), which reads
 * the same in GB18030, so the decoder goes on in GB18030. Text already handed out cannot be taken
 * back, so any non-ASCII text before the invalid byte makes it a mix. `startOffset` is the file offset
 * of the first byte written (the BOM length); a BOM declares UTF-8, so then any invalid byte is a mix.
 */
export function createChunkDecoder(encoding: TextEncodingName, file: string, startOffset = 0): ChunkDecoder {
  if (encoding === 'gb18030') return gb18030Decoder();
  if (encoding !== 'utf-8') {
    const decoder = new TextDecoder(encoding);
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let fallback: ChunkDecoder | undefined;
  let offset = startOffset;
  let onlyAscii = startOffset === 0;
  let previous: Uint8Array = new Uint8Array(0);
  // Line feeds are not counted as chunks pass (15 M lines in a province's file): the error's line is
  // counted in the file itself, up to the bad byte, on the one occasion it is needed.
  const handOut = (text: string, bytes: Uint8Array): string => {
    offset += bytes.byteLength;
    previous = bytes.slice(-3);
    if (onlyAscii && NON_ASCII.test(text)) onlyAscii = false;
    return text;
  };
  /** The chunk failed: go on in GB18030 or throw the mixed-encoding error at the first bad byte. */
  const recover = (bytes: Uint8Array, final: boolean): string => {
    const held = unfinishedCharacter(previous);
    const joined = held.length > 0 ? Buffer.concat([held, bytes]) : bytes;
    const prefix = scanUtf8Prefix(joined, final);
    if (onlyAscii && !isMixedEncoding(prefix)) {
      fallback = gb18030Decoder();
      return fallback.write(joined) + (final ? fallback.end() : '');
    }
    const at = prefix.invalidAt ?? 0;
    const badByte = offset - held.length + at;
    throw mixedEncodingError(file, lineFeedsBefore(file, badByte) + 1, badByte);
  };
  return {
    write(bytes) {
      if (fallback) return fallback.write(bytes);
      try {
        return handOut(utf8.decode(bytes, { stream: true }), bytes);
      } catch {
        return recover(bytes, false);
      }
    },
    end() {
      if (fallback) return fallback.end();
      try {
        return utf8.decode();
      } catch {
        // The file ends inside a character: the held bytes are all that is left.
        return recover(new Uint8Array(0), true);
      }
    },
  };
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** Line feeds in the first `end` bytes of `file` (UTF-8 never has the byte 0x0A inside a character). */
function lineFeedsBefore(file: string, end: number): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    let count = 0;
    for (let position = 0; position < end; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position);
      if (read === 0) break;
      for (let at = buffer.indexOf(10); at >= 0 && at < read; at = buffer.indexOf(10, at + 1)) count++;
      position += read;
    }
    return count;
  } finally {
    closeSync(fd);
  }
}

function gb18030Decoder(): ChunkDecoder {
  const decoder = iconv.getDecoder('gb18030');
  return {
    write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    end: () => decoder.end() ?? '',
  };
}

/**
 * Decodes a whole file's bytes: BOM, UTF-16 without BOM, strict UTF-8, else GB18030. Exported for
 * plugin authors. Throws an InputError naming `file` for binary data.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES), file);
  const body = bytes.subarray(sniffed.bomLength);
  if (sniffed.encoding === 'utf-8') {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
    } catch {
      // Valid UTF-8 in the sniffed start only. A GBK file with a long ASCII start is GB18030; UTF-8
      // Chinese before the first invalid byte (or a BOM, which declares UTF-8) makes it a mix.
      const prefix = scanUtf8Prefix(body, true);
      if (sniffed.bomLength > 0 || isMixedEncoding(prefix)) {
        const at = sniffed.bomLength + (prefix.invalidAt ?? body.length);
        throw mixedEncodingError(file, prefix.lineFeeds + 1, at);
      }
      return { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
    }
  }
  if (sniffed.encoding === 'gb18030')
    return { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
  return { text: new TextDecoder(sniffed.encoding).decode(body), encoding: sniffed.encoding };
}
