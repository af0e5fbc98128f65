/**
 * The units file for the statistics table: one row per department (单位 / unit), its authorised
 * headcount (编制人数 / staff) and its parent (上级单位 / parent). Same encodings and delimiters as the
 * inventory CSV; bad rows are reported with their line numbers and left out.
 */
import {
  BoundedReadError,
  InputError,
  type InputSummary,
  type Problem,
  type ProblemParams,
  readRegularFile,
  type UnitInfo,
} from '@zhengban/core';
import Papa from 'papaparse';
import { excerpt } from '../common/clean-text.js';
import { decodeText } from '../text/decode-text.js';
import { normaliseHeader } from './csv-headers.js';
import { sniffDelimiter } from './csv-stream.js';
import { type HostUnitRule, hostAlreadyPut, hostColumn, hostRuleProblem } from './host-units.js';

const UNIT_WORDS = [
  '单位',
  '单位名称',
  '部门',
  '部门名称',
  '名称',
  'unit',
  'name',
  'department',
  'dept',
  'org',
  'organization',
  'organisation',
];
const STAFF_WORDS = [
  '编制人数',
  '编制',
  '编制数',
  '人数',
  '在编人数',
  'staff',
  'headcount',
  'employees',
  'people',
];
const PARENT_WORDS = ['上级单位', '上级', '上级部门', '主管单位', 'parent', 'parentunit'];

/** A units file lists an agency's units: thousands of lines at most. */
const MAX_UNITS_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A units file may also say which computers belong to each unit: with a computer column
 * (计算机名 / hostname, a name or a `*` / `?` pattern) each row puts one computer in its unit, a unit
 * may come back on many rows, and `hosts` holds those rules (see host-units.ts).
 */
export async function readUnitsFile(path: string): Promise<{
  units: UnitInfo[];
  hosts: HostUnitRule[];
  problems: Problem[];
  summary: InputSummary;
}> {
  // Bounded by the bytes read: `--units /dev/zero` would otherwise read until memory runs out.
  const bytes = await readRegularFile(path, MAX_UNITS_FILE_BYTES).catch((error: unknown) => {
    const limit = `${MAX_UNITS_FILE_BYTES / (1024 * 1024)} MB`;
    const why =
      error instanceof BoundedReadError
        ? error.reason === 'not-a-file'
          ? { zh: '（不是普通文件）', en: ' (not a regular file)' }
          : { zh: `（超过 ${limit}）`, en: ` (more than ${limit})` }
        : { zh: '', en: '' };
    throw new InputError(
      `${path}: cannot read the units file${why.en}`,
      { file: path, source: 'units' },
      'input.unreadable',
      {
        file: path,
        reason: { zh: `无法读取单位文件${why.zh}`, en: `cannot read the units file${why.en}` },
      },
    );
  });
  const { text } = decodeText(bytes, path);
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const parsed = Papa.parse<string[]>(text, { delimiter: sniffDelimiter(firstLine), skipEmptyLines: false });
  const rows = parsed.data;
  const quoteErrors = new Set(
    parsed.errors.filter((error) => error.type === 'Quotes').map((error) => error.row),
  );
  const units: UnitInfo[] = [];
  const problems: Problem[] = [];
  const summary: InputSummary = {
    source: `units:${path}`,
    scanner: 'units',
    hosts: 0,
    read: 0,
    accepted: 0,
    rejected: 0,
    ignored: 0,
  };
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (headerIndex < 0)
    throw new InputError(
      `${path}: the units file is empty; expected a header 单位,编制人数,上级单位`,
      { file: path, source: 'units' },
      'units.empty',
      { file: path },
    );
  const header = rows[headerIndex]!.map(normaliseHeader);
  const find = (words: readonly string[]) => header.findIndex((key) => words.includes(key));
  const unitAt = find(UNIT_WORDS);
  const staffAt = find(STAFF_WORDS);
  const parentAt = find(PARENT_WORDS);
  const hostAt = hostColumn(header);
  const hosts: HostUnitRule[] = [];
  const hostSeen = new Map<string, HostUnitRule>();
  if (unitAt < 0) {
    throw new InputError(
      `${path}:${headerIndex + 1}: no unit column (expected 单位 / unit); header was: ${rows[headerIndex]!.join(', ').slice(0, 200)}`,
      { file: path, line: headerIndex + 1, source: 'units' },
      'units.header',
      { file: path, line: headerIndex + 1, header: rows[headerIndex]!.join(', ').slice(0, 200) },
    );
  }
  // Papa gives no line numbers: count line breaks, including those inside quoted cells.
  let line = 1;
  const seen = new Map<string, number>();
  const fail = (message: string, at: number, row: string[], code: string, params: ProblemParams) => {
    problems.push({
      message,
      severity: 'error',
      code,
      params,
      source: 'units',
      file: path,
      line: at,
      excerpt: excerpt(row.join(',')),
    });
    summary.read++;
    summary.rejected++;
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const at = line;
    line += 1 + row.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    if (index <= headerIndex || row.every((cell) => cell.trim() === '')) continue;
    if (quoteErrors.has(index)) {
      // An unclosed quote swallows the lines after it into one cell: say so rather than "1 column".
      fail(`line ${at}: a quoted field is not closed (the file may be cut off)`, at, row, 'units.quotes', {
        line: at,
      });
      continue;
    }
    if (row.length !== rows[headerIndex]!.length) {
      fail(
        `line ${at} has ${row.length} columns, the header has ${rows[headerIndex]!.length}`,
        at,
        row,
        'units.column-count',
        { line: at, columns: row.length, width: rows[headerIndex]!.length },
      );
      continue;
    }
    const name = row[unitAt]!.trim();
    if (name === '') {
      fail(`line ${at}: the unit name is empty`, at, row, 'units.empty-name', { line: at });
      continue;
    }
    const unit: UnitInfo = { name, location: { file: path, line: at } };
    if (staffAt >= 0 && row[staffAt]!.trim() !== '') {
      const staff = row[staffAt]!.trim().replace(/[,，]/g, '').replace(/人$/, '');
      if (!/^\d+$/.test(staff)) {
        fail(
          `line ${at}: staff count "${row[staffAt]!.trim().slice(0, 40)}" is not a whole number`,
          at,
          row,
          'units.staff',
          { line: at, value: row[staffAt]!.trim().slice(0, 40) },
        );
        continue;
      }
      unit.staff = Number(staff);
    }
    if (parentAt >= 0 && row[parentAt]!.trim() !== '') unit.parent = row[parentAt]!.trim();
    if (hostAt >= 0) {
      const host = row[hostAt]!.trim();
      const earlier = hostSeen.get(host.toLowerCase());
      const problem =
        host === ''
          ? undefined
          : (hostRuleProblem(host, name, at) ??
            (earlier !== undefined && earlier.unit !== name
              ? hostAlreadyPut(host, earlier.unit, at, earlier.location.line)
              : undefined));
      if (problem !== undefined) {
        fail(problem.en, at, row, 'units.host', { line: at, host, what: problem });
        continue;
      }
      if (host !== '' && earlier === undefined) {
        const rule: HostUnitRule = { pattern: host, unit: name, location: { file: path, line: at } };
        hostSeen.set(host.toLowerCase(), rule);
        hosts.push(rule);
      }
      // With a computer column a unit comes back on each of its computers' rows: one unit, the
      // first staff count and parent given.
      const known = units.find((listed) => listed.name === name);
      if (known !== undefined) {
        if (known.staff === undefined && unit.staff !== undefined) known.staff = unit.staff;
        if (known.parent === undefined && unit.parent !== undefined) known.parent = unit.parent;
        summary.read++;
        summary.accepted++;
        continue;
      }
    }
    const first = seen.get(name);
    if (first !== undefined) {
      fail(`line ${at}: unit "${name}" is already listed on line ${first}`, at, row, 'units.duplicate', {
        line: at,
        unit: name,
        first,
      });
      continue;
    }
    seen.set(name, at);
    units.push(unit);
    summary.read++;
    summary.accepted++;
  }
  return { units, hosts, problems, summary };
}
