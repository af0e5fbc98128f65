/**
 * Uninstall entries → installed products. Drops what is not an installed product (no DisplayName,
 * SystemComponent=1, updates with ParentKeyName / ReleaseType, `KB123456` hotfixes) and merges twins:
 * the GUID and named keys of one suite, `{GUID}Visible` copies, the same title in two views — one
 * computer has one installation of a given title and version.
 */
import type { Evidence, ScanContext, SoftwareRecord } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { parseIsoDate } from '../common/dates.js';
import { type RegistryKey, textValue, type UninstallView } from './registry-key.js';

export interface UninstallEntry {
  key: RegistryKey;
  /** The key name under Uninstall (a product code GUID or a plain name). */
  entry: string;
  view: UninstallView;
  userSid?: string;
  source: string;
  evidence: Evidence;
}

/** Longer DisplayNames are not program names (a damaged or crafted key). */
const MAX_NAME_LENGTH = 1024;
const HOTFIX = /\bKB\d{6,8}\b/i;
const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/i;

/** Why an entry is not an installed product, or undefined when it is one. */
export function notAProduct(entry: UninstallEntry): string | undefined {
  const name = cleanValue(textValue(entry.key, 'DisplayName'));
  if (!name) return 'no DisplayName';
  if (textValue(entry.key, 'SystemComponent') === '1') return 'SystemComponent=1';
  if (cleanValue(textValue(entry.key, 'ParentKeyName')) || cleanValue(textValue(entry.key, 'ReleaseType')))
    return 'update';
  if (HOTFIX.test(entry.entry) || HOTFIX.test(name)) return 'hotfix';
  return undefined;
}

/** The records of one host; entries that are not products and merged twins are counted as ignored. */
export function uninstallRecords(
  entries: UninstallEntry[],
  ctx: Pick<ScanContext, 'ignore' | 'problem'>,
): SoftwareRecord[] {
  const byTitle = new Map<string, SoftwareRecord>();
  for (const entry of entries) {
    const reason = notAProduct(entry);
    if (reason) {
      ctx.ignore(1, reason);
      continue;
    }
    if ((textValue(entry.key, 'DisplayName')?.length ?? 0) > MAX_NAME_LENGTH) {
      ctx.problem({
        message: `${entry.entry.slice(0, 80)}: DisplayName is longer than ${MAX_NAME_LENGTH} characters, not a program name`,
        code: 'windows.bad-name',
        params: { entry: entry.entry.slice(0, 80), max: MAX_NAME_LENGTH },
        file: entry.evidence.file,
        line: entry.evidence.line,
        key: entry.evidence.key,
      });
      continue;
    }
    const record = toRecord(entry);
    const title = `${record.name.toLowerCase()}\u0000${record.version ?? ''}`;
    const twin = byTitle.get(title);
    if (twin) {
      mergeTwin(twin, record);
      ctx.ignore(1, 'twin');
    } else byTitle.set(title, record);
  }
  return [...byTitle.values()];
}

function toRecord(entry: UninstallEntry): SoftwareRecord {
  const key = entry.key;
  const record: SoftwareRecord = {
    name: cleanValue(textValue(key, 'DisplayName'))!,
    source: entry.source,
    evidence: entry.evidence,
  };
  const version = cleanValue(textValue(key, 'DisplayVersion'));
  const publisher = cleanValue(textValue(key, 'Publisher'));
  const installDate = parseIsoDate(cleanValue(textValue(key, 'InstallDate')) ?? '');
  if (version) record.version = version;
  if (publisher) record.publisher = publisher;
  if (installDate) record.installDate = installDate;
  if (entry.view === 'wow64') record.arch = 'x86';
  record.attributes = { productCode: entry.entry.replace(/Visible$/, '') };
  const location = cleanValue(textValue(key, 'InstallLocation'));
  if (location) record.attributes.installLocation = location;
  if (entry.view === 'user') {
    record.attributes.scope = 'user';
    if (entry.userSid) record.attributes.userSid = entry.userSid;
  }
  return record;
}

/** Keeps the first record and fills what it lacks from its twin; a GUID product code wins. */
function mergeTwin(kept: SoftwareRecord, twin: SoftwareRecord): void {
  kept.publisher ??= twin.publisher;
  kept.installDate ??= twin.installDate;
  kept.arch ??= twin.arch;
  kept.attributes ??= {};
  const attributes = kept.attributes;
  const twinCode = twin.attributes?.productCode;
  if (twinCode && GUID.test(twinCode) && !GUID.test(String(attributes.productCode ?? ''))) {
    attributes.productCode = twinCode;
  }
  attributes.installLocation ??= twin.attributes?.installLocation;
  if (attributes.installLocation === undefined) delete attributes.installLocation;
}
