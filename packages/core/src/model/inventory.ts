/** The inventory: what scanners produce (computers, their records, where each was read) and the units. */
import type { IsoDate, SourceLocation } from './common.js';

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
