/**
 * One entry point for every versioning scheme: parse a version text into a ParsedVersion, compare
 * two of them fully, or compare a version against a (possibly partial) range bound.
 *
 * A range bound constrains only the parts it states (documented in docs/semantics.md#versions):
 * `>=6.1` is met by `6.1.7601`, `=10.0.19045` by `10.0.19045.3803`, `<=16.0.5` by `16.0.5.1`, and a
 * dpkg/rpm bound without an epoch or revision ignores the installed package's epoch or revision.
 */
import semver, { type SemVer } from 'semver';
import type { VersionScheme } from '../model.js';
import { compareDebian, compareDebianPart, type DebianVersion, parseDebianVersion } from './dpkg.js';
import { compareRpm, compareRpmPart, parseRpmVersion, type RpmVersion } from './rpm.js';

/** The schemes a value is finally compared in (`auto` resolves to one of these per value). */
export type ConcreteScheme = Exclude<VersionScheme, 'auto'>;

export type ParsedVersion =
  | { scheme: 'windows'; text: string; parts: number[] }
  | { scheme: 'semver'; text: string; semver: SemVer /** numeric parts written (1–3) */; stated: number }
  | ({ scheme: 'dpkg'; text: string } & DebianVersion)
  | ({ scheme: 'rpm'; text: string } & RpmVersion);

export type ParseResult = { ok: true; version: ParsedVersion } | { ok: false; reason: string };

/** Problems every scheme rejects the same way: empty, control characters, spaces, no digit. */
function basicProblem(text: string): string | undefined {
  if (text.length === 0) return 'the version is empty';
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `the version contains the control character U+${code}`;
  }
  if (/\s/.test(text)) return 'the version contains a space';
  if (!/[0-9]/.test(text)) return 'the version contains no digit';
  if (text.length > 128) return 'the version is longer than 128 characters';
  return undefined;
}

function parseWindows(text: string): ParseResult {
  if (!/^\d+(\.\d+)*$/.test(text))
    return { ok: false, reason: 'a Windows version is numbers separated by dots' };
  const parts = text.split('.').map(Number);
  if (parts.length > 4)
    return { ok: false, reason: `a Windows version has at most 4 parts, not ${parts.length}` };
  return { ok: true, version: { scheme: 'windows', text, parts } };
}

function parseSemver(text: string): ParseResult {
  // Strict parsing only: semver's loose mode reads `14.0.7015.1000` as `14.0.701-5.1000`.
  const exact = semver.parse(text.replace(/^[v=]/, ''));
  if (exact) return { ok: true, version: { scheme: 'semver', text, semver: exact, stated: 3 } };
  // Loose coercion: `16.0` → 16.0.0, `14.0.7015.1000` → 14.0.7015, `v2` → 2.0.0.
  const coerced = semver.coerce(text, { includePrerelease: true });
  if (!coerced) return { ok: false, reason: 'not a semantic version' };
  const stated = /^v?(\d+)(\.\d+)?(\.\d+)?/.exec(text);
  const count = stated ? 1 + (stated[2] ? 1 : 0) + (stated[3] ? 1 : 0) : 3;
  return { ok: true, version: { scheme: 'semver', text, semver: coerced, stated: count } };
}

function parseDpkg(text: string): ParseResult {
  const parsed = parseDebianVersion(text);
  if ('error' in parsed) return { ok: false, reason: parsed.error };
  return { ok: true, version: { scheme: 'dpkg', text, ...parsed } };
}

function parseRpm(text: string): ParseResult {
  const parsed = parseRpmVersion(text);
  if ('error' in parsed) return { ok: false, reason: parsed.error };
  return { ok: true, version: { scheme: 'rpm', text, ...parsed } };
}

/**
 * The scheme `auto` uses for one value:
 * dotted numbers with at most 4 parts → windows; a `:` (epoch) or `~` → dpkg; a valid semantic
 * version whose pre-release starts with a letter (`1.2.3-beta.1`) or with build metadata → semver;
 * anything else version-like (`2.30-1ubuntu1`, `1.2.3-4.el7`, `2.0a`) → dpkg, whose ordering is a
 * sound general-purpose one for mixed letters and digits.
 */
export function detectScheme(text: string): ConcreteScheme {
  if (/^\d+(\.\d+){0,3}$/.test(text)) return 'windows';
  if (text.includes(':') || text.includes('~')) return 'dpkg';
  const strict = semver.valid(text);
  if (strict) {
    const pre = semver.prerelease(text);
    if (!pre || /^[A-Za-z]/.test(String(pre[0])) || !text.includes('-')) return 'semver';
  }
  return 'dpkg';
}

/** Parses a version text in a scheme (`auto` picks one per value, see detectScheme). */
export function parseVersion(text: string, scheme: VersionScheme = 'auto'): ParseResult {
  const trimmed = text.trim();
  const problem = basicProblem(trimmed);
  if (problem) return { ok: false, reason: problem };
  const concrete = scheme === 'auto' ? detectScheme(trimmed) : scheme;
  switch (concrete) {
    case 'windows':
      return parseWindows(trimmed);
    case 'semver':
      return parseSemver(trimmed);
    case 'dpkg':
      return parseDpkg(trimmed);
    case 'rpm':
      return parseRpm(trimmed);
  }
}

/** Re-reads a parsed version in another scheme (when `auto` picked different schemes for two values). */
export function reparse(version: ParsedVersion, scheme: ConcreteScheme): ParseResult {
  return version.scheme === scheme ? { ok: true, version } : parseVersion(version.text, scheme);
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Full comparison of two versions already in the same scheme. */
function compareSame(a: ParsedVersion, b: ParsedVersion): -1 | 0 | 1 {
  if (a.scheme === 'windows' && b.scheme === 'windows') {
    for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
      const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
      if (d !== 0) return sign(d);
    }
    return 0;
  }
  if (a.scheme === 'semver' && b.scheme === 'semver') return semver.compare(a.semver, b.semver);
  if (a.scheme === 'dpkg' && b.scheme === 'dpkg') return sign(compareDebian(a, b));
  if (a.scheme === 'rpm' && b.scheme === 'rpm') return sign(compareRpm(a, b));
  throw new Error(`cannot compare a ${a.scheme} version with a ${b.scheme} version`);
}

/** Brings two versions into one scheme: theirs when equal, otherwise dpkg (reads any version-like text). */
function unify(a: ParsedVersion, b: ParsedVersion): [ParsedVersion, ParsedVersion] | { error: string } {
  if (a.scheme === b.scheme) return [a, b];
  const ra = reparse(a, 'dpkg');
  const rb = reparse(b, 'dpkg');
  if (!ra.ok) return { error: `"${a.text}": ${ra.reason}` };
  if (!rb.ok) return { error: `"${b.text}": ${rb.reason}` };
  return [ra.version, rb.version];
}

/**
 * Compares two version texts in a scheme: -1, 0 or 1, or the reason one of them cannot be read.
 * Under `auto`, two values that look like different schemes are both compared the dpkg way.
 */
export function compareVersions(
  a: string,
  b: string,
  scheme: VersionScheme = 'auto',
): -1 | 0 | 1 | { error: string } {
  const pa = parseVersion(a, scheme);
  if (!pa.ok) return { error: `"${a}": ${pa.reason}` };
  const pb = parseVersion(b, scheme);
  if (!pb.ok) return { error: `"${b}": ${pb.reason}` };
  const pair = unify(pa.version, pb.version);
  if ('error' in pair) return pair;
  return compareSame(pair[0], pair[1]);
}

/** The first `count` dot-separated segments of a dpkg upstream / rpm version. */
function leadingSegments(text: string, count: number): string {
  return text.split('.').slice(0, count).join('.');
}

/**
 * Compares a version with a range bound in the same scheme, looking only at the parts the bound
 * states (see the module comment). Negative: the version is below the bound.
 */
export function compareWithBound(version: ParsedVersion, bound: ParsedVersion): -1 | 0 | 1 {
  if (version.scheme === 'windows' && bound.scheme === 'windows') {
    for (let i = 0; i < bound.parts.length; i++) {
      const d = (version.parts[i] ?? 0) - (bound.parts[i] ?? 0);
      if (d !== 0) return sign(d);
    }
    return 0;
  }
  if (version.scheme === 'semver' && bound.scheme === 'semver') {
    if (bound.stated >= 3) return semver.compare(version.semver, bound.semver);
    const d = version.semver.major - bound.semver.major;
    if (d !== 0 || bound.stated === 1) return sign(d);
    return sign(version.semver.minor - bound.semver.minor);
  }
  if (version.scheme === 'dpkg' && bound.scheme === 'dpkg') {
    if (bound.epoch !== undefined) {
      const d = (version.epoch ?? 0) - bound.epoch;
      if (d !== 0) return sign(d);
    }
    const numeric = /^\d+(\.\d+)*$/.test(bound.upstream);
    const upstream = numeric
      ? leadingSegments(version.upstream, bound.upstream.split('.').length)
      : version.upstream;
    const d = compareDebianPart(upstream, bound.upstream);
    if (d !== 0 || bound.revision === undefined) return sign(d);
    return sign(compareDebianPart(version.revision ?? '', bound.revision));
  }
  if (version.scheme === 'rpm' && bound.scheme === 'rpm') {
    if (bound.epoch !== undefined) {
      const d = (version.epoch ?? 0) - bound.epoch;
      if (d !== 0) return sign(d);
    }
    const numeric = /^\d+(\.\d+)*$/.test(bound.version);
    const value = numeric
      ? leadingSegments(version.version, bound.version.split('.').length)
      : version.version;
    const d = compareRpmPart(value, bound.version);
    if (d !== 0 || bound.release === undefined || version.release === undefined) return sign(d);
    return sign(compareRpmPart(version.release, bound.release));
  }
  throw new Error(`cannot compare a ${version.scheme} version with a ${bound.scheme} bound`);
}
