/**
 * The statistics table: per unit and in total, per class, how many computers have the class
 * installed, genuine, domestic or missing, and the rates (docs/semantics.md#rates). Totals are sums
 * of counts, never averages of rates.
 */
import type { ClassStats, Totals, UnitInfo, UnitStats } from '../../model.js';
import { type JudgedHost, UNASSIGNED_UNIT } from './host-judge.js';
import { ratesOf } from './statistics-rates.js';
import { nestRows, staffOnce, type UnitTree, unitTree } from './unit-tree.js';

export { ratesOf, ratio } from './statistics-rates.js';

/** What one computer contributes per class. */
export interface HostClassFlags {
  installed: boolean;
  genuine: boolean;
  domestic: boolean;
}

export function hostClassFlags(host: JudgedHost, cls: string): HostClassFlags {
  const items = host.installations.filter((i) => i.state.product.category === cls);
  const installed = items.length > 0;
  return {
    installed,
    genuine: installed && items.every((i) => i.licensed && !i.notGenuine),
    domestic: items.some((i) => i.state.product.domestic),
  };
}

const emptyClass = (): ClassStats => ({ installed: 0, genuine: 0, domestic: 0, missing: 0 });

/**
 * Units in report order: the units file (order kept), then units the policy names, then units seen
 * only on hosts sorted by name, and `未分配` (hosts without a unit) last — each parent followed by
 * its subordinate units (unit-tree.ts), with the problems of their parent links.
 */
export function orderedUnits(
  fileUnits: readonly UnitInfo[],
  policyUnits: readonly UnitInfo[],
  seen: Iterable<string>,
): UnitTree {
  const out = new Map<string, UnitInfo>();
  for (const u of [...fileUnits, ...policyUnits]) {
    const existing = out.get(u.name);
    if (!existing) out.set(u.name, { ...u });
    else {
      if (existing.staff === undefined && u.staff !== undefined) existing.staff = u.staff;
      if (existing.parent === undefined && u.parent !== undefined) existing.parent = u.parent;
    }
  }
  const rest = [...new Set(seen)].filter((name) => !out.has(name) && name !== UNASSIGNED_UNIT).sort();
  for (const name of rest) out.set(name, { name });
  if ([...seen].includes(UNASSIGNED_UNIT) && !out.has(UNASSIGNED_UNIT))
    out.set(UNASSIGNED_UNIT, { name: UNASSIGNED_UNIT });
  return unitTree([...out.values()]);
}

/** The units of orderedUnits, without the problems. */
export function unitOrder(
  fileUnits: readonly UnitInfo[],
  policyUnits: readonly UnitInfo[],
  seen: Iterable<string>,
): UnitInfo[] {
  return orderedUnits(fileUnits, policyUnits, seen).units;
}

export class StatisticsTable {
  private readonly rows = new Map<string, UnitStats>();

  constructor(
    units: readonly UnitInfo[],
    private readonly classes: readonly string[],
    private readonly mandatory: readonly string[],
  ) {
    for (const u of units) {
      const row: UnitStats = {
        unit: u.name,
        computers: 0,
        classes: {},
        rates: { genuine: {}, domestic: {} },
        unauthorised: 0,
      };
      if (u.staff !== undefined) row.staff = u.staff;
      if (u.parent !== undefined) row.parent = u.parent;
      for (const cls of classes) row.classes[cls] = emptyClass();
      this.rows.set(u.name, row);
    }
  }

  addHost(host: JudgedHost): void {
    const row = this.rows.get(host.unit)!;
    row.computers++;
    for (const cls of this.classes) {
      const flags = hostClassFlags(host, cls);
      const stats = row.classes[cls]!;
      if (flags.installed) stats.installed++;
      else stats.missing++;
      if (flags.genuine) stats.genuine++;
      if (flags.domestic) stats.domestic++;
    }
  }

  addUnauthorised(unit: string, count: number): void {
    this.rows.get(unit)!.unauthorised += count;
  }

  units(): UnitStats[] {
    const rows = [...this.rows.values()];
    for (const row of rows) row.rates = ratesOf(row.classes, this.mandatory);
    nestRows(rows, this.mandatory);
    return rows;
  }

  totals(): Totals {
    const classes: Record<string, ClassStats> = {};
    for (const cls of this.classes) classes[cls] = emptyClass();
    let computers = 0;
    let unauthorised = 0;
    for (const row of this.rows.values()) {
      computers += row.computers;
      unauthorised += row.unauthorised;
      for (const cls of this.classes) {
        const a = classes[cls]!;
        const b = row.classes[cls]!;
        a.installed += b.installed;
        a.genuine += b.genuine;
        a.domestic += b.domestic;
        a.missing += b.missing;
      }
    }
    const totals: Totals = { computers, classes, rates: ratesOf(classes, this.mandatory), unauthorised };
    const staff = staffOnce([...this.rows.values()]);
    if (staff !== undefined) totals.staff = staff;
    return totals;
  }
}
