/**
 * Telling a GBK file from a file that mixes UTF-8 and GBK (two exports joined, a row pasted in from
 * another tool). Both fail strict UTF-8 decoding; what differs is what comes before the first
 * invalid byte. GBK text often forms valid two-byte UTF-8 sequences by accident (通知状态 in GBK is
 * valid UTF-8 for "֪ͨ״̬"), but almost never three-byte ones: in 10⁶ random GB2312 texts, 0.3 % held
 * three accidental two-byte sequences before the first invalid byte and 0.0002 % three accidental
 * three-byte sequences. Chinese written in UTF-8 is all three-byte sequences. So a file is mixed when
 * at least {@link MIXED_MIN_WIDE_CHARACTERS} valid three- or four-byte UTF-8 characters come before
 * its first invalid byte; otherwise it is read as GB18030 (ASCII reads the same in both).
 */
import { bilingual, InputError } from '@zhengban/core';

/** Valid three- or four-byte UTF-8 characters before the first invalid byte that make a file "mixed". */
export const MIXED_MIN_WIDE_CHARACTERS = 3;

/** How far a byte string is valid UTF-8, and what that valid part holds. */
export interface Utf8Prefix {
  /** Index of the first byte of the first invalid sequence; undefined when every byte is valid. */
  invalidAt: number | undefined;
  /** Valid three- and four-byte characters before `invalidAt` (CJK text is three-byte). */
  wideCharacters: number;
  /** Line feeds before `invalidAt` (the line of the invalid byte is this + 1). */
  lineFeeds: number;
}

/**
 * Scans bytes as strict UTF-8 (the WHATWG rules TextDecoder applies: no overlong forms, no
 * surrogates, nothing past U+10FFFF). With `final` false, a character cut off by the end of the
 * bytes is not an error (the rest is in the next chunk).
 */
export function scanUtf8Prefix(bytes: Uint8Array, final: boolean): Utf8Prefix {
  let wideCharacters = 0;
  let lineFeeds = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      if (lead === 0x0a) lineFeeds++;
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    let valid = length > 0;
    for (let k = 1; valid && k < length; k++) {
      if (i + k >= bytes.length) {
        // Cut off by the end of the bytes: an error only when nothing more will come.
        return final
          ? { invalidAt: i, wideCharacters, lineFeeds }
          : { invalidAt: undefined, wideCharacters, lineFeeds };
      }
      const [low, high] = k === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      const byte = bytes[i + k]!;
      valid = byte >= low && byte <= high;
    }
    if (!valid) return { invalidAt: i, wideCharacters, lineFeeds };
    if (length >= 3) wideCharacters++;
    i += length;
  }
  return { invalidAt: undefined, wideCharacters, lineFeeds };
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** True when the valid UTF-8 before the first invalid byte holds enough CJK-range text to be UTF-8. */
export function isMixedEncoding(prefix: Utf8Prefix): boolean {
  return prefix.invalidAt !== undefined && prefix.wideCharacters >= MIXED_MIN_WIDE_CHARACTERS;
}

/** The one error for a mixed file, wherever it is found: file, line, byte offset, what to do. */
export function mixedEncodingError(file: string, line: number, byteOffset: number): InputError {
  return new InputError(
    `${file}: line ${line} is not valid UTF-8 (byte ${byteOffset}), although the file starts as UTF-8; it mixes encodings (save it again as UTF-8 or GBK)`,
    { file, line },
    'input.encoding',
    { file, line, byte: byteOffset, at: bilingual(`${file}：`, `${file}: `), from: line },
  );
}

/**
 * The bytes at the end of a chunk that start a character the chunk does not finish (at most three),
 * which a streaming decoder holds until the next chunk; empty when the chunk ends on a whole character.
 */
export function unfinishedCharacter(chunk: Uint8Array): Uint8Array {
  for (let i = chunk.length - 1; i >= Math.max(0, chunk.length - 3); i--) {
    const byte = chunk[i]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0)
      return sequenceLength(byte) > chunk.length - i ? chunk.subarray(i) : chunk.subarray(0, 0);
  }
  return chunk.subarray(0, 0);
}
