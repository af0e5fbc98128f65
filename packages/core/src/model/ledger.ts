/** The licence ledger (台账) of a resolved policy: one entitlement per line. */
import type { IsoDate, SourceLocation } from './common.js';

export type EntitlementType =
  | 'oem'
  | 'retail'
  | 'volume'
  | 'subscription'
  | 'site'
  | 'per-user'
  | 'freeware'
  | 'open-source';

export type EntitlementStatus = 'active' | 'retired' | 'disposed';

/** One line of the licence ledger (台账). */
export interface Entitlement {
  id: string;
  /** Product id in the catalogue. */
  product: string;
  /** Version range in the product's scheme; absent = every version. */
  versions?: string;
  /** Canonical editions covered; absent = every edition. */
  editions?: string[];
  /** Downgrade / upgrade rights widen `versions` below its lower / above its upper bound. */
  rights?: { downgrade?: boolean; upgrade?: boolean };
  type: EntitlementType;
  /** Number of installations it covers, or `unlimited` (site licences, freeware). */
  seats: number | 'unlimited';
  /** Who may use it; absent = the whole organisation. */
  scope?: { units?: string[]; hosts?: string[] };
  /** 来源: 配发 (allocated), 自购 (self-purchased), 预装 (pre-installed), 免费 (free). */
  origin?: string;
  purchased?: IsoDate;
  validFrom?: IsoDate;
  expires?: IsoDate;
  /** Contract number, licence key, licence text, documents. */
  evidence?: Record<string, string>;
  status: EntitlementStatus;
  /** Disposal (转让, 捐赠, 调剂, 报废) with its date. */
  retired?: { date?: IsoDate; reason?: string };
  notes?: string;
  /** 单价: the price of one seat, in `settings.currency`. */
  unitPrice?: number;
  /** 金额: what was paid for the whole line; when absent, unitPrice × seats. */
  amount?: number;
  location?: SourceLocation;
}
