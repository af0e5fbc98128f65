/**
 * Install dates as inventories write them: `2021-10-19`, `2021/10/19`, `2021.10.19`, `20211019`,
 * `2021年10月19日`, optionally followed by a time. The result is an ISO date or undefined for an
 * impossible date (2013-02-30), so callers can report it.
 */

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\d{6}(?:\.\d+)?(?:[+-]\d+)?)?$/;

/** The ISO date of a written date, or undefined when it is not a real calendar date. */
export function parseIsoDate(text: string): string | undefined {
  const match = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (!match) return undefined;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** True for a real calendar date between 1970 and 2100. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1970 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` for a real calendar date, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!isRealDate(year, month, day)) return undefined;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The ISO date of a Unix time in seconds (UTC), or undefined for 0 / garbage. */
export function isoDateFromUnix(seconds: string | number): string | undefined {
  const value = typeof seconds === 'number' ? seconds : Number(seconds);
  // Beyond 2100 is garbage, and a Date that large cannot even be formatted (RangeError).
  if (!Number.isFinite(value) || value <= 0 || value >= 4_102_444_800) return undefined;
  return new Date(value * 1000).toISOString().slice(0, 10);
}
