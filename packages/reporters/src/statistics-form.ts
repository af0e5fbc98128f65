/**
 * The statistics table as the form a leading group signs and stamps (软件正版化工作情况统计表):
 * title, the body it is made out by, the as-of date, units nested under their 上级单位 with
 * subtotals, a totals row and the lines filled in by hand. One model, drawn by the xlsx first sheet
 * (xlsx/statistics-form.ts) and the HTML form page (html/statistics-form.ts).
 *
 * Nesting: a unit whose `parent` has units under it becomes a group. The group opens with a
 * subtotal row (`<parent> 小计`: the engine's `subtotal` of the parent when it is a unit — staff
 * counted once —, else the sum of every unit below it), then the parent's own row as `本级` when it
 * is a unit (its 本级 staff: the stated figure less its subordinates', from the engine), then its
 * children one level deeper. Subtotals are sums of counts and rates are recomputed from the sums, as totals are
 * (docs/semantics.md#rates); the totals row is the report's own `totals`.
 */
import type { ClassStats, ComplianceReport, Locale, Totals, UnitStats, UnitSubtotal } from '@zhengban/core';
import { overdueOf } from './campaign-view.js';
import { classLabel } from './labels.js';
import { type MessageKey, t } from './messages.js';
import { overallFraction, rateOf } from './rates.js';
import { ownRowStaff, type RateCell } from './statistics-view.js';

export type FormRowKind = 'unit' | 'subtotal' | 'totals';

export interface FormClassCells {
  installed: number;
  genuine: number;
  domestic: number;
  genuineRate: RateCell;
  domesticRate: RateCell;
}

export interface FormRow {
  kind: FormRowKind;
  label: string;
  /** Nesting level under 上级单位 (0 = top). */
  depth: number;
  staff: number | undefined;
  computers: number;
  /** One entry per mandatory class, in `report.classes` order. */
  classes: FormClassCells[];
  overall: RateCell;
  unauthorised: number;
  /** Overdue findings (逾期问题), in a campaign report only (report.campaign). */
  overdue?: number;
}

export interface SignatureBlank {
  label: string;
  fill: string;
}

export interface StatisticsForm {
  /** `<机关名称>软件正版化工作情况统计表`. */
  title: string;
  /** `填报单位：…` (the policy's owner, else its name). */
  ownerLine: string;
  /** `截至日期：…`. */
  asOfLine: string;
  /** Headers of the columns before the class groups: 单位, 编制人数, 计算机总数. */
  leadColumns: string[];
  /** One merged header per class. */
  classLabels: string[];
  /** The measures under each class header: 已安装, 正版, 国产, 正版率, 国产化率. */
  measures: string[];
  /** Headers after the class groups: 总正版率, 正版/已安装, 未授权安装（套）, and 逾期问题 in a campaign. */
  tailColumns: string[];
  rows: FormRow[];
  /** The lines people fill in by hand: per line, each `label：` and what its blank shows (mostly nothing). */
  signatureLines: SignatureBlank[][];
}

const EMPTY: ClassStats = { installed: 0, genuine: 0, domestic: 0, missing: 0 };

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The counts a form row is drawn from. */
interface Counts {
  staff: number | undefined;
  computers: number;
  classes: Record<string, ClassStats>;
  unauthorised: number;
  overdue: number | undefined;
}

function countsOf(stats: UnitStats | Totals | UnitSubtotal, overdue: number | undefined): Counts {
  return {
    staff: stats.staff,
    computers: stats.computers,
    classes: stats.classes,
    unauthorised: stats.unauthorised,
    overdue,
  };
}

function sumCounts(parts: readonly Counts[], classes: readonly string[]): Counts {
  const sum: Counts = { staff: undefined, computers: 0, classes: {}, unauthorised: 0, overdue: undefined };
  for (const name of classes) sum.classes[name] = { ...EMPTY };
  for (const part of parts) {
    if (part.staff !== undefined) sum.staff = (sum.staff ?? 0) + part.staff;
    sum.computers += part.computers;
    sum.unauthorised += part.unauthorised;
    if (part.overdue !== undefined) sum.overdue = (sum.overdue ?? 0) + part.overdue;
    for (const name of classes) {
      const from = part.classes[name] ?? EMPTY;
      const to = sum.classes[name]!;
      to.installed += from.installed;
      to.genuine += from.genuine;
      to.domestic += from.domestic;
      to.missing += from.missing;
    }
  }
  return sum;
}

/** A row from counts; `rates` is the report's own when the row is a report row, else recomputed. */
function formRow(
  kind: FormRowKind,
  label: string,
  depth: number,
  counts: Counts,
  classes: readonly string[],
  rates: UnitStats['rates'] | undefined,
): FormRow {
  const overall = overallFraction(counts.classes, classes);
  return {
    kind,
    label,
    depth,
    staff: counts.staff,
    computers: counts.computers,
    classes: classes.map((name) => {
      const c = counts.classes[name] ?? EMPTY;
      return {
        installed: c.installed,
        genuine: c.genuine,
        domestic: c.domestic,
        genuineRate: {
          rate: rates ? rateOf(rates, 'genuine', name) : ratio(c.genuine, c.installed),
          numerator: c.genuine,
          denominator: c.installed,
        },
        domesticRate: {
          rate: rates ? rateOf(rates, 'domestic', name) : ratio(c.domestic, c.installed),
          numerator: c.domestic,
          denominator: c.installed,
        },
      };
    }),
    overall: {
      rate: rates ? rateOf(rates, 'genuine', 'overall') : ratio(overall.genuine, overall.installed),
      numerator: overall.genuine,
      denominator: overall.installed,
    },
    unauthorised: counts.unauthorised,
    ...(counts.overdue !== undefined ? { overdue: counts.overdue } : {}),
  };
}

/** Unit rows in tree order, with a subtotal row opening every group. */
function unitRows(report: ComplianceReport, locale: Locale): FormRow[] {
  const byName = new Map(report.units.map((unit) => [unit.unit, unit]));
  const countsOfUnit = (unit: UnitStats) => countsOf(unit, overdueOf(report, unit.unit));
  const children = new Map<string, UnitStats[]>();
  for (const unit of report.units) {
    if (unit.parent === undefined || unit.parent === unit.unit) continue;
    const list = children.get(unit.parent) ?? [];
    list.push(unit);
    children.set(unit.parent, list);
  }
  const rows: FormRow[] = [];
  const placed = new Set<string>();

  /** Counts of a unit and everything below it; a cycle stops at a unit already counted. */
  const subtreeCounts = (name: string, seen: Set<string>): Counts[] => {
    if (seen.has(name)) return [];
    seen.add(name);
    const own = byName.get(name);
    const parts = own ? [countsOfUnit(own)] : [];
    for (const child of children.get(name) ?? []) parts.push(...subtreeCounts(child.unit, seen));
    return parts;
  };

  const place = (name: string, depth: number): void => {
    if (placed.has(name)) return;
    placed.add(name);
    const own = byName.get(name);
    const below = (children.get(name) ?? []).filter((child) => !placed.has(child.unit));
    if (below.length === 0) {
      if (own) rows.push(formRow('unit', name, depth, countsOfUnit(own), report.classes, own.rates));
      return;
    }
    // The engine's subtotal when the head is a unit (docs/semantics.md#units): its 编制人数 already
    // includes its subordinates', so adding theirs to it would count people twice. A head that is
    // not a unit of the report states no staff: its group is summed here.
    const subtotal = own?.subtotal;
    const total = subtotal
      ? countsOf(subtotal, overdueOf(report, name, true))
      : sumCounts(subtreeCounts(name, new Set()), report.classes);
    rows.push(
      formRow(
        'subtotal',
        t('form.subtotal', locale, { unit: name }),
        depth,
        total,
        report.classes,
        subtotal?.rates,
      ),
    );
    if (own) {
      rows.push(
        formRow(
          'unit',
          t('form.ownLevel', locale, { unit: name }),
          depth + 1,
          { ...countsOfUnit(own), staff: ownRowStaff(own) },
          report.classes,
          own.rates,
        ),
      );
    }
    for (const child of below) place(child.unit, depth + 1);
  };

  /** The top of a unit's chain of parents (a parent outside the report still heads a group). */
  const topOf = (name: string): string => {
    const seen = new Set<string>([name]);
    let top = name;
    for (;;) {
      const parent = byName.get(top)?.parent;
      if (parent === undefined || seen.has(parent)) return top;
      seen.add(parent);
      top = parent;
    }
  };
  for (const unit of report.units) place(topOf(unit.unit), 0);
  // Units only reachable through a cycle of parents: listed flat rather than lost.
  for (const unit of report.units) place(unit.unit, 0);
  return rows;
}

const MEASURES: MessageKey[] = [
  'stats.installed',
  'stats.genuine',
  'stats.domestic',
  'stats.genuineRate',
  'stats.domesticRate',
];

const blank = (label: string, fill = ''): SignatureBlank => ({ label, fill });

export function statisticsForm(report: ComplianceReport, locale: Locale): StatisticsForm {
  const body = report.policy.owner ?? report.policy.name;
  const rows = unitRows(report, locale);
  rows.push(
    formRow(
      'totals',
      t('stats.totals', locale),
      0,
      countsOf(report.totals, overdueOf(report)),
      report.classes,
      report.totals.rates,
    ),
  );
  return {
    title: t('form.title', locale, { owner: body }),
    ownerLine: t('form.owner', locale, { owner: body }),
    asOfLine: t('form.asOf', locale, { asOf: report.asOf }),
    leadColumns: [t('stats.unit', locale), t('stats.staff', locale), t('stats.computers', locale)],
    classLabels: report.classes.map((name) => classLabel(name, locale)),
    measures: MEASURES.map((key) => t(key, locale)),
    tailColumns: [
      t('stats.overallGenuineRate', locale),
      t('form.overallFraction', locale),
      t('stats.unauthorised', locale),
      ...(report.campaign ? [t('stats.overdue', locale)] : []),
    ],
    rows,
    signatureLines: [
      [blank(t('form.head', locale)), blank(t('form.seal', locale))],
      [
        blank(t('form.filler', locale)),
        blank(t('form.phone', locale)),
        blank(t('form.date', locale), t('form.datePlaceholder', locale)),
      ],
    ],
  };
}
