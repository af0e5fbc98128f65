/**
 * Licence allocation (the effective licence position of SAM tools). Pure: the auditor runs it in
 * `finish()`, and report merging re-runs it over the installations of several shards.
 *
 * Each installation takes one seat of the FIRST eligible entitlement. Eligible = same product,
 * status active (not retired/disposed), asOf within validFrom..expires, version in `versions`
 * (widened by downgrade/upgrade rights), edition in `editions`, host or unit within `scope`, and a
 * free seat (`seats: unlimited`, `type: site` and free-licence types have no limit).
 * Entitlement order: scoped to hosts (OEM) first, then scoped to units, then unscoped; within a tier
 * the earliest expiry first (no expiry last), then id. Installations are taken in unit, host,
 * product, version, edition order — so the result never depends on the order hosts were added.
 */
import type { Entitlement, EntitlementPosition, IsoDate, VersionScheme } from '../../model.js';
import { parseVersionRange, satisfiesRange, type VersionRange, widenRange } from '../../versions/range.js';
import { daysBetween } from './finding-factory.js';

/** One installation that needs a seat (a commercial product on one host). */
export interface LicensableInstallation {
  /** The caller's id for it, unique in the call. */
  id: string;
  host: string;
  unit: string;
  product: string;
  version?: string;
  /** Canonical edition, when known. */
  edition?: string;
}

/** Why one entitlement did not cover one installation. */
export type BlockReason =
  | 'scope'
  | 'retired'
  | 'disposed'
  | 'expired'
  | 'not-yet-valid'
  | 'version'
  | 'unparseable'
  | 'edition'
  | 'seats';

export interface Blocker {
  entitlement: string;
  reasons: BlockReason[];
}

/**
 * covered, or why not: `expired` (only an expired entitlement would cover it), `version` / `edition`
 * (only the version range / edition list excludes it), `unparseable` (only its unreadable version
 * stands in the way), `unlicensed` (anything else, including no free seat).
 */
export type CoverageOutcome = 'covered' | 'expired' | 'version' | 'edition' | 'unparseable' | 'unlicensed';

export interface InstallationCoverage {
  installation: string;
  outcome: CoverageOutcome;
  /** The entitlement whose seat it took. */
  entitlement?: string;
  /** Every entitlement of the product that did not take it, in allocation order, with the reasons. */
  blockers: Blocker[];
  /** Why the version could not be compared with a range, when it could not. */
  versionError?: string;
}

/** An installation's verdict without its id: what a licensing finding is worded from. */
export type CoverageVerdict = Omit<InstallationCoverage, 'installation'>;

export interface Allocation {
  /** One per entitlement, sorted by id. */
  positions: EntitlementPosition[];
  /** One per installation, in the order given. */
  coverage: InstallationCoverage[];
}

/** An installation that needs a seat, for `allocateVerdicts`: the id only breaks ties, and may be left out where (unit, host, product, version, edition) is unique. */
export type SeatDemand = Omit<LicensableInstallation, 'id'> & { id?: string };

/**
 * Like `Allocation`, but each verdict without its installation id and equal verdicts one shared,
 * frozen object: a province has hundreds of thousands of demands and a few dozen distinct verdicts.
 */
export interface AllocationVerdicts {
  positions: EntitlementPosition[];
  verdicts: readonly Readonly<CoverageVerdict>[];
}

export interface AllocationOptions {
  /** Version scheme per product id (default `auto`). */
  schemes?: Record<string, VersionScheme> | Map<string, VersionScheme>;
}

/** Ledger status as of a date: retired/disposed from the ledger, expired/not-yet-valid from dates. */
export function entitlementStatus(entitlement: Entitlement, asOf: IsoDate): EntitlementPosition['status'] {
  if (entitlement.status === 'retired' || entitlement.status === 'disposed') return entitlement.status;
  if (entitlement.expires && entitlement.expires < asOf) return 'expired';
  if (entitlement.validFrom && entitlement.validFrom > asOf) return 'not-yet-valid';
  return 'active';
}

export function hasSeatLimit(entitlement: Entitlement): boolean {
  if (entitlement.seats === 'unlimited') return false;
  return !['site', 'freeware', 'open-source'].includes(entitlement.type);
}

function tier(entitlement: Entitlement): number {
  if (entitlement.scope?.hosts && entitlement.scope.hosts.length > 0) return 0;
  if (entitlement.scope?.units && entitlement.scope.units.length > 0) return 1;
  return 2;
}

/** The allocation order of entitlements (see the module comment). */
export function compareEntitlements(a: Entitlement, b: Entitlement): number {
  const t = tier(a) - tier(b);
  if (t !== 0) return t;
  const ea = a.expires ?? '\uffff';
  const eb = b.expires ?? '\uffff';
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Code-unit order, as `<` compares (no locale): the allocation order's text comparison. */
export const compareText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

/** Unit, host, product, version, edition, id: field by field, no key arrays (a province sorts hundreds of thousands). */
const byKey = (a: SeatDemand, b: SeatDemand): number =>
  compareText(a.unit, b.unit) ||
  compareText(a.host, b.host) ||
  compareText(a.product, b.product) ||
  compareText(a.version ?? '', b.version ?? '') ||
  compareText(a.edition ?? '', b.edition ?? '') ||
  compareText(a.id ?? '', b.id ?? '');

/** Equal verdicts as one frozen object (keyed by their content). */
class VerdictPool {
  private readonly pool = new Map<string, Readonly<CoverageVerdict>>();

  intern(verdict: CoverageVerdict): Readonly<CoverageVerdict> {
    let key = `${verdict.outcome}\u0000${verdict.entitlement ?? ''}\u0000${verdict.versionError ?? ''}`;
    for (const b of verdict.blockers) key += `\u0000${b.entitlement}\u0001${b.reasons.join(',')}`;
    const known = this.pool.get(key);
    if (known) return known;
    for (const b of verdict.blockers) {
      Object.freeze(b.reasons);
      Object.freeze(b);
    }
    Object.freeze(verdict.blockers);
    this.pool.set(key, Object.freeze(verdict));
    return verdict;
  }
}

interface Pool {
  entitlement: Entitlement;
  status: EntitlementPosition['status'];
  range?: VersionRange;
  rangeError?: string;
  scopeHosts?: Set<string>;
  scopeUnits?: Set<string>;
  limit: number;
  consumed: number;
  shortfall: number;
  hosts: Set<string>;
  /** Version → fits, memoised: a version's test repeats for every installation of it. */
  fits: Map<string, true | false | string>;
}

export function allocateSeats(
  installations: readonly LicensableInstallation[],
  entitlements: readonly Entitlement[],
  asOf: IsoDate,
  options: AllocationOptions = {},
): Allocation {
  const { positions, verdicts } = allocateVerdicts(installations, entitlements, asOf, options);
  const coverage = verdicts.map((verdict, i): InstallationCoverage => {
    const c: InstallationCoverage = {
      installation: installations[i]!.id,
      outcome: verdict.outcome,
      ...(verdict.entitlement !== undefined ? { entitlement: verdict.entitlement } : {}),
      blockers: verdict.blockers.map((b) => ({ entitlement: b.entitlement, reasons: [...b.reasons] })),
    };
    if (verdict.versionError !== undefined) c.versionError = verdict.versionError;
    return c;
  });
  return { positions, coverage };
}

/** `allocateSeats` without installation ids, equal verdicts shared (see AllocationVerdicts). */
export function allocateVerdicts(
  installations: readonly SeatDemand[],
  entitlements: readonly Entitlement[],
  asOf: IsoDate,
  options: AllocationOptions = {},
): AllocationVerdicts {
  const order = installations.map((_, i) => i).sort((i, j) => byKey(installations[i]!, installations[j]!));
  const verdicts: Readonly<CoverageVerdict>[] = new Array(installations.length);
  const demands: DemandColumns = {
    host: (i) => installations[i]!.host,
    unit: (i) => installations[i]!.unit,
    product: (i) => installations[i]!.product,
    version: (i) => installations[i]!.version,
    edition: (i) => installations[i]!.edition,
  };
  const positions = allocateInOrder(demands, order, entitlements, asOf, options, (i, verdict) => {
    verdicts[i] = verdict;
  });
  return { positions, verdicts };
}

/**
 * Seat demands read through accessors, so a caller can keep a province's million demands as
 * columns of numbers instead of objects (seat-demands.ts).
 */
export interface DemandColumns {
  host(i: number): string;
  unit(i: number): string;
  product(i: number): string;
  version(i: number): string | undefined;
  edition(i: number): string | undefined;
}

/**
 * The allocation itself: demands taken in `order` (which must be unit, host, product, version,
 * edition order — byKey), each verdict handed to `verdictOf` (equal verdicts one frozen object).
 * Returns the licence position.
 */
export function allocateInOrder(
  demands: DemandColumns,
  order: Iterable<number>,
  entitlements: readonly Entitlement[],
  asOf: IsoDate,
  options: AllocationOptions,
  verdictOf: (index: number, verdict: Readonly<CoverageVerdict>) => void,
): EntitlementPosition[] {
  const schemes =
    options.schemes instanceof Map ? options.schemes : new Map(Object.entries(options.schemes ?? {}));
  const pools = new Map<string, Pool[]>();
  for (const entitlement of [...entitlements].sort(compareEntitlements)) {
    const pool: Pool = {
      entitlement,
      status: entitlementStatus(entitlement, asOf),
      limit: hasSeatLimit(entitlement) ? (entitlement.seats as number) : Number.POSITIVE_INFINITY,
      consumed: 0,
      shortfall: 0,
      hosts: new Set(),
      fits: new Map(),
    };
    if (entitlement.versions) {
      const parsed = parseVersionRange(entitlement.versions);
      if (parsed.ok) pool.range = widenRange(parsed.range, entitlement.rights ?? {});
      else pool.rangeError = parsed.reason;
    }
    if (entitlement.scope?.hosts?.length)
      pool.scopeHosts = new Set(entitlement.scope.hosts.map((h) => h.toLowerCase()));
    if (entitlement.scope?.units?.length) pool.scopeUnits = new Set(entitlement.scope.units);
    const list = pools.get(entitlement.product) ?? [];
    list.push(pool);
    pools.set(entitlement.product, list);
  }

  // Version tests repeat for every installation of one version: memoised per pool (no key strings).
  const versionFits = (pool: Pool, product: string, version: string | undefined): true | false | string => {
    if (!pool.range)
      return pool.rangeError ? `range "${pool.entitlement.versions}": ${pool.rangeError}` : true;
    if (!version) return 'no version was recorded';
    let fit = pool.fits.get(version);
    if (fit === undefined) {
      const result = satisfiesRange(version, pool.range, schemes.get(product) ?? 'auto');
      fit = typeof result === 'boolean' ? result : result.error;
      pool.fits.set(version, fit);
    }
    return fit;
  };

  const shared = new VerdictPool();
  for (const index of order) {
    const product = demands.product(index);
    const version = demands.version(index);
    const edition = demands.edition(index);
    let hostKey: string | undefined;
    const blockers: Blocker[] = [];
    let covering: Pool | undefined;
    let versionError: string | undefined;
    for (const pool of pools.get(product) ?? []) {
      const reasons: BlockReason[] = [];
      const e = pool.entitlement;
      if (pool.scopeHosts || pool.scopeUnits) {
        hostKey ??= demands.host(index).toLowerCase();
        const inHosts = pool.scopeHosts?.has(hostKey) ?? false;
        const inUnits = pool.scopeUnits?.has(demands.unit(index)) ?? false;
        if (!inHosts && !inUnits) reasons.push('scope');
      }
      if (pool.status !== 'active') reasons.push(pool.status);
      const fit = versionFits(pool, product, version);
      if (typeof fit === 'string') {
        reasons.push('unparseable');
        versionError ??= fit;
      } else if (!fit) reasons.push('version');
      if (e.editions && e.editions.length > 0 && (!edition || !e.editions.includes(edition))) {
        reasons.push('edition');
      }
      if (reasons.length === 0 && pool.consumed >= pool.limit) reasons.push('seats');
      if (reasons.length === 0) {
        covering = pool;
        break;
      }
      blockers.push({ entitlement: e.id, reasons });
    }
    if (covering) {
      covering.consumed++;
      covering.hosts.add(demands.host(index));
      verdictOf(index, shared.intern({ outcome: 'covered', entitlement: covering.entitlement.id, blockers }));
      continue;
    }
    const only = (reason: BlockReason) =>
      blockers.some((b) => b.reasons.length === 1 && b.reasons[0] === reason);
    const outcome: CoverageOutcome = only('unparseable')
      ? 'unparseable'
      : only('expired')
        ? 'expired'
        : only('version')
          ? 'version'
          : only('edition')
            ? 'edition'
            : 'unlicensed';
    const full = blockers.find((b) => b.reasons.length === 1 && b.reasons[0] === 'seats');
    if (full) {
      const pool = pools.get(product)!.find((p) => p.entitlement.id === full.entitlement)!;
      pool.shortfall++;
    }
    const verdict: CoverageVerdict = { outcome, blockers };
    if (versionError && outcome === 'unparseable') verdict.versionError = versionError;
    verdictOf(index, shared.intern(verdict));
  }

  const positions: EntitlementPosition[] = [];
  for (const list of pools.values()) for (const pool of list) positions.push(position(pool, asOf));
  positions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return positions;
}

function position(pool: Pool, asOf: IsoDate): EntitlementPosition {
  const e = pool.entitlement;
  const limited = hasSeatLimit(e);
  const p: EntitlementPosition = {
    id: e.id,
    product: e.product,
    type: e.type,
    seats: limited ? e.seats : 'unlimited',
    consumed: pool.consumed,
    surplus: limited ? (e.seats as number) - pool.consumed : null,
    shortfall: pool.shortfall,
    status: pool.status,
    hosts: [...pool.hosts].sort(),
  };
  if (e.versions !== undefined) p.versions = e.versions;
  if (e.editions !== undefined) p.editions = e.editions;
  if (e.purchased !== undefined) p.purchased = e.purchased;
  if (e.validFrom !== undefined) p.validFrom = e.validFrom;
  if (e.expires !== undefined) p.expires = e.expires;
  if (e.origin !== undefined) p.origin = e.origin;
  if (e.evidence !== undefined) p.evidence = e.evidence;
  if (e.retired !== undefined) p.retired = e.retired;
  if (e.scope !== undefined) p.scope = e.scope;
  if (e.unitPrice !== undefined) p.unitPrice = e.unitPrice;
  const amount = lineAmount(e);
  if (amount !== undefined) p.amount = amount;
  if (e.expires !== undefined) p.daysLeft = daysBetween(asOf, e.expires);
  return p;
}

/** 金额 of a ledger line: what the ledger says was paid, else unitPrice × seats (unknown otherwise). */
export function lineAmount(e: Entitlement): number | undefined {
  if (e.amount !== undefined) return e.amount;
  if (e.unitPrice === undefined || typeof e.seats !== 'number') return undefined;
  return Math.round(e.unitPrice * e.seats * 100) / 100;
}
