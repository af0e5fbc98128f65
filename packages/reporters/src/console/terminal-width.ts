/**
 * Console output never wider than the terminal. The width comes from `ctx.options.columns` (the
 * CLI passes the terminal's columns, or `COLUMNS`); without it the console report assumes 80, the
 * width every terminal has. The last pass folds any line that is still too wide (a long message,
 * an evidence path) at the width, continuing it indented under where it started; colour codes
 * (our own: report strings are cleaned of escapes before) take no cells.
 */
import { displayWidth } from '../display-width.js';

export const DEFAULT_COLUMNS = 80;
/** Narrower than this and nothing useful fits; fold at this width instead. */
const MIN_COLUMNS = 40;

export function consoleColumns(options: Record<string, unknown>): number {
  const value = options.columns;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_COLUMNS;
  return Math.max(MIN_COLUMNS, Math.floor(value));
}

const ANSI = /\u001b\[[0-9;]*m/y;

/** Splits a line into pieces of at most `width` cells; continuation pieces start with `indent`. */
export function foldLine(line: string, width: number): string[] {
  if (displayWidth(line.replace(/\u001b\[[0-9;]*m/g, '')) <= width) return [line];
  const leading = /^ */.exec(line)![0].length;
  const indent = ' '.repeat(Math.min(leading + 2, Math.floor(width / 2)));
  const out: string[] = [];
  let current = '';
  let used = 0;
  /** Where the last space was in `current` (string index) and the cells up to it. */
  let lastSpace = -1;
  let cellsAtSpace = 0;
  let index = 0;
  const startNext = (rest: string) => {
    out.push(current.trimEnd());
    current = indent + rest.trimStart();
    used = displayWidth(current.replace(/\u001b\[[0-9;]*m/g, ''));
    lastSpace = -1;
  };
  while (index < line.length) {
    ANSI.lastIndex = index;
    const colourCode = ANSI.exec(line);
    if (colourCode) {
      current += colourCode[0];
      index += colourCode[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(index)!);
    index += char.length;
    const cells = displayWidth(char);
    if (used + cells > width) {
      // Break at the last space when it keeps at least half the line; otherwise mid-word.
      if (lastSpace > 0 && cellsAtSpace > width / 2) {
        const rest = current.slice(lastSpace + 1);
        current = current.slice(0, lastSpace);
        startNext(rest);
      } else startNext('');
    }
    if (char === ' ' && current.length > indent.length) {
      lastSpace = current.length;
      cellsAtSpace = used;
    }
    current += char;
    used += cells;
  }
  if (current.trim() !== '') out.push(current.trimEnd());
  return out;
}

export function foldLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => foldLine(line, width));
}
