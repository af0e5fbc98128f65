/**
 * Activation states as Windows and Office print them (WMI LicenseStatus numbers, slmgr and ospp text
 * in English and Chinese) and as inventories write them (已激活, licensed, 是), mapped to the
 * LicenseStatus union of the model.
 */
import type { LicenseStatus } from '@zhengban/core';

/** SoftwareLicensingProduct.LicenseStatus 0–6. */
const WMI_STATUS: readonly LicenseStatus[] = [
  'unlicensed',
  'licensed',
  'oob-grace',
  'oot-grace',
  'non-genuine-grace',
  'notification',
  'extended-grace',
];

/** Words to states, most specific first (a "non-genuine grace" is not a plain grace period). */
const PHRASES: ReadonlyArray<readonly [LicenseStatus, readonly string[]]> = [
  ['non-genuine-grace', ['non-genuine', 'non_genuine', 'nongenuine', '非正版']],
  ['extended-grace', ['extended grace', 'extended_grace', '延长宽限', '延期宽限']],
  [
    'oot-grace',
    [
      'oot_grace',
      'oot grace',
      'additional grace',
      'out-of-tolerance',
      'hardware out of tolerance',
      '附加宽限',
    ],
  ],
  ['oob-grace', ['oob_grace', 'oob grace', 'initial grace', '初始宽限', '宽限']],
  ['notification', ['notification', '通知']],
  [
    'unlicensed',
    ['unlicensed', 'not activated', 'unactivated', '未授权', '未激活', '未经授权', '否', 'no', 'false'],
  ],
  [
    'licensed',
    [
      'licensed',
      'activated',
      'permanently',
      'genuine',
      '已授权',
      '已激活',
      '激活',
      '正版',
      '永久',
      '是',
      'yes',
      'true',
    ],
  ],
];

/** The state for a WMI number or a printed word; `unknown` when it says nothing we know. */
export function parseLicenseStatus(value: string | number | undefined): LicenseStatus | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  if (/^\d$/.test(text)) return WMI_STATUS[Number(text)] ?? 'unknown';
  const lower = text.toLowerCase().replace(/-{3}/g, '');
  for (const [status, phrases] of PHRASES) {
    for (const phrase of phrases) {
      if (phrase.length <= 3 && /^[a-z]+$/.test(phrase) ? lower === phrase : lower.includes(phrase))
        return status;
    }
  }
  return 'unknown';
}

/** `Office 16, VOLUME_KMSCLIENT channel` → `VOLUME_KMSCLIENT`. */
export function channelFromDescription(description: string | undefined): string | undefined {
  if (!description) return undefined;
  // Bounded token and input: a junk description of megabytes must not backtrack quadratically.
  const match = /([A-Z][A-Z0-9_]{1,40})\s+(?:channel|通道|频道)/i.exec(description.slice(0, 1000));
  return match?.[1]?.toUpperCase();
}

/** `kms.example.cn:1688` → `kms.example.cn`; empty and placeholder values → undefined. */
export function kmsHostName(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text || text === '0.0.0.0') return undefined;
  const withoutPort = /^\[?([^\]]+?)\]?:\d+$/.exec(text)?.[1] ?? text;
  return withoutPort.toLowerCase();
}
