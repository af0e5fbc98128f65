/** Deterministic bad bytes shared by the bad-input cases. */

/** `length` bytes of pseudo-random junk (a fixed seed, so every run sees the same bytes). */
export function binaryJunk(length = 4096, seed = 20240101): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A string of `length` characters without line breaks. */
export function longLine(length = 1024 * 1024, char = 'x'): string {
  return char.repeat(length);
}
