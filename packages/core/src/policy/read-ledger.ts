/**
 * Reads the licence ledger (`entitlements`), `waivers` and `units`. Seats default to `unlimited`
 * only where a seat count makes no sense (freeware, open-source, site licences); everywhere else a
 * missing count is an error, because guessing one would invent licences.
 */
import type { Entitlement, EntitlementStatus, EntitlementType, UnitInfo } from '../model.js';
import { IdRegistry, type LayerContext, mappings, text } from './layer-context.js';
import type { LayerWaiver } from './layer-types.js';
import { isRecord, readDate, readEditions, readRange, readStrings } from './policy-values.js';

const UNLIMITED_BY_NATURE: ReadonlySet<string> = new Set(['freeware', 'open-source', 'site']);

export function readEntitlements(value: unknown, context: LayerContext): Entitlement[] {
  const { tree, problems, references } = context;
  const ids = new IdRegistry('entitlement id', context);
  const entitlements: Entitlement[] = [];
  for (const [item, path] of mappings(value, ['entitlements'])) {
    const id = text(item.id);
    const product = text(item.product);
    const type = text(item.type) as EntitlementType | undefined;
    // An entry missing a required key (already reported by the schema) is still read to the end, so
    // its other mistakes are reported in the same pass; it is only left out of the policy.
    const complete = id !== undefined && ids.claim(id, [...path, 'id']) && !!product && !!type;
    const name = id ?? `#${Number(path[path.length - 1]) + 1}`;
    const location = tree.keyAt(path);
    if (product)
      references.push({
        id: product,
        from: `Entitlement "${name}"`,
        location: tree.at([...path, 'product']),
      });

    let seats: number | 'unlimited' | undefined =
      item.seats === 'unlimited' ||
      (typeof item.seats === 'number' && Number.isInteger(item.seats) && item.seats >= 1)
        ? item.seats
        : undefined;
    if (item.seats === undefined && type) {
      if (UNLIMITED_BY_NATURE.has(type)) seats = 'unlimited';
      else {
        problems.error(
          'missing-seats',
          `Entitlement "${name}" (type ${type}) needs "seats": how many installations it covers, or "unlimited".`,
          location,
          { id: name, type: String(type) },
        );
      }
    }
    const retired = isRecord(item.retired) ? item.retired : undefined;
    const status = (text(item.status) as EntitlementStatus | undefined) ?? (retired ? 'retired' : 'active');
    const entitlement: Entitlement = {
      id: name,
      product: product ?? '',
      type: type ?? 'retail',
      seats: seats ?? 0,
      status,
      location,
    };

    const versions = readRange(item.versions, tree, [...path, 'versions'], problems);
    if (versions) entitlement.versions = versions;
    const editions = readEditions(item.editions, tree, [...path, 'editions'], problems);
    if (editions) entitlement.editions = editions;
    if (isRecord(item.rights)) {
      entitlement.rights = {};
      if (typeof item.rights.downgrade === 'boolean') entitlement.rights.downgrade = item.rights.downgrade;
      if (typeof item.rights.upgrade === 'boolean') entitlement.rights.upgrade = item.rights.upgrade;
    }
    if (isRecord(item.scope)) {
      entitlement.scope = {};
      const units = readStrings(item.scope.units);
      if (units) entitlement.scope.units = units;
      const hosts = readStrings(item.scope.hosts);
      if (hosts) entitlement.scope.hosts = hosts;
    }
    const origin = text(item.origin);
    if (origin) entitlement.origin = origin;
    for (const key of ['purchased', 'validFrom', 'expires'] as const) {
      const date = readDate(item[key], tree, [...path, key], problems);
      if (date) entitlement[key] = date;
    }
    if (entitlement.validFrom && entitlement.expires && entitlement.validFrom > entitlement.expires) {
      problems.error(
        'valid-after-expiry',
        `Entitlement "${name}" becomes valid (validFrom ${entitlement.validFrom}) after it expires (${entitlement.expires}).`,
        tree.at([...path, 'validFrom']),
        { id: name, validFrom: String(entitlement.validFrom), expires: String(entitlement.expires) },
      );
    }
    if (isRecord(item.evidence)) {
      const evidence: Record<string, string> = Object.create(null);
      for (const [key, detail] of Object.entries(item.evidence)) {
        if (typeof detail === 'string' || typeof detail === 'number') evidence[key] = String(detail);
      }
      entitlement.evidence = evidence;
    }
    if (retired) {
      entitlement.retired = {};
      const date = readDate(retired.date, tree, [...path, 'retired', 'date'], problems);
      if (date) entitlement.retired.date = date;
      const reason = text(retired.reason);
      if (reason) entitlement.retired.reason = reason;
    }
    const notes = text(item.notes);
    if (notes) entitlement.notes = notes;
    for (const key of ['unitPrice', 'amount'] as const) {
      const money = item[key];
      if (typeof money === 'number' && Number.isFinite(money) && money >= 0) entitlement[key] = money;
    }
    if (complete) entitlements.push(entitlement);
  }
  return entitlements;
}

export function readWaivers(value: unknown, context: LayerContext): LayerWaiver[] {
  const { tree, problems, references } = context;
  const ids = new IdRegistry('waiver id', context);
  const waivers: LayerWaiver[] = [];
  for (const [item, path] of mappings(value, ['waivers'])) {
    const id = text(item.id);
    const duplicate = id !== undefined && !ids.claim(id, [...path, 'id']);
    const rule = text(item.rule);
    const justification = text(item.justification);
    const expires = readDate(item.expires, tree, [...path, 'expires'], problems);
    if (duplicate || !rule || !justification?.trim() || !expires) continue;
    const waiver: LayerWaiver = { rule, justification, expires, location: tree.keyAt(path) };
    if (id) waiver.id = id;
    for (const key of ['units', 'hosts', 'products'] as const) {
      const list = readStrings(item[key]);
      if (list) waiver[key] = list;
    }
    waiver.products?.forEach((product, index) => {
      references.push({
        id: product,
        from: `Waiver ${id ? `"${id}"` : `of rule "${rule}"`}`,
        location: tree.at([...path, 'products', index]),
      });
    });
    const approvedBy = text(item.approvedBy);
    if (approvedBy) waiver.approvedBy = approvedBy;
    if (typeof item.ticket === 'string' || typeof item.ticket === 'number')
      waiver.ticket = String(item.ticket);
    waivers.push(waiver);
  }
  return waivers;
}

export function readUnits(value: unknown, context: LayerContext): UnitInfo[] {
  const names = new IdRegistry('unit', context);
  const units: UnitInfo[] = [];
  for (const [item, path] of mappings(value, ['units'])) {
    const name = text(item.name);
    if (!name || !names.claim(name, [...path, 'name'])) continue;
    const unit: UnitInfo = { name, location: context.tree.keyAt(path) };
    if (typeof item.staff === 'number' && Number.isInteger(item.staff) && item.staff >= 0)
      unit.staff = item.staff;
    const parent = text(item.parent);
    if (parent) unit.parent = parent;
    units.push(unit);
  }
  return units;
}
