/**
 * The statistics table of merged reports: per unit, counts are sums over the shards (their hosts are
 * disjoint), corrected by the genuine flags the merged licence allocation changed; rates are
 * recomputed from the counts (never averaged), totals are sums of the unit rows — as the auditor's
 * StatisticsTable does for one audit.
 */
import { ratesOf, unitOrder } from '../engine/rules/statistics.js';
import { staffOnce } from '../engine/rules/unit-tree.js';
import type { ClassStats, ComplianceReport, Policy, Totals, UnitInfo, UnitStats } from '../model.js';

/** The table's classes, in the auditor's order: mandatory ones, then domestic-target ones. */
export function tableClasses(policy: Policy): string[] {
  return [...new Set([...policy.requirements.classes, ...policy.preferences.domestic.map((d) => d.class)])];
}

/** Units in the order one audit would list them (units file, policy, hosts' units sorted, 未分配). */
export function mergedUnitOrder(
  fileUnits: readonly UnitInfo[],
  policy: Policy,
  reports: readonly ComplianceReport[],
): UnitInfo[] {
  const seen = new Set<string>();
  for (const report of reports) for (const row of report.units) if (row.computers > 0) seen.add(row.unit);
  return unitOrder(fileUnits, policy.units, seen);
}

export function mergeUnitRows(
  units: readonly UnitInfo[],
  reports: readonly ComplianceReport[],
  policy: Policy,
  genuineDelta: Map<string, Map<string, number>>,
): UnitStats[] {
  const classes = tableClasses(policy);
  const mandatory = policy.requirements.classes;
  const byName = reports.map((r) => new Map(r.units.map((row) => [row.unit, row])));
  const rows = units.map((info) => {
    const row: UnitStats = {
      unit: info.name,
      computers: 0,
      classes: {},
      rates: { genuine: {}, domestic: {} },
      unauthorised: 0,
    };
    if (info.staff !== undefined) row.staff = info.staff;
    if (info.parent !== undefined) row.parent = info.parent;
    for (const cls of classes) row.classes[cls] = { installed: 0, genuine: 0, domestic: 0, missing: 0 };
    for (const rows of byName) {
      const shard = rows.get(info.name);
      if (!shard) continue;
      row.computers += shard.computers;
      for (const cls of classes) addClass(row.classes[cls]!, shard.classes[cls]);
    }
    for (const [cls, delta] of genuineDelta.get(info.name) ?? []) {
      const stats = row.classes[cls];
      if (stats) stats.genuine += delta;
    }
    row.rates = ratesOf(row.classes, mandatory);
    return row;
  });
  return rows;
}

function addClass(into: ClassStats, from: ClassStats | undefined): void {
  if (!from) return;
  into.installed += from.installed;
  into.genuine += from.genuine;
  into.domestic += from.domestic;
  into.missing += from.missing;
}

/** Totals as StatisticsTable.totals() computes them: sums of the rows, rates from the sums. */
export function totalsOf(rows: readonly UnitStats[], policy: Policy): Totals {
  const classes: Record<string, ClassStats> = {};
  for (const cls of tableClasses(policy))
    classes[cls] = { installed: 0, genuine: 0, domestic: 0, missing: 0 };
  let computers = 0;
  let unauthorised = 0;
  for (const row of rows) {
    computers += row.computers;
    unauthorised += row.unauthorised;
    for (const cls of Object.keys(classes)) addClass(classes[cls]!, row.classes[cls]);
  }
  const totals: Totals = {
    computers,
    classes,
    rates: ratesOf(classes, policy.requirements.classes),
    unauthorised,
  };
  const staff = staffOnce(rows);
  if (staff !== undefined) totals.staff = staff;
  return totals;
}

/** Rank of each unit in the report order (findings are sorted by it). */
export function unitRanks(units: readonly UnitInfo[]): Map<string, number> {
  return new Map(units.map((u, i) => [u.name, i]));
}
