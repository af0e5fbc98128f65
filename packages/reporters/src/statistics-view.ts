/**
 * The statistics table in long form for people (console, HTML, markdown): per unit one row per
 * mandatory class and one for all mandatory classes together, then the same for the totals.
 * Spreadsheets get the wide form from tables.ts.
 */
import type { ClassStats, ComplianceReport, Locale, Totals, UnitStats, UnitSubtotal } from '@zhengban/core';
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
  stats: Totals | UnitStats | UnitSubtotal,
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

/** A row of the statistics table: a unit's own figures, or a parent unit's subtotal. */
export interface UnitEntry {
  /** The unit's name (or `… 小计`), indented one full-width space per level under a listed unit. */
  label: string;
  /** The unit the row speaks of (a subtotal: the parent unit, with everything under it). */
  unit: string;
  stats: UnitStats | UnitSubtotal;
  /** The 编制人数 the row shows (a parent's own row: its 本级 figure, ownRowStaff). */
  staff: number | undefined;
  parent: string | undefined;
  subtotal: boolean;
}

/**
 * The 编制人数 of a unit's own row: a parent's stated figure includes its subordinates', whose rows
 * follow, so its own row shows the engine's 本级 figure (`ownStaff`, docs/semantics.md#units).
 */
export function ownRowStaff(unit: UnitStats): number | undefined {
  return unit.subtotal ? unit.ownStaff : unit.staff;
}

/**
 * The units in report order (each parent followed by its subordinates), a parent's subtotal right
 * after the last unit under it (docs/semantics.md#units).
 */
export function unitEntries(report: ComplianceReport, locale: Locale): UnitEntry[] {
  const out: UnitEntry[] = [];
  const indent = (level: number | undefined) => '\u3000'.repeat(level ?? 0);
  const open: UnitStats[] = [];
  const close = (downTo: number) => {
    while (open.length > 0 && (open[open.length - 1]!.level ?? 0) >= downTo) {
      const parent = open.pop()!;
      out.push({
        label: indent(parent.level) + t('stats.subtotal', locale, { unit: parent.unit }),
        unit: parent.unit,
        stats: parent.subtotal!,
        staff: parent.subtotal!.staff,
        parent: parent.parent,
        subtotal: true,
      });
    }
  };
  for (const unit of report.units) {
    close(unit.level ?? 0);
    out.push({
      // A parent's own row holds its own computers and its 本级 staff, not the group: said in the
      // label, as the signed form says it, so that no one reads it as the whole department.
      label:
        indent(unit.level) + (unit.subtotal ? t('form.ownLevel', locale, { unit: unit.unit }) : unit.unit),
      unit: unit.unit,
      stats: unit,
      staff: ownRowStaff(unit),
      parent: unit.parent,
      subtotal: false,
    });
    if (unit.subtotal) open.push(unit);
  }
  close(0);
  return out;
}

/** One block per unit (and parent subtotal) in report order, then the totals block. */
export function statisticsBlocks(report: ComplianceReport, locale: Locale): UnitBlock[] {
  const blocks = unitEntries(report, locale).map((entry) => {
    const b = block(report, entry.stats, entry.label, false, locale);
    b.staff = entry.staff;
    b.parent = entry.parent;
    return b;
  });
  blocks.push(block(report, report.totals, t('stats.totals', locale), true, locale));
  return blocks;
}

/** How many titles were grouped as parts of the operating system, when any (docs/semantics.md#system-components). */
export function systemComponentsLine(report: ComplianceReport, locale: Locale): string[] {
  const count = report.stats?.systemComponentTitles ?? 0;
  return count > 0 ? [t('unrecognised.systemComponents', locale, { count })] : [];
}
