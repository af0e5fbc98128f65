/**
 * `Get-AppxPackage | ConvertTo-Json` rows: Microsoft Store (UWP / MSIX) apps, which have no Uninstall
 * key. Each is a record marked `attributes.storeApp: true`; framework and resource packages (VCLibs,
 * .NET Native, language packs) are parts other apps use, not installations, and are counted as
 * ignored.
 */
import type { Evidence, SoftwareRecord } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import type { PropertyBag } from './windows-facts.js';

export function isAppxPackage(bag: PropertyBag): boolean {
  return bag.has('packagefullname') && bag.has('packagefamilyname');
}

/** A framework or resource package (not an app a person installed). */
export function isAppxPart(bag: PropertyBag): boolean {
  return /^true$/i.test(bag.get('isframework') ?? '') || /^true$/i.test(bag.get('isresourcepackage') ?? '');
}

/** `CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, …` → `Microsoft Corporation`. */
export function publisherFromDistinguishedName(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const organisation =
    /(?:^|,)\s*O=("[^"]*"|[^,]*)/i.exec(text) ?? /(?:^|,)\s*CN=("[^"]*"|[^,]*)/i.exec(text);
  return cleanValue(organisation ? organisation[1]!.replace(/^"|"$/g, '') : text);
}

const ARCHITECTURES: Record<string, string> = {
  '0': 'x86',
  '5': 'arm',
  '9': 'x64',
  '11': 'neutral',
  '12': 'arm64',
};

export function appxRecord(bag: PropertyBag, evidence: Evidence): SoftwareRecord | undefined {
  const name = cleanValue(bag.get('name'));
  if (!name) return undefined;
  const record: SoftwareRecord = {
    name,
    source: 'windows:appx',
    evidence,
    attributes: { storeApp: true, productCode: bag.get('packagefamilyname') },
  };
  const version = cleanValue(bag.get('version'));
  if (version) record.version = version;
  const publisher = publisherFromDistinguishedName(bag.get('publisher'));
  if (publisher) record.publisher = publisher;
  const arch = bag.get('architecture');
  if (arch !== undefined) record.arch = ARCHITECTURES[arch] ?? arch.toLowerCase();
  const location = cleanValue(bag.get('installlocation'));
  if (location) record.attributes!.installLocation = location;
  const signature = cleanValue(bag.get('signaturekind'));
  if (signature) record.attributes!.signatureKind = signature;
  return record;
}
