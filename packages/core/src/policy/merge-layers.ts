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
 * - prices: per product, the later file's price wins;
 * - metadata comes from the top-level file only.
 */
import type { Policy, PolicyOverride, Product, Requirements, SourceLocation, Waiver } from '../model.js';
import type { PolicyLayer } from './layer-types.js';
import { DEFAULT_ACTIVATION_CLASSES, DEFAULT_CLASSES, DEFAULT_REMEDIATION_DAYS } from './policy-defaults.js';

type Located = { location?: SourceLocation };

/**
 * Base-first lists merged by key: later items replace earlier ones in place. Each replacement is
 * noted in `overrides` (when given) so `policy show --own` can say what an author's item replaced.
 */
function mergeByKey<T extends Located>(
  lists: T[][],
  keyOf: (item: T) => string | undefined,
  section?: string,
  overrides?: PolicyOverride[],
): T[] {
  const merged: T[] = [];
  const position = new Map<string, number>();
  for (const list of lists) {
    for (const item of list) {
      const key = keyOf(item);
      const at = key === undefined ? undefined : position.get(key);
      if (at === undefined) {
        if (key !== undefined) position.set(key, merged.length);
        merged.push(item);
      } else {
        noteOverride(overrides, section, key!, merged[at]!, item);
        merged[at] = item;
      }
    }
  }
  return merged;
}

function noteOverride(
  overrides: PolicyOverride[] | undefined,
  section: string | undefined,
  key: string,
  replaced: Located,
  by: Located,
): void {
  if (!overrides || section === undefined || !replaced.location || !by.location) return;
  overrides.push({ section, key, location: by.location, replaced: replaced.location });
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
  const overrides: PolicyOverride[] = [];
  const vendors = mergeByKey(
    layers.map((layer) => layer.vendors),
    (vendor) => vendor.id,
    'catalog.vendors',
    overrides,
  );
  const vendorDomestic = new Map(vendors.map((vendor) => [vendor.id, vendor.domestic]));

  const products: Product[] = [];
  const productIds = new Set<string>();
  for (let i = layers.length - 1; i >= 0; i--) {
    for (const product of layers[i]!.products) {
      if (productIds.has(product.id)) {
        const winner = products.find((known) => known.id === product.id)!;
        noteOverride(overrides, 'catalog.products', product.id, product, winner);
        continue;
      }
      productIds.add(product.id);
      const domestic =
        product.domestic ?? (product.vendor ? vendorDomestic.get(product.vendor) : undefined) ?? false;
      products.push({ ...product, domestic });
    }
  }

  const editions: Requirements['editions'] = Object.create(null);
  for (const layer of layers) {
    for (const [cls, rule] of Object.entries(layer.requirements.editions)) {
      const earlier = editions[cls];
      if (earlier) noteOverride(overrides, 'requirements.editions', cls, earlier, rule);
      editions[cls] = rule;
    }
  }

  const metadata: Policy['metadata'] = { name: root.metadata?.name ?? '' };
  for (const key of ['version', 'description', 'owner'] as const) {
    const value = root.metadata?.[key];
    if (value !== undefined) metadata[key] = value;
  }

  const settings: Policy['settings'] = {
    remediationDays: lastGiven(layers, (layer) => layer.settings.remediationDays) ?? DEFAULT_REMEDIATION_DAYS,
    unrecognised: lastGiven(layers, (layer) => layer.settings.unrecognised) ?? 'report',
  };
  // Given only when a file gives them, so policies without prices or warnings read as before;
  // the defaults (DEFAULT_EXPIRY_WARNING_DAYS, DEFAULT_CURRENCY) apply where they are used.
  const expiryWarningDays = lastGiven(layers, (layer) => layer.settings.expiryWarningDays);
  if (expiryWarningDays !== undefined) settings.expiryWarningDays = expiryWarningDays;
  const currency = lastGiven(layers, (layer) => layer.settings.currency);
  if (currency !== undefined) settings.currency = currency;
  const prices: Record<string, number> = Object.create(null);
  for (const layer of layers) Object.assign(prices, layer.prices);
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
      'entitlements',
      overrides,
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
        'preferences.domestic',
        overrides,
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
      'rules',
      overrides,
    ),
    waivers: numberWaivers(
      mergeByKey(
        layers.map((layer) => layer.waivers),
        (waiver) => waiver.id,
        'waivers',
        overrides,
      ),
    ),
    units: mergeByKey(
      layers.map((layer) => layer.units),
      (unit) => unit.name,
      'units',
      overrides,
    ),
    settings,
    ...(overrides.length > 0 ? { overrides } : {}),
    ...(Object.keys(prices).length > 0 ? { prices } : {}),
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
