/**
 * Assembles one Windows host from its evidence: products from the Uninstall entries, the OS from
 * Win32_OperatingSystem and the CurrentVersion key, Windows activation on `os.attributes`, Office
 * activation on the Office records, antivirus state on the antivirus records.
 *
 * Decisions (documented in the README):
 * - host id = the computer name when the data gives one (Win32_OperatingSystem CSName, the
 *   ComputerName key), else the folder (or file) name;
 * - an Office licence with no matching Office record on the host (only activation data was
 *   collected) becomes a record of its own, named after the Office registration key when present,
 *   with `attributes.activationOnly = true`;
 * - an antivirus product that has no Uninstall entry (Windows Defender) becomes a record of its own.
 */
import {
  editionFromName,
  type HostInventory,
  type OsInfo,
  type RecordAttributes,
  type ScanContext,
  type SoftwareRecord,
} from '@zhengban/core';
import { uninstallRecords } from './uninstall-records.js';
import type { WindowsEvidence } from './windows-evidence.js';
import { isOfficeLicence, isWindowsLicence, type LicenceEntry } from './windows-facts.js';

export function assembleWindowsHost(
  evidence: WindowsEvidence,
  fallbackId: string,
  ctx: ScanContext,
): HostInventory {
  const software = [...uninstallRecords(evidence.uninstall, ctx), ...evidence.storeApps];
  const os = mergeOs(evidence.wmiOs, evidence.registryOs);
  const host: HostInventory = { id: evidence.computerName ?? fallbackId, software, scanner: 'windows' };
  if (evidence.computerName) host.hostname = evidence.computerName;

  const windowsLicence = pickLicence(evidence.licences.filter(isWindowsLicence));
  if (os || windowsLicence) {
    const name = windowsLicence?.name ?? 'Windows';
    host.os = os ?? { name, id: 'windows', evidence: windowsLicence!.evidence };
    if (!host.os.edition && windowsLicence) {
      const edition = editionFromName(windowsLicence.name);
      if (edition) host.os.edition = edition;
    }
    if (windowsLicence)
      host.os.attributes = { ...host.os.attributes, ...activationAttributes(windowsLicence) };
  }

  for (const licence of evidence.licences.filter(isOfficeLicence))
    attachOfficeLicence(licence, software, evidence.officeProducts);
  for (const antivirus of evidence.antivirus) {
    const attributes: RecordAttributes = {};
    if (antivirus.active !== undefined) attributes.antivirusActive = antivirus.active;
    if (antivirus.upToDate !== undefined) attributes.signaturesUpToDate = antivirus.upToDate;
    const lower = antivirus.name.toLowerCase();
    const installed = software.find((record) => record.name.toLowerCase() === lower);
    if (installed) installed.attributes = { ...installed.attributes, ...attributes };
    else
      software.push({
        name: antivirus.name,
        source: antivirus.evidence.source,
        evidence: antivirus.evidence,
        attributes,
      });
  }
  return host;
}

/** WMI gives the caption, version and build; the registry's EditionID is the more exact edition. */
function mergeOs(wmi: OsInfo | undefined, registry: OsInfo | undefined): OsInfo | undefined {
  if (!wmi || !registry) return wmi ?? registry;
  const os: OsInfo = { ...wmi };
  if (registry.edition) os.edition = registry.edition;
  if (registry.attributes) os.attributes = { ...registry.attributes };
  os.build ??= registry.build;
  return os;
}

/** Several sources may speak of one licence (WMI and slmgr): the one with most facts wins. */
function pickLicence(licences: LicenceEntry[]): LicenceEntry | undefined {
  let best: LicenceEntry | undefined;
  let bestScore = -1;
  for (const licence of licences) {
    const score = [licence.status, licence.channel, licence.partialKey, licence.kmsHost].filter(
      Boolean,
    ).length;
    if (score > bestScore) {
      best = best ? { ...licence, expiry: licence.expiry ?? best.expiry } : licence;
      bestScore = score;
    } else if (best && licence.expiry && !best.expiry) best = { ...best, expiry: licence.expiry };
  }
  return best;
}

function activationAttributes(licence: LicenceEntry): RecordAttributes {
  const attributes: RecordAttributes = {};
  if (licence.status) attributes.licenseStatus = licence.status;
  if (licence.channel) attributes.channel = licence.channel;
  if (licence.partialKey) attributes.partialKey = licence.partialKey;
  if (licence.kmsHost) attributes.kmsHost = licence.kmsHost;
  if (licence.expiry) attributes.activationExpiry = licence.expiry;
  return attributes;
}

type OfficeKind = 'visio' | 'project' | 'suite';

function officeKind(text: string): OfficeKind {
  return /visio/i.test(text) ? 'visio' : /project/i.test(text) ? 'project' : 'suite';
}

const OFFICE_SUITE = /^microsoft (office|365)|office 365/i;
const OFFICE_PART = /proof|mui|language|component|shared|extensibility|click-to-run|update|service pack/i;

/** `Office 16, …` → 16; Office 2019/2021/2024 licences (`Office 19`, `Office 21`) install as 16.x. */
function officeMajor(licence: LicenceEntry): number | undefined {
  const major = Number(
    /office\s*(\d+)/i.exec(licence.name)?.[1] ?? /^office(\d+)/i.exec(licence.family ?? '')?.[1],
  );
  if (!Number.isFinite(major) || major === 0) return undefined;
  return Math.min(major, 16);
}

/** `Office16ProPlusVL_KMS_Client` → `ProPlus`; `Office19Standard2019VL_MAK_AE` → `Standard`. */
export function officeEdition(family: string | undefined): string | undefined {
  return family
    ? /^(?:Office\d*)?([A-Za-z]+?)(?:\d{4})?(?:VL|Retail|R_|_|Volume|$)/.exec(family)?.[1]
    : undefined;
}

function attachOfficeLicence(
  licence: LicenceEntry,
  software: SoftwareRecord[],
  officeProducts: Map<string, string>,
): void {
  const major = officeMajor(licence);
  const kind = officeKind(`${licence.name} ${licence.family ?? ''}`);
  const attributes = activationAttributes(licence);
  const edition = officeEdition(licence.family ?? /,\s*(\S+)\s+edition\s*$/i.exec(licence.name)?.[1]);
  if (edition) attributes.edition = edition;
  let attached = false;
  for (const record of software) {
    const isOffice =
      kind === 'suite'
        ? OFFICE_SUITE.test(record.name) && !/visio|project/i.test(record.name)
        : officeKind(record.name) === kind && /microsoft|office/i.test(record.name);
    if (!isOffice || OFFICE_PART.test(record.name)) continue;
    if (major !== undefined && record.version && Number.parseInt(record.version, 10) !== major) continue;
    record.attributes = { ...record.attributes, ...attributes };
    attached = true;
  }
  if (attached) return;
  const registered = licence.activationId ? officeProducts.get(licence.activationId) : undefined;
  const record: SoftwareRecord = {
    name: registered ?? licence.name,
    publisher: 'Microsoft Corporation',
    source: licence.evidence.source,
    evidence: licence.evidence,
    attributes: { ...attributes, activationOnly: true },
  };
  if (major !== undefined) record.version = `${major}.0`;
  software.push(record);
}
