/**
 * Text from inputs (a CSV header, a file name found in a folder, a software name) made safe for a
 * terminal: control characters (ANSI escapes, BEL, carriage returns) are shown as `\xNN`, and
 * bidirectional formatting characters (U+202E, U+2066–U+2069, …), which reorder what is shown,
 * as `\u202E`, instead of being interpreted.
 */

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Controls except tab and line feed, for messages of several lines. */
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const hex = (char: string) => `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
const unicode = (char: string) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** One line: every control character and bidi control shown escaped. */
export function printable(text: string): string {
  return text.replace(ANY_CONTROL, hex).replace(BIDI_CONTROL, unicode);
}

/** A message that may span lines: the same, but tabs and line feeds kept. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_IN_LINES, hex).replace(BIDI_CONTROL, unicode);
}
