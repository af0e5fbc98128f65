/**
 * Package lists as people print them in a terminal, which the header-less table reader must never
 * guess at:
 *
 * - `dpkg -l` (Kylin, UOS, deepin, Debian; English or Chinese heading): `ii  name  version  arch
 *   description`, under a `+++-====` ruler (the heading above it is skipped). The second
 *   letter is the state: `i` installed (`ii`, `hi`, `ri`); `rc` (config files left), `un` (not
 *   installed), `iU` / `iF` (unpacked, half-configured) are not installations, counted as ignored.
 *   `name:amd64` (multi-arch) gives the architecture.
 * - `rpm -qa --last`: `name-version-release.arch   <install date in the locale>`.
 */
import { bilingual, type ScanContext, type SoftwareRecord } from '@zhengban/core';
import { excerpt } from '../common/clean-text.js';
import { isoDate } from '../common/dates.js';
import { rpmListRecords, splitPlainRpm } from './package-table.js';

const DPKG_RULER = /^\+\+\+-=+(?:-=+)+\s*$/;
const DPKG_ROW = /^([uirhp])([ncHUFWti])([R ]?)\s+(\S+)\s+(\S+)(?:\s+(\S+))?(?:\s+(.*))?$/;
/** `dpkg -l` status lines at the start of data rows (used when the ruler was lost in a copy). */
const DPKG_STATE = /^[uirhp][ncHUFWti][R ]? +\S+ +\S/;

/** True for `dpkg -l` output: its `+++-===` ruler, or (a copy without it) state-coded rows only. */
export function isDpkgList(lines: readonly string[]): boolean {
  const sample = lines.filter((line) => line.trim() !== '').slice(0, 50);
  if (sample.some((line) => DPKG_RULER.test(line))) return true;
  return sample.length > 0 && sample.every((line) => DPKG_STATE.test(line));
}

export function parseDpkgList(
  lines: readonly string[],
  file: string,
  ctx: Pick<ScanContext, 'problem' | 'ignore'>,
): SoftwareRecord[] {
  const source = 'linux:dpkg-l';
  const records: SoftwareRecord[] = [];
  const rulerAt = lines.findIndex((line) => DPKG_RULER.test(line));
  for (let index = rulerAt + 1; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    // Names, versions and architectures never hold spaces: whitespace splits the columns.
    const row = DPKG_ROW.exec(line)?.slice(1);
    if (!row) {
      ctx.problem({
        message: `line ${index + 1} is not a dpkg -l package line`,
        code: 'dpkg.list-line',
        params: {
          line: index + 1,
          what: bilingual('不是 dpkg -l 的软件包行', ' is not a dpkg -l package line'),
        },
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      continue;
    }
    const [, state, , rawName, version, arch] = row;
    if (state !== 'i') {
      ctx.ignore(1, `dpkg -l state ${line.slice(0, 2)}`);
      continue;
    }
    if (!rawName || !version) {
      ctx.problem({
        message: `line ${index + 1}: no package name or version`,
        code: 'dpkg.list-line',
        params: {
          line: index + 1,
          what: bilingual('：没有软件包名称或版本', ': no package name or version'),
        },
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      continue;
    }
    const colon = rawName.indexOf(':');
    const name = colon > 0 ? rawName.slice(0, colon) : rawName;
    const record: SoftwareRecord = { name, version, source, evidence: { source, file, line: index + 1 } };
    const architecture = arch || (colon > 0 ? rawName.slice(colon + 1) : '');
    if (architecture) record.arch = architecture;
    records.push(record);
  }
  return records;
}

const WEEKDAYS = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|星期|周[一二三四五六日]/;
const LAST_ROW = /^(\S+)\s{2,}(\S.*)$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** True for `rpm -qa --last`: every line a package and a date with a weekday (any locale). */
export function isRpmLast(lines: readonly string[]): boolean {
  const sample = lines.filter((line) => line.trim() !== '').slice(0, 100);
  return (
    sample.length > 0 &&
    sample.every((line) => {
      const match = LAST_ROW.exec(line.trim());
      return match !== null && splitPlainRpm(match[1]!) !== undefined && WEEKDAYS.test(match[2]!);
    })
  );
}

/** The install date printed by `--last`: `Wed 01 Jul 2015 06:01:00 AM CEST`, `2021年04月12日 …`. */
export function lastDate(text: string): string | undefined {
  const chinese = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (chinese) return isoDate(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  const dayMonth = /\b(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\b/.exec(text);
  if (dayMonth) return monthDate(dayMonth[3]!, dayMonth[2]!, dayMonth[1]!);
  const monthDay = /\b([A-Za-z]{3})\s+(\d{1,2})\s+[\d:]+\s+(?:[A-Z]{2,5}\s+)?(\d{4})\b/.exec(text);
  if (monthDay) return monthDate(monthDay[3]!, monthDay[1]!, monthDay[2]!);
  return undefined;
}

function monthDate(year: string, month: string, day: string): string | undefined {
  const index = MONTHS.indexOf(month.toLowerCase());
  return index < 0 ? undefined : isoDate(Number(year), index + 1, Number(day));
}

export function parseRpmLast(
  lines: readonly string[],
  file: string,
  ctx: Pick<ScanContext, 'problem'>,
): SoftwareRecord[] {
  return rpmListRecords(lines, file, ctx, {
    source: 'linux:rpm-last',
    expected: '"name-version-release.arch  date" (rpm -qa --last)',
    params: { withDate: bilingual('  安装日期（rpm -qa --last）', '  date (rpm -qa --last)') },
    read(line) {
      const match = LAST_ROW.exec(line);
      const parts = match ? splitPlainRpm(match[1]!) : undefined;
      if (!match || !parts) return undefined;
      const installDate = lastDate(match[2]!);
      return installDate ? { ...parts, installDate } : parts;
    },
  });
}
