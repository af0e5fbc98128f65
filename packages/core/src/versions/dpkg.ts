/**
 * Debian version ordering (deb-version(7), dpkg's `verrevcmp`): `[epoch:]upstream[-revision]`.
 * Strings are compared as alternating non-digit and digit runs; in non-digit runs letters sort
 * before non-letters and `~` sorts before everything, even the end of the string, so
 * `2.30~rc1 < 2.30 < 2.30+dfsg < 2.30.1`.
 */

import { splitEpochVersion } from './epoch-split.js';

/** Order of one character in a non-digit run (dpkg's `order()`). */
function order(char: string | undefined): number {
  if (char === undefined) return 0;
  if (char === '~') return -1;
  if (/[A-Za-z]/.test(char)) return char.charCodeAt(0);
  if (/[0-9]/.test(char)) return 0;
  return char.charCodeAt(0) + 256;
}

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';

/** dpkg's `verrevcmp` over one part (upstream or revision): negative, zero or positive. */
export function compareDebianPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

export interface DebianVersion {
  /** Absent when the text states no epoch (it then orders as 0). */
  epoch?: number;
  upstream: string;
  /** Absent when the text has no `-revision` (it then orders as `0`). */
  revision?: string;
}

/** Splits `[epoch:]upstream[-revision]`; the revision follows the LAST hyphen, as dpkg does. */
export function parseDebianVersion(text: string): DebianVersion | { error: string } {
  const split = splitEpochVersion(text, 'revision');
  if ('error' in split) return split;
  const { epoch, main: rest, tail: revision } = split;
  if (revision !== undefined && !/^[A-Za-z0-9.+~_]+$/.test(revision))
    return { error: `revision "${revision}" has invalid characters` };
  if (!rest) return { error: 'the upstream version is empty' };
  if (!/^[A-Za-z0-9.+~_:-]+$/.test(rest))
    return { error: `upstream version "${rest}" has invalid characters` };
  if (!split.hadEpoch && rest.includes(':')) return { error: 'a ":" appears without a numeric epoch' };
  return epoch === undefined ? { upstream: rest, revision } : { epoch, upstream: rest, revision };
}

/** Full Debian comparison: epoch, then upstream, then revision. */
export function compareDebian(a: DebianVersion, b: DebianVersion): number {
  const epoch = (a.epoch ?? 0) - (b.epoch ?? 0);
  if (epoch !== 0) return epoch;
  const upstream = compareDebianPart(a.upstream, b.upstream);
  if (upstream !== 0) return upstream;
  return compareDebianPart(a.revision ?? '', b.revision ?? '');
}
