/** The product catalogue of a resolved policy: products, how they are recognised, their licence models. */
import type { SourceLocation } from './common.js';

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
/** Every licence model a catalogue product can have: the one list the linter checks words against. */
export const LICENSE_MODELS = [
  'commercial',
  'personal-use',
  'freeware',
  'open-source',
  'bundled',
  'unreviewed',
] as const;
export type LicenseModel = (typeof LICENSE_MODELS)[number];

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
