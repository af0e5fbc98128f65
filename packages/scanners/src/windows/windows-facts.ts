/**
 * Facts about a Windows host other than its Uninstall entries, whatever file they came from:
 * Win32_OperatingSystem (or the `Windows NT\CurrentVersion` key), SoftwareLicensingProduct and
 * slmgr / ospp text, SecurityCenter2 AntiVirusProduct.
 */
import { type Evidence, editionFromName, type LicenseStatus, type OsInfo } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { channelFromDescription, kmsHostName, parseLicenseStatus } from '../common/license-status.js';

/** A property bag read from JSON or `wmic /format:list`, keys lower-cased. */
export type PropertyBag = Map<string, string>;

/** One activation record: a SoftwareLicensingProduct instance or one product in slmgr/ospp text. */
export interface LicenceEntry {
  name: string;
  description?: string;
  applicationId?: string;
  /** The licence's activation id (SoftwareLicensingProduct.ID, slmgr `Activation ID`). */
  activationId?: string;
  /** `Office16ProPlusVL_KMS_Client`. */
  family?: string;
  status?: LicenseStatus;
  channel?: string;
  partialKey?: string;
  kmsHost?: string;
  /** slmgr /xpr: `permanent` or the expiry text as printed. */
  expiry?: string;
  evidence: Evidence;
}

export interface AntivirusEntry {
  name: string;
  active?: boolean;
  upToDate?: boolean;
  evidence: Evidence;
}

const WINDOWS_APPLICATION_ID = '55c92734-d682-4d71-983e-d6ec3f16059f';
// Office 2010 uses 59a52881-…, Office 2013 and later 0ff1ce15-… (0ff1ce16 is seen in docs captures).
const OFFICE_APPLICATION_ID = /^(?:59a52881|0ff1ce1[0-9a-f])-a989-479d-af46-f275c6370663$/i;

export function isOfficeLicence(entry: LicenceEntry): boolean {
  if (entry.applicationId) return OFFICE_APPLICATION_ID.test(entry.applicationId);
  return /\boffice\b/i.test(entry.name) || /^office/i.test(entry.family ?? '');
}

export function isWindowsLicence(entry: LicenceEntry): boolean {
  if (entry.applicationId) return entry.applicationId.toLowerCase() === WINDOWS_APPLICATION_ID;
  return /^windows/i.test(entry.name);
}

export type FactKind = 'uninstall' | 'os' | 'os-registry' | 'licence' | 'antivirus' | 'appx' | 'unknown';

/** What a property bag describes, by the properties it has. */
export function factKind(bag: PropertyBag): FactKind {
  if (bag.has('applicationid') || (bag.has('licensestatus') && bag.has('partialproductkey')))
    return 'licence';
  if (bag.has('productstate') && bag.has('displayname')) return 'antivirus';
  if (bag.has('caption') && (bag.has('buildnumber') || bag.has('csname'))) return 'os';
  if (
    bag.has('productname') &&
    (bag.has('editionid') || bag.has('currentbuild') || bag.has('currentbuildnumber'))
  )
    return 'os-registry';
  // Get-AppxPackage objects carry PSComputerName but no Uninstall values.
  if (bag.has('packagefullname') && bag.has('packagefamilyname')) return 'appx';
  if (bag.has('pspath') || bag.has('pschildname') || bag.has('displayname')) return 'uninstall';
  return 'unknown';
}

/** Win32_OperatingSystem → OsInfo (+ the computer name, CSName). */
export function osFromWmi(bag: PropertyBag, evidence: Evidence): { os: OsInfo; computerName?: string } {
  const caption = cleanValue(bag.get('caption')) ?? 'Windows';
  const os: OsInfo = { name: caption, id: 'windows', evidence };
  const version = cleanValue(bag.get('version'));
  const build = cleanValue(bag.get('buildnumber'));
  const edition = editionFromName(caption);
  const arch = archFromText(bag.get('osarchitecture'));
  if (version) os.version = version;
  if (build) os.build = build;
  if (edition) os.edition = edition;
  if (arch) os.arch = arch;
  const computerName = cleanValue(bag.get('csname')) ?? cleanValue(bag.get('pscomputername'));
  return computerName ? { os, computerName } : { os };
}

/** `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion` → OsInfo; EditionID is the edition as read. */
export function osFromRegistry(bag: PropertyBag, evidence: Evidence): OsInfo {
  const name = cleanValue(bag.get('productname')) ?? 'Windows';
  const os: OsInfo = { name, id: 'windows', evidence };
  const build = cleanValue(bag.get('currentbuild')) ?? cleanValue(bag.get('currentbuildnumber'));
  const major = cleanValue(bag.get('currentmajorversionnumber'));
  const minor = cleanValue(bag.get('currentminorversionnumber'));
  const version =
    major && minor && build ? `${major}.${minor}.${build}` : cleanValue(bag.get('currentversion'));
  const edition = cleanValue(bag.get('editionid')) ?? editionFromName(name);
  const displayVersion = cleanValue(bag.get('displayversion')) ?? cleanValue(bag.get('releaseid'));
  if (version) os.version = version;
  if (build) os.build = build;
  if (edition) os.edition = edition;
  if (displayVersion) os.attributes = { displayVersion };
  return os;
}

/** SoftwareLicensingProduct → LicenceEntry, or undefined for a SKU without an installed key. */
export function licenceFromWmi(bag: PropertyBag, evidence: Evidence): LicenceEntry | undefined {
  const partialKey = cleanValue(bag.get('partialproductkey'));
  if (!partialKey) return undefined;
  const description = cleanValue(bag.get('description'));
  const entry: LicenceEntry = {
    name: cleanValue(bag.get('name')) ?? 'unnamed licence',
    partialKey,
    evidence,
  };
  const values: Array<[keyof LicenceEntry, string | undefined]> = [
    ['description', description],
    ['applicationId', cleanValue(bag.get('applicationid'))?.toLowerCase()],
    ['activationId', cleanValue(bag.get('id'))?.toLowerCase()],
    ['family', cleanValue(bag.get('licensefamily'))],
    ['channel', channelFromDescription(description) ?? cleanValue(bag.get('productkeychannel'))],
    [
      'kmsHost',
      kmsHostName(
        cleanValue(bag.get('keymanagementservicemachine')) ??
          cleanValue(bag.get('discoveredkeymanagementservicemachinename')) ??
          cleanValue(bag.get('discoveredkeymanagementservicemachineipaddress')),
      ),
    ],
  ];
  for (const [field, value] of values) if (value) (entry as unknown as Record<string, string>)[field] = value;
  const status = parseLicenseStatus(cleanValue(bag.get('licensestatus')));
  if (status) entry.status = status;
  return entry;
}

/** AntiVirusProduct → AntivirusEntry (productState bit 0x1000 = on, 0x0010 = signatures out of date). */
export function antivirusFromWmi(bag: PropertyBag, evidence: Evidence): AntivirusEntry | undefined {
  const name = cleanValue(bag.get('displayname'));
  if (!name) return undefined;
  const entry: AntivirusEntry = { name, evidence };
  const state = Number(bag.get('productstate'));
  if (Number.isInteger(state) && state > 0) {
    entry.active = (state & 0x1000) !== 0;
    entry.upToDate = (state & 0x10) === 0;
  }
  return entry;
}

function archFromText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (/64/.test(text)) return 'x64';
  if (/32|86/.test(text)) return 'x86';
  return /arm/i.test(text) ? 'arm64' : undefined;
}
