/**
 * Builds resolved `Policy` objects directly in TypeScript, with the defaults the policy loader
 * fills in, so engine tests do not depend on the loader.
 */
import type { Entitlement, Pattern, Policy, Product, ProductMatch, Vendor } from '@zhengban/core';

export const glob = (value: string): Pattern => ({ kind: 'glob', value, caseSensitive: false });
export const exact = (value: string): Pattern => ({ kind: 'exact', value, caseSensitive: false });
export const regex = (value: string): Pattern => ({ kind: 'regex', value, caseSensitive: false });

export function product(
  fields: Pick<Product, 'id' | 'category'> & Partial<Omit<Product, 'match'>> & { match: ProductMatch[] },
): Product {
  return {
    name: fields.id,
    domestic: false,
    license: 'commercial',
    versionScheme: 'auto',
    ...fields,
  };
}

export function vendor(fields: Pick<Vendor, 'id' | 'names'> & Partial<Vendor>): Vendor {
  return { name: fields.id, domestic: false, ...fields };
}

export function entitlement(fields: Pick<Entitlement, 'id' | 'product'> & Partial<Entitlement>): Entitlement {
  return { type: 'volume', seats: 1, status: 'active', ...fields };
}

export type PolicyParts = Partial<Omit<Policy, 'requirements' | 'settings' | 'forbidden' | 'catalog'>> & {
  catalog?: Partial<Policy['catalog']>;
  requirements?: Partial<Omit<Policy['requirements'], 'activation'>> & {
    activation?: Partial<Policy['requirements']['activation']>;
  };
  forbidden?: Partial<Policy['forbidden']>;
  settings?: Partial<Policy['settings']>;
};

export function buildPolicy(parts: PolicyParts = {}): Policy {
  return {
    apiVersion: 'zhengban/v1',
    metadata: parts.metadata ?? { name: 'test-policy', version: '1.0.0' },
    sources: parts.sources ?? ['test:policy'],
    catalog: { vendors: parts.catalog?.vendors ?? [], products: parts.catalog?.products ?? [] },
    entitlements: parts.entitlements ?? [],
    requirements: {
      classes: parts.requirements?.classes ?? ['os', 'office', 'antivirus'],
      editions: parts.requirements?.editions ?? {},
      activation: {
        required: parts.requirements?.activation?.required ?? true,
        kmsHosts: parts.requirements?.activation?.kmsHosts ?? [],
        classes: parts.requirements?.activation?.classes ?? ['os', 'office'],
      },
    },
    preferences: parts.preferences ?? { domestic: [] },
    forbidden: {
      mode: parts.forbidden?.mode ?? 'report',
      products: parts.forbidden?.products ?? [],
      patterns: parts.forbidden?.patterns ?? [],
    },
    rules: parts.rules ?? [],
    waivers: parts.waivers ?? [],
    units: parts.units ?? [],
    settings: { remediationDays: 15, unrecognised: 'report', ...parts.settings },
  };
}
