/**
 * The ranking and bulletin part of `zhengban diff` output, as rows and sentences that the console
 * and markdown renderers lay out. Rates are percentages with two decimals; changes are percentage points.
 */
import type { Locale } from '@zhengban/core';
import { msg } from '../messages.js';
import type { Bulletin, BulletinReason, UnitProgress } from './unit-ranking.js';

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(2)}%`;
}

function points(change: number | null): string {
  return change === null ? '—' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(2)}`;
}

export function rankingTable(ranking: readonly UnitProgress[], locale: Locale): string[][] {
  return [
    msg(locale, 'diffRankingHeader').split('|'),
    ...ranking.map((row) => [
      String(row.rank),
      row.unit,
      percent(row.genuineRate),
      points(row.change),
      String(row.fixed),
      String(row.new),
      String(row.outstanding),
      String(row.overdue),
    ]),
  ];
}

function reasonText(reason: BulletinReason, locale: Locale): string {
  switch (reason.kind) {
    case 'genuineRate':
      return msg(locale, 'reasonGenuineRate', {
        value: percent(reason.value),
        threshold: percent(reason.threshold),
      });
    case 'outstanding':
      return msg(locale, 'reasonOutstanding', { value: reason.value, threshold: reason.threshold });
    case 'noOverdue':
      return msg(locale, 'reasonNoOverdue');
    case 'overdue':
      return msg(locale, 'reasonOverdue', { value: reason.value });
    case 'rateFell':
      return msg(locale, 'reasonRateFell', { before: percent(reason.before), after: percent(reason.after) });
    case 'rateBelow':
      return msg(locale, 'reasonRateBelow', {
        value: percent(reason.value),
        threshold: percent(reason.threshold),
      });
  }
}

/** `单位：理由；理由` lines of one list. */
export function bulletinLines(list: Bulletin['praise'], locale: Locale): string[] {
  const separator = locale === 'en' ? '; ' : '；';
  const colon = locale === 'en' ? ': ' : '：';
  return list.map(
    (entry) => `${entry.unit}${colon}${entry.reasons.map((r) => reasonText(r, locale)).join(separator)}`,
  );
}

export function thresholdsLine(bulletin: Bulletin, locale: Locale): string {
  const { praise, criticise } = bulletin.thresholds;
  return msg(locale, 'diffThresholds', {
    praiseRate: percent(praise.genuineRate),
    praiseOpen: praise.outstanding,
    overdue: criticise.overdue,
    rateFell: criticise.rateFell ? msg(locale, 'diffThresholdRateFell') : '',
    rateBelow:
      criticise.genuineRateBelow === undefined
        ? ''
        : msg(locale, 'diffThresholdRateBelow', { threshold: percent(criticise.genuineRateBelow) }),
  });
}
