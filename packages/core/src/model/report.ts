/** The report: inputs, statistics per unit and in total, the licence position, purchases, the 明细表. */
import type { IsoDate } from './common.js';
import type { Finding, RuleMeta } from './finding.js';
import type { EntitlementType } from './ledger.js';
import type { MergeBasis } from './merge-basis.js';
import type { RectificationPlan } from './plan.js';
import type { BulletinSettings } from './policy.js';
import type { Problem } from './problem.js';

/** Per input (file or scanner run): read = accepted + rejected. `ignored` is part of accepted. */
export interface InputSummary {
  /** `KIND:PATH` as given, e.g. `csv:inventory.csv`. */
  source: string;
  scanner: string;
  hosts: number;
  read: number;
  accepted: number;
  rejected: number;
  /** Records read correctly but not installed products (updates, system components, merged twins). */
  ignored: number;
}

export interface ClassStats {
  /** Computers with at least one recognised product of the class. */
  installed: number;
  /** Computers with the class where every installation of the class is licensed (covered or free). */
  genuine: number;
  /** Computers with at least one domestic product of the class. */
  domestic: number;
  /** Computers with no product of the class. */
  missing: number;
}

export interface Rates {
  /** genuine ÷ installed per class, and Σgenuine ÷ Σinstalled over the mandatory classes as `overall`. */
  genuine: Record<string, number | null>;
  /** domestic ÷ installed per class. */
  domestic: Record<string, number | null>;
}

export interface UnitStats {
  unit: string;
  /** 编制人数 as stated; a unit's figure includes its subordinate units' (docs/semantics.md#units). */
  staff?: number;
  parent?: string;
  /** Nesting depth under units of the table (1 = directly under a listed unit); absent at the top. */
  level?: number;
  computers: number;
  classes: Record<string, ClassStats>;
  rates: Rates;
  /**
   * 未授权安装（套）: installations with a non-waived failing `licensing.*`, `forbidden.*` or
   * `unauthorised` finding, each installation once (docs/semantics.md#unauthorised-count).
   */
  unauthorised: number;
  /** For a unit with subordinate units in the table: itself and everything under it. */
  subtotal?: UnitSubtotal;
  /**
   * With a subtotal: 本级编制人数, `staff` less its direct subordinates' (what the unit's own row
   * shows); absent when that cannot be known (docs/semantics.md#units).
   */
  ownStaff?: number;
}

/** A parent unit's subtotal: the unit and every unit under it (staff counted once). */
export interface UnitSubtotal {
  /** How many units the subtotal spans, the parent included. */
  units: number;
  staff?: number;
  computers: number;
  classes: Record<string, ClassStats>;
  rates: Rates;
  unauthorised: number;
}

/** The whole fleet: every computer once, and staff counted once (see UnitStats.staff). */
export type Totals = Omit<UnitStats, 'unit' | 'staff' | 'parent' | 'level' | 'subtotal' | 'ownStaff'> & {
  staff?: number;
};

/** The licence position of one entitlement (effective licence position). */
export interface EntitlementPosition {
  id: string;
  product: string;
  type: EntitlementType;
  seats: number | 'unlimited';
  /** Installations allocated to it. */
  consumed: number;
  /** seats − consumed (null when unlimited). */
  surplus: number | null;
  /** Installations it would have covered but for a free seat. */
  shortfall: number;
  /** `expired` / `not-yet-valid` are computed against asOf; retired/disposed come from the ledger. */
  status: 'active' | 'expired' | 'not-yet-valid' | 'retired' | 'disposed';
  /** Hosts consuming a seat, sorted. */
  hosts: string[];
  versions?: string;
  editions?: string[];
  purchased?: IsoDate;
  validFrom?: IsoDate;
  expires?: IsoDate;
  origin?: string;
  evidence?: Record<string, string>;
  retired?: { date?: IsoDate; reason?: string };
  scope?: { units?: string[]; hosts?: string[] };
  unitPrice?: number;
  /** What was paid for the line: the ledger's 金额, else unitPrice × seats (absent without a price). */
  amount?: number;
  /** Days from asOf to `expires` (negative once expired); absent without an expiry date. */
  daysLeft?: number;
  /** Seats consumed per unit (statistics order), when the audit was asked for it (`unitBreakdown`). */
  units?: Array<{ unit: string; consumed: number }>;
}

/**
 * What the ledger says was bought for one product class (the national statistics' 采购套数 and
 * 金额): lines of paid types (not freeware or open-source) that are in use (not retired or disposed).
 */
export interface ClassPurchases {
  class: string;
  /** Ledger lines counted. */
  lines: number;
  /** 套数: seats of the lines with a seat count. */
  seats: number;
  /** Lines with unlimited seats (site licences and the like): not in `seats`. */
  unlimitedLines: number;
  /** 金额: the sum of the priced lines' amounts, in `currency`. */
  amount: number;
  /** Lines with neither 单价 nor 金额: their cost is not in `amount`. */
  unpricedLines: number;
}

/**
 * One row of the 明细表 (the per-computer ledger the national guide asks for): a computer, one
 * mandatory class, and what was found — one row per installation of the class, or one row with no
 * product when the computer has none.
 */
export interface HostClassDetail {
  unit: string;
  host: string;
  class: string;
  /** Catalogue product id; absent when the class is missing. */
  product?: string;
  /** The installation as read. */
  software?: { name: string; version?: string; edition?: string };
  /** `covered` (a seat of `entitlement`), `free` (needs no seat), `unlicensed` (no seat), `missing`. */
  licence: 'covered' | 'free' | 'unlicensed' | 'missing';
  /** The entitlement whose seat covers it. */
  entitlement?: string;
  /** Rules of the failing findings about this installation (or the missing class), sorted. */
  findings: string[];
}

/** Software no catalogue entry recognised, for review. */
export interface UnrecognisedSoftware {
  name: string;
  publisher?: string;
  versions: string[];
  /** Number of computers it is on. */
  hosts: number;
  /** A few of them, sorted. */
  sampleHosts: string[];
  /**
   * The same per unit (statistics order), when the audit was asked for it (`unitBreakdown`, e.g.
   * `zhengban audit --split unit`), so a unit's own report can list its own unrecognised software.
   */
  units?: Array<{ unit: string; hosts: number; sampleHosts: string[] }>;
}

/** A catalogue product's id and name (often Chinese), for reports. */
export interface ProductName {
  id: string;
  name: string;
}

export interface ComplianceReport {
  schemaVersion: 1;
  tool: { name: 'zhengban'; version: string };
  /** `owner` is the policy's `metadata.owner`, the body the statistics form is made out by. */
  policy: { name: string; version?: string; owner?: string; sources: string[] };
  asOf: IsoDate;
  /** When it was produced (ISO timestamp); not part of equality between runs. */
  generatedAt?: string;
  inputs: InputSummary[];
  totals: Totals;
  units: UnitStats[];
  entitlements: EntitlementPosition[];
  findings: Finding[];
  unrecognised: UnrecognisedSoftware[];
  problems: Problem[];
  /** Rule descriptions used by the findings (built-in and custom). */
  rules: RuleMeta[];
  /** The mandatory classes the rates speak of, in order. */
  classes: string[];
  /** Purchases per class from the ledger; absent when the ledger has no paid line. */
  purchases?: ClassPurchases[];
  /** Currency of every price and amount in the report (absent = CNY). */
  currency?: string;
  /** The rectification plan (整改方案), when asked for (AuditorOptions.plan). */
  plan?: RectificationPlan;
  /** Catalogue products by id with their names, so reports can name a product a finding or licence refers to. */
  products?: ProductName[];
  /** The 明细表, one row per computer, mandatory class and installation, when asked for (AuditorOptions.details). */
  details?: HostClassDetail[];
  /** Engine counters (memo hits, distinct titles); informational. */
  stats?: Record<string, number>;
  /**
   * Campaign figures: present when the audit ran `--since` an earlier report, or the policy sets a
   * campaign deadline or bulletin thresholds. Final once every finding group has been read.
   */
  campaign?: CampaignStatus;
  /**
   * What `mergeReports` needs to combine this report with reports over other (disjoint) hosts so
   * that the result equals one audit over all of them. Licence allocation is fleet-wide (a seat pool
   * may be shared by units audited on different machines), so merging re-runs it over the union of
   * the installations that need a seat. Optional: written by the auditor; reporters ignore it.
   */
  mergeBasis?: MergeBasis;
}

/** See ComplianceReport.campaign. */
export interface CampaignStatus {
  /** The earlier report the first-seen dates and deadlines were carried from, and how many were. */
  since?: { asOf: IsoDate; carried: number };
  /** `settings.deadline`. */
  deadline?: IsoDate;
  /** Overdue findings in all. */
  overdue: number;
  /** Overdue findings per unit, in the statistics table's order; fleet-level findings count in `overdue` only. */
  units: Array<{ unit: string; overdue: number }>;
  /** `settings.bulletin`, for `zhengban diff`. */
  bulletin?: BulletinSettings;
}

/**
 * A report whose findings are produced as they are read (`auditor.finishStream()`), so a province's
 * findings never have to be held at once: reporters that can (`Reporter.stream`) write each group
 * as it comes. `report.findings` is empty; `report.rules` and `report.stats` are final once every
 * group has been read.
 */
export interface StreamedReport {
  report: ComplianceReport;
  /** The findings in report order, one group per unit, per host, then the fleet's; read it once. */
  findings: AsyncIterable<Finding[]>;
}
