/**
 * The units of the later report ranked by progress, and the bulletin lists (通报表扬 / 通报批评)
 * with the reason for each unit, judged by the thresholds the later report carries
 * (`report.campaign.bulletin`, from the policy's `settings.bulletin`), else DEFAULT_BULLETIN.
 *
 * A unit that meets a criticism threshold is criticised and not praised.
 *
 * Rank: overall genuine rate now (higher first; a unit without computers last), then its change
 * (larger first), then open findings (fewer first), overdue findings (fewer first), fixed findings
 * (more first), then the unit name.
 */
import {
  type BulletinSettings,
  type ComplianceReport,
  DEFAULT_BULLETIN,
  effectiveStatus,
  type Finding,
} from '@zhengban/core';

export interface UnitProgress {
  rank: number;
  unit: string;
  /** Overall genuine rate after, before, and the change (a fraction; null when either is unknown). */
  genuineRate: number | null;
  genuineRateBefore: number | null;
  change: number | null;
  fixed: number;
  new: number;
  /** Findings open in the later report (new + still open). */
  outstanding: number;
  /** Overdue findings in the later report. */
  overdue: number;
}

/** Why a unit is on a bulletin list; `value` and `threshold` are rates (0–1) or counts. */
export type BulletinReason =
  | { kind: 'genuineRate'; value: number; threshold: number }
  | { kind: 'outstanding'; value: number; threshold: number }
  | { kind: 'noOverdue' }
  | { kind: 'overdue'; value: number; threshold: number }
  | { kind: 'rateFell'; before: number; after: number }
  | { kind: 'rateBelow'; value: number; threshold: number };

export interface BulletinEntry {
  unit: string;
  reasons: BulletinReason[];
}

export interface Bulletin {
  thresholds: BulletinSettings;
  praise: BulletinEntry[];
  criticise: BulletinEntry[];
}

const OPEN = new Set(['fail', 'error', 'warn']);
const isOpen = (finding: Finding) => OPEN.has(effectiveStatus(finding));

function countByUnit(findings: Iterable<Finding>, keep: (finding: Finding) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (!keep(finding) || finding.subject.unit === undefined) continue;
    counts.set(finding.subject.unit, (counts.get(finding.subject.unit) ?? 0) + 1);
  }
  return counts;
}

const overall = (report: ComplianceReport, unit: string): number | null => {
  const rate = report.units.find((row) => row.unit === unit)?.rates.genuine?.overall;
  return rate === undefined ? null : rate;
};

/** Descending with nulls last. */
const desc = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

export function rankUnits(before: ComplianceReport, after: ComplianceReport): UnitProgress[] {
  const openBefore = new Set(before.findings.filter(isOpen).map((finding) => finding.id));
  const openAfter = new Set(after.findings.filter(isOpen).map((finding) => finding.id));
  const fixed = countByUnit(before.findings, (f) => openBefore.has(f.id) && !openAfter.has(f.id));
  const added = countByUnit(after.findings, (f) => openAfter.has(f.id) && !openBefore.has(f.id));
  const outstanding = countByUnit(after.findings, (f) => openAfter.has(f.id));
  const overdue = countByUnit(after.findings, (f) => f.overdue === true && effectiveStatus(f) === 'fail');
  const rows = after.units.map((row) => {
    const now = overall(after, row.unit);
    const was = overall(before, row.unit);
    return {
      rank: 0,
      unit: row.unit,
      genuineRate: now,
      genuineRateBefore: was,
      change: now === null || was === null ? null : now - was,
      fixed: fixed.get(row.unit) ?? 0,
      new: added.get(row.unit) ?? 0,
      outstanding: outstanding.get(row.unit) ?? 0,
      overdue: overdue.get(row.unit) ?? 0,
    };
  });
  rows.sort(
    (a, b) =>
      desc(a.genuineRate, b.genuineRate) ||
      desc(a.change, b.change) ||
      a.outstanding - b.outstanding ||
      a.overdue - b.overdue ||
      b.fixed - a.fixed ||
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
  );
  rows.forEach((row, index) => {
    row.rank = index + 1;
  });
  return rows;
}

export function bulletin(ranking: readonly UnitProgress[], after: ComplianceReport): Bulletin {
  const thresholds = after.campaign?.bulletin ?? DEFAULT_BULLETIN;
  const praise: BulletinEntry[] = [];
  const criticise: BulletinEntry[] = [];
  for (const unit of ranking) {
    const { praise: p, criticise: c } = thresholds;
    const reasons: BulletinReason[] = [];
    if (unit.overdue >= c.overdue)
      reasons.push({ kind: 'overdue', value: unit.overdue, threshold: c.overdue });
    if (c.rateFell && unit.change !== null && unit.change < 0)
      reasons.push({ kind: 'rateFell', before: unit.genuineRateBefore!, after: unit.genuineRate! });
    if (
      c.genuineRateBelow !== undefined &&
      unit.genuineRate !== null &&
      unit.genuineRate < c.genuineRateBelow
    )
      reasons.push({ kind: 'rateBelow', value: unit.genuineRate, threshold: c.genuineRateBelow });
    // A unit that meets any criticism threshold is not praised, whatever its rate.
    if (reasons.length > 0) {
      criticise.push({ unit: unit.unit, reasons });
      continue;
    }
    if (
      unit.genuineRate !== null &&
      unit.genuineRate >= p.genuineRate &&
      unit.outstanding <= p.outstanding &&
      unit.overdue === 0
    ) {
      praise.push({
        unit: unit.unit,
        reasons: [
          { kind: 'genuineRate', value: unit.genuineRate, threshold: p.genuineRate },
          { kind: 'outstanding', value: unit.outstanding, threshold: p.outstanding },
          { kind: 'noOverdue' },
        ],
      });
    }
  }
  return { thresholds, praise, criticise };
}
