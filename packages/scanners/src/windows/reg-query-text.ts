/**
 * `reg query <key> /s` console output: a line with the full key path, then indented
 * `Name    REG_TYPE    Value` lines, a blank line between keys. The value names and types are the
 * same on every console language; only the trailer (`End of search` / `搜索结束`) and error lines are
 * localised, and both are skipped.
 */
import { excerpt } from '../common/clean-text.js';
import type { ProblemSink } from '../common/problem-sink.js';
import { normaliseKeyPath, type RegistryKey, type RegistryValue } from './registry-key.js';

/** True when the text looks like reg query output: its first non-empty line is a key path. */
export function isRegQueryText(text: string): boolean {
  const first = /^\s*(\S[^\r\n]*)/.exec(text.slice(0, 4096))?.[1] ?? '';
  return /^HKEY_[A-Z_]+(\\|$)/.test(first);
}

const TYPE_SEPARATOR = / {4}(REG_[A-Z_]+)(?: {4}|$)/;

/** Parses reg query output into keys; lines that are neither keys nor values become warnings. */
export function parseRegQueryText(text: string, file: string, sink: ProblemSink): RegistryKey[] {
  const keys: RegistryKey[] = [];
  let current: RegistryKey | undefined;
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    if (line.startsWith('HKEY_')) {
      current = { path: normaliseKeyPath(line.trimEnd()), values: new Map(), line: index + 1 };
      keys.push(current);
      continue;
    }
    if (line.startsWith('    ') && current) {
      // Value names may contain spaces ("Inno Setup: App Path"); the type token is the anchor.
      const match = TYPE_SEPARATOR.exec(line);
      if (match) {
        const name = line.slice(4, match.index);
        const raw = line.slice(match.index + match[0].length);
        if (name !== '(Default)' && name !== '(默认)')
          current.values.set(name.toLowerCase(), typedValue(match[1]!, raw));
        continue;
      }
    }
    if (isTrailer(line)) continue;
    sink.problem({
      message: `line ${index + 1} is neither a registry key nor a value line; skipped`,
      code: 'windows.reg-query-line',
      params: { line: index + 1 },
      severity: 'warning',
      rejects: false,
      file,
      line: index + 1,
      excerpt: excerpt(line),
    });
  }
  return keys;
}

function typedValue(type: string, raw: string): RegistryValue {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') {
    const value = Number.parseInt(raw, raw.startsWith('0x') ? 16 : 10);
    return Number.isNaN(value) ? raw : value;
  }
  return raw;
}

/** `End of search: 12 match(es) found.`, `搜索结束: 找到 12 匹配。`, `ERROR: ...`, `错误: ...`. */
function isTrailer(line: string): boolean {
  return /^(End of search|搜索结束|ERROR:|错误:)/.test(line.trim());
}
