/**
 * Distinct software titles (name, publisher) seen in the fleet, each with a small integer id so a
 * host keeps its titles as a sorted Uint32Array (4 bytes per title) instead of records. Unrecognised
 * titles are aggregated here for review: the newest 20 versions, the number of computers, and the
 * 5 smallest host ids as samples — all independent of the order hosts arrive in.
 */
import type { ForbiddenPattern, UnrecognisedSoftware } from '../model.js';
import { compareDebianPart, parseDebianVersion } from '../versions/dpkg.js';
import { ownCopy } from './own-strings.js';
import { matchesAny } from './patterns.js';

export interface Title {
  id: number;
  name: string;
  publisher?: string;
  /** Index into policy.forbidden.patterns of the first pattern it matches, or -1. */
  forbidden: number;
  /** Computers it was unrecognised on. */
  unrecognisedHosts: number;
  sampleHosts: string[];
  /**
   * The last of `sampleHosts` once it holds MAX_SAMPLES (no later host id can enter), else
   * undefined: read for every host a title is unrecognised on, without touching the list.
   */
  sampleBound: string | undefined;
  versions: string[];
}

const MAX_VERSIONS = 20;
const MAX_SAMPLES = 5;

/**
 * A total order on version texts for listing: dpkg ordering (which reads any version-like text),
 * ties and unreadable texts broken by plain string order, unreadable ones first.
 */
export function compareListedVersions(a: string, b: string): number {
  const pa = parseDebianVersion(a);
  const pb = parseDebianVersion(b);
  const okA = !('error' in pa) && /\d/.test(a);
  const okB = !('error' in pb) && /\d/.test(b);
  if (okA !== okB) return okA ? 1 : -1;
  if (okA && okB && !('error' in pa) && !('error' in pb)) {
    const d =
      (pa.epoch ?? 0) - (pb.epoch ?? 0) ||
      compareDebianPart(pa.upstream, pb.upstream) ||
      compareDebianPart(pa.revision ?? '', pb.revision ?? '');
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function forbiddenIndex(patterns: readonly ForbiddenPattern[], name: string, publisher?: string): number {
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i]!;
    const hasName = !!p.name?.length;
    const hasPublisher = !!p.publisher?.length;
    if (!hasName && !hasPublisher) continue;
    if (hasName && !matchesAny(p.name!, name)) continue;
    if (hasPublisher && (!publisher || !matchesAny(p.publisher!, publisher))) continue;
    return i;
  }
  return -1;
}

export class TitleRegistry {
  /** name → publisher ('' when none) → id: two lookups, no key string built per record. */
  private readonly byName = new Map<string, Map<string, number>>();
  readonly titles: Title[] = [];

  constructor(private readonly forbiddenPatterns: readonly ForbiddenPattern[]) {}

  idOf(name: string, publisher: string | undefined): number {
    let byPublisher = this.byName.get(name);
    if (!byPublisher) {
      byPublisher = new Map();
      this.byName.set(ownCopy(name), byPublisher);
    }
    let id = byPublisher.get(publisher ?? '');
    if (id === undefined) {
      id = this.titles.length;
      // `publisher` in the literal even when absent: one hidden class for every title.
      const title: Title = {
        id,
        name: ownCopy(name),
        publisher: publisher !== undefined && publisher !== '' ? ownCopy(publisher) : undefined,
        forbidden: forbiddenIndex(this.forbiddenPatterns, name, publisher),
        unrecognisedHosts: 0,
        sampleHosts: [],
        sampleBound: undefined,
        versions: [],
      };
      this.titles.push(title);
      byPublisher.set(title.publisher ?? '', id);
    }
    return id;
  }

  get(id: number): Title {
    return this.titles[id]!;
  }

  /** Keeps the newest MAX_VERSIONS versions of an unrecognised title, ascending. */
  noteVersion(id: number, version: string | undefined): void {
    if (!version) return;
    const versions = this.titles[id]!.versions;
    if (versions.includes(version)) return;
    if (versions.length >= MAX_VERSIONS && compareListedVersions(version, versions[0]!) <= 0) return;
    let at = versions.length;
    while (at > 0 && compareListedVersions(versions[at - 1]!, version) > 0) at--;
    versions.splice(at, 0, version);
    if (versions.length > MAX_VERSIONS) versions.shift();
  }

  /** Counts a computer the title was unrecognised on (called once per host and title). */
  noteHost(id: number, host: string): void {
    const title = this.titles[id]!;
    title.unrecognisedHosts++;
    if (title.sampleBound !== undefined && host >= title.sampleBound) return;
    const samples = title.sampleHosts;
    let at = samples.length;
    while (at > 0 && samples[at - 1]! > host) at--;
    samples.splice(at, 0, host);
    if (samples.length > MAX_SAMPLES) samples.pop();
    if (samples.length === MAX_SAMPLES) title.sampleBound = samples[MAX_SAMPLES - 1];
  }

  /**
   * The unrecognised list of the report, sorted by host count (most first), then name, publisher;
   * with `unitsOf`, each entry also says on how many computers of each unit it is.
   */
  unrecognised(unitsOf?: (titleId: number) => UnrecognisedSoftware['units']): UnrecognisedSoftware[] {
    return this.titles
      .filter((t) => t.unrecognisedHosts > 0)
      .sort(
        (a, b) =>
          b.unrecognisedHosts - a.unrecognisedHosts ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
          ((a.publisher ?? '') < (b.publisher ?? '')
            ? -1
            : (a.publisher ?? '') > (b.publisher ?? '')
              ? 1
              : 0),
      )
      .map((t) => {
        const entry: UnrecognisedSoftware = {
          name: t.name,
          versions: [...t.versions],
          hosts: t.unrecognisedHosts,
          sampleHosts: [...t.sampleHosts],
        };
        if (t.publisher !== undefined) entry.publisher = t.publisher;
        const units = unitsOf?.(t.id);
        if (units) entry.units = units;
        return entry;
      });
  }
}

/**
 * A sorted set of title ids, kept per host for the whole run. While ids fit in 16 bits it is a
 * string of them as UTF-16 code units (one byte each while they are below 256): on the heap, 16
 * bytes of header, where a typed array costs two objects and an off-heap allocation (~400 bytes a
 * host at province scale). Ids beyond 0xFFFF need a Uint32Array.
 */
export type IdSet = string | Uint32Array;

export const EMPTY_IDS: IdSet = '';

const idAt = (ids: IdSet, i: number): number => (typeof ids === 'string' ? ids.charCodeAt(i) : ids[i]!);

/** The ids of a set, ascending. */
export function idsOf(ids: IdSet): number[] {
  const out: number[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = idAt(ids, i);
  return out;
}

/** Code units → string, in slices (an argument list has a limit). */
function unitsToString(units: Uint16Array): string {
  let text = '';
  for (let i = 0; i < units.length; i += 4096)
    text += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
  // Flat once, not a rope of slices kept for the whole run.
  return units.length > 4096 ? JSON.parse(JSON.stringify(text)) : text;
}

/**
 * Merges new ids into a sorted id set; returns the merged set and the ids that were not in it.
 */
export function mergeIds(
  existing: IdSet | undefined,
  added: readonly number[],
): { merged: IdSet; fresh: number[] } {
  const old = existing ?? EMPTY_IDS;
  const unique = new Uint32Array(added).sort();
  const fresh: number[] = [];
  let previous = -1;
  for (let i = 0; i < unique.length; i++) {
    const id = unique[i]!;
    if (id === previous) continue;
    previous = id;
    if (old.length === 0 || !hasId(old, id)) fresh.push(id);
  }
  if (fresh.length === 0) return { merged: old, fresh };
  const size = old.length + fresh.length;
  const largest = Math.max(old.length > 0 ? idAt(old, old.length - 1) : 0, fresh[fresh.length - 1]!);
  const merged = largest < 0x10000 ? new Uint16Array(size) : new Uint32Array(size);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < old.length || j < fresh.length) {
    if (j >= fresh.length || (i < old.length && idAt(old, i) < fresh[j]!)) merged[k++] = idAt(old, i++);
    else merged[k++] = fresh[j++]!;
  }
  return { merged: merged instanceof Uint16Array ? unitsToString(merged) : merged, fresh };
}

export function hasId(ids: IdSet, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = idAt(ids, mid);
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
