/**
 * One policy file as read, before merging (policy-layer.ts reads it, merge-layers.ts merges the
 * files). Types only, in a module of their own so that the readers of each section can name them
 * without importing the module that calls them.
 */
import type {
  CustomRule,
  DomesticTarget,
  Entitlement,
  ForbiddenPattern,
  PolicySettings,
  Problem,
  Product,
  Requirements,
  SourceLocation,
  UnitInfo,
  Vendor,
  Waiver,
} from '../model.js';
import type { ProductReference } from './layer-context.js';

/** A product before merging: `domestic` may still come from a vendor defined in another file. */
export type LayerProduct = Omit<Product, 'domestic'> & { domestic?: boolean };

/** A waiver before merging: ids are given to anonymous waivers once the policy is merged. */
export type LayerWaiver = Omit<Waiver, 'id'> & { id?: string };

export interface PolicyLayer {
  /** Display name: a path or `scheme:name`. */
  source: string;
  /** False when the file held no mapping at all (already reported; nothing else to check). */
  isMapping: boolean;
  extends: Array<{ target: string; location: SourceLocation }>;
  metadata?: {
    name?: string;
    version?: string;
    description?: string;
    owner?: string;
    location: SourceLocation;
  };
  vendors: Vendor[];
  products: LayerProduct[];
  entitlements: Entitlement[];
  requirements: {
    classes?: string[];
    editions: Requirements['editions'];
    activation: { required?: boolean; kmsHosts: string[]; classes?: string[] };
  };
  domestic: DomesticTarget[];
  forbidden: { mode?: 'report' | 'allowlist'; products: string[]; patterns: ForbiddenPattern[] };
  rules: CustomRule[];
  waivers: LayerWaiver[];
  units: UnitInfo[];
  settings: Partial<PolicySettings>;
  /** `prices:` of this file, by product id. */
  prices: Record<string, number>;
  references: ProductReference[];
  /** Entitlements read from `ledger:` sheets (also in `entitlements`) → their 产品 cell, resolved after merging. */
  sheetProducts: Map<Entitlement, SourceLocation>;
  /** Problems of `ledger:` sheets that cost a row, not the policy. */
  ledgerProblems: Problem[];
}
