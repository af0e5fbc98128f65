/** Checks of option values that commander leaves to us, so their errors are localised. */
import { type Locale, UsageError } from '@zhengban/core';
import { msg } from './messages.js';

/** `value` if it is one of `choices`, else a UsageError naming the option and the choices. */
export function choice<T extends string>(
  locale: Locale,
  option: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(msg(locale, 'badChoice', { option, value, choices: choices.join(', ') }));
}

/** A real calendar date `YYYY-MM-DD` (2023-02-30 is refused), or undefined when not given. */
export function isoDate(locale: Locale, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return value;
    }
  }
  throw new UsageError(msg(locale, 'badDate', { value }));
}

/** A whole number ≥ 1 (`--top 20`), or `fallback` when not given. */
export function positiveCount(
  locale: Locale,
  option: string,
  value: string | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number.isSafeInteger(Number(value)))
    return Number(value);
  throw new UsageError(msg(locale, 'badCount', { option, value }));
}
