/**
 * Every software title the example's computers carry, as inventories write it (DisplayName,
 * DisplayVersion, Publisher), together with how the built-in catalogue and the city's policy judge
 * it: the product id it is recognised as (null = unrecognised), its class, whether it is domestic
 * and its licence model. The generator's bookkeeping (bookkeeping.mjs) works from this table, never
 * from the engine, so EXPECTED.md is an independent account the engine must agree with.
 */

const MICROSOFT = 'Microsoft Corporation';

/** Operating systems. `edition` is how the inventory spells it, `canonical` the vocabulary's word. */
export const OS_TITLES = {
  win7pro: {
    name: 'Microsoft Windows 7 专业版',
    version: '6.1.7601',
    build: '7601',
    edition: '专业版',
    editionId: 'Professional',
    canonical: 'Professional',
  },
  win7ult: {
    name: 'Microsoft Windows 7 旗舰版',
    version: '6.1.7601',
    build: '7601',
    edition: '旗舰版',
    editionId: 'Ultimate',
    canonical: 'Ultimate',
  },
  win7home: {
    name: 'Microsoft Windows 7 家庭普通版',
    version: '6.1.7601',
    build: '7601',
    edition: '家庭普通版',
    editionId: 'HomeBasic',
    canonical: 'Home',
  },
  winxp: {
    name: 'Microsoft Windows XP Professional',
    version: '5.1.2600',
    build: '2600',
    edition: 'Professional',
    editionId: 'Professional',
    canonical: 'Professional',
  },
  win8pro: {
    name: 'Microsoft Windows 8 专业版',
    version: '6.2.9200',
    build: '9200',
    edition: '专业版',
    editionId: 'Professional',
    canonical: 'Professional',
  },
  kylin: {
    name: 'Kylin V10 SP1',
    version: 'v10',
    edition: '专业版',
    canonical: 'Professional',
    product: 'kylin-desktop',
    domestic: true,
  },
  uos: {
    name: 'UnionTech OS Desktop 20 Pro',
    version: '20.1050',
    edition: '专业版',
    canonical: 'Professional',
    product: 'uos-desktop',
    domestic: true,
  },
};
for (const title of Object.values(OS_TITLES)) {
  title.product ??= 'ms-windows';
  title.domestic ??= false;
  title.category = 'os';
  title.license = 'commercial';
  title.publisher ??= title.product === 'ms-windows' ? MICROSOFT : undefined;
}

/** Installed programs (Windows DisplayName or Linux package). */
export const SOFTWARE_TITLES = {
  // ── office ──
  office2010: {
    name: 'Microsoft Office 专业增强版 2010',
    version: '14.0.6029.1000',
    publisher: MICROSOFT,
    product: 'ms-office',
  },
  office2007: {
    name: 'Microsoft Office Enterprise 2007',
    version: '12.0.6612.1000',
    publisher: MICROSOFT,
    product: 'ms-office',
  },
  office2003: {
    name: 'Microsoft Office Professional Edition 2003',
    version: '11.0.8173.0',
    publisher: MICROSOFT,
    product: 'ms-office',
  },
  office2013: {
    name: 'Microsoft Office 专业增强版 2013',
    version: '15.0.4569.1506',
    publisher: MICROSOFT,
    product: 'ms-office',
  },
  wpsPro: {
    name: 'WPS Office 2013 专业版',
    version: '9.1.0.4961',
    publisher: 'Kingsoft Corp.',
    product: 'wps-office-pro',
    domestic: true,
  },
  wpsPersonal: {
    name: 'WPS Office 2013 个人版',
    version: '9.1.0.4550',
    publisher: 'Kingsoft Corp.',
    product: 'wps-office-personal',
    domestic: true,
  },
  // Linux packages: the name does not tell the edition, so the catalogue calls it `wps-office`.
  wpsKylin: {
    name: 'wpsoffice',
    version: '11.1.0.10161',
    publisher: 'Kingsoft Office',
    product: 'wps-office',
    domestic: true,
  },
  wpsUos: {
    name: 'wps-office',
    version: '11.1.0.10702',
    publisher: 'Kingsoft Office',
    product: 'wps-office',
    domestic: true,
  },
  // ── antivirus ──
  huorong: {
    name: '火绒安全软件',
    version: '1.0.8.5',
    publisher: '北京火绒网络科技有限公司',
    product: 'huorong-security',
    domestic: true,
  },
  tianqing: {
    name: '360天擎终端安全管理系统',
    version: '5.0.0.2005',
    publisher: '北京奇虎科技有限公司',
    product: '360-endpoint',
    domestic: true,
  },
  rising: {
    name: '瑞星杀毒软件网络版',
    version: '23.00.71.15',
    publisher: '北京瑞星信息技术有限公司',
    product: 'rising-antivirus',
    domestic: true,
  },
  safe360: {
    name: '360安全卫士',
    version: '9.1.0.2002',
    publisher: '360安全中心',
    product: '360-safe',
    domestic: true,
  },
  symantec: {
    name: 'Symantec Endpoint Protection',
    version: '12.1.2015.2015',
    publisher: 'Symantec Corporation',
    product: 'symantec-endpoint-protection',
  },
  // ── activators (forbidden) ──
  // The catalogue calls activators freeware: they are judged as forbidden, not as unlicensed.
  kmsauto: {
    name: 'KMSAuto Net',
    version: '1.2.7',
    publisher: 'Ratiborus',
    product: 'kmsauto',
    category: 'activator',
    license: 'freeware',
  },
  kmspico: {
    name: 'KMSpico',
    version: '9.1.3',
    publisher: 'Team Daz',
    product: 'kmspico',
    category: 'activator',
    license: 'freeware',
  },
  heuKms: {
    name: 'HEU KMS Activator',
    version: '11.0.0',
    publisher: '知彼而知己',
    product: 'heu-kms-activator',
    category: 'activator',
    license: 'freeware',
  },
  // ── everyday programs the built-in catalogue knows (free, except WinRAR) ──
  qq: {
    name: '腾讯QQ2013',
    version: '5.1.10044.0',
    publisher: '腾讯科技(深圳)有限公司',
    product: 'tencent-qq',
    category: 'im',
    domestic: true,
    license: 'freeware',
  },
  browser360: {
    name: '360安全浏览器 6.2',
    version: '6.2.1.262',
    publisher: '360安全中心',
    product: '360-secure-browser',
    category: 'browser',
    domestic: true,
    license: 'freeware',
  },
  adobeReader: {
    name: 'Adobe Reader XI (11.0.03) - Chinese Simplified',
    version: '11.0.03',
    publisher: 'Adobe Systems Incorporated',
    product: 'adobe-reader',
    category: 'pdf',
    license: 'freeware',
  },
  haozip: {
    name: '2345好压 3.3',
    version: '3.3.0.9201',
    publisher: '上海二三四五网络科技股份有限公司',
    product: 'haozip',
    category: 'archiver',
    domestic: true,
    license: 'freeware',
  },
  // Shareware: an agency needs a licence, and the city has none.
  winrar: {
    name: 'WinRAR 4.20 (32-bit)',
    version: '4.20.0',
    publisher: 'win.rar GmbH',
    product: 'winrar',
    category: 'archiver',
  },
  // ── common programs the built-in catalogue knows (catalog/communication, tools, documents,
  //    workplace); 用友U8 is commercial and the city's ledger covers it (ENT-2012-006) ──
  baofeng: {
    name: '暴风影音5',
    version: '5.24.0529.1111',
    publisher: '北京暴风科技股份有限公司',
    product: 'baofeng',
    category: 'media',
    license: 'freeware',
    domestic: true,
  },
  ttplayer: {
    name: '千千静听',
    version: '7.0.4',
    publisher: 'Baidu Online Network Technology (Beijing) Co., Ltd.',
    product: 'ttplayer',
    category: 'media',
    license: 'freeware',
    domestic: true,
  },
  drivergenius: {
    name: '驱动精灵 2013',
    version: '2013.6.12.1',
    publisher: '驱动之家',
    product: 'drivergenius',
    category: 'tool',
    license: 'freeware',
    domestic: true,
  },
  ssreader: {
    name: '超星阅览器 4.1',
    version: '4.1.5',
    publisher: '北京世纪超星信息技术发展有限责任公司',
    product: 'ssreader',
    category: 'pdf',
    license: 'freeware',
    domestic: true,
  },
  yonyou: {
    name: '用友U8 V10.1',
    version: '10.1.0.0',
    publisher: '用友软件股份有限公司',
    product: 'yonyou',
    category: 'other',
    license: 'commercial',
    domestic: true,
  },
  // ── programs no catalogue knows: listed for review (settings.unrecognised: report) ──
  budget: {
    name: '财政预算编审系统',
    version: '3.2.0',
    publisher: '市财政局信息中心',
    product: null,
    category: null,
  },
  // ── left behind by "Ghost" copies of Windows: the city's own forbidden pattern catches them ──
  ghostTool: {
    name: '雨林木风 系统优化工具 2.6',
    version: '2.6',
    publisher: '雨林木风',
    product: null,
    category: null,
    forbiddenPattern: true,
  },
  ghostTool2: {
    name: '番茄花园 装机助手',
    version: '1.0',
    publisher: '番茄花园',
    product: null,
    category: null,
    forbiddenPattern: true,
  },
  // ── only in the on-site registry exports (the register lists no runtimes or drivers) ──
  vcRedist2008: {
    name: 'Microsoft Visual C++ 2008 Redistributable - x86 9.0.30729.4148',
    version: '9.0.30729.4148',
    publisher: MICROSOFT,
    product: 'ms-vc-runtime',
    category: 'other',
    license: 'freeware',
  },
  dotnet4: {
    name: 'Microsoft .NET Framework 4 Client Profile',
    version: '4.0.30319',
    publisher: MICROSOFT,
    product: 'ms-dotnet',
    category: 'other',
    license: 'bundled',
  },
  realtek: {
    name: 'Realtek High Definition Audio Driver',
    version: '6.0.1.6662',
    publisher: 'Realtek Semiconductor Corp.',
    // a driver: part of the computer, grouped by builtin:catalog/system, never listed
    product: 'windows-system-component',
    category: 'system',
    license: 'bundled',
  },
  flash: {
    name: 'Adobe Flash Player 11 ActiveX',
    version: '11.7.700.224',
    publisher: 'Adobe Systems Incorporated',
    product: 'adobe-flash-player',
    category: 'media',
    license: 'freeware',
  },
  // ── the city's own application, catalogued by the policy (bundled: no licence needed) ──
  oaClient: {
    name: '协同办公客户端',
    version: '5.6.2',
    publisher: '市信息中心',
    product: 'city-oa-client',
    category: 'other',
    domestic: true,
    license: 'bundled',
  },
};

/** Classes for the titles above: office unless said otherwise. */
const ANTIVIRUS = ['huorong', 'tianqing', 'rising', 'safe360', 'symantec'];
for (const [key, title] of Object.entries(SOFTWARE_TITLES)) {
  title.key = key;
  if (title.category === undefined) title.category = ANTIVIRUS.includes(key) ? 'antivirus' : 'office';
  title.domestic ??= false;
  title.license ??= 'commercial';
}
for (const [key, title] of Object.entries(OS_TITLES)) title.key = key;
