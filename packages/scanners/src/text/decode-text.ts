/**
 * Text encodings of inventory files. Chinese Windows consoles and Excel write GBK, PowerShell 5.1
 * writes UTF-16LE when redirected, everything else writes UTF-8 with or without a BOM. We detect in
 * that order: BOM, UTF-16 without BOM (NUL bytes on every other position), strict UTF-8, GB18030
 * (a superset of GBK). Decoding is done by TextDecoder and iconv-lite, never by hand.
 */
import { InputError } from '@zhengban/core';
import iconv from 'iconv-lite';

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
    );
  }
  return { encoding: isUtf8Prefix(head) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/** True when the bytes are valid UTF-8, allowing a multi-byte character cut off at the end. */
function isUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** An incremental decoder for one encoding: feed byte chunks, get text. */
export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * A streaming decoder. UTF-8 is decoded strictly: a file that turns out not to be UTF-8 after the
 * sniffed prefix (mixed encodings) fails with a clear error instead of filling the report with U+FFFD.
 */
export function createChunkDecoder(encoding: TextEncodingName, file: string): ChunkDecoder {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    return {
      write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      end: () => decoder.end() ?? '',
    };
  }
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let offset = 0;
  const fail = (at: number): never => {
    throw new InputError(
      `${file}: not valid UTF-8 at byte ${at}, although the file starts as UTF-8; it mixes encodings (save it again as UTF-8 or GBK)`,
      { file },
      'input.encoding',
    );
  };
  return {
    write(bytes) {
      try {
        const text = decoder.decode(bytes, { stream: true });
        offset += bytes.byteLength;
        return text;
      } catch {
        return fail(offset + firstInvalidUtf8(bytes));
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        return fail(offset);
      }
    },
  };
}

/** Index of the first byte that starts an invalid UTF-8 sequence (only called after a decode failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k < bytes.length && (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
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
      // Valid UTF-8 at the start only: Chinese text further down in GBK. Decode the whole as GB18030.
      return { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
    }
  }
  if (sniffed.encoding === 'gb18030')
    return { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
  return { text: new TextDecoder(sniffed.encoding).decode(body), encoding: sniffed.encoding };
}
