/**
 * The data types of zhengban, in one place.
 *
 * Data flows one way: a Scanner yields HostInventory → the engine recognises each SoftwareRecord as a
 * catalogue Product → judges it into Findings → aggregates a ComplianceReport → a Reporter renders it.
 * Everything here is plain, JSON-serialisable data (no classes, no Maps), so a report can be written,
 * read back, merged and diffed.
 */

// ─── Shared little types ─────────────────────────────────────────────────────────────────────────

/** Locales every user-facing text is available in. zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** A text in both locales. Policy authors may give a plain string; the loader fills both from it. */
export interface LocalText {
  zh: string;
  en: string;
}

/** A value a problem's message is made from: data as it is, or words in both languages. */
export type ProblemParam = string | number | LocalText;
export type ProblemParams = Record<string, ProblemParam>;

/** An ISO calendar date, `YYYY-MM-DD`. Dates are compared as strings, never through time zones. */
export type IsoDate = string;

/**
 * Where something was read: a file with line (and column), a registry key, a JSON pointer.
 * Lines and columns are 1-based.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A registry key path, a JSON pointer or another logical address inside the file. */
  key?: string;
}

// ─── Problems (every bad row, bad policy key and plugin failure) ──────────────────────────────────

export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * One diagnostic shape for everything that goes wrong with input (after vfile-message):
 * a policy key at file:line:column, an unreadable CSV row, a scanner plugin that threw.
 */
export interface Problem extends SourceLocation {
  /** A plain sentence a non-programmer can act on. */
  message: string;
  severity: ProblemSeverity;
  /** Stable machine id, e.g. `policy.unknown-key`, `csv.column-count`, `plugin.failed`. */
  code: string;
  /**
   * The values the message was made from (a key name, a line count, …), so that `problemText`
   * words it from the zh-CN/en catalogue by `code`; `message` stays the English text. A value that
   * is itself words is given in both languages.
   */
  params?: ProblemParams;
  /** Who reported it: `policy`, a scanner name, a reporter name, `engine`. */
  source: string;
  /** The offending text, shortened, when it helps. */
  excerpt?: string;
  /** True when the problem stopped the whole input (not just one row). */
  fatal?: boolean;
  /**
   * The message in both locales, when whoever reported it wrote both (the policy linter does);
   * `message` is then the English text. Reporters and the CLI show the reader's locale.
   */
  text?: LocalText;
  /**
   * True when one file of a folder input could not be read at all (the other files were): the
   * audit says so in its exit code (docs/cli.md#exit-codes).
   */
  fileFailed?: boolean;
}

// ─── Inventory (what scanners produce) ───────────────────────────────────────────────────────────

/** Where one record was read. Kept through merging so a finding can point back at the input. */
export interface Evidence extends SourceLocation {
  /** The scanner (and format) that read it, e.g. `windows:reg-query`, `csv`, `linux:dpkg-status`. */
  source: string;
  /** Free text: the raw line, the registry value, what was observed. */
  detail?: string;
}

/**
 * Normalised activation states (WMI SoftwareLicensingProduct.LicenseStatus 0–6, slmgr / ospp
 * text in English and Chinese, Kylin / UOS activation tools).
 */
export type LicenseStatus =
  | 'licensed'
  | 'unlicensed'
  | 'oob-grace'
  | 'oot-grace'
  | 'non-genuine-grace'
  | 'notification'
  | 'extended-grace'
  | 'unknown';

/** Optional facts about a record that recognition and judgement may use. */
export interface RecordAttributes {
  /** Edition as read (e.g. `Professional`, `专业版`, `Home`); canonicalised by the engine. */
  edition?: string;
  /** Licence channel: `RETAIL`, `OEM_DM`, `VOLUME_MAK`, `VOLUME_KMSCLIENT`, … */
  channel?: string;
  licenseStatus?: LicenseStatus;
  /** Last five characters of the installed product key. */
  partialKey?: string;
  /** The KMS host the product activates against, if any. */
  kmsHost?: string;
  /** MSI product code / registry key name / package id. */
  productCode?: string;
  /** Where it is installed (registry InstallLocation, package path). */
  installLocation?: string;
  /** The record is an activator/crack trace rather than a program (a scheduled task, a DLL). */
  trace?: boolean;
  /** Anything else a scanner wants to pass on (custom rules can read it as a fact). */
  [key: string]: string | number | boolean | undefined;
}

/** One installed program (or package) as read from one source. */
export interface SoftwareRecord {
  name: string;
  version?: string;
  publisher?: string;
  /** ISO date when known. Unreliable on Windows; never used to judge licensing. */
  installDate?: IsoDate;
  arch?: string;
  /** The scanner and format it came from, e.g. `windows:reg-export`. */
  source: string;
  evidence: Evidence;
  attributes?: RecordAttributes;
}

/** The operating system of a host, as read. Recognised against `category: os` products. */
export interface OsInfo {
  /** Display name: Win32_OperatingSystem Caption, os-release PRETTY_NAME or NAME. */
  name: string;
  version?: string;
  build?: string;
  /** Edition as read (EditionID, os-version EditionName, a word in the caption). */
  edition?: string;
  /** os-release ID (`kylin`, `uos`, `openEuler`, `debian`) or `windows`. */
  id?: string;
  /** os-release ID_LIKE words. */
  idLike?: string[];
  arch?: string;
  evidence?: Evidence;
  attributes?: RecordAttributes;
}

/** One computer, as one scanner saw it. Scanners yield these one at a time. */
export interface HostInventory {
  /** Stable identifier: computer name, serial or agent id. Two inventories with one id are one host. */
  id: string;
  hostname?: string;
  /** The department (单位) the computer belongs to. */
  unit?: string;
  os?: OsInfo;
  software: SoftwareRecord[];
  /** Name of the scanner that produced it. */
  scanner: string;
  /** ISO timestamp or date of the scan, when known. */
  scannedAt?: string;
}

/** A department in the statistics table, from a units file or the policy. */
export interface UnitInfo {
  name: string;
  /** 编制人数, the authorised headcount. */
  staff?: number;
  /** 上级单位. */
  parent?: string;
  location?: SourceLocation;
}

// ─── The policy (resolved: extends merged, defaults filled, references checked) ───────────────────

/**
 * Standard product classes. `os`, `office`, `antivirus` are the statutory three; any other is allowed.
 * `design` (CAD, graphics, video), `dev` (development and administration tools), `science`
 * (statistics, scientific computing, reference managers, GIS), `input` (input methods), `media`
 * (players) and `cloud` (cloud drives) are the classes of the built-in catalogue's breadth files.
 */
export type ProductCategory =
  | 'os'
  | 'office'
  | 'antivirus'
  | 'browser'
  | 'archiver'
  | 'pdf'
  | 'im'
  | 'tool'
  | 'design'
  | 'dev'
  | 'science'
  | 'input'
  | 'media'
  | 'cloud'
  | 'activator'
  /** Parts of the operating system: the distribution's own packages, drivers, runtimes (bundled). */
  | 'system'
  | 'other'
  | (string & {});

/**
 * How an organisation may use the product. `personal-use` is free for individuals (home, school)
 * only: in an agency it needs a licence like `commercial`. `unreviewed` is a catalogue entry whose
 * model nobody has decided yet (a `catalog suggest` draft): judged like `commercial` until filled.
 */
export type LicenseModel =
  | 'commercial'
  | 'personal-use'
  | 'freeware'
  | 'open-source'
  | 'bundled'
  | 'unreviewed';

/** A licence model that applies to one version range of a product (Oracle Java SE 8u211+, …). */
export interface VersionLicense {
  /** A version range in the product's scheme, e.g. `>=8.0.2110 <9`. */
  versions: string;
  license: LicenseModel;
  notes?: string;
  location?: SourceLocation;
}

/** A compiled-free description of one string pattern. `exact` and `glob` ignore case unless told. */
export interface Pattern {
  kind: 'exact' | 'glob' | 'regex';
  /** The pattern text as written. Regexes use RE2 syntax (linear time), e.g. `(?i)crack|keygen`. */
  value: string;
  caseSensitive: boolean;
  location?: SourceLocation;
}

/** One way to recognise a product: every given field must match. */
export interface ProductMatch {
  name?: Pattern[];
  publisher?: Pattern[];
  /** A version range in the product's scheme, e.g. `>=16 <17`. */
  version?: string;
  /** os-release IDs (`kylin`, `uos`) or `windows`; only for `category: os`. */
  osId?: string[];
  location?: SourceLocation;
}

export interface Vendor {
  id: string;
  name: string;
  /** Every spelling seen in the field: English, Chinese, legal names. */
  names: string[];
  domestic: boolean;
  location?: SourceLocation;
}

/** How versions of a product compare. `auto` picks per value (Windows 4-part, dpkg, rpm, semver-like). */
export type VersionScheme = 'auto' | 'semver' | 'windows' | 'dpkg' | 'rpm';

export interface Product {
  id: string;
  name: string;
  /** Vendor id (resolved against catalog.vendors) or a free vendor name. */
  vendor?: string;
  category: ProductCategory;
  domestic: boolean;
  /** The model when no `licenseByVersion` range holds (or the version cannot be read). */
  license: LicenseModel;
  /** Models per version range; the first range the installed version satisfies wins. */
  licenseByVersion?: VersionLicense[];
  /** Editions this product comes in, canonical names (Home, Professional, Enterprise, …). */
  editions?: string[];
  /** First matching entry wins; products are tried in catalogue order (local policy first). */
  match: ProductMatch[];
  versionScheme: VersionScheme;
  /** Note for people: e.g. "free for personal use only, needs a licence in an agency". */
  notes?: string;
  location?: SourceLocation;
}

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

// ─── Judgement ───────────────────────────────────────────────────────────────────────────────────

/** Result states (after Kubernetes PolicyReport). `waived` is an overlay: see Finding.waiver. */
export type ResultStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

/** How grave a finding is: orders lists and maps to SARIF levels. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** What a finding is about. Every field that applies is filled. */
export interface FindingSubject {
  host?: string;
  unit?: string;
  /** Catalogue product id. */
  product?: string;
  /** Product class (os, office, antivirus, …). */
  class?: string;
  entitlement?: string;
  /** The installation as read. */
  software?: { name: string; version?: string; publisher?: string; edition?: string };
}

/** A waiver that applied to a finding. The finding keeps its raw status. */
export interface AppliedWaiver {
  id: string;
  justification: string;
  approvedBy?: string;
  ticket?: string;
  expires: IsoDate;
}

/** One step of a finding's explanation: evidence → product → rule → entitlement → waiver. */
export interface TraceStep {
  step: 'evidence' | 'recognition' | 'version' | 'edition' | 'rule' | 'entitlement' | 'waiver';
  detail: string;
}

export interface Finding {
  /** Stable across runs for the same rule and subject: used by diff and merge. */
  id: string;
  /** Stable rule id, e.g. `licensing.unlicensed`, `requirements.missing.office`, `custom.av-too-old`. */
  rule: string;
  status: ResultStatus;
  severity: Severity;
  subject: FindingSubject;
  message: LocalText;
  remediation?: LocalText;
  evidence: Evidence[];
  /**
   * For failures: detection date + remediationDays, capped by `settings.deadline`; carried over from
   * the earlier report when the audit ran with `--since` and the failure was open there.
   */
  deadline?: IsoDate;
  /** The as-of date of the earlier report where this failure was first open (`--since`); absent: this audit's. */
  firstSeen?: IsoDate;
  /** A failure still open (not waived) whose deadline is before the as-of date (逾期). */
  overdue?: true;
  /** Present when a waiver applies: the effective result is `waived`, `status` stays the raw one. */
  waiver?: AppliedWaiver;
  trace?: TraceStep[];
}

/** Description of a rule for reporters (after ESLint's rulesMeta). */
export interface RuleMeta {
  id: string;
  description: LocalText;
  /** Where the judgement is explained (docs/semantics.md anchor). */
  helpUri?: string;
  defaultSeverity: Severity;
}

// ─── The report ──────────────────────────────────────────────────────────────────────────────────

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
 * What one item of the rectification plan (整改方案) does, in the order of preference for a missing
 * licence: use a free seat that covers the installation as it is (`reassign`: out of its scope
 * today), a free seat after an edition upgrade of the same product (`upgrade`), renew an expired
 * subscription (`renew`), buy (`buy`). Forbidden software is removed (`remove`); a computer missing
 * a mandatory class gets one (`install`).
 */
export type PlanAction = 'reassign' | 'upgrade' | 'renew' | 'buy' | 'remove' | 'install';

export interface PlanItem {
  /** `P-0001`…, in plan order (unit, then action, then product). */
  id: string;
  action: PlanAction;
  unit: string;
  /** The computers it applies to, sorted. */
  hosts: string[];
  /** Catalogue product id (for a removal of unrecognised software, the software's name). */
  product: string;
  class?: string;
  /** Seats it uses or buys (for `remove`, installations removed). */
  seats: number;
  /** Price of one seat, in the plan's currency; absent when unknown. */
  unitPrice?: number;
  /** seats × unitPrice; 0 for what costs nothing (a free seat, free software, a removal); absent when the price is unknown. */
  cost?: number;
  /** reassign / upgrade / install on a free seat: whose seat; renew: the subscription renewed. */
  entitlement?: string;
  /** upgrade: the edition the installations are upgraded to. */
  edition?: string;
  /** The product is domestic (install items). */
  domestic?: boolean;
  /** Ids of the findings it answers. */
  findings: string[];
}

/** 调剂: free seats an entitlement's scope keeps from a unit that lacks them. */
export interface PlanSuggestion {
  entitlement: string;
  product: string;
  /** The unit whose computers the scope should include. */
  unit: string;
  /** Seats it would give that unit (the reassign items it stands behind). */
  seats: number;
}

export interface PlanTotals {
  items: number;
  /** Seats of reassign, upgrade, renew, buy and install items. */
  seats: number;
  /** Seats that cost money: renew, buy and install without a free seat or free software. */
  purchasedSeats: number;
  /** Sum of the priced items' costs. */
  cost: number;
  /** Items that cost money whose price is unknown (their cost is not in `cost`). */
  unpricedItems: number;
  /**
   * Per class with a domestic target: computers with the class and with a domestic product of it
   * once the plan's installations are done, and the rate (null without computers of the class).
   */
  domesticRates: Record<string, { domestic: number; installed: number; rate: number | null }>;
}

export interface RectificationPlan {
  currency: string;
  items: PlanItem[];
  suggestions: PlanSuggestion[];
  units: Array<PlanTotals & { unit: string }>;
  totals: PlanTotals;
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

// ─── Merging reports of disjoint host sets (scale-out) ───────────────────────────────────────────

/** One installation that needs a licence seat, with what re-judging its licence needs. */
export interface SeatDemand {
  /** `host\0product\0version\0edition`, unique in the fleet. */
  id: string;
  host: string;
  unit: string;
  /** Catalogue product id. */
  product: string;
  version?: string;
  /** Canonical edition, when known. */
  edition?: string;
  /** The installation as read. */
  software: { name: string; version?: string; publisher?: string; edition?: string };
  evidence: Evidence[];
  /** How the product was recognised (the trace's recognition step). */
  recognition: string;
  /** Not genuine whatever its licence (denied edition, activation not genuine). */
  notGenuine: boolean;
  /** Every other installation of this class on the host is licensed and genuine. */
  classmatesGenuine: boolean;
  /** Whether the allocation of this report gave it a seat. */
  licensed: boolean;
}

/** See ComplianceReport.mergeBasis. */
export interface MergeBasis {
  /** The resolved policy the audit ran with (the ledger, waivers, preferences, custom rules). */
  policy: Policy;
  /** Units from the units file, in file order (they fix the order of the statistics table). */
  units: UnitInfo[];
  /** The clock waivers were judged against (ISO timestamp). */
  waiverClock: string;
  /** Installations that need a seat, sorted by id. */
  seats: SeatDemand[];
}
