/**
 * The city's licence ledger (台账), waivers and custom rule: the data behind policy.yaml. The
 * bookkeeping judges the fleet against these same objects, and policy-yaml.mjs writes them out, so
 * the policy and EXPECTED.md cannot drift apart.
 */
import { CITY_UNITS, COUNTY_UNITS } from './units.mjs';

const range = (prefix, from, to) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-PC-${String(from + i).padStart(3, '0')}`);

/** Computers bought with Windows pre-installed (OEM): the licence is bound to the machine. */
export const OEM_HOSTS = {
  czj2012: range('CZJ', 1, 20),
  wgj2012: range('WGJ', 1, 8),
  czj2013: range('CZJ', 71, 75),
};

/** The domestic-OS pilot machines of 市经信委 (国产化试点). */
export const LINUX_HOSTS = { kylin: 'JXW-PC-039', uos: 'JXW-PC-040' };

/** The computer of 市财政局 on the province's budget network, where antivirus conflicts (waiver 2). */
export const BUDGET_NETWORK_HOST = 'CZJ-PC-066';

/** The one county computer still running an unlicensed Office at acceptance. */
export const LEFTOVER_OFFICE_HOST = 'DWX-PC-018';

/** Entitlements in ledger order. Field names are the policy format's. */
export const ENTITLEMENTS = [
  {
    id: 'ENT-2006-001',
    notes: 'Office 2003 零售版，2013 年 6 月随旧计算机报废（已不能再用）',
    product: 'ms-office',
    versions: '>=11 <12',
    type: 'retail',
    seats: 10,
    origin: '自购',
    purchased: '2006-04-10',
    status: 'retired',
    retired: { date: '2013-06-15', reason: '报废' },
  },
  {
    id: 'ENT-2011-002',
    notes: 'Office 2010 专业增强版批量许可（经市 KMS 激活），仅限市政府办公室',
    product: 'ms-office',
    type: 'volume',
    seats: 30,
    scope: { units: ['市政府办公室'] },
    origin: '配发',
    purchased: '2011-11-10',
    evidence: { contract: 'ZFCG-2011-0932', licence: 'Microsoft Open License 6xxxxx21' },
  },
  {
    id: 'ENT-2012-003',
    notes: '瑞星杀毒软件网络版一年期服务，2013 年 3 月到期未续',
    product: 'rising-antivirus',
    type: 'subscription',
    seats: 200,
    scope: { units: CITY_UNITS },
    origin: '配发',
    purchased: '2012-03-20',
    validFrom: '2012-04-01',
    expires: '2013-03-31',
    evidence: { contract: 'ZFCG-2012-0217' },
  },
  {
    id: 'ENT-2012-004',
    notes: '2012 年采购台式机 20 台，预装 Windows 7 专业版（OEM，随机绑定）',
    product: 'ms-windows',
    editions: ['Professional'],
    versions: '>=6.1 <6.2',
    type: 'oem',
    seats: 20,
    scope: { hosts: OEM_HOSTS.czj2012 },
    origin: '预装',
    purchased: '2012-03-01',
  },
  {
    id: 'ENT-2012-005',
    notes: '2012 年采购台式机 8 台，预装 Windows 7 专业版（OEM，随机绑定）',
    product: 'ms-windows',
    editions: ['Professional'],
    versions: '>=6.1 <6.2',
    type: 'oem',
    seats: 8,
    scope: { hosts: OEM_HOSTS.wgj2012 },
    origin: '预装',
    purchased: '2012-05-16',
  },
  {
    id: 'ENT-2012-006',
    notes: '用友U8 财务软件（市财政局、市科技局），按站点数授权',
    product: 'yonyou',
    type: 'volume',
    seats: 40,
    scope: { units: ['市财政局', '市科技局'] },
    origin: '自购',
    purchased: '2012-03-20',
    evidence: { contract: 'CZJ-CG-2012-007' },
  },
  {
    id: 'ENT-2013-001',
    notes: '第一批 WPS Office 专业版（先行采购）',
    product: 'wps-office-pro',
    versions: '>=9 <13',
    type: 'volume',
    seats: 120,
    scope: { units: ['市财政局', '市经信委'] },
    origin: '配发',
    purchased: '2013-05-20',
    validFrom: '2013-06-01',
    evidence: { contract: 'PJ-ZFCG-2013-0415', document: '授权书/WPS-2013.pdf' },
  },
  {
    id: 'ENT-2013-002',
    notes: '区县 360 天擎终端安全管理系统，站点授权，不限点数',
    product: '360-endpoint',
    type: 'site',
    scope: { units: COUNTY_UNITS },
    origin: '配发',
    purchased: '2013-03-05',
    validFrom: '2013-03-15',
    expires: '2016-03-14',
    evidence: { contract: 'PJ-ZFCG-2013-0108' },
  },
  {
    id: 'ENT-2013-003',
    notes: '火绒安全软件：厂商书面同意机关免费使用',
    product: 'huorong-security',
    type: 'freeware',
    origin: '免费',
    evidence: { document: '授权书/火绒-书面授权-2013.pdf' },
  },
  {
    id: 'ENT-2013-004',
    notes: '国产化试点：银河麒麟桌面操作系统',
    product: 'kylin-desktop',
    type: 'volume',
    seats: 10,
    scope: { units: ['市经信委'] },
    origin: '配发',
    purchased: '2013-04-02',
    validFrom: '2013-04-15',
  },
  {
    id: 'ENT-2013-005',
    notes: '国产化试点：统信桌面操作系统',
    product: 'uos-desktop',
    type: 'volume',
    seats: 10,
    scope: { units: ['市经信委'] },
    origin: '配发',
    purchased: '2013-04-02',
    validFrom: '2013-04-15',
  },
  {
    id: 'ENT-2013-006',
    notes: '国产化试点：WPS Office for Linux（包名不标明版本类型）',
    product: 'wps-office',
    type: 'volume',
    seats: 10,
    scope: { units: ['市经信委'] },
    origin: '配发',
    purchased: '2013-04-02',
    validFrom: '2013-04-15',
  },
  {
    id: 'ENT-2013-007',
    notes: 'Windows 7 专业版升级批量许可（市直经市 KMS 激活，区县用 MAK），全市统一采购',
    product: 'ms-windows',
    type: 'volume',
    seats: 300,
    origin: '配发',
    purchased: '2013-08-26',
    validFrom: '2013-09-01',
    evidence: { contract: 'PJ-ZFCG-2013-0833', licence: 'Microsoft Select Plus 7xxxxx05' },
  },
  {
    id: 'ENT-2013-008',
    notes: '第二批 WPS Office 专业版（市直其余单位）',
    product: 'wps-office-pro',
    versions: '>=9 <13',
    type: 'volume',
    seats: 120,
    scope: { units: ['市政府办公室', '市科技局', '市服务业委员会', '市文化广电局'] },
    origin: '配发',
    purchased: '2013-08-26',
    validFrom: '2013-09-01',
    evidence: { contract: 'PJ-ZFCG-2013-0834' },
  },
  {
    id: 'ENT-2013-009',
    notes: '区县 WPS Office 专业版（执行市框架协议）',
    product: 'wps-office-pro',
    versions: '>=9 <13',
    type: 'volume',
    seats: 90,
    scope: { units: COUNTY_UNITS },
    origin: '配发',
    purchased: '2013-08-30',
    validFrom: '2013-09-01',
    evidence: { contract: 'PJ-ZFCG-2013-0835' },
  },
  {
    id: 'ENT-2013-010',
    notes: 'Office 2013 专业增强版批量许可：市科技局科研数据处理需要 Excel 宏',
    product: 'ms-office',
    type: 'volume',
    seats: 25,
    scope: { units: ['市科技局'] },
    origin: '自购',
    purchased: '2013-09-10',
    validFrom: '2013-09-15',
    evidence: { contract: 'KJJ-CG-2013-021' },
  },
  {
    id: 'ENT-2013-011',
    notes: '2013 年新购台式机 5 台，预装 Windows 8 专业版（OEM，随机绑定）',
    product: 'ms-windows',
    editions: ['Professional'],
    versions: '>=6.2 <6.3',
    type: 'oem',
    seats: 5,
    scope: { hosts: OEM_HOSTS.czj2013 },
    origin: '预装',
    purchased: '2013-11-05',
  },
];

for (const entitlement of ENTITLEMENTS) entitlement.status ??= 'active';

export const KMS_HOSTS = ['kms.pj.gov.cn'];
export const EDITIONS_DENIED = ['Home', 'Core', 'Starter'];
export const DOMESTIC_TARGETS = [
  { class: 'office', target: 0.8, severity: 'warn' },
  { class: 'antivirus', target: 1.0, severity: 'warn' },
];
export const FORBIDDEN_PRODUCTS = ['kmspico', 'kmsauto', 'heu-kms-activator'];
export const FORBIDDEN_PATTERN = '番茄花园|雨林木风|深度技术|电脑公司特别版';

/** The custom rule: antivirus installed before 2010 is an old engine that needs replacing. */
export const OLD_ANTIVIRUS_BEFORE = '2010-01-01';

export const WAIVERS = [
  {
    id: 'waiver-kjj-excel',
    rule: 'preferences.domestic.office',
    units: ['市科技局'],
    justification: '科研数据处理依赖 Excel 宏，经领导小组批准暂缓',
    approvedBy: '市软件正版化工作领导小组办公室',
    expires: '2014-01-01',
  },
  {
    id: 'waiver-czj-budget-network',
    rule: 'requirements.missing.antivirus',
    hosts: [BUDGET_NETWORK_HOST],
    justification: '该机接入省财政厅预算专网，专网客户端与杀毒软件冲突，待厂商适配',
    approvedBy: '市软件正版化工作领导小组办公室',
    ticket: 'ZBH-2013-017',
    expires: '2013-10-31',
  },
  {
    id: 'waiver-jxw-linux-antivirus',
    rule: 'requirements.missing.antivirus',
    hosts: [LINUX_HOSTS.kylin, LINUX_HOSTS.uos],
    justification: '国产操作系统终端杀毒软件尚在选型测试',
    approvedBy: '市软件正版化工作领导小组办公室',
    ticket: 'ZBH-2013-009',
    expires: '2014-06-30',
  },
];
