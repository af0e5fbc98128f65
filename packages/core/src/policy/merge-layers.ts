/**
 * Merges the files of a policy (base first, the top-level file last) and fills every default.
 * The rules, also written in docs/policy-reference.md:
 * - vendors, entitlements, rules, waivers (by id) and units (by name): a later file's item replaces
 *   an earlier one with the same key, in the earlier one's place; new items follow in file order;
 * - products likewise by id, but the later file's products come first: recognition tries local
 *   entries before the base catalogue's;
 * - settings, requirements (classes, editions per class, activation.required / classes),
 *   forbidden.mode: the later file wins key by key;
 * - forbidden.products and activation.kmsHosts are unioned; forbidden.patterns are concatenated;
 * - preferences.domestic: one target per class, the later file's wins;
 * - metadata comes from the top-level file only.
 */
import type { BulletinSettings, Policy, Product, Requirements, Waiver } from '../model.js';
import type { PolicyLayer } from './policy-layer.js';

export const DEFAULT_CLASSES = ['os', 'office', 'antivirus'];
export const DEFAULT_ACTIVATION_CLASSES = ['os', 'office'];
export const DEFAULT_REMEDIATION_DAYS = 30;

/** The bulletin thresholds when a policy names none (see BulletinSettings). */
export const DEFAULT_BULLETIN: BulletinSettings = Object.freeze({
  praise: Object.freeze({ genuineRate: 1, outstanding: 0 }),
  criticise: Object.freeze({ overdue: 1, rateFell: true }),
}) as BulletinSettings;

/** Base-first lists merged by key: later items replace earlier ones in place. */
function mergeByKey<T>(lists: T[][], keyOf: (item: T) => string | undefined): T[] {
  const merged: T[] = [];
  const position = new Map<string, number>();
  for (const list of lists) {
    for (const item of list) {
      const key = keyOf(item);
      const at = key === undefined ? undefined : position.get(key);
      if (at === undefined) {
        if (key !== undefined) position.set(key, merged.length);
        merged.push(item);
      } else merged[at] = item;
    }
  }
  return merged;
}

const union = (lists: string[][]): string[] => [...new Set(lists.flat())];

/** The value from the last layer that gives one. */
function lastGiven<T>(layers: PolicyLayer[], pick: (layer: PolicyLayer) => T | undefined): T | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const value = pick(layers[i]!);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function mergeLayers(layers: PolicyLayer[]): Policy {
  const root = layers[layers.length - 1]!;
  const vendors = mergeByKey(
    layers.map((layer) => layer.vendors),
    (vendor) => vendor.id,
  );
  const vendorDomestic = new Map(vendors.map((vendor) => [vendor.id, vendor.domestic]));

  const products: Product[] = [];
  const productIds = new Set<string>();
  for (let i = layers.length - 1; i >= 0; i--) {
    for (const product of layers[i]!.products) {
      if (productIds.has(product.id)) continue;
      productIds.add(product.id);
      const domestic =
        product.domestic ?? (product.vendor ? vendorDomestic.get(product.vendor) : undefined) ?? false;
      products.push({ ...product, domestic });
    }
  }

  const editions: Requirements['editions'] = Object.create(null);
  for (const layer of layers) Object.assign(editions, layer.requirements.editions);

  const metadata: Policy['metadata'] = { name: root.metadata?.name ?? '' };
  for (const key of ['version', 'description', 'owner'] as const) {
    const value = root.metadata?.[key];
    if (value !== undefined) metadata[key] = value;
  }

  const settings: Policy['settings'] = {
    remediationDays: lastGiven(layers, (layer) => layer.settings.remediationDays) ?? DEFAULT_REMEDIATION_DAYS,
    unrecognised: lastGiven(layers, (layer) => layer.settings.unrecognised) ?? 'report',
  };
  const asOf = lastGiven(layers, (layer) => layer.settings.asOf);
  if (asOf) settings.asOf = asOf;
  const deadline = lastGiven(layers, (layer) => layer.settings.deadline);
  if (deadline) settings.deadline = deadline;
  const bulletin = lastGiven(layers, (layer) => layer.settings.bulletin);
  if (bulletin) settings.bulletin = bulletin;

  return {
    apiVersion: 'zhengban/v1',
    metadata,
    sources: layers.map((layer) => layer.source),
    catalog: { vendors, products },
    entitlements: mergeByKey(
      layers.map((layer) => layer.entitlements),
      (entitlement) => entitlement.id,
    ),
    requirements: {
      classes: lastGiven(layers, (layer) => layer.requirements.classes) ?? [...DEFAULT_CLASSES],
      editions,
      activation: {
        required: lastGiven(layers, (layer) => layer.requirements.activation.required) ?? true,
        kmsHosts: union(layers.map((layer) => layer.requirements.activation.kmsHosts)),
        classes: lastGiven(layers, (layer) => layer.requirements.activation.classes) ?? [
          ...DEFAULT_ACTIVATION_CLASSES,
        ],
      },
    },
    preferences: {
      domestic: mergeByKey(
        layers.map((layer) => layer.domestic),
        (target) => target.class,
      ),
    },
    forbidden: {
      mode: lastGiven(layers, (layer) => layer.forbidden.mode) ?? 'report',
      products: union(layers.map((layer) => layer.forbidden.products)),
      patterns: layers.flatMap((layer) => layer.forbidden.patterns),
    },
    rules: mergeByKey(
      layers.map((layer) => layer.rules),
      (rule) => rule.id,
    ),
    waivers: numberWaivers(
      mergeByKey(
        layers.map((layer) => layer.waivers),
        (waiver) => waiver.id,
      ),
    ),
    units: mergeByKey(
      layers.map((layer) => layer.units),
      (unit) => unit.name,
    ),
    settings,
  };
}

/** Anonymous waivers get `waiver-<n>` by position in the merged list (skipping ids already taken). */
function numberWaivers(waivers: PolicyLayer['waivers']): Waiver[] {
  const taken = new Set(waivers.map((waiver) => waiver.id).filter((id): id is string => id !== undefined));
  return waivers.map((waiver, index) => {
    if (waiver.id !== undefined) return waiver as Waiver;
    let n = index + 1;
    while (taken.has(`waiver-${n}`)) n++;
    taken.add(`waiver-${n}`);
    return { id: `waiver-${n}`, ...waiver };
  });
}
