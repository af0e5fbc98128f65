/** The policy, resolved: extends merged, defaults filled, references checked. What the engine consumes. */
import type { Pattern, Product, Vendor } from './catalogue.js';
import type { IsoDate, LocalText, SourceLocation } from './common.js';
import type { Severity } from './finding.js';
import type { UnitInfo } from './inventory.js';
import type { Entitlement } from './ledger.js';
import type { Problem } from './problem.js';

/** What a finding's policy knob resolves to: the status a violation gets and how grave it is. */
export interface Outcome {
  status: 'fail' | 'warn';
  severity: Severity;
}

export interface Requirements {
  /** Product classes every computer must have, installed and licensed (default os, office, antivirus). */
  classes: string[];
  /** Per class: canonical editions allowed or denied (e.g. os: deny Home, Core, Starter). */
  editions: Record<string, { allow?: string[]; deny?: string[]; location?: SourceLocation }>;
  activation: {
    /** Judge activation evidence at all (default true). */
    required: boolean;
    /** The organisation's own KMS hosts; activation against any other KMS host is not genuine. */
    kmsHosts: string[];
    /** Classes whose activation is judged (default os, office). */
    classes: string[];
  };
}

export interface DomesticTarget {
  class: string;
  /** Share of computers with the class whose product is domestic, 0…1. */
  target: number;
  outcome: Outcome;
  location?: SourceLocation;
}

export interface ForbiddenPattern {
  name?: Pattern[];
  publisher?: Pattern[];
  reason?: string;
  location?: SourceLocation;
}

export type RuleScope = 'software' | 'host' | 'unit' | 'fleet';

/** A custom json-rules-engine rule from the policy's `rules:` section. */
export interface CustomRule {
  id: string;
  scope: RuleScope;
  outcome: Outcome;
  /** json-rules-engine conditions (`all` / `any` / `not`), as written. */
  conditions: Record<string, unknown>;
  message: LocalText;
  remediation?: LocalText;
  description?: LocalText;
  location?: SourceLocation;
}

export interface Waiver {
  /** Stable id: given in the policy, or `waiver-<n>` by position. */
  id: string;
  /** Rule id or prefix (`preferences.domestic` waives every class). */
  rule: string;
  units?: string[];
  hosts?: string[];
  products?: string[];
  justification: string;
  approvedBy?: string;
  ticket?: string;
  expires: IsoDate;
  location?: SourceLocation;
}

export interface PolicySettings {
  /** The date the audit speaks for; defaults to today. */
  asOf?: IsoDate;
  /** Days to put a failure right (限期纠正); a finding's deadline = asOf + this. */
  remediationDays: number;
  /** Unrecognised software: `report` (listed for review), `unauthorised` (a failure), `ignore`. */
  unrecognised: 'report' | 'unauthorised' | 'ignore';
  /** Entitlements expiring within this many days of asOf are warned about (default 90). */
  expiryWarningDays?: number;
  /** Currency of every price and amount (default CNY). */
  currency?: string;
  /** The campaign's deadline (e.g. 2013-12-31): no finding's deadline passes it. */
  deadline?: IsoDate;
  /** Thresholds of the bulletin lists `zhengban diff` prints (表扬 / 批评); defaults when absent. */
  bulletin?: BulletinSettings;
}

/**
 * Who is praised (通报表扬) and who is criticised (通报批评) when `zhengban diff` compares two phases.
 * A unit is praised when its genuine rate is at least `praise.genuineRate`, at most
 * `praise.outstanding` findings are open and none is overdue; criticised when it has at least
 * `criticise.overdue` overdue findings, or (with `criticise.rateFell`) its genuine rate fell, or its
 * genuine rate is below `criticise.genuineRateBelow` (when given).
 */
export interface BulletinSettings {
  praise: { genuineRate: number; outstanding: number };
  criticise: { overdue: number; rateFell: boolean; genuineRateBelow?: number };
}

/** A policy after `extends` is merged and every default filled in. What the engine consumes. */
export interface Policy {
  apiVersion: 'zhengban/v1';
  metadata: { name: string; version?: string; description?: string; owner?: string };
  /** Files merged into this policy, base first (e.g. `builtin:cn-gov-baseline`, `/path/policy.yaml`). */
  sources: string[];
  catalog: { vendors: Vendor[]; products: Product[] };
  entitlements: Entitlement[];
  requirements: Requirements;
  preferences: { domestic: DomesticTarget[] };
  forbidden: { mode: 'report' | 'allowlist'; products: string[]; patterns: ForbiddenPattern[] };
  rules: CustomRule[];
  waivers: Waiver[];
  /** Units named by the policy (optional; a units file usually gives them). */
  units: UnitInfo[];
  settings: PolicySettings;
  /**
   * What the policy linter found while loading: items that are valid YAML and valid format but can
   * match nothing, contradict each other or compare a fact with a value of the wrong type; each
   * located, severity `warning`. The audit repeats them in `report.problems`.
   */
  warnings?: Problem[];
  /**
   * Items a later file of the `extends` chain replaced by key (an entitlement id, a rule id, a
   * domestic target's class, …): where the winner is written and where the replaced one was.
   */
  overrides?: PolicyOverride[];
  /** 单价 of products by catalogue id, for products not bought yet (a ledger line's own unitPrice wins). */
  prices?: Record<string, number>;
  /**
   * Problems that did not stop the policy: ledger sheet rows that could not be read (each left out)
   * and columns that are not read. The audit copies them into `report.problems`.
   */
  problems?: Problem[];
}

/** One item replaced across `extends` (docs/policy-reference.md#merge-rules). */
export interface PolicyOverride {
  /** `entitlements`, `rules`, `waivers`, `units`, `catalog.products`, `preferences.domestic`, … */
  section: string;
  /** The id, class or name both items share. */
  key: string;
  /** Where the item that applies is written. */
  location: SourceLocation;
  /** Where the item it replaced was written. */
  replaced: SourceLocation;
}
