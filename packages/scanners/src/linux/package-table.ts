/**
 * Package lists as `dpkg-query -W -f=...` and `rpm -qa --queryformat ...` print them: one package per
 * line, tab-separated, in whatever column order the operator chose. There is no header, so columns are
 * recognised from their values over the first lines: architecture, dpkg status, epoch, version,
 * release, Unix install time, vendor, size, source rpm. Plain `rpm -qa` (`name-version-release.arch`)
 * is read too.
 */
import type { ProblemParams, ScanContext, SoftwareRecord } from '@zhengban/core';
import { excerpt } from '../common/clean-text.js';
import { isoDateFromUnix } from '../common/dates.js';

type ColumnKind =
  | 'name'
  | 'arch'
  | 'status'
  | 'epoch'
  | 'version'
  | 'release'
  | 'time'
  | 'date'
  | 'size'
  | 'srpm'
  | 'text';

export interface TableLayout {
  family: 'dpkg' | 'rpm';
  columns: ColumnKind[];
  /** Index of the vendor column, if any (the first free-text column that is not the last one). */
  vendor?: number;
}

const ARCHES = new Set([
  'x86_64',
  'noarch',
  'i386',
  'i486',
  'i586',
  'i686',
  'aarch64',
  'amd64',
  'all',
  'armhf',
  'armel',
  'arm64',
  'ppc64le',
  'ppc64',
  's390x',
  'loongarch64',
  'loong64',
  'mips64el',
  'mips64',
  'riscv64',
  'sw_64',
  'sw64',
  'armv7hl',
]);
const RPM_ARCHES = new Set([
  'x86_64',
  'noarch',
  'i586',
  'i686',
  'aarch64',
  'ppc64le',
  'armv7hl',
  'loongarch64',
  'sw_64',
]);
const DPKG_STATUS = /^(install|deinstall|purge|hold|unknown) (ok|reinstreq) [a-z-]+$/;
const VERSION_LIKE = /^(\d+:)?[vV]?[0-9][A-Za-z0-9.+~_:-]*$/;
const DATE_TEXT = /\d{1,2}:\d{2}(:\d{2})?/;
const PLAIN_RPM = /^(.+)-([^-]+)-([^-]+?)(?:\.([A-Za-z0-9_]+))?$/;
/** Words of a date as a person's locale writes it (a column of those is no package field). */
const WRITTEN_DATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM|CES?T|UTC|GMT)$|年|星期/;

function kindOf(value: string): ColumnKind {
  if (ARCHES.has(value)) return 'arch';
  if (DPKG_STATUS.test(value)) return 'status';
  if (value === '(none)') return 'epoch';
  if (/^\d+$/.test(value)) {
    const number = Number(value);
    if (value.length === 10 && number > 9e8 && number < 5e9) return 'time';
    return value.length <= 2 ? 'epoch' : 'size';
  }
  if (value.endsWith('.src.rpm')) return 'srpm';
  if (VERSION_LIKE.test(value)) return 'version';
  if (DATE_TEXT.test(value)) return 'date';
  return 'text';
}

/** Splits a line on tabs; a copy that turned tabs into spaces is split on runs of spaces. */
export function splitColumns(line: string, expected?: number): string[] {
  if (line.includes('\t')) return line.split('\t');
  const parts = line.trim().split(/\s+/);
  if (expected !== undefined && parts.length > expected && expected > 0) {
    return [...parts.slice(0, expected - 1), parts.slice(expected - 1).join(' ')];
  }
  return parts;
}

/** Chooses each column's meaning from the first lines; undefined when this is not a package table. */
export function detectLayout(lines: readonly string[]): TableLayout | undefined {
  const rows = lines
    .filter((line) => line.trim() !== '')
    .slice(0, 200)
    .map((line) => splitColumns(line));
  if (rows.length === 0) return undefined;
  const width = mostCommon(rows.map((row) => row.length));
  if (width < 2) return undefined;
  const sample = rows.filter((row) => row.length === width);
  if (sample.length < rows.length * 0.6) return undefined;
  const columns: ColumnKind[] = ['name'];
  for (let col = 1; col < width; col++) {
    const kinds = sample.map((row) => kindOf(row[col]!.trim()));
    // Pure numbers count as versions when the column is otherwise versions ("2016d", "7", "11").
    const dominant = mostCommon(kinds.map((kind) => (kind === 'epoch' || kind === 'size' ? 'number' : kind)));
    let kind: ColumnKind;
    if (dominant === 'number') {
      const versions = kinds.filter((k) => k === 'version').length;
      kind = versions > 0 ? 'version' : kinds.every((k) => k === 'epoch') ? 'epoch' : 'size';
    } else kind = dominant as ColumnKind;
    if (kind === 'time' && columns.includes('time')) kind = 'size'; // build time after install time
    if (kind === 'version' && columns.includes('version'))
      kind = columns.includes('release') ? 'text' : 'release';
    columns.push(kind);
  }
  const version = columns.indexOf('version');
  const name = sample.map((row) => row[0]!.trim());
  if (version < 0 || name.some((n) => n === '' || /\s/.test(n))) return undefined;
  // Strict: a wrong guess must be impossible. Names that are whole `name-version-release.arch`
  // tokens (rpm -qa --last, a list with a date), dates written with weekdays or months, or dpkg -l
  // state codes in the name column mean this is not a query table.
  if (name.filter((n) => splitPlainRpm(n)?.arch !== undefined).length >= sample.length * 0.5)
    return undefined;
  // A written date split at its spaces (no tabs to keep it in one cell) shifts every column after it.
  const tabbed = lines.some((line) => line.includes('\t'));
  if (!tabbed && sample.some((row) => row.some((cell) => WRITTEN_DATE.test(cell)))) return undefined;
  // dpkg-query and rpm separate columns with tabs. Without any tab, "name version" lines are any
  // list at all (choco list, pip freeze, a note): only a table with a Linux field (an architecture or
  // a dpkg status) is taken for a package table.
  if (!tabbed && !columns.includes('arch') && !columns.includes('status')) return undefined;
  if (name.every((n) => /^[uirhp][ncHUFWti]R?$/.test(n))) return undefined;
  const rpm =
    columns.includes('srpm') ||
    columns.includes('release') ||
    sample.some((row) => columns.some((kind, col) => kind === 'arch' && RPM_ARCHES.has(row[col]!.trim())));
  const layout: TableLayout = { family: rpm ? 'rpm' : 'dpkg', columns };
  const vendor = columns.findIndex((kind, col) => kind === 'text' && col !== width - 1);
  if (vendor > 0) layout.vendor = vendor;
  return layout;
}

/** True when most of the first lines are single `name-version-release.arch` tokens. */
export function isPlainRpmList(lines: readonly string[]): boolean {
  const sample = lines.filter((line) => line.trim() !== '').slice(0, 100);
  return (
    sample.length > 0 &&
    sample.filter((line) => /^\S+$/.test(line.trim()) && PLAIN_RPM.test(line.trim())).length >=
      sample.length * 0.8
  );
}

/** Reads every line of a table with the detected layout. Lines that do not fit are problems. */
export function parsePackageTable(
  lines: readonly string[],
  layout: TableLayout,
  file: string,
  ctx: Pick<ScanContext, 'problem' | 'ignore'>,
): SoftwareRecord[] {
  const source = layout.family === 'rpm' ? 'linux:rpm-qf' : 'linux:dpkg-query';
  const width = layout.columns.length;
  const at = (kind: ColumnKind) => layout.columns.indexOf(kind);
  const [versionAt, releaseAt, epochAt, archAt, statusAt, timeAt] = [
    'version',
    'release',
    'epoch',
    'arch',
    'status',
    'time',
  ].map((k) => at(k as ColumnKind)) as number[];
  const records: SoftwareRecord[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const cells = cellsOf(line, layout).map((cell) => (cell.trim() === '(none)' ? '' : cell.trim()));
    if (cells.length !== width) {
      ctx.problem({
        message: `line ${index + 1} has ${cells.length} columns, expected ${width}`,
        code: 'packages.column-count',
        params: { line: index + 1, columns: cells.length, width },
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      continue;
    }
    if (statusAt! >= 0 && !/^(install|hold) ok installed$/.test(cells[statusAt!]!)) {
      ctx.ignore(1, 'not installed');
      continue;
    }
    const name = cells[0]!;
    let version = cells[versionAt!]!;
    if (!name || !version || /\s/.test(version)) {
      ctx.problem({
        message: `line ${index + 1}: no package name or version`,
        code: 'packages.row',
        params: { line: index + 1 },
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      continue;
    }
    if (releaseAt! >= 0 && cells[releaseAt!]) version += `-${cells[releaseAt!]}`;
    const epoch = epochAt! >= 0 ? cells[epochAt!] : undefined;
    if (epoch && /^[1-9]\d*$/.test(epoch)) version = `${epoch}:${version}`;
    const record: SoftwareRecord = { name, version, source, evidence: { source, file, line: index + 1 } };
    if (archAt! >= 0 && cells[archAt!]) record.arch = cells[archAt!]!;
    if (layout.vendor !== undefined && cells[layout.vendor]) record.publisher = cells[layout.vendor]!;
    const installDate = timeAt! >= 0 ? isoDateFromUnix(cells[timeAt!]!) : undefined;
    if (installDate) record.installDate = installDate;
    records.push(record);
  }
  return records;
}

/**
 * The cells of one line. A copy that turned tabs into spaces is split on spaces; the free-text last
 * column (a description) and a dpkg status (`install ok installed`) are joined back.
 */
function cellsOf(line: string, layout: TableLayout): string[] {
  if (line.includes('\t')) return line.split('\t');
  const width = layout.columns.length;
  const parts = line.trim().split(/\s+/);
  const last = layout.columns[width - 1];
  if (parts.length > width && last === 'text')
    return [...parts.slice(0, width - 1), parts.slice(width - 1).join(' ')];
  if (parts.length === width + 2 && last === 'status')
    return [...parts.slice(0, width - 1), parts.slice(width - 1).join(' ')];
  return parts;
}

/** The layout of the rpm query a live scan runs (RPM_QUERY_FORMAT): no guessing needed. */
export const RPM_QUERY_LAYOUT: TableLayout = {
  family: 'rpm',
  columns: ['name', 'epoch', 'version', 'release', 'arch', 'text', 'time'],
  vendor: 5,
};

/** `bash-5.1.8-6.el9.x86_64` → name, `version-release`, arch (when it is a known one). */
export function splitPlainRpm(token: string): { name: string; version: string; arch?: string } | undefined {
  const match = /^\S+$/.test(token) ? PLAIN_RPM.exec(token) : null;
  if (!match) return undefined;
  const archKnown = match[4] !== undefined && ARCHES.has(match[4]);
  const release = archKnown ? match[3]! : match[4] ? `${match[3]}.${match[4]}` : match[3]!;
  const parts: { name: string; version: string; arch?: string } = {
    name: match[1]!,
    version: `${match[2]}-${release}`,
  };
  if (archKnown) parts.arch = match[4]!;
  return parts;
}

/** Plain `rpm -qa`: `bash-5.1.8-6.el9.x86_64`. */
export function parsePlainRpmList(
  lines: readonly string[],
  file: string,
  ctx: Pick<ScanContext, 'problem'>,
): SoftwareRecord[] {
  return rpmListRecords(lines, file, ctx, {
    source: 'linux:rpm-qa',
    expected: 'name-version-release.arch',
    read: splitPlainRpm,
  });
}

/** One line of an `rpm -qa` list taken apart: the package and, with `--last`, its install date. */
export interface RpmListLine {
  name: string;
  version: string;
  arch?: string;
  installDate?: string;
}

/** How one kind of `rpm -qa` list is read (plain, `--last`). */
export interface RpmListForm {
  source: string;
  /** The form of a line, for a line that is not in it. */
  expected: string;
  /** Extra params of that problem (what the zh-CN text adds to the form). */
  params?: ProblemParams;
  /** Takes one trimmed, non-empty line apart, or undefined when it is not in the form. */
  read(line: string): RpmListLine | undefined;
}

/** The records of an `rpm -qa` list: one per line `form` reads, a located problem for any other. */
export function rpmListRecords(
  lines: readonly string[],
  file: string,
  ctx: Pick<ScanContext, 'problem'>,
  form: RpmListForm,
): SoftwareRecord[] {
  const { source } = form;
  const records: SoftwareRecord[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    const parts = form.read(line);
    if (!parts) {
      ctx.problem({
        message: `line ${index + 1} is not ${form.expected}`,
        code: 'rpm.line',
        params: { line: index + 1, ...form.params },
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      continue;
    }
    const record: SoftwareRecord = {
      name: parts.name,
      version: parts.version,
      source,
      evidence: { source, file, line: index + 1 },
    };
    if (parts.arch) record.arch = parts.arch;
    if (parts.installDate) record.installDate = parts.installDate;
    records.push(record);
  }
  return records;
}

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] as T;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}
