/**
 * How rates are printed. A rate is `genuine ÷ installed`; it is shown with two decimals and, where
 * there is room, the fraction it was computed from, so a reader can check it by hand.
 */
import type { ClassStats, Locale, Rates } from '@zhengban/core';
import { t } from './messages.js';

/**
 * `0.875` → `87.50%`; `null` (no computer has the class) → `—`.
 * Rounding never claims more or less than the truth: a rate just under 1 shows `99.99%`, never
 * `100.00%`, and a rate just above 0 shows `0.01%`, never `0.00%`.
 */
export function formatRate(rate: number | null, locale: Locale): string {
  if (rate === null || !Number.isFinite(rate)) return t('rate.null', locale);
  // toPrecision removes binary noise (0.145 × 10000 = 1449.9999…) before rounding half up.
  let hundredths = Math.round(Number((rate * 10000).toPrecision(12)));
  if (rate < 1 && hundredths >= 10000) hundredths = 9999;
  if (rate > 0 && hundredths <= 0) hundredths = 1;
  const whole = Math.floor(hundredths / 100);
  const cents = String(hundredths % 100).padStart(2, '0');
  return `${whole}.${cents}%`;
}

/** `87.50% (7/8)`; just `—` when the rate is null. */
export function formatRateExplained(
  rate: number | null,
  numerator: number,
  denominator: number,
  locale: Locale,
): string {
  if (rate === null) return t('rate.null', locale);
  return t('rate.explained', locale, {
    rate: formatRate(rate, locale),
    genuine: numerator,
    installed: denominator,
  });
}

/** Σ genuine and Σ installed over the mandatory classes: the fraction behind `rates.genuine.overall`. */
export function overallFraction(
  classes: Record<string, ClassStats>,
  mandatory: readonly string[],
): { genuine: number; installed: number } {
  let genuine = 0;
  let installed = 0;
  for (const name of mandatory) {
    const stats = classes[name];
    if (!stats) continue;
    genuine += stats.genuine;
    installed += stats.installed;
  }
  return { genuine, installed };
}

/** A rate from the report, or null when the report has none for that key. */
export function rateOf(rates: Rates, kind: 'genuine' | 'domestic', key: string): number | null {
  const value = Object.hasOwn(rates[kind], key) ? rates[kind][key] : undefined;
  return typeof value === 'number' ? value : null;
}
