/**
 * What is installed on a generated computer: one OS, the office suite(s), the antivirus, and ~150
 * other programs drawn from ~3 000 titles with a Zipf long tail. The mixes carry what a province
 * really finds: Home editions, pirated copies activated against public KMS emulators with the
 * activator's trace left behind, Office 2010 on a retired licence, unknown in-house software.
 */
import { intBetween, pickWeighted, zipfSampler } from './prng.mjs';

export const OWN_KMS_HOST = 'kms.zf.gov.cn';
const PIRATE_KMS_HOSTS = [
  'kms.msft.vip',
  'kms8.msguides.com',
  'kms.loli.beer',
  'kms.dnomd343.top',
  'zh.us.to',
];

const MS = 'Microsoft Corporation';

/** OS profiles. `linux` hosts get Linux office and antivirus mixes. */
const OS_PROFILES = weighted([
  { weight: 30, os: win('Microsoft Windows 10 专业版', '10.0.19045', 'Professional'), activation: kms() },
  {
    weight: 14,
    os: win('Microsoft Windows 10 Pro', '10.0.19045', 'Professional'),
    activation: lic('OEM_DM'),
  },
  {
    weight: 8,
    os: win('Microsoft Windows 11 专业版', '10.0.22631', 'Professional'),
    activation: lic('VOLUME_MAK'),
  },
  {
    weight: 5,
    os: win('Microsoft Windows 7 专业版', '6.1.7601', 'Professional'),
    activation: lic('OEM_SLP'),
  },
  { weight: 6, os: win('Microsoft Windows 10 企业版', '10.0.19044', 'Enterprise'), activation: kms() },
  { weight: 6, os: win('Microsoft Windows 10 家庭中文版', '10.0.19045', 'Home'), activation: lic('OEM_DM') },
  { weight: 6, os: win('Microsoft Windows 10 专业版', '10.0.19045', 'Professional'), activation: 'pirate' },
  {
    weight: 2,
    os: win('Microsoft Windows 10 专业版', '10.0.19045', 'Professional'),
    activation: { licenseStatus: 'notification', channel: 'RETAIL' },
  },
  {
    weight: 13,
    linux: true,
    os: { name: 'Kylin Linux Desktop V10 (SP1)', version: 'V10', edition: 'Professional', id: 'kylin' },
  },
  {
    weight: 10,
    linux: true,
    os: { name: 'UnionTech OS Desktop 20 Pro', version: '20', edition: 'Professional', id: 'uos' },
  },
]);

function win(name, version, edition) {
  return { name, version, edition, id: 'windows' };
}
function kms() {
  return { licenseStatus: 'licensed', channel: 'VOLUME_KMSCLIENT', kmsHost: OWN_KMS_HOST };
}
function lic(channel) {
  return { licenseStatus: 'licensed', channel };
}

const WPS = { name: 'WPS Office 2019 专业增强版', version: '11.8.2.12085', publisher: 'Kingsoft Corp.' };
const WPS_UNSTATED = {
  name: 'WPS Office (12.1.0.16250)',
  version: '12.1.0.16250',
  publisher: 'Kingsoft Corp.',
};
const WPS_LINUX = { name: 'wps-office', version: '11.1.0.11719', publisher: 'Kingsoft Office Software' };
const YOZO = { name: '永中Office', version: '9.0.1', publisher: 'Yozosoft' };
const YOZO_LINUX = { name: 'yozo-office', version: '9.0.1', publisher: 'Yozosoft' };
const OFFICE_2016 = {
  name: 'Microsoft Office Professional Plus 2016',
  version: '16.0.4266.1001',
  publisher: MS,
};

/** Office mixes (Windows). Each entry is the list of office installations on the host. */
const OFFICE_WINDOWS = weighted([
  { weight: 32, items: [WPS] },
  { weight: 6, items: [WPS_UNSTATED] },
  { weight: 15, items: [{ ...OFFICE_2016, ...kms() }] },
  {
    weight: 8,
    items: [
      {
        name: 'Microsoft Office Professional Plus 2019',
        version: '16.0.10396.20023',
        publisher: MS,
        ...lic('VOLUME_MAK'),
      },
    ],
  },
  {
    weight: 5,
    items: [
      {
        name: 'Microsoft Office 专业增强版 2021',
        version: '16.0.14332.20615',
        publisher: MS,
        ...lic('RETAIL'),
      },
    ],
  },
  {
    weight: 5,
    items: [
      { name: 'Microsoft 365 Apps for enterprise - zh-cn', version: '16.0.17328.20184', publisher: MS },
    ],
  },
  {
    weight: 3,
    items: [
      {
        name: 'Microsoft Office Professional Plus 2010',
        version: '14.0.7015.1000',
        publisher: MS,
        ...lic('VOLUME_MAK'),
      },
    ],
  },
  { weight: 5, items: [YOZO] },
  { weight: 7, items: [{ ...OFFICE_2016, pirate: true }] },
  { weight: 5, items: [] },
  { weight: 9, items: [WPS, { ...OFFICE_2016, ...kms() }] },
]);

const OFFICE_LINUX = weighted([
  { weight: 80, items: [WPS_LINUX] },
  { weight: 15, items: [YOZO_LINUX] },
  { weight: 5, items: [] },
]);

const ANTIVIRUS_WINDOWS = weighted([
  {
    weight: 35,
    items: [{ name: '火绒安全软件', version: '5.0.75.2', publisher: '北京火绒网络科技有限公司' }],
  },
  { weight: 20, items: [{ name: '360安全卫士', version: '13.0.0.2006', publisher: '360安全中心' }] },
  { weight: 8, items: [{ name: '金山毒霸', version: '2023.11.23', publisher: 'Kingsoft Corp.' }] },
  {
    weight: 10,
    items: [{ name: 'Symantec Endpoint Protection', version: '14.3.9210.6000', publisher: 'Broadcom' }],
  },
  {
    weight: 5,
    items: [
      {
        name: 'Kaspersky Endpoint Security for Windows',
        version: '12.3.0.493',
        publisher: 'AO Kaspersky Lab',
      },
    ],
  },
  {
    weight: 5,
    items: [{ name: '瑞星杀毒软件', version: '25.00.04.46', publisher: '北京瑞星网安技术股份有限公司' }],
  },
  {
    weight: 7,
    items: [{ name: '奇安信天擎', version: '10.0.0.2100', publisher: '奇安信科技集团股份有限公司' }],
  },
  { weight: 10, items: [] },
]);

const ANTIVIRUS_LINUX = weighted([
  {
    weight: 45,
    items: [
      { name: '奇安信天擎终端安全管理系统', version: '10.3.0.1000', publisher: '奇安信科技集团股份有限公司' },
    ],
  },
  {
    weight: 25,
    items: [
      {
        name: '瑞星ESM防病毒终端安全防护系统',
        version: '3.0.0.72',
        publisher: '北京瑞星网安技术股份有限公司',
      },
    ],
  },
  { weight: 30, items: [] },
]);

const ACTIVATORS = [
  { name: 'KMSpico', version: '10.2.0', publisher: 'Team Daz' },
  { name: 'KMSAuto Net', version: '1.5.4', publisher: 'Ratiborus' },
  { name: 'HEU KMS Activator', version: '42.0.1', publisher: 'Heu' },
  { name: 'AutoPico Daily Restart', version: '', publisher: '', trace: true },
];

/**
 * The head of the long tail: programs every office has, many of them in the built-in catalogue
 * (browsers, archivers, PDF tools, messengers), some commercial and rarely licensed.
 */
const HEAD_TITLES = [
  ['Google Chrome', 'Google LLC', ['120.0.6099.130', '122.0.6261.112', '124.0.6367.91', '125.0.6422.142']],
  ['Microsoft Edge', MS, ['124.0.2478.80', '125.0.2535.92']],
  ['Microsoft Visual C++ 2015-2022 Redistributable (x64)', MS, ['14.38.33130.0', '14.36.32532.0']],
  ['Microsoft Visual C++ 2015-2022 Redistributable (x86)', MS, ['14.38.33130.0', '14.36.32532.0']],
  ['Microsoft .NET Framework 4.8', MS, ['4.8.09032']],
  ['微信', '腾讯科技(深圳)有限公司', ['3.9.10.19', '3.9.8.25']],
  ['腾讯QQ', '腾讯科技(深圳)有限公司', ['9.7.23.29394', '9.7.21.29261']],
  ['搜狗输入法 14.4正式版', 'Sogou.com', ['14.4.0.9307']],
  ['7-Zip 23.01 (x64)', 'Igor Pavlov', ['23.01']],
  ['Adobe Acrobat Reader DC', 'Adobe Inc.', ['24.002.20759', '23.008.20470']],
  ['WinRAR 6.24 (64-bit)', 'win.rar GmbH', ['6.24.0']],
  ['钉钉', 'Alibaba (China) Network Technology Co.,Ltd.', ['7.5.20']],
  ['腾讯会议', '腾讯科技(深圳)有限公司', ['3.25.2.418']],
  ['Mozilla Firefox (x64 zh-CN)', 'Mozilla', ['125.0.3', '115.11.0']],
  ['福昕PDF阅读器', '福建福昕软件开发股份有限公司', ['2024.1.0.63682']],
  ['Bandizip', 'Bandisoft.com', ['7.33']],
  ['Adobe Acrobat DC', 'Adobe Inc.', ['24.002.20759']],
  ['企业微信', '腾讯科技(深圳)有限公司', ['4.1.22.6019']],
  ['Notepad++ (64-bit x64)', 'Notepad++ Team', ['8.6.5']],
  ['向日葵远程控制', '上海贝锐信息科技股份有限公司', ['15.2.0.63062']],
  ['TeamViewer', 'TeamViewer', ['15.53.7']],
  ['Adobe Photoshop 2023', 'Adobe Inc.', ['24.7.0']],
  ['AutoCAD 2020 - 简体中文 (Simplified Chinese)', 'Autodesk', ['23.1.47.0']],
  ['Navicat Premium 16', 'PremiumSoft CyberTech Ltd.', ['16.3.7']],
  ['Xshell 7', 'NetSarang Computer, Inc.', ['7.0.0144']],
  ['VLC media player', 'VideoLAN', ['3.0.20']],
  ['360压缩', '360安全中心', ['4.0.0.1520']],
  ['CAJViewer 7.3', '同方知网(北京)技术有限公司', ['7.3.158']],
  ['Foxmail', '腾讯科技(深圳)有限公司', ['7.2.25.375']],
  ['Python 3.11.9 (64-bit)', 'Python Software Foundation', ['3.11.9150.0']],
];

/** Programs that must never be there; drawn from the tail like anything else. */
const FORBIDDEN_TITLES = [
  ['Adobe Photoshop CS6 破解版', '', ['13.0']],
  ['Office Tool Plus crack', '', ['10.1.6.0']],
  ['AutoCAD 2014 注册机 keygen', 'X-FORCE', ['1.0']],
];

const TAIL_PREFIXES = [
  '政务',
  '公文',
  '财务',
  '档案',
  '党建',
  '综合',
  '协同',
  '视频',
  '远程',
  '数据',
  '智慧',
  '移动',
];
const TAIL_NOUNS = [
  '办公',
  '报销',
  '审批',
  '填报',
  '监管',
  '会议',
  '打印',
  '扫描',
  '统计',
  '采集',
  '签章',
  '归档',
];
const TAIL_SUFFIXES = ['客户端', '助手', '管理系统', '平台插件', '控件', '驱动程序'];
const TAIL_VENDORS = [
  '科技有限公司',
  '信息技术股份有限公司',
  '软件有限公司',
  '网络科技有限公司',
  '数码科技有限公司',
];
const TAIL_CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '南京',
  '成都',
  '武汉',
  '西安',
  '合肥',
  '济南',
  '福州',
];
const TAIL_BRANDS = [
  'Acme',
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Tailspin',
  'Litware',
  'Adatum',
  'Proseware',
  'Lucerne',
  'Wingtip',
];
const TAIL_WORDS = [
  'Scan',
  'Print',
  'Sync',
  'Viewer',
  'Agent',
  'Driver',
  'Studio',
  'Tools',
  'Helper',
  'Update',
];

/** ~3 000 titles: head first (most frequent), forbidden ones spread in the tail, then generated ones. */
export function buildTitles(random, count = 3000) {
  const titles = HEAD_TITLES.map(([name, publisher, versions]) => ({ name, publisher, versions }));
  for (let i = titles.length; i < count; i++) {
    const versionCount = intBetween(random, 1, 3);
    const major = intBetween(random, 1, 12);
    const versions = [];
    for (let v = 0; v < versionCount; v++)
      versions.push(`${major}.${v + intBetween(random, 0, 4)}.${i % 97}`);
    if (i % 2 === 0) {
      const p = TAIL_PREFIXES[i % TAIL_PREFIXES.length];
      const n = TAIL_NOUNS[Math.floor(i / TAIL_PREFIXES.length) % TAIL_NOUNS.length];
      const s = TAIL_SUFFIXES[Math.floor(i / 144) % TAIL_SUFFIXES.length];
      const city = TAIL_CITIES[i % TAIL_CITIES.length];
      titles.push({
        name: `${p}${n}${s} V${major}.${i}`,
        publisher: `${city}${p}${TAIL_VENDORS[i % TAIL_VENDORS.length]}`,
        versions,
      });
    } else {
      const brand = TAIL_BRANDS[i % TAIL_BRANDS.length];
      const word = TAIL_WORDS[Math.floor(i / 10) % TAIL_WORDS.length];
      titles.push({ name: `${brand} ${word} ${i}`, publisher: `${brand} Inc.`, versions });
    }
  }
  // Forbidden titles at ranks where a few hundred computers of a 100 000 fleet have them.
  FORBIDDEN_TITLES.forEach(([name, publisher, versions], k) => {
    titles[400 + k * 300] = { name, publisher, versions };
  });
  return titles;
}

/** The software mix for one fleet: draw `hostSoftware(random, linux)` once per computer. */
export function createSoftwareMix(random) {
  const titles = buildTitles(random);
  const zipf = zipfSampler(titles.length, 1.0);
  return { titles, zipf };
}

/**
 * One computer: `{ os, records }`. `random` is the host's own stream. Records are plain objects with
 * name, version, publisher, installDate and activation fields (licenseStatus, channel, kmsHost).
 */
export function drawHost(mix, random) {
  const profile = pickWeighted(random, OS_PROFILES.items, OS_PROFILES.total);
  const os = { ...profile.os };
  const records = [];
  let activation = profile.activation;
  if (activation === 'pirate') activation = pirate(random);
  // Windows activation is read like slmgr / SoftwareLicensingProduct: a row for the OS itself.
  if (activation)
    records.push({ name: os.name, version: os.version, publisher: MS, edition: os.edition, ...activation });
  if (profile.activation === 'pirate' && random() < 0.7) records.push(activator(random));

  const linux = profile.linux === true;
  const office = linux ? OFFICE_LINUX : OFFICE_WINDOWS;
  for (const item of pickWeighted(random, office.items, office.total).items) {
    if (item.pirate) {
      const { pirate: _, ...rest } = item;
      records.push({ ...rest, ...pirate(random) });
      if (random() < 0.5) records.push(activator(random));
    } else records.push({ ...item });
  }
  const antivirus = linux ? ANTIVIRUS_LINUX : ANTIVIRUS_WINDOWS;
  for (const item of pickWeighted(random, antivirus.items, antivirus.total).items) records.push({ ...item });

  // The long tail: ~150 programs in all, each title at most once per computer.
  const target = intBetween(random, 120, 180);
  const seen = new Set();
  let guard = 0;
  while (records.length < target && guard++ < target * 20) {
    const rank = mix.zipf(random);
    if (seen.has(rank)) continue;
    seen.add(rank);
    const title = mix.titles[rank];
    const version = title.versions[Math.floor(random() * random() * title.versions.length)];
    records.push({ name: title.name, version, publisher: title.publisher });
  }
  const year = intBetween(random, 2016, 2024);
  for (const record of records) {
    if (record.trace) continue;
    const y = Math.min(2024, year + intBetween(random, 0, 2));
    record.installDate = `${y}-${pad(intBetween(random, 1, y === 2024 ? 6 : 12))}-${pad(intBetween(random, 1, 28))}`;
  }
  return { os, records, linux };
}

function pirate(random) {
  return {
    licenseStatus: 'licensed',
    channel: 'VOLUME_KMSCLIENT',
    kmsHost: PIRATE_KMS_HOSTS[Math.floor(random() * PIRATE_KMS_HOSTS.length)],
  };
}

function activator(random) {
  return { ...ACTIVATORS[Math.floor(random() * ACTIVATORS.length)] };
}

function pad(n) {
  return n < 10 ? `0${n}` : String(n);
}

function weighted(items) {
  return { items, total: items.reduce((sum, item) => sum + item.weight, 0) };
}
