/**
 * Activation text as printed by `cscript slmgr.vbs /dli` or `/dlv` (`Name:`, `License Status:`; on
 * Chinese Windows `名称:`, `许可证状态: 已授权`), `slmgr /xpr` (`The machine is permanently
 * activated.` / `计算机已永久激活。`) and `cscript ospp.vbs /dstatus` (`LICENSE NAME:`,
 * `LICENSE STATUS:  ---LICENSED---`). One entry per product block.
 *
 * Captures as people paste them: command prompts (`C:\Windows\system32>cscript ospp.vbs /act`) and
 * banners between outputs; the same licence printed twice (`/act` then `/dstatus`) is one entry,
 * the later output's facts winning; IDs redacted as `*-*-*-*-*` are dropped (Windows and Office are
 * then told apart by name and description); `Product Key Channel: Volume:GVLK` gives the channel
 * when the description does not.
 */
import type { Evidence } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { channelFromDescription, kmsHostName, parseLicenseStatus } from '../common/license-status.js';
import type { LicenceEntry } from './windows-facts.js';

type Field =
  | 'name'
  | 'description'
  | 'activationId'
  | 'applicationId'
  | 'status'
  | 'partialKey'
  | 'kmsHost'
  | 'keyChannel';

/** Labels (lower-cased, without the colon) → fields. English, Chinese, and ospp's upper case. */
const LABELS: ReadonlyArray<readonly [Field, readonly string[]]> = [
  ['name', ['name', 'license name', '名称', '名字']],
  ['description', ['description', 'license description', '描述', '说明']],
  ['activationId', ['activation id', 'sku id', '激活 id', '激活id']],
  ['applicationId', ['application id', '应用程序 id', '应用程序id']],
  ['status', ['license status', '许可证状态', '许可状态']],
  ['keyChannel', ['product key channel', '产品密钥通道', '产品密钥频道']],
  [
    'partialKey',
    [
      'partial product key',
      'last 5 characters of installed product key',
      '部分产品密钥',
      '已安装产品密钥的最后 5 个字符',
    ],
  ],
  [
    'kmsHost',
    [
      'kms machine name from dns',
      'registered kms machine name',
      'kms machine name',
      'kms machine registry override defined',
      '来自 dns 的 kms 计算机名称',
      '已注册的 kms 计算机名称',
      'kms 计算机名称',
    ],
  ],
];

const LABEL_TO_FIELD = new Map<string, Field>();
for (const [field, labels] of LABELS) for (const label of labels) LABEL_TO_FIELD.set(label, field);

const LABEL_LINE = /^\s*([^:：]{1,60})[:：]\s*(.*)$/;
/** A command prompt pasted with the output: `C:\Windows\system32>…`, `PS C:\>…`. */
const PROMPT = /^\s*(?:PS\s+)?[A-Za-z]:\\[^>]{0,260}>/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `Volume:GVLK` → the channel the licence description would name. */
const KEY_CHANNELS: Readonly<Record<string, string>> = {
  'volume:gvlk': 'VOLUME_KMSCLIENT',
  'volume:mak': 'VOLUME_MAK',
  'volume:csvlk': 'VOLUME_KMS',
  retail: 'RETAIL',
  'oem:dm': 'OEM_DM',
  'oem:nonslp': 'OEM_NONSLP',
  'oem:slp': 'OEM_SLP',
  'oem:coa': 'OEM_COA_NSLP',
};
const XPR_PERMANENT = /permanently activated|已永久激活|永久激活/i;
const XPR_EXPIRES = /(?:will expire|activation expires|将于|到期|过期)/i;
const XPR_NOTIFICATION = /notification mode|通知模式/i;

/**
 * The field a label names. KMS host labels vary between Windows versions and translations
 * (`Registered KMS machine name`, `来自 DNS 的 KMS 计算机名称`, `已注册的 KMS 计算机名称`): any label
 * naming a KMS machine name that is not its IP address or extended PID is the KMS host.
 */
function fieldOf(rawLabel: string): Field | undefined {
  const label = rawLabel.trim().toLowerCase().replace(/\s+/g, ' ');
  const known = LABEL_TO_FIELD.get(label);
  if (known) return known;
  if (
    /kms/.test(label) &&
    /(machine name|计算机名)/.test(label) &&
    !/(ip|pid|端口|port|override|覆盖)/.test(label)
  )
    return 'kmsHost';
  return undefined;
}

/** A `Label: value` line, the colons of a time of day (`9:00:00`) not counting. */
function isLabelLine(line: string): boolean {
  return LABEL_LINE.test(line.replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ''));
}

/** A licence as read, with the channel `Product Key Channel` gave (used when the description has none). */
type ParsedLicence = LicenceEntry & { keyChannel?: string };

export function isLicensingText(text: string): boolean {
  const head = text.slice(0, 16384);
  return (
    /^\s*(LICENSE NAME|LICENSE STATUS|License Status|许可证状态|Partial Product Key|部分产品密钥)\s*[:：]/im.test(
      head,
    ) ||
    XPR_PERMANENT.test(head) ||
    /^\s*(Windows|Office).*(will expire|将于)/im.test(head)
  );
}

/** Parses every product block; the source is `windows:ospp` or `windows:slmgr`. */
export function parseLicensingText(text: string, file: string): { entries: LicenceEntry[]; source: string } {
  const source = /LICENSE NAME\s*:/.test(text) ? 'windows:ospp' : 'windows:slmgr';
  const entries: ParsedLicence[] = [];
  let current: (Partial<ParsedLicence> & { evidence: Evidence }) | undefined;
  const flush = () => {
    if (current?.name || current?.status)
      entries.push({ name: current.name ?? 'Windows', ...current } as ParsedLicence);
    current = undefined;
  };
  const lines = text.split(/\r\n|\n|\r/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const evidence: Evidence = { source, file, line: index + 1 };
    if (PROMPT.test(line)) {
      // A new command: what follows is another output.
      flush();
      continue;
    }
    if (
      XPR_PERMANENT.test(line) ||
      XPR_NOTIFICATION.test(line) ||
      // `批量激活将于 2024/12/1 9:00:00 过期` has a colon in its time: a label only when a known one.
      (XPR_EXPIRES.test(line) && !isLabelLine(line))
    ) {
      // /xpr speaks for the product named on the line before it ("Windows(R), Professional edition:").
      const named = cleanValue(lines[index - 1]?.replace(/[:：]\s*$/, ''));
      flush();
      entries.push({
        name: named ?? 'Windows',
        status: XPR_NOTIFICATION.test(line) ? 'notification' : 'licensed',
        expiry: XPR_PERMANENT.test(line) ? 'permanent' : (cleanValue(line) ?? ''),
        evidence,
      });
      continue;
    }
    const match = LABEL_LINE.exec(line);
    if (!match) continue;
    const field = fieldOf(match[1]!);
    const value = cleanValue(match[2]);
    if (!field || !value) continue;
    if (field === 'name') {
      flush();
      current = { evidence };
    }
    current ??= { evidence };
    if (field === 'status') current.status = parseLicenseStatus(value) ?? 'unknown';
    else if (field === 'kmsHost') current.kmsHost = kmsHostName(value);
    else if (field === 'description') {
      current.description = value;
      const channel = channelFromDescription(value);
      if (channel) current.channel = channel;
    } else if (field === 'activationId' || field === 'applicationId') {
      // A redacted ID (`*-*-*-*-*`, `xxxxxxxx-…`) says nothing; the name and description still do.
      if (GUID.test(value)) current[field] = value.toLowerCase();
    } else if (field === 'keyChannel') {
      const channel = KEY_CHANNELS[value.toLowerCase().replace(/\s+/g, '')];
      if (channel) current.keyChannel = channel;
    } else current[field] = value;
  }
  flush();
  return { entries: mergeRepeats(entries), source };
}

/**
 * The same licence printed by two commands (`ospp /act` then `/dstatus`, `slmgr /dli` then `/dlv`)
 * is one entry: same activation id, else same name and partial key. Later facts win, earlier ones
 * fill what the later output did not print.
 */
function mergeRepeats(entries: ParsedLicence[]): LicenceEntry[] {
  const byKey = new Map<string, LicenceEntry>();
  const merged: LicenceEntry[] = [];
  for (const parsed of entries) {
    const { keyChannel, ...entry } = parsed;
    if (!entry.channel && keyChannel) entry.channel = keyChannel;
    if (entry.expiry !== undefined) {
      merged.push(entry);
      continue;
    }
    const key = entry.activationId ?? `${entry.name.toLowerCase()}|${entry.partialKey ?? ''}`;
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, entry);
      merged.push(entry);
    } else {
      const evidence = earlier.evidence;
      Object.assign(earlier, entry, { evidence });
    }
  }
  return merged;
}
