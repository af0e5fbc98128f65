/**
 * Units nest: a units file's 上级单位 column (or a policy unit's `parent`) may name another unit of
 * the table. The statistics table then lists each parent followed by its subordinate units
 * (indented, `level`), gives the parent a subtotal over itself and everything under it, and counts
 * every person and computer once in the totals (docs/semantics.md#units):
 *
 * - computers belong to exactly one unit, so totals add each unit's own computers;
 * - a unit's 编制人数 includes its subordinate units' (the way headcounts are approved), so the
 *   totals add the staff of a unit only when no unit above it states one.
 *
 * A unit that names itself as its parent, or parents that form a cycle, cannot be nested: each is a
 * located error and those links are dropped (the units stand at the top level), never guessed.
 */
import type { ClassStats, Problem, UnitInfo, UnitStats, UnitSubtotal } from '../../model.js';
import { ratesOf } from './statistics-rates.js';

export interface UnitTree {
  /** Every unit once, parents before their subordinates (siblings keep their order). */
  units: UnitInfo[];
  problems: Problem[];
}

function located(unit: UnitInfo): Pick<Problem, 'file' | 'line' | 'column'> {
  const out: Pick<Problem, 'file' | 'line' | 'column'> = {};
  if (unit.location?.file !== undefined) out.file = unit.location.file;
  if (unit.location?.line !== undefined) out.line = unit.location.line;
  if (unit.location?.column !== undefined) out.column = unit.location.column;
  return out;
}

/** Orders units as a tree and drops the parent links that cannot be followed (self, cycles). */
export function unitTree(input: readonly UnitInfo[]): UnitTree {
  const problems: Problem[] = [];
  const units = input.map((u) => ({ ...u }));
  const byName = new Map(units.map((u) => [u.name, u]));
  for (const unit of units) {
    if (unit.parent === unit.name) {
      problems.push({
        ...located(unit),
        message: `unit "${unit.name}" names itself as its parent (上级单位); it is listed at the top level`,
        severity: 'error',
        code: 'units.self-parent',
        params: { unit: unit.name },
        source: 'engine',
      });
      delete unit.parent;
    }
  }
  // A cycle: following parents from a unit comes back to it. Reported once, at its first unit in order.
  const inCycle = new Set<string>();
  for (const unit of units) {
    if (inCycle.has(unit.name)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: UnitInfo | undefined = unit;
    while (at && !onPath.has(at.name) && !inCycle.has(at.name)) {
      path.push(at.name);
      onPath.add(at.name);
      at = at.parent !== undefined ? byName.get(at.parent) : undefined;
    }
    if (!at || !onPath.has(at.name)) continue;
    const cycle = path.slice(path.indexOf(at.name));
    for (const name of cycle) inCycle.add(name);
    const first = units.find((u) => cycle.includes(u.name))!;
    problems.push({
      ...located(first),
      message: `the parents (上级单位) of units ${[...cycle, cycle[0]].map((n) => `"${n}"`).join(' → ')} form a cycle; these units are listed at the top level`,
      severity: 'error',
      code: 'units.parent-cycle',
      params: { cycle: [...cycle, cycle[0]].map((n) => `"${n}"`).join(' → ') },
      source: 'engine',
    });
  }
  for (const name of inCycle) delete byName.get(name)!.parent;

  const children = new Map<string, UnitInfo[]>();
  const roots: UnitInfo[] = [];
  for (const unit of units) {
    const parent = unit.parent !== undefined ? byName.get(unit.parent) : undefined;
    if (!parent) roots.push(unit);
    else {
      const list = children.get(parent.name);
      if (list) list.push(unit);
      else children.set(parent.name, [unit]);
    }
  }
  const ordered: UnitInfo[] = [];
  const visit = (unit: UnitInfo) => {
    ordered.push(unit);
    for (const child of children.get(unit.name) ?? []) visit(child);
  };
  for (const root of roots) visit(root);

  for (const unit of ordered) {
    const kids = children.get(unit.name);
    if (unit.staff === undefined || !kids) continue;
    const below = kids.reduce((sum, kid) => sum + (subtreeStaff(kid, children) ?? 0), 0);
    if (below > unit.staff) {
      problems.push({
        ...located(unit),
        message: `unit "${unit.name}" states ${unit.staff} staff (编制人数) but its subordinate units state ${below} together; a unit's staff includes its subordinate units', so the totals count ${unit.staff} and its own row (本级) shows no staff`,
        severity: 'warning',
        code: 'units.staff-below-subordinates',
        params: { unit: unit.name, staff: unit.staff, below },
        source: 'engine',
      });
    }
  }
  return { units: ordered, problems };
}

/** The staff of a unit and everything under it: its own figure when stated, else its subordinates'. */
function subtreeStaff(unit: UnitInfo, children: Map<string, UnitInfo[]>): number | undefined {
  if (unit.staff !== undefined) return unit.staff;
  let sum: number | undefined;
  for (const kid of children.get(unit.name) ?? []) {
    const s = subtreeStaff(kid, children);
    if (s !== undefined) sum = (sum ?? 0) + s;
  }
  return sum;
}

const addClass = (into: ClassStats, from: ClassStats) => {
  into.installed += from.installed;
  into.genuine += from.genuine;
  into.domestic += from.domestic;
  into.missing += from.missing;
};

/**
 * Gives rows in tree order their `level` (1 and deeper for subordinate units) and each unit with
 * subordinates its `subtotal`. `rows` must come in unitTree order with links already checked.
 */
export function nestRows(rows: UnitStats[], mandatory: readonly string[]): void {
  const byName = new Map(rows.map((r) => [r.unit, r]));
  const parentRow = (row: UnitStats) => (row.parent !== undefined ? byName.get(row.parent) : undefined);
  const levels = new Map<string, number>();
  for (const row of rows) {
    const parent = parentRow(row);
    const level = parent ? (levels.get(parent.unit) ?? 0) + 1 : 0;
    levels.set(row.unit, level);
    if (level > 0) row.level = level;
  }
  // Children come after their parent: walking backwards, each row's subtotal is complete when its
  // parent's is started.
  const subtotals = new Map<string, UnitSubtotal>();
  const own = (row: UnitStats): UnitSubtotal => {
    const classes: Record<string, ClassStats> = {};
    for (const [cls, stats] of Object.entries(row.classes)) classes[cls] = { ...stats };
    const s: UnitSubtotal = {
      units: 1,
      computers: row.computers,
      classes,
      rates: { genuine: {}, domestic: {} },
      unauthorised: row.unauthorised,
    };
    if (row.staff !== undefined) s.staff = row.staff;
    return s;
  };
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const mine = subtotals.get(row.unit) ?? own(row);
    subtotals.set(row.unit, mine);
    const parent = parentRow(row);
    if (!parent) continue;
    let theirs = subtotals.get(parent.unit);
    if (!theirs) {
      theirs = own(parent);
      subtotals.set(parent.unit, theirs);
    }
    theirs.units += mine.units;
    theirs.computers += mine.computers;
    theirs.unauthorised += mine.unauthorised;
    // A parent's own 编制人数 already includes its subordinates'; only when it states none are
    // theirs added up.
    if (parent.staff === undefined && mine.staff !== undefined)
      theirs.staff = (theirs.staff ?? 0) + mine.staff;
    for (const [cls, stats] of Object.entries(mine.classes)) {
      const into = theirs.classes[cls];
      if (into) addClass(into, stats);
      else theirs.classes[cls] = { ...stats };
    }
  }
  const below = new Map<string, UnitStats[]>();
  for (const row of rows) {
    const parent = parentRow(row);
    if (!parent) continue;
    const list = below.get(parent.unit);
    if (list) list.push(row);
    else below.set(parent.unit, [row]);
  }
  for (const row of rows) {
    const s = subtotals.get(row.unit)!;
    if (s.units === 1) continue;
    s.rates = ratesOf(s.classes, mandatory);
    row.subtotal = s;
    const own = ownLevelStaff(row, below.get(row.unit)!, subtotals);
    if (own !== undefined) row.ownStaff = own;
  }
}

/**
 * A parent's 本级 staff: its stated 编制人数 less what its direct subordinates state (each one's
 * subtotal figure when it has subordinates of its own), so that its own row and the rows under it
 * add up to its subtotal. Unknown — never guessed — when the parent states none, when a
 * subordinate states none (its people may be in the parent's figure or not), or when the
 * subordinates state more than the parent (warned about as units.staff-below-subordinates).
 */
function ownLevelStaff(
  parent: UnitStats,
  children: readonly UnitStats[],
  subtotals: ReadonlyMap<string, UnitSubtotal>,
): number | undefined {
  if (parent.staff === undefined) return undefined;
  let theirs = 0;
  for (const child of children) {
    const staff = subtotals.get(child.unit)!.staff;
    if (staff === undefined) return undefined;
    theirs += staff;
  }
  return theirs <= parent.staff ? parent.staff - theirs : undefined;
}

/** Total staff counting each person once: a unit's figure only when no unit above it states one. */
export function staffOnce(rows: readonly UnitStats[]): number | undefined {
  const byName = new Map(rows.map((r) => [r.unit, r]));
  let total: number | undefined;
  for (const row of rows) {
    if (row.staff === undefined) continue;
    let above = row.parent !== undefined ? byName.get(row.parent) : undefined;
    let covered = false;
    const seen = new Set<string>([row.unit]);
    while (above && !seen.has(above.unit)) {
      if (above.staff !== undefined) {
        covered = true;
        break;
      }
      seen.add(above.unit);
      above = above.parent !== undefined ? byName.get(above.parent) : undefined;
    }
    if (!covered) total = (total ?? 0) + row.staff;
  }
  return total;
}
