/**
 * Which unit each computer belongs to, when the collected files do not say: a `hosts` file
 * (`计算机名,单位`, one row per computer or per name pattern) or the same two columns in the units
 * file. Patterns may use `*` (any run of characters) and `?` (one character): `JTJ-GHK-*` → 规划科.
 * An exact name wins over a pattern; among patterns, the first in the file wins.
 */
import { readFile } from 'node:fs/promises';
import {
  bilingual,
  InputError,
  type InputSummary,
  type LocalText,
  type Problem,
  type SourceLocation,
} from '@zhengban/core';
import Papa from 'papaparse';
import { excerpt } from '../common/clean-text.js';
import { decodeText } from '../text/decode-text.js';
import { CSV_HEADER_WORDS, normaliseHeader } from './csv-headers.js';
import { sniffDelimiter } from './csv-stream.js';

export interface HostUnitRule {
  /** A computer name, or a pattern with `*` / `?`. */
  pattern: string;
  unit: string;
  location: SourceLocation;
}

/** Longer patterns are not computer names; the limit also bounds the matching cost. */
const MAX_PATTERN = 256;

export class HostUnitMap {
  private readonly exact = new Map<string, HostUnitRule>();
  private readonly globs: HostUnitRule[] = [];

  constructor(rules: readonly HostUnitRule[]) {
    for (const rule of rules) {
      if (/[*?]/.test(rule.pattern)) this.globs.push(rule);
      else if (!this.exact.has(rule.pattern.toLowerCase())) this.exact.set(rule.pattern.toLowerCase(), rule);
    }
  }

  get size(): number {
    return this.exact.size + this.globs.length;
  }

  /** The rule that puts `host` in a unit (an exact name first, then the first pattern), if any. */
  ruleFor(host: string): HostUnitRule | undefined {
    const key = host.toLowerCase();
    return this.exact.get(key) ?? this.globs.find((rule) => globMatches(rule.pattern.toLowerCase(), key));
  }

  /** Unit names the rules give, in file order. */
  unitNames(): string[] {
    return [...new Set([...this.exact.values(), ...this.globs].map((rule) => rule.unit))];
  }
}

/**
 * `*` / `?` wildcard match without a regex: the classic greedy scan that backtracks only to the last
 * `*`, so the cost is bounded by pattern × text length (both short).
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Checks one host → unit cell pair; returns the problem text, or undefined when it is usable. */
export function hostRuleProblem(host: string, unit: string, line: number): LocalText | undefined {
  if (host === '')
    return { en: `line ${line}: the computer name is empty`, zh: `第 ${line} 行：计算机名称为空` };
  if (unit === '')
    return {
      en: `line ${line}: the unit of ${host.slice(0, 60)} is empty`,
      zh: `第 ${line} 行：${host.slice(0, 60)} 的单位为空`,
    };
  if (host.length > MAX_PATTERN)
    return {
      en: `line ${line}: the computer name is longer than ${MAX_PATTERN} characters`,
      zh: `第 ${line} 行：计算机名称超过 ${MAX_PATTERN} 个字符`,
    };
  return undefined;
}

/** A host put in another unit on an earlier line (`line` is this row's). */
export function hostAlreadyPut(
  host: string,
  unit: string,
  line: number,
  earlierLine: number | undefined,
): LocalText {
  return {
    en: `line ${line}: ${host} is already put in ${unit} on line ${earlierLine}`,
    zh: `第 ${line} 行：${host} 已在第 ${earlierLine} 行归入 ${unit}`,
  };
}

/** Index of the host column in a normalised header, or -1. */
export function hostColumn(header: readonly string[]): number {
  return header.findIndex((key) => CSV_HEADER_WORDS.host.includes(key));
}

/** Reads a hosts file: `计算机名,单位` (or `hostname,unit`, any of the CSV scanner's header words). */
export async function readHostsFile(
  path: string,
): Promise<{ map: HostUnitMap; rules: HostUnitRule[]; problems: Problem[]; summary: InputSummary }> {
  const bytes = await readFile(path).catch(() => {
    throw new InputError(
      `${path}: cannot read the hosts file`,
      { file: path, source: 'hosts' },
      'input.unreadable',
      { file: path, reason: bilingual('无法读取主机文件', 'cannot read the hosts file') },
    );
  });
  const { text } = decodeText(bytes, path);
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const rows = Papa.parse<string[]>(text, {
    delimiter: sniffDelimiter(firstLine),
    skipEmptyLines: false,
  }).data;
  const summary: InputSummary = {
    source: `hosts:${path}`,
    scanner: 'hosts',
    hosts: 0,
    read: 0,
    accepted: 0,
    rejected: 0,
    ignored: 0,
  };
  const problems: Problem[] = [];
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  const header = headerIndex >= 0 ? rows[headerIndex]!.map(normaliseHeader) : [];
  const hostAt = hostColumn(header);
  const unitAt = header.findIndex((key) => CSV_HEADER_WORDS.unit.includes(key));
  if (hostAt < 0 || unitAt < 0) {
    const at = Math.max(headerIndex, 0) + 1;
    const written = (rows[headerIndex] ?? []).join(', ').slice(0, 200);
    throw new InputError(
      `${path}:${at}: the hosts file needs a computer column (计算机名 / hostname) and a unit column (单位 / unit); header was: ${written}`,
      { file: path, line: at, source: 'hosts' },
      'hosts.header',
      { file: path, line: at, header: written },
    );
  }
  const rules: HostUnitRule[] = [];
  const seen = new Map<string, HostUnitRule>();
  let line = 1;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const at = line;
    line += 1 + row.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    if (index <= headerIndex || row.every((cell) => cell.trim() === '')) continue;
    const host = (row[hostAt] ?? '').trim();
    const unit = (row[unitAt] ?? '').trim();
    summary.read++;
    let problem = hostRuleProblem(host, unit, at);
    const earlier = seen.get(host.toLowerCase());
    if (problem === undefined && earlier !== undefined && earlier.unit !== unit)
      problem = hostAlreadyPut(host, earlier.unit, at, earlier.location.line);
    if (problem !== undefined) {
      summary.rejected++;
      problems.push({
        message: problem.en,
        severity: 'error',
        code: 'hosts.row',
        params: { line: at, host, what: problem },
        source: 'hosts',
        file: path,
        line: at,
        excerpt: excerpt(row.join(',')),
      });
      continue;
    }
    summary.accepted++;
    if (earlier !== undefined) continue;
    const rule: HostUnitRule = { pattern: host, unit, location: { file: path, line: at } };
    seen.set(host.toLowerCase(), rule);
    rules.push(rule);
  }
  return { map: new HostUnitMap(rules), rules, problems, summary };
}
