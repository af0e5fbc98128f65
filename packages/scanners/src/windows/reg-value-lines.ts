/**
 * How one value of a `regedit /e` export spans physical lines: a `hex…:` byte list continues on
 * lines ending in `\`, and a REG_SZ holding a line break continues until its closing quote. Both are
 * bounded, and a string that is never closed stops at the next line that starts a value or a key, so
 * one broken value never swallows the values after it.
 */

/** Continuation lines of one value are joined up to this many characters (a 1 MB line is refused). */
export const MAX_VALUE_CHARS = 1024 * 1024;
/** Continuation lines one value may have. */
export const MAX_CONTINUATION_LINES = 4096;

/** One value's physical lines, joined. */
export interface ValueLines {
  /** The value line with its continuation lines joined (hex lists without the `\`, strings with `\n`). */
  text: string;
  /** Index of the value's last physical line: reading goes on after it. */
  lastIndex: number;
  /** Set when the value cannot be read: why, as a sentence after `line N: `. */
  problem?: string;
}

/**
 * Reads the value that starts at `lines[index]` with all of its continuation lines; `lines[i]` is
 * line `i + offset` of the file (a streamed export is read in batches).
 */
export function readValueLines(lines: readonly string[], index: number, offset = 1): ValueLines {
  const first = lines[index]!;
  if (isHexStart(first)) return readHexLines(lines, index);
  const at = valueStart(first);
  if (at >= 0 && first[at] === '"') {
    if (closingQuote(first, at + 1) < 0) return readStringLines(lines, index, offset);
  }
  return { text: first, lastIndex: index };
}

function isHexStart(line: string): boolean {
  return line.endsWith('\\') && /=\s*hex(\([0-9a-f]+\))?:/i.test(line);
}

function readHexLines(lines: readonly string[], index: number): ValueLines {
  let text = lines[index]!;
  let last = index;
  while (text.endsWith('\\') && last + 1 < lines.length) {
    if (last - index >= MAX_CONTINUATION_LINES || text.length >= MAX_VALUE_CHARS) {
      // Too long to be an uninstall value: skip the rest of it as one value, with one warning.
      const tooLong = text.length >= MAX_VALUE_CHARS;
      while (lines[last]!.endsWith('\\') && last + 1 < lines.length) last++;
      const problem = tooLong
        ? `a value longer than ${MAX_VALUE_CHARS} characters; skipped`
        : `a hex value with ${last - index} continuation lines (limit ${MAX_CONTINUATION_LINES}); skipped`;
      return { text: text.slice(0, 200), lastIndex: last, problem };
    }
    last++;
    text = text.slice(0, -1) + lines[last]!.trimStart();
  }
  if (text.length >= MAX_VALUE_CHARS)
    return {
      text: text.slice(0, 200),
      lastIndex: last,
      problem: `a value longer than ${MAX_VALUE_CHARS} characters; skipped`,
    };
  return { text, lastIndex: last };
}

/**
 * A string value whose first line does not close it: a REG_SZ with a line break goes on to the line
 * that holds the closing quote. A line that starts a new value or key ends it unclosed: the file was
 * cut or edited by hand (`"C:\Path\"` without escaping), and that line is read as the next entry.
 */
function readStringLines(lines: readonly string[], index: number, offset: number): ValueLines {
  let text = lines[index]!;
  let last = index;
  const unclosed = (problem: string) => ({ text: text.slice(0, 200), lastIndex: last, problem });
  while (last + 1 < lines.length) {
    const next = lines[last + 1]!;
    if (startsEntry(next))
      return unclosed(
        `a string value without its closing quote; skipped, line ${last + 1 + offset} is read as the next value`,
      );
    if (last - index >= MAX_CONTINUATION_LINES || text.length >= MAX_VALUE_CHARS) {
      const tooLong = text.length >= MAX_VALUE_CHARS;
      while (last + 1 < lines.length && !startsEntry(lines[last + 1]!)) last++;
      return unclosed(
        tooLong
          ? `a value longer than ${MAX_VALUE_CHARS} characters; skipped`
          : `a string value not closed within ${MAX_CONTINUATION_LINES} lines; skipped`,
      );
    }
    last++;
    text = `${text}\n${next}`;
    // The joining line break is a character of the string (a backslash before it escapes only it),
    // so each line is scanned from its start.
    if (closingQuote(next, 0) >= 0) return { text, lastIndex: last };
  }
  return unclosed('a string value without its closing quote (the file may be cut off); skipped');
}

/** A line that starts a `"name"=` / `@=` value or a `[HKEY_…]` / `[-HKEY_…]` key. */
function startsEntry(line: string): boolean {
  return valueStart(line) >= 0 || /^\[-?HKEY_/i.test(line);
}

/** Index of the quote that closes a string whose text starts at `from` (`\\` and `\"` escape); -1 if none. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Index just after `"name"=` or `@=` at the start of a line; -1 when the line starts neither. */
export function valueStart(line: string): number {
  if (line.startsWith('@=')) return 2;
  if (!line.startsWith('"')) return -1;
  const name = readQuoted(line, 0);
  return name && line[name.end] === '=' ? name.end + 1 : -1;
}

/** Reads a `"..."` string with `\\` and `\"` escapes starting at `start`; undefined if unclosed. */
export function readQuoted(text: string, start: number): { text: string; end: number } | undefined {
  let out = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      out += text[i + 1];
      i++;
    } else if (char === '"') return { text: out, end: i + 1 };
    else out += char;
  }
  return undefined;
}
