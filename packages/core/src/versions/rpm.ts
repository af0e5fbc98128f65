/**
 * RPM version ordering (`rpmvercmp` of rpm ≥ 4.15): `[epoch:]version[-release]`. Strings are split
 * into alphabetic and numeric segments, separators are ignored, a numeric segment is newer than an
 * alphabetic one, `~` sorts before everything (pre-releases) and `^` after the base (snapshots).
 */

import { splitEpochVersion } from './epoch-split.js';

const isAlnum = (char: string | undefined): boolean => char !== undefined && /[A-Za-z0-9]/.test(char);
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** rpmvercmp over one part (version or release): -1, 0 or 1. */
export function compareRpmPart(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;

    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;

    const numeric = isDigit(a[i]);
    const take = numeric ? isDigit : (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);
    let ei = i;
    let ej = j;
    while (ei < a.length && take(a[ei])) ei++;
    while (ej < b.length && take(b[ej])) ej++;
    let segA = a.slice(i, ei);
    let segB = b.slice(j, ej);
    // Segments of different types: the numeric one is newer.
    if (segB.length === 0) return numeric ? 1 : -1;
    if (numeric) {
      segA = segA.replace(/^0+/, '');
      segB = segB.replace(/^0+/, '');
      if (segA.length !== segB.length) return segA.length > segB.length ? 1 : -1;
    }
    if (segA !== segB) return segA > segB ? 1 : -1;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export interface RpmVersion {
  /** Absent when the text states no epoch (it then orders as 0). */
  epoch?: number;
  version: string;
  /** Absent when the text has no `-release`. */
  release?: string;
}

/** Splits `[epoch:]version[-release]`; the release follows the last hyphen. */
export function parseRpmVersion(text: string): RpmVersion | { error: string } {
  const split = splitEpochVersion(text, 'release');
  if ('error' in split) return split;
  const { epoch, main: rest, tail: release } = split;
  if (!rest) return { error: 'the version is empty' };
  const bad = /[^A-Za-z0-9.+~^_]/.exec(rest + (release ?? ''));
  if (bad) return { error: `"${bad[0]}" is not allowed in an rpm version` };
  return epoch === undefined ? { version: rest, release } : { epoch, version: rest, release };
}

/** Full comparison: epoch, version, then release when both sides state one (as rpm does). */
export function compareRpm(a: RpmVersion, b: RpmVersion): number {
  const epoch = (a.epoch ?? 0) - (b.epoch ?? 0);
  if (epoch !== 0) return Math.sign(epoch);
  const version = compareRpmPart(a.version, b.version);
  if (version !== 0 || a.release === undefined || b.release === undefined) return version;
  return compareRpmPart(a.release, b.release);
}
