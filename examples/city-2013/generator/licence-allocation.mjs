/**
 * The licence position, worked out the way docs/semantics.md describes it: each commercial
 * installation takes one seat of the first eligible entitlement; host-bound entitlements first, then
 * unit-scoped, then unscoped; within a tier the earliest expiry first (none last), then id.
 * Installations are taken in unit order, then host id order.
 */

const TIER = (entitlement) => (entitlement.scope?.hosts ? 0 : entitlement.scope?.units ? 1 : 2);

export function entitlementOrder(entitlements) {
  return [...entitlements].sort(
    (a, b) =>
      TIER(a) - TIER(b) ||
      (a.expires ?? '9999-12-31').localeCompare(b.expires ?? '9999-12-31') ||
      a.id.localeCompare(b.id),
  );
}

/** `>=9 <13` against a dotted version, numerically part by part (enough for this example's data). */
export function inRange(version, range) {
  if (!range) return true;
  return range.split(/\s+/).every((comparator) => {
    const [, operator, bound] = /^(>=|<=|>|<|=)?(.+)$/.exec(comparator);
    const order = compareDotted(version, bound);
    switch (operator) {
      case '>=':
        return order >= 0;
      case '>':
        return order > 0;
      case '<=':
        return order <= 0;
      case '<':
        return order < 0;
      default:
        return order === 0;
    }
  });
}

function compareDotted(a, b) {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export function entitlementStatus(entitlement, asOf) {
  if (entitlement.status !== 'active') return entitlement.status;
  if (entitlement.validFrom && asOf < entitlement.validFrom) return 'not-yet-valid';
  if (entitlement.expires && asOf > entitlement.expires) return 'expired';
  return 'active';
}

function inScope(entitlement, installation) {
  const scope = entitlement.scope;
  if (scope?.hosts && !scope.hosts.includes(installation.host)) return false;
  if (scope?.units && !scope.units.includes(installation.unit)) return false;
  return true;
}

/**
 * installations: [{ host, unit, product, version, edition }] (commercial only), in allocation order.
 * Returns each installation's outcome (`covered` by an id, or the licensing rule it breaks) and
 * the position of every entitlement.
 */
export function allocate(installations, entitlements, asOf) {
  const ordered = entitlementOrder(entitlements);
  const positions = new Map(
    entitlements.map((e) => [
      e.id,
      {
        id: e.id,
        status: entitlementStatus(e, asOf),
        seats: e.seats ?? 'unlimited',
        consumed: 0,
        shortfall: 0,
        hosts: [],
      },
    ]),
  );
  const outcomes = installations.map((installation) => {
    const fits = (e) =>
      e.product === installation.product &&
      inScope(e, installation) &&
      inRange(installation.version, e.versions) &&
      (!e.editions || e.editions.includes(installation.edition));
    let blockedBySeats;
    for (const entitlement of ordered) {
      const position = positions.get(entitlement.id);
      if (position.status !== 'active' || !fits(entitlement)) continue;
      if (position.seats !== 'unlimited' && position.consumed >= position.seats) {
        blockedBySeats ??= position;
        continue;
      }
      position.consumed++;
      position.hosts.push(installation.host);
      return { ...installation, covered: entitlement.id };
    }
    if (blockedBySeats) blockedBySeats.shortfall++;
    const expired = ordered.some((e) => positions.get(e.id).status === 'expired' && fits(e));
    return { ...installation, rule: expired ? 'licensing.expired' : 'licensing.unlicensed' };
  });
  for (const position of positions.values()) {
    position.surplus = position.seats === 'unlimited' ? null : position.seats - position.consumed;
    position.hosts.sort();
  }
  return { outcomes, positions: [...positions.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}
