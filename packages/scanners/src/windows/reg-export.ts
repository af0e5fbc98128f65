/**
 * `regedit /e` exports (`.reg`): UTF-16LE with BOM, first line `Windows Registry Editor Version 5.00`
 * (or `REGEDIT4`), `[key]` sections, `"name"="value"` with `\\` and `\"` escapes, `dword:`, and
 * `hex(2):` / `hex(7):` / `hex:` byte lists that continue over lines ending in `\`.
 */
import { excerpt } from '../common/clean-text.js';
import type { ProblemSink } from '../common/problem-sink.js';
import { readQuoted, readValueLines } from './reg-value-lines.js';
import { keyRole, normaliseKeyPath, type RegistryKey, type RegistryValue } from './registry-key.js';

const HEADER = /^\uFEFF?(Windows Registry Editor Version 5\.00|REGEDIT4)\s*$/;

export function isRegExport(text: string): boolean {
  const firstLine = text.slice(0, 200).split(/\r?\n/, 1)[0] ?? '';
  return HEADER.test(firstLine);
}

export function parseRegExport(text: string, file: string, sink: ProblemSink): RegistryKey[] {
  const lines = text.split(/\r\n|\n|\r/);
  const parser = new RegExportParser(file, sink, /^\uFEFF?REGEDIT4/.test(lines[0] ?? ''));
  parser.read(lines, 1, 1);
  return parser.keys;
}

/**
 * The lines of one export, read in batches (a streamed export, reg-export-stream.ts) or all at once:
 * what it holds between batches is the key being read and the keys kept. A batch must end before a
 * `[HKEY_…]` line that does not continue a hex list, where no value can go on.
 */
export class RegExportParser {
  readonly keys: RegistryKey[] = [];
  private current: RegistryKey | undefined;
  private unread = false;

  constructor(
    private readonly file: string,
    private readonly sink: ProblemSink,
    private readonly ansi: boolean,
  ) {}

  private warn(line: number, message: string, raw: string): void {
    this.sink.problem({
      message,
      code: 'windows.reg-export-line',
      params: { line, detail: message },
      severity: 'warning',
      rejects: false,
      file: this.file,
      line,
      excerpt: excerpt(raw),
    });
  }

  /** Reads `lines` from index `from`; `lines[i]` is line `i + offset` of the file. */
  read(lines: readonly string[], from: number, offset: number): void {
    for (let index = from; index < lines.length; index++) {
      const lineNumber = index + offset;
      const line = lines[index]!;
      if (line.trim() === '' || line.startsWith(';')) continue;
      if (line.startsWith('[')) {
        this.keyLine(line, lineNumber);
        continue;
      }
      // A value may continue over lines ending in a backslash (hex lists) or inside a quoted string.
      const value = readValueLines(lines, index, offset);
      index = value.lastIndex;
      if (this.unread) continue;
      if (value.problem) {
        this.warn(lineNumber, `line ${lineNumber}: ${value.problem}`, value.text);
        continue;
      }
      const parsed = parseValueLine(value.text, this.ansi);
      if (!parsed) {
        this.warn(lineNumber, `line ${lineNumber} is not a "name"=value line; skipped`, value.text);
        continue;
      }
      if (!this.current) continue;
      if (parsed.name !== '') this.current.values.set(parsed.name.toLowerCase(), parsed.value);
    }
  }

  private keyLine(line: string, lineNumber: number): void {
    const end = line.lastIndexOf(']');
    if (end < 0) {
      this.warn(lineNumber, `line ${lineNumber}: a key line without its closing "]"; skipped`, line);
      this.current = undefined;
      return;
    }
    const path = line.slice(1, end);
    // `[-key]` deletes a key in an import file; it describes nothing installed.
    const normalised = path.startsWith('-') ? undefined : normaliseKeyPath(path);
    // A key no fact is read from (most of a whole-hive export) is not kept, and its values are
    // not parsed: a 250 MB export of HKLM held every key and value (4.3 GB) to use a few hundred.
    this.unread = normalised !== undefined && keyRole(normalised).role === 'other';
    this.current =
      normalised === undefined || this.unread
        ? undefined
        : { path: normalised, values: new Map(), line: lineNumber };
    if (this.current) this.keys.push(this.current);
  }
}

function parseValueLine(line: string, ansi: boolean): { name: string; value: RegistryValue } | undefined {
  let name = '';
  let at: number;
  if (line.startsWith('@=')) at = 2;
  else {
    const quoted = readQuoted(line, 0);
    if (!quoted || line[quoted.end] !== '=') return undefined;
    name = quoted.text;
    at = quoted.end + 1;
  }
  const rest = line.slice(at);
  if (rest.startsWith('"')) {
    const value = readQuoted(rest, 0);
    // Text after the closing quote means the quotes are not what they seem: not a value line.
    return value && rest.slice(value.end).trim() === '' ? { name, value: value.text } : undefined;
  }
  if (rest === '-') return undefined;
  const dword = /^dword:([0-9a-fA-F]{1,8})\s*$/.exec(rest);
  if (dword) return { name, value: Number.parseInt(dword[1]!, 16) };
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:([0-9a-fA-F,\s]*)$/.exec(rest);
  if (!hex) return undefined;
  const bytes = hex[2]!
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '')
    .map((b) => Number.parseInt(b, 16));
  if (bytes.some((b) => Number.isNaN(b) || b > 255)) return undefined;
  const type = (hex[1] ?? '3').toLowerCase();
  // 1 REG_SZ, 2 REG_EXPAND_SZ, 7 REG_MULTI_SZ: strings, UTF-16LE in version 5 files, ANSI in REGEDIT4.
  if (type === '1' || type === '2' || type === '7') {
    const text = ansi
      ? Buffer.from(bytes).toString('latin1')
      : new TextDecoder('utf-16le').decode(Uint8Array.from(bytes));
    const parts = text.split('\u0000').filter((part) => part !== '');
    return { name, value: type === '7' ? parts.join('\n') : (parts[0] ?? '') };
  }
  if (type === '4' && bytes.length === 4)
    return { name, value: bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! * 2 ** 24) };
  return { name, value: bytes.map((b) => b.toString(16).padStart(2, '0')).join('') };
}
