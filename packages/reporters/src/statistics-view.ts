/**
 * The statistics table in long form for people (console, HTML, markdown): per unit one row per
 * mandatory class and one for all mandatory classes together, then the same for the totals.
 * Spreadsheets get the wide form from tables.ts.
 */
import type { ClassStats, ComplianceReport, Locale, Totals, UnitStats } from '@zhengban/core';
import { classLabel } from './labels.js';
import { type MessageKey, t } from './messages.js';
import { overallFraction, rateOf } from './rates.js';

/** The statistics table's columns, in order: one list shared by the console, markdown and html views. */
export const STATISTICS_COLUMNS = [
  'stats.unit',
  'stats.staff',
  'stats.computers',
  'stats.class',
  'stats.installed',
  'stats.genuine',
  'stats.domestic',
  'stats.missing',
  'stats.genuineRate',
  'stats.domesticRate',
  'stats.unauthorised',
] as const satisfies readonly MessageKey[];

export interface RateCell {
  rate: number | null;
  numerator: number;
  denominator: number;
}

export interface ClassRow {
  /** Class id, or undefined for the all-mandatory row. */
  class: string | undefined;
  label: string;
  installed: number;
  genuine: number;
  /** undefined on the all-mandatory row (the report defines no overall domestic figure). */
  domestic: number | undefined;
  missing: number | undefined;
  genuineRate: RateCell;
  domesticRate: RateCell | undefined;
}

export interface UnitBlock {
  unit: string;
  isTotals: boolean;
  staff: number | undefined;
  parent: string | undefined;
  computers: number;
  unauthorised: number;
  rows: ClassRow[];
}

const EMPTY: ClassStats = { installed: 0, genuine: 0, domestic: 0, missing: 0 };

function block(
  report: ComplianceReport,
  stats: Totals | UnitStats,
  unit: string,
  isTotals: boolean,
  locale: Locale,
): UnitBlock {
  const rows: ClassRow[] = report.classes.map((name) => {
    const c = stats.classes[name] ?? EMPTY;
    return {
      class: name,
      label: classLabel(name, locale),
      installed: c.installed,
      genuine: c.genuine,
      domestic: c.domestic,
      missing: c.missing,
      genuineRate: {
        rate: rateOf(stats.rates, 'genuine', name),
        numerator: c.genuine,
        denominator: c.installed,
      },
      domesticRate: {
        rate: rateOf(stats.rates, 'domestic', name),
        numerator: c.domestic,
        denominator: c.installed,
      },
    };
  });
  const overall = overallFraction(stats.classes, report.classes);
  rows.push({
    class: undefined,
    label: t('stats.allMandatory', locale),
    installed: overall.installed,
    genuine: overall.genuine,
    domestic: undefined,
    missing: undefined,
    genuineRate: {
      rate: rateOf(stats.rates, 'genuine', 'overall'),
      numerator: overall.genuine,
      denominator: overall.installed,
    },
    domesticRate: undefined,
  });
  return {
    unit,
    isTotals,
    staff: stats.staff,
    parent: 'parent' in stats ? stats.parent : undefined,
    computers: stats.computers,
    unauthorised: stats.unauthorised,
    rows,
  };
}

/** One block per unit in report order, then the totals block. */
export function statisticsBlocks(report: ComplianceReport, locale: Locale): UnitBlock[] {
  const blocks = report.units.map((unit) => block(report, unit, unit.unit, false, locale));
  blocks.push(block(report, report.totals, t('stats.totals', locale), true, locale));
  return blocks;
}
