/**
 * What each unit's computers ran at the two checks, as counts: the plan the fleet generator deals
 * out to individual computers. Phase 1 (baseline, 2013-06-30) is the self-inspection before
 * procurement; phase 4 (acceptance, 2013-12-20) is the inspection after it (see README.md).
 *
 * OS kinds: oem7 (Windows 7 专业版 pre-installed, OEM), kms7 (Windows 7 专业版 "activated" against a
 * public KMS host), ult7 (Ghost copy of Windows 7 旗舰版 with an OEM loader), home7 (laptop with
 * Windows 7 家庭普通版), xp (Windows XP), unact7 (Windows 7 专业版 never activated: 通知模式).
 */

/** Computers per unit (by name) and the number of the first machine of each kind fixed in advance. */
export const BASELINE_PLAN = {
  市政府办公室: {
    computers: 60,
    os: { kms7: 32, ult7: 14, xp: 8, home7: 4, unact7: 2 },
    office: { office2010: 44, office2007: 6, wpsPersonal: 8, none: 2 },
    antivirus: { rising: 20, huorong: 14, safe360: 10, symantec: 8, none: 8 },
    activators: { kmsauto: 6 },
    ghost: 2,
  },
  市财政局: {
    computers: 70,
    os: { oem7: 20, kms7: 24, ult7: 12, xp: 8, home7: 4, unact7: 2 },
    office: { wpsPro: 40, office2010: 20, office2007: 6, none: 4 },
    antivirus: { rising: 30, huorong: 20, safe360: 8, none: 12 },
    activators: { kmsauto: 5 },
    ghost: 0,
  },
  市经信委: {
    computers: 40,
    os: { kms7: 18, ult7: 10, xp: 6, home7: 2, unact7: 2, kylin: 1, uos: 1 },
    office: {
      wpsPro: 12,
      office2003: 8,
      office2007: 10,
      office2010: 6,
      wpsPersonal: 2,
      wpsKylin: 1,
      wpsUos: 1,
    },
    antivirus: { huorong: 18, rising: 10, symantec: 4, none: 8 },
    activators: { kmsauto: 3 },
    ghost: 0,
  },
  市科技局: {
    computers: 30,
    os: { kms7: 16, ult7: 8, home7: 4, xp: 2 },
    office: { office2010: 20, office2007: 6, wpsPersonal: 4 },
    antivirus: { symantec: 10, huorong: 10, safe360: 4, none: 6 },
    activators: { kmsauto: 3 },
    ghost: 0,
  },
  市服务业委员会: { computers: 0 },
  市文化广电局: {
    computers: 35,
    os: { oem7: 8, kms7: 13, ult7: 8, xp: 4, home7: 2 },
    office: { office2010: 15, office2007: 8, wpsPersonal: 10, none: 2 },
    antivirus: { rising: 15, huorong: 12, safe360: 2, none: 6 },
    activators: { kmsauto: 2 },
    ghost: 1,
  },
  双台子区: {
    computers: 25,
    os: { kms7: 12, ult7: 8, xp: 5 },
    office: { office2007: 10, wpsPersonal: 10, office2003: 5 },
    antivirus: { tianqing: 15, safe360: 4, none: 6 },
    activators: { heuKms: 4 },
    ghost: 0,
  },
  兴隆台区: {
    computers: 25,
    os: { kms7: 10, ult7: 10, home7: 3, xp: 2 },
    office: { office2010: 10, office2007: 8, wpsPersonal: 7 },
    antivirus: { tianqing: 12, symantec: 5, safe360: 3, none: 5 },
    activators: { heuKms: 3, kmsauto: 1 },
    ghost: 0,
  },
  大洼县: {
    computers: 20,
    os: { kms7: 8, ult7: 6, xp: 6 },
    office: { office2007: 12, office2003: 6, none: 2 },
    antivirus: { tianqing: 10, safe360: 4, none: 6 },
    activators: { heuKms: 3 },
    ghost: 0,
  },
  盘山县: {
    computers: 20,
    os: { kms7: 10, ult7: 5, xp: 5 },
    office: { wpsPersonal: 10, office2007: 8, none: 2 },
    antivirus: { tianqing: 10, none: 10 },
    activators: { heuKms: 2 },
    ghost: 1,
  },
};

/**
 * Computers whose kinds are fixed rather than dealt at random: the OEM machines (their licences name
 * them), the Linux pilot machines, and the computers inspected on site, whose evidence files are in
 * `windows/<HOST>/` and `linux/<HOST>/`.
 */
export const FIXED_HOSTS = {
  'ZFB-PC-023': {
    os: 'kms7',
    kmsHost: 'kms.loli.beer',
    office: 'office2010',
    antivirus: 'safe360',
    activators: ['kmspico'],
    evidence: 'windows',
  },
  'CZJ-PC-003': { os: 'oem7', office: 'wpsPro', antivirus: 'huorong', evidence: 'windows' },
  'CZJ-PC-066': { antivirus: 'none' },
  'KJJ-PC-012': { os: 'home7', office: 'office2010', antivirus: 'symantec', evidence: 'windows' },
  'WGJ-PC-015': { os: 'ult7', office: 'office2007', antivirus: 'rising', ghost: true, evidence: 'windows' },
  'DWX-PC-007': {
    os: 'kms7',
    kmsHost: 'zh.us.to',
    office: 'office2003',
    antivirus: 'tianqing',
    activators: ['heuKms'],
    evidence: 'windows',
  },
  'DWX-PC-018': { office: 'office2007' },
  'JXW-PC-039': { os: 'kylin', office: 'wpsKylin', antivirus: 'none', evidence: 'linux' },
  'JXW-PC-040': { os: 'uos', office: 'wpsUos', antivirus: 'none', evidence: 'linux' },
};

/** Public KMS hosts (activation emulators) the pirated Windows copies were pointed at. */
export const PUBLIC_KMS_HOSTS = ['kms.loli.beer', 'kms.msft.vip', 'zh.us.to', '127.0.0.2'];

/**
 * Acceptance: what procurement and clean-up changed. Every Windows copy not bound to an OEM licence
 * became Windows 7 专业版 under the city volume licence; WPS Office 专业版 everywhere; Huorong in
 * the city departments, 360 天擎 in the counties; activators, Ghost tools and entertainment software
 * removed. What stays on purpose is listed here.
 */
export const ACCEPTANCE_PLAN = {
  /** New computers (Windows 8 专业版 pre-installed) that arrived before acceptance. */
  newComputers: { 市财政局: 5 },
  /** Units keeping Microsoft Office beside or instead of WPS: hosts with Office, hosts with WPS. */
  microsoftOffice: {
    市政府办公室: { office: 'office2010', hosts: 28, alsoWps: true },
    市科技局: { office: 'office2013', hosts: 22, alsoWps: false },
  },
};
