/**
 * File names for reports split by unit: a unit's name kept as written (Chinese included), with only
 * what Windows forbids replaced — `<>:"/\|?*`, control characters, trailing dots and spaces, and the
 * reserved device names (CON, NUL, COM1 …) — so that a folder of reports copies onto any PC. A child
 * unit's report sits in its parent's folder. Two units whose names come out the same (Windows
 * ignores case) cannot both be written: that is an error naming both.
 */

import type { Locale } from '@zhengban/core';
import { type UnitStats, UsageError } from '@zhengban/core';
import { msg } from './messages.js';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function safeFileName(name: string): string {
  let safe = name.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/[. ]+$/, '');
  if (safe === '') safe = '_';
  if (RESERVED.test(safe)) safe = `_${safe}`;
  // Windows paths of more than 255 characters per name cannot be created.
  return safe.slice(0, 120);
}

/**
 * Each unit's path relative to the output folder, without extension: `县教育局`, `县教育局/一中`.
 * A parent that is not a unit of the table, or a cycle, leaves the unit at the top.
 */
export function unitPaths(
  units: readonly Pick<UnitStats, 'unit' | 'parent'>[],
  locale: Locale,
): Map<string, string> {
  const parentOf = new Map(units.map((row) => [row.unit, row.parent]));
  const paths = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const row of units) {
    const chain = [row.unit];
    for (let parent = row.parent; parent !== undefined && parentOf.has(parent) && !chain.includes(parent); ) {
      chain.unshift(parent);
      parent = parentOf.get(parent);
    }
    const path = chain.map(safeFileName).join('/');
    const key = path.toLowerCase();
    const other = taken.get(key);
    if (other !== undefined)
      throw new UsageError(msg(locale, 'splitNameClash', { first: other, second: row.unit, path }));
    taken.set(key, row.unit);
    paths.set(row.unit, path);
  }
  return paths;
}
