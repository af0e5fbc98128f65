/**
 * Nothing about units changes silently (docs/semantics.md#units): a unit of the units file that no
 * computer belongs to, a unit read from an inventory that the units file does not list (often the
 * same name with an invisible character or a different space), and computers with no unit at all
 * are each a located warning. The table itself is not changed: the unit read stays its own row.
 */
import type { Problem, SourceLocation, UnitInfo } from '../../model.js';
import { bilingual } from '../../problem-text.js';
import { UNASSIGNED_UNIT } from './host-judge.js';

export interface UnitUse {
  /** Per unit read from the inventories: its computers, sorted by id. */
  hostsByUnit: ReadonlyMap<string, readonly string[]>;
  /** Where a computer was read (its first evidence), for locating problems. */
  whereIs(host: string): SourceLocation | undefined;
}

/** Spaces, zero-width and other invisible characters removed, width and case folded. */
function looseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{Cf}]/gu, '')
    .toLowerCase();
}

/** A unit name in quotes with invisible and space characters other than a plain space as `\uXXXX`. */
function shown(name: string): string {
  const visible = name.replace(
    /[^\p{L}\p{M}\p{N}\p{P}\p{S} ]|^ | $/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
  return `"${visible}"`;
}

function at(where: SourceLocation | undefined): Pick<Problem, 'file' | 'line' | 'column' | 'key'> {
  const out: Pick<Problem, 'file' | 'line' | 'column' | 'key'> = {};
  if (where?.file !== undefined) out.file = where.file;
  if (where?.line !== undefined) out.line = where.line;
  if (where?.column !== undefined) out.column = where.column;
  if (where?.key !== undefined) out.key = where.key;
  return out;
}

/** The earlier of two places (file, then line, then column): the same whatever order hosts come in. */
export function earlier(
  a: SourceLocation | undefined,
  b: SourceLocation | undefined,
): SourceLocation | undefined {
  if (!a) return b;
  if (!b) return a;
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? a : b;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) < (b.line ?? 0) ? a : b;
  return (a.column ?? 0) <= (b.column ?? 0) ? a : b;
}

export const UNLISTED_UNIT = 'units.not-in-units-file';

/**
 * A unit read from inventories that the units file does not list, located at the earliest place one
 * of its computers was read. `mergeReports` makes it again over every shard (`excerpt` is the unit).
 */
export function unlistedUnitProblem(
  unit: string,
  computers: number,
  where: SourceLocation | undefined,
  near: string | undefined,
): Problem {
  return {
    ...at(where),
    message: `unit ${shown(unit)} read from the inventories of ${computers} computer(s) is not in the units file${
      near !== undefined
        ? `; the units file has ${shown(near)}, which differs only in spaces, width or invisible characters`
        : ''
    }; it is listed as a unit of its own`,
    severity: 'warning',
    code: UNLISTED_UNIT,
    params: {
      unit: shown(unit),
      computers,
      near: bilingual(
        near !== undefined ? `；单位文件中有 ${shown(near)}，与它只差空格、全半角或不可见字符` : '',
        near !== undefined
          ? `; the units file has ${shown(near)}, which differs only in spaces, width or invisible characters`
          : '',
      ),
    },
    source: 'engine',
    excerpt: unit,
  };
}

/** The unit of the units file that a name read from an inventory almost is, if any. */
export function nearUnit(fileUnits: readonly UnitInfo[], unit: string): string | undefined {
  return fileUnits.find((u) => looseName(u.name) === looseName(unit))?.name;
}

export function unitUseProblems(
  fileUnits: readonly UnitInfo[],
  tree: readonly UnitInfo[],
  use: UnitUse,
): Problem[] {
  const problems: Problem[] = [];

  if (fileUnits.length > 0) {
    const listed = new Set(fileUnits.map((u) => u.name));
    for (const [unit, hosts] of use.hostsByUnit) {
      if (unit === UNASSIGNED_UNIT || listed.has(unit)) continue;
      const where = hosts.map((h) => use.whereIs(h)).reduce(earlier, undefined);
      problems.push(unlistedUnitProblem(unit, hosts.length, where, nearUnit(fileUnits, unit)));
    }
    problems.push(...idleUnitProblems(fileUnits, tree, use.hostsByUnit));
  }

  // Computers without a unit, each by name: one audit and the merge of its shards name the same.
  for (const host of use.hostsByUnit.get(UNASSIGNED_UNIT) ?? []) {
    problems.push({
      ...at(use.whereIs(host)),
      message: `computer ${host} has no unit in its inventory; it is counted under ${UNASSIGNED_UNIT}`,
      severity: 'warning',
      code: 'units.host-without-unit',
      params: { host, unassigned: UNASSIGNED_UNIT },
      source: 'engine',
    });
  }
  return problems;
}

/**
 * Units of the units file with no computer of their own or under them (a typo, or an inventory not
 * read). `mergeReports` asks again over the merged rows: a shard lacks the other shards' computers.
 */
export function idleUnitProblems(
  fileUnits: readonly UnitInfo[],
  tree: readonly UnitInfo[],
  hostsByUnit: ReadonlyMap<string, readonly unknown[] | number>,
): Problem[] {
  const used = new Set<string>();
  const parentOf = new Map(tree.map((u) => [u.name, u.parent]));
  for (const [unit, hosts] of hostsByUnit) {
    if ((typeof hosts === 'number' ? hosts : hosts.length) === 0) continue;
    let name: string | undefined = unit;
    while (name !== undefined && !used.has(name)) {
      used.add(name);
      name = parentOf.get(name);
    }
  }
  return fileUnits
    .filter((unit) => !used.has(unit.name))
    .map((unit) => ({
      ...at(unit.location),
      message: `unit "${unit.name}" of the units file has no computer in any inventory read; it is listed with zeros`,
      severity: 'warning' as const,
      code: IDLE_UNIT,
      params: { unit: unit.name },
      source: 'engine',
    }));
}

export const IDLE_UNIT = 'units.no-computers';
