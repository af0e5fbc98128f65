/**
 * `regedit /e` exports (`.reg`): UTF-16LE with BOM, first line `Windows Registry Editor Version 5.00`
 * (or `REGEDIT4`), `[key]` sections, `"name"="value"` with `\\` and `\"` escapes, `dword:`, and
 * `hex(2):` / `hex(7):` / `hex:` byte lists that continue over lines ending in `\`.
 */
import { excerpt } from '../common/clean-text.js';
import type { ProblemSink } from '../common/problem-sink.js';
import { normaliseKeyPath, type RegistryKey, type RegistryValue } from './registry-key.js';

const HEADER = /^\uFEFF?(Windows Registry Editor Version 5\.00|REGEDIT4)\s*$/;

export function isRegExport(text: string): boolean {
  const firstLine = text.slice(0, 200).split(/\r?\n/, 1)[0] ?? '';
  return HEADER.test(firstLine);
}

/** Continuation lines of one value are joined up to this many characters (a 1 MB line is refused). */
const MAX_VALUE_CHARS = 1024 * 1024;
const MAX_CONTINUATION_LINES = 4096;

export function parseRegExport(text: string, file: string, sink: ProblemSink): RegistryKey[] {
  const lines = text.split(/\r\n|\n|\r/);
  const ansi = /^\uFEFF?REGEDIT4/.test(lines[0] ?? '');
  const keys: RegistryKey[] = [];
  let current: RegistryKey | undefined;
  const warn = (line: number, message: string, raw: string) =>
    sink.problem({
      message,
      code: 'windows.reg-export-line',
      severity: 'warning',
      rejects: false,
      file,
      line,
      excerpt: excerpt(raw),
    });

  for (let index = 1; index < lines.length; index++) {
    const lineNumber = index + 1;
    let line = lines[index]!;
    if (line.trim() === '' || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const end = line.lastIndexOf(']');
      if (end < 0) {
        warn(lineNumber, `line ${lineNumber}: a key line without its closing "]"; skipped`, line);
        current = undefined;
        continue;
      }
      const path = line.slice(1, end);
      // `[-key]` deletes a key in an import file; it describes nothing installed.
      current = path.startsWith('-')
        ? undefined
        : { path: normaliseKeyPath(path), values: new Map(), line: lineNumber };
      if (current) keys.push(current);
      continue;
    }
    // A value may continue over lines ending in a backslash (hex lists) or inside a quoted string.
    let joined = 0;
    while (
      (endsWithContinuation(line) || hasOpenQuote(line)) &&
      index + 1 < lines.length &&
      line.length < MAX_VALUE_CHARS &&
      joined++ < MAX_CONTINUATION_LINES
    ) {
      index++;
      line = endsWithContinuation(line)
        ? line.slice(0, -1) + lines[index]!.trimStart()
        : `${line}\n${lines[index]!}`;
    }
    if (line.length >= MAX_VALUE_CHARS) {
      warn(
        lineNumber,
        `line ${lineNumber}: a value longer than ${MAX_VALUE_CHARS} characters; skipped`,
        line,
      );
      continue;
    }
    const parsed = parseValueLine(line, ansi);
    if (!parsed) {
      warn(lineNumber, `line ${lineNumber} is not a "name"=value line; skipped`, line);
      continue;
    }
    if (!current) continue;
    if (parsed.name !== '') current.values.set(parsed.name.toLowerCase(), parsed.value);
  }
  return keys;
}

function endsWithContinuation(line: string): boolean {
  return line.endsWith('\\') && /=\s*hex(\([0-9a-f]+\))?:/i.test(line);
}

/** True when the line's string value opened a quote it did not close (a REG_SZ with a newline). */
function hasOpenQuote(line: string): boolean {
  const at = valueStart(line);
  if (at < 0 || line[at] !== '"') return false;
  return readQuoted(line, at) === undefined;
}

function valueStart(line: string): number {
  if (line.startsWith('@=')) return 2;
  if (!line.startsWith('"')) return -1;
  const name = readQuoted(line, 0);
  return name && line[name.end] === '=' ? name.end + 1 : -1;
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
    return value ? { name, value: value.text } : undefined;
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

/** Reads a `"..."` string with `\\` and `\"` escapes starting at `start`; undefined if unclosed. */
function readQuoted(text: string, start: number): { text: string; end: number } | undefined {
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
