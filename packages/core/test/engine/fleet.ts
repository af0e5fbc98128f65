/**
 * A hand-built fleet of 21 computers in 3 units (plus a 4th unit with no computers) and the policy
 * it is judged against. Every expected number in fleet.test.ts is worked out by hand from this file.
 *
 * Allocation order of units is by code point: 卫健委 (U+536B) < 教育局 (U+6559) < 财政局 (U+8D22).
 */
import type {
  HostInventory,
  OsInfo,
  Policy,
  RecordAttributes,
  SoftwareRecord,
  UnitInfo,
} from '@zhengban/core';
import { buildPolicy, entitlement, exact, glob, product, regex, vendor } from './policy-builder.js';

export const AS_OF = '2024-06-30';

export const units: UnitInfo[] = [
  { name: '财政局', staff: 30 },
  { name: '教育局', staff: 20 },
  { name: '卫健委', staff: 25 },
  { name: '科技局', staff: 10 },
];

export const policy: Policy = buildPolicy({
  catalog: {
    vendors: [
      vendor({ id: 'kingsoft', names: ['Kingsoft Corp.', '珠海金山办公软件有限公司'], domestic: true }),
      vendor({ id: 'microsoft', names: ['Microsoft Corporation'] }),
    ],
    products: [
      product({
        id: 'ms-windows',
        category: 'os',
        vendor: 'microsoft',
        editions: ['Home', 'Professional', 'Enterprise'],
        versionScheme: 'windows',
        match: [{ osId: ['windows'] }, { name: [glob('Microsoft Windows*')] }],
      }),
      product({
        id: 'kylin',
        category: 'os',
        domestic: true,
        license: 'bundled',
        match: [{ osId: ['kylin'] }],
      }),
      product({
        id: 'ms-office',
        category: 'office',
        vendor: 'microsoft',
        editions: ['ProPlus', 'Standard'],
        versionScheme: 'windows',
        match: [
          {
            name: [regex('^Microsoft Office (Professional Plus|Standard) (2016|2019)')],
            publisher: [exact('Microsoft Corporation')],
          },
        ],
      }),
      product({
        id: 'wps-office',
        category: 'office',
        vendor: 'kingsoft',
        domestic: true,
        match: [
          { name: [glob('WPS Office*')], publisher: [glob('kingsoft*')] },
          { name: [exact('wps-office')] },
        ],
      }),
      product({
        id: 'huorong',
        category: 'antivirus',
        domestic: true,
        license: 'freeware',
        match: [{ name: [exact('火绒安全软件')] }],
      }),
      product({
        id: 'symantec',
        category: 'antivirus',
        versionScheme: 'windows',
        match: [{ name: [glob('Symantec Endpoint Protection*')] }],
      }),
      product({
        id: 'kmspico',
        category: 'activator',
        license: 'freeware',
        match: [{ name: [regex('kmspico')] }],
      }),
      product({
        id: '7zip',
        category: 'archiver',
        license: 'open-source',
        match: [{ name: [glob('7-Zip*')] }],
      }),
      product({ id: 'winrar', category: 'archiver', match: [{ name: [glob('WinRAR*')] }] }),
    ],
  },
  entitlements: [
    entitlement({
      id: 'E-OEM-1',
      product: 'ms-windows',
      type: 'oem',
      seats: 1,
      versions: '>=10',
      editions: ['Professional'],
      scope: { hosts: ['F-01'] },
    }),
    entitlement({
      id: 'E-WIN-A',
      product: 'ms-windows',
      seats: 3,
      versions: '>=10 <11',
      editions: ['Professional', 'Enterprise'],
      scope: { units: ['财政局'] },
      expires: '2025-12-31',
    }),
    entitlement({
      id: 'E-WIN-ALL',
      product: 'ms-windows',
      seats: 5,
      versions: '>=10',
      editions: ['Professional', 'Enterprise'],
    }),
    entitlement({
      id: 'E-OFF-OLD',
      product: 'ms-office',
      type: 'retail',
      seats: 5,
      versions: '>=16 <17',
      expires: '2023-12-31',
    }),
    entitlement({
      id: 'E-OFF-RET',
      product: 'ms-office',
      type: 'retail',
      seats: 10,
      status: 'retired',
      retired: { date: '2023-06-15', reason: '报废' },
    }),
    entitlement({
      id: 'E-OFF-19',
      product: 'ms-office',
      seats: 2,
      versions: '>=16.0.10000 <17',
      editions: ['ProPlus'],
    }),
    entitlement({
      id: 'E-WPS',
      product: 'wps-office',
      seats: 10,
      versions: '>=11 <13',
      scope: { units: ['财政局', '教育局'] },
    }),
    entitlement({
      id: 'E-WPS-SITE',
      product: 'wps-office',
      type: 'site',
      seats: 1,
      versions: '>=12',
      scope: { units: ['卫健委'] },
    }),
    entitlement({
      id: 'E-SEP',
      product: 'symantec',
      type: 'subscription',
      seats: 2,
      validFrom: '2024-01-01',
      expires: '2024-12-31',
    }),
    entitlement({
      id: 'E-SEP-FUT',
      product: 'symantec',
      type: 'subscription',
      seats: 5,
      validFrom: '2024-09-01',
    }),
  ],
  requirements: {
    editions: { os: { deny: ['Home', 'Starter'] } },
    activation: { kmsHosts: ['kms.gov.cn'] },
  },
  preferences: {
    domestic: [
      { class: 'office', target: 0.8, outcome: { status: 'warn', severity: 'medium' } },
      { class: 'antivirus', target: 1, outcome: { status: 'warn', severity: 'low' } },
    ],
  },
  forbidden: {
    products: ['kmspico'],
    patterns: [{ name: [regex('crack|破解')], reason: '破解软件' }],
  },
  rules: [
    {
      id: 'av-too-old',
      scope: 'software',
      outcome: { status: 'warn', severity: 'medium' },
      conditions: {
        all: [
          { fact: 'product', operator: 'equal', value: 'symantec' },
          { fact: 'version', operator: 'versionInRange', value: { range: '<14', scheme: 'windows' } },
        ],
      },
      message: { zh: 'Symantec 版本过旧', en: 'Symantec is too old' },
    },
    {
      id: 'too-much-software',
      scope: 'host',
      outcome: { status: 'warn', severity: 'low' },
      conditions: { all: [{ fact: 'softwareCount', operator: 'greaterThan', value: 3 }] },
      message: { zh: '软件过多', en: 'Too much software' },
    },
    {
      id: 'low-os-genuine',
      scope: 'unit',
      outcome: { status: 'fail', severity: 'high' },
      conditions: {
        all: [{ fact: 'genuineRates', path: '$.os', operator: 'lessThanInclusive', value: 0.5 }],
      },
      message: { zh: '操作系统正版率不高于 50%', en: 'OS genuine rate at most 50%' },
    },
    {
      id: 'fleet-unauthorised',
      scope: 'fleet',
      outcome: { status: 'warn', severity: 'info' },
      conditions: { all: [{ fact: 'unauthorised', operator: 'greaterThan', value: 0 }] },
      message: { zh: '存在未授权软件', en: 'Unauthorised software present' },
    },
  ],
  waivers: [
    {
      id: 'waiver-1',
      rule: 'licensing.unlicensed',
      hosts: ['J-03'],
      justification: '采购流程中',
      expires: '2024-12-31',
    },
    {
      id: 'waiver-2',
      rule: 'requirements.activation',
      units: ['财政局'],
      justification: '迁移 KMS 中',
      expires: '2024-05-31',
    },
  ],
  settings: { asOf: AS_OF, remediationDays: 15, unrecognised: 'report' },
});

let line = 0;
const at = () => ({ source: 'csv', file: 'fleet.csv', line: ++line });

function rec(
  name: string,
  version?: string,
  publisher?: string,
  attributes?: RecordAttributes,
): SoftwareRecord {
  const r: SoftwareRecord = { name, source: 'csv', evidence: at() };
  if (version) r.version = version;
  if (publisher) r.publisher = publisher;
  if (attributes) r.attributes = attributes;
  return r;
}

const win10 = (attributes: RecordAttributes = { licenseStatus: 'licensed' }): OsInfo => ({
  name: 'Microsoft Windows 10 专业版',
  id: 'windows',
  version: '10.0.19045',
  edition: 'Professional',
  attributes,
  evidence: at(),
});
const win10Home = (): OsInfo => ({
  name: 'Microsoft Windows 10 家庭中文版',
  id: 'windows',
  version: '10.0.19045',
  edition: 'CoreCountrySpecific',
  attributes: { licenseStatus: 'licensed' },
  evidence: at(),
});
const win7 = (): OsInfo => ({
  name: 'Microsoft Windows 7 专业版',
  id: 'windows',
  version: '6.1.7601',
  edition: 'Professional',
  attributes: { licenseStatus: 'licensed' },
  evidence: at(),
});
const kylin = (): OsInfo => ({ name: 'Kylin', id: 'kylin', version: 'V10', evidence: at() });

const wps = (version: string, publisher = 'Kingsoft Corp.') =>
  rec(`WPS Office (${version})`, version, publisher);
const wpsDeb = (version: string) => rec('wps-office', version, 'Kingsoft Corp.');
const huorong = () => rec('火绒安全软件', '5.0.73.3', '北京火绒网络科技有限公司');
const sep = (version: string) => rec('Symantec Endpoint Protection', version, 'Broadcom');
const office2019 = (version = '16.0.10827.20181') =>
  rec('Microsoft Office Professional Plus 2019', version, 'Microsoft Corporation');

function host(id: string, unit: string, os: OsInfo, software: SoftwareRecord[]): HostInventory {
  return { id, unit, os, software, scanner: 'csv' };
}

export const hosts: HostInventory[] = [
  // 卫健委
  host('W-01', '卫健委', kylin(), [wpsDeb('12.1.0.16417'), huorong()]),
  host('W-02', '卫健委', kylin(), [wpsDeb('12.1.0.16417'), huorong()]),
  host('W-03', '卫健委', kylin(), [wpsDeb('11.1.0.11664'), huorong()]),
  host(
    'W-04',
    '卫健委',
    win10({ licenseStatus: 'licensed', kmsHost: 'kms.gov.cn:1688', channel: 'VOLUME_KMSCLIENT' }),
    [office2019(), sep('14.3.558.0000')],
  ),
  host('W-05', '卫健委', win10(), [huorong()]),
  host('W-06', '卫健委', kylin(), [
    wps('12.2.0.13110'),
    huorong(),
    rec('7-Zip 23.01 (x64)', '23.01', 'Igor Pavlov'),
    rec('Foo Viewer', '1.0', 'Foo Ltd'),
  ]),
  // 教育局
  host('J-01', '教育局', win10(), [wps('11.1.0.11664'), huorong()]),
  host('J-02', '教育局', win10(), [wps('12.1.0.16417'), sep('12.1.671.4971')]),
  host('J-03', '教育局', win10(), [
    office2019(),
    sep('14.3.558.0000'),
    rec('WinRAR 6.00 (64-bit)', '6.00.0', 'win.rar GmbH'),
  ]),
  host('J-04', '教育局', win7(), [
    wps('11.1.0.11664'),
    huorong(),
    rec('Adobe Photoshop CS6 破解版', '13.0', 'Adobe Systems'),
  ]),
  host('J-05', '教育局', kylin(), [office2019('16.0 (build 10827)'), huorong()]),
  host('J-06', '教育局', kylin(), [wps('12.1.0.16417'), huorong()]),
  host('J-07', '教育局', kylin(), [wps('11.1.0.11664')]),
  // 财政局
  host('F-01', '财政局', win10(), [wps('11.1.0.11664', '珠海金山办公软件有限公司'), huorong()]),
  host('F-02', '财政局', win10(), [wps('11.1.0.11664'), huorong()]),
  host('F-03', '财政局', win10(), [wps('12.1.0.16417'), huorong()]),
  host('F-04', '财政局', win10({ licenseStatus: 'licensed', kmsHost: 'kms.evil.example' }), [
    wps('11.1.0.11664'),
    huorong(),
  ]),
  host('F-05', '财政局', win10(), [wps('12.1.0.16417')]),
  host('F-06', '财政局', win10Home(), [wps('11.2.0.11537'), huorong()]),
  host('F-07', '财政局', kylin(), [wpsDeb('12.1.0.16417'), huorong()]),
  host('F-08', '财政局', win10({ licenseStatus: 'notification' }), [
    rec('Microsoft Office Standard 2016', '16.0.4266.1001', 'Microsoft Corporation'),
    huorong(),
    rec('KMSpico 10.2.0', '10.2.0', undefined, { trace: true }),
  ]),
];
