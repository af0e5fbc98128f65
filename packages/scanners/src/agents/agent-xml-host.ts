/**
 * One computer from a FusionInventory / OCS XML inventory (agent-xml.ts): its programs, OS and
 * antivirus. rpm's `gpg-pubkey` entries are signing keys the agent lists as packages: counted as
 * ignored, not software.
 */
import {
  editionFromName,
  type HostInventory,
  type OsInfo,
  type ScanContext,
  type SoftwareRecord,
} from '@zhengban/core';
import { cleanValue, overlongNameText } from '../common/clean-text.js';
import { isoDate, parseIsoDate } from '../common/dates.js';
import { fileStem } from '../common/host-folders.js';
import { osIdFromName } from '../common/os-identity.js';
import type { AgentXml, XmlFields } from './agent-xml.js';

const SOURCE = 'glpi:xml';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Install dates as the agents write them: ISO or `YYYY/MM/DD` (OCS), `DD/MM/YYYY` (FusionInventory
 * on Windows), `Tue Jul  6 07:37:35 2010` (rpm through the agent). Anything else: no date (install
 * dates are never used to judge).
 */
export function agentDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const ctime = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+[\d:]+\s+(\d{4})$/.exec(text);
  if (ctime) {
    const month = MONTHS.indexOf(ctime[1]!.toLowerCase()) + 1;
    return month > 0 ? isoDate(Number(ctime[3]), month, Number(ctime[2])) : undefined;
  }
  return undefined;
}

export function hostFromAgentXml(xml: AgentXml, file: string, ctx: ScanContext): HostInventory {
  const name = cleanValue(xml.hardware?.get('NAME'));
  const id = name ?? cleanValue(xml.deviceId) ?? fileStem(file);
  const host: HostInventory = { id, software: [], scanner: 'glpi' };
  if (name) host.hostname = name;
  for (const { fields, line } of xml.softwares) {
    const record = softwareRecord(fields, file, line);
    if (record === undefined) {
      ctx.problem({
        message: `line ${line}: a SOFTWARES entry without a NAME`,
        text: {
          zh: `第 ${line} 行：SOFTWARES 条目没有 NAME`,
          en: `line ${line}: a SOFTWARES entry without a NAME`,
        },
        code: 'glpi.software',
        file,
        line,
      });
    } else if (overlongNameText(record.name)) {
      const overlong = overlongNameText(record.name)!;
      ctx.problem({
        message: `line ${line}: ${overlong.en}`,
        text: { zh: `第 ${line} 行：${overlong.zh}`, en: `line ${line}: ${overlong.en}` },
        code: 'glpi.software',
        file,
        line,
      });
    } else if (/^gpg-pubkey\b/.test(record.name)) ctx.ignore(1, 'rpm signing key');
    else host.software.push(record);
  }
  for (const { fields, line } of xml.antivirus) {
    const avName = cleanValue(fields.get('NAME'));
    if (!avName) continue;
    const record: SoftwareRecord = {
      name: avName,
      source: SOURCE,
      evidence: { source: SOURCE, file, line },
      attributes: {
        antivirusActive: fields.get('ENABLED') === '1',
        signaturesUpToDate: fields.get('UPTODATE') === '1',
      },
    };
    const version = cleanValue(fields.get('VERSION'));
    if (version) record.version = version;
    const company = cleanValue(fields.get('COMPANY'));
    if (company) record.publisher = company;
    host.software.push(record);
  }
  const os = osFromXml(xml, file);
  if (os) host.os = os;
  return host;
}

function softwareRecord(fields: XmlFields, file: string, line: number): SoftwareRecord | undefined {
  const name = cleanValue(fields.get('NAME'));
  if (!name) return undefined;
  const record: SoftwareRecord = { name, source: SOURCE, evidence: { source: SOURCE, file, line } };
  const version = cleanValue(fields.get('VERSION'));
  const publisher = cleanValue(fields.get('PUBLISHER'));
  const installDate = agentDate(cleanValue(fields.get('INSTALLDATE')));
  if (version) record.version = version;
  if (publisher) record.publisher = publisher;
  if (installDate) record.installDate = installDate;
  const arch = cleanValue(fields.get('ARCH')) ?? bitness(fields);
  if (arch) record.arch = arch;
  const from = cleanValue(fields.get('FROM'));
  const guid = cleanValue(fields.get('GUID'));
  if (from || guid) {
    record.attributes = {};
    if (from) record.attributes.origin = from;
    if (guid) record.attributes.productCode = guid;
  }
  return record;
}

/**
 * FusionInventory `IS64BIT` 1/0, OCS `BITSWIDTH` 64/32 (0: unknown) or `ARCHITECTURE` `64-bit` →
 * x64 / x86.
 */
function bitness(fields: XmlFields): string | undefined {
  const is64 = fields.get('IS64BIT');
  if (is64 === '1' || is64 === '0') return is64 === '1' ? 'x64' : 'x86';
  const text = `${fields.get('BITSWIDTH') ?? ''} ${fields.get('ARCHITECTURE') ?? ''}`;
  if (/\b64\b|64-bit|64 位/i.test(text)) return 'x64';
  if (/\b32\b|32-bit|32 位/i.test(text)) return 'x86';
  return undefined;
}

/** The OPERATINGSYSTEM section (newer agents), else HARDWARE's OSNAME / OSVERSION / OSCOMMENTS. */
function osFromXml(xml: AgentXml, file: string): OsInfo | undefined {
  const section = xml.operatingSystem;
  const name =
    cleanValue(section?.get('FULL_NAME')) ??
    cleanValue(section?.get('NAME')) ??
    cleanValue(xml.hardware?.get('OSNAME'));
  if (!name) return undefined;
  const os: OsInfo = {
    name,
    evidence: { source: SOURCE, file, key: section ? 'OPERATINGSYSTEM' : 'HARDWARE' },
  };
  const id = osIdFromName(name);
  if (id) os.id = id;
  const version = cleanValue(section?.get('VERSION')) ?? cleanValue(xml.hardware?.get('OSVERSION'));
  if (version) os.version = version;
  const edition = editionFromName(name);
  if (edition) os.edition = edition;
  const arch = cleanValue(section?.get('ARCH')) ?? cleanValue(xml.hardware?.get('ARCH'));
  if (arch) os.arch = arch;
  const servicePack = cleanValue(section?.get('SERVICE_PACK')) ?? cleanValue(xml.hardware?.get('OSCOMMENTS'));
  if (servicePack && /service pack/i.test(servicePack)) os.attributes = { servicePack };
  return os;
}
