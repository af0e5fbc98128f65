/**
 * Evidence collected on site from the inspected Windows computers, in the formats the windows
 * scanner reads (packages/scanners/README.md): the Uninstall keys as `reg query /s` text or a
 * `regedit /e` export, `wmic os get /format:list`, `cscript slmgr.vbs /dli` and, where Office was
 * checked, `cscript ospp.vbs /dstatus`. Encodings are what Windows writes: .reg and wmic in UTF-16LE
 * with a BOM, console output of a Chinese Windows in GBK.
 */
import { createRequire } from 'node:module';
import { OS_TITLES, SOFTWARE_TITLES } from './titles.mjs';

const iconv = createRequire(new URL('../../../packages/scanners/package.json', import.meta.url))(
  'iconv-lite',
);

const UNINSTALL = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const UNINSTALL_32 =
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

/** How each inspected computer's evidence was taken (the inspectors used what the PC allowed). */
const PROFILES = {
  'ZFB-PC-023': { uninstall: 'reg-export', slmgr: 'en', ospp: true },
  'CZJ-PC-003': { uninstall: 'reg-query', slmgr: 'zh', currentVersion: true },
  'KJJ-PC-012': { uninstall: 'reg-query', slmgr: 'zh' },
  'WGJ-PC-015': { uninstall: 'reg-export', slmgr: 'en' },
  'DWX-PC-007': { uninstall: 'reg-query', slmgr: 'zh' },
};

/** Registry key names: MSI products under their product code, the rest under a plain name. */
const KEY_NAMES = {
  office2003: '{90110804-6000-11D3-8CFE-0150048383C9}',
  office2007: '{90120000-0030-0000-0000-0000000FF1CE}',
  office2010: '{90140000-0011-0000-0000-0000000FF1CE}',
  office2013: '{90150000-0011-0000-0000-0000000FF1CE}',
  symantec: '{A0CFB412-0C01-4D2E-BAC9-3610AD36B4C8}',
  vcRedist2008: '{9BE518E6-ECC6-35A9-88E4-87755C07200F}',
  dotnet4: 'Microsoft .NET Framework 4 Client Profile',
  kmspico: 'KMSpico_is1',
  wpsPro: 'Kingsoft Office',
  wpsPersonal: 'Kingsoft Office',
  qq: '{052CFB79-9D62-42E3-8A15-DE66C2C97C3E}',
  flash: 'Adobe Flash Player ActiveX',
  realtek: '{F132AF7F-7BCA-4EDE-8A7C-958108FE7DBC}',
};

/** The named twin key an Office suite also writes (merged by the scanner). */
const OFFICE_TWINS = {
  office2007: 'ENTERPRISE',
  office2010: 'Office14.PROPLUS',
  office2013: 'Office15.PROPLUS',
};

/** 64-bit programs live in the native view; everything else here is 32-bit (WOW6432Node). */
const NATIVE = new Set(['realtek', 'symantec', 'dotnet4']);

function uninstallKeys(host) {
  const keys = [{ path: `${UNINSTALL}\\AddressBook`, values: [] }]; // no DisplayName: not a program
  for (const item of [...host.software, ...(host.extras ?? [])]) {
    const title = SOFTWARE_TITLES[item.title];
    const name = KEY_NAMES[item.title] ?? title.name;
    const root = NATIVE.has(item.title) ? UNINSTALL : UNINSTALL_32;
    const values = [
      ['DisplayName', 'REG_SZ', title.name],
      ['DisplayVersion', 'REG_SZ', title.version],
      ['Publisher', 'REG_SZ', title.publisher],
      ['InstallDate', 'REG_SZ', item.installDate.replaceAll('-', '')],
      [
        'UninstallString',
        'REG_SZ',
        name.startsWith('{')
          ? `MsiExec.exe /X${name}`
          : `"C:\\Program Files (x86)\\${title.name}\\uninst.exe"`,
      ],
    ];
    if (name.startsWith('{')) values.push(['WindowsInstaller', 'REG_DWORD', 1]);
    keys.push({ path: `${root}\\${name}`, values });
    const twin = OFFICE_TWINS[item.title];
    if (twin) {
      keys.push({ path: `${root}\\${twin}`, values: values.filter(([n]) => n !== 'WindowsInstaller') });
      // A language component (hidden) and an update of the suite: read, but not products.
      keys.push({
        path: `${root}\\${name.replace('-0011-0000-', '-0015-0804-').replace('-0030-0000-', '-0015-0804-')}`,
        values: [
          ['DisplayName', 'REG_SZ', 'Microsoft Office Access MUI (Chinese (Simplified))'],
          ['DisplayVersion', 'REG_SZ', title.version],
          ['SystemComponent', 'REG_DWORD', 1],
        ],
      });
      keys.push({
        path: `${root}\\${twin}_{A1E1F7C2-3B6E-4E5B-9C4A-${item.title.slice(-4)}00000001}`,
        values: [
          ['DisplayName', 'REG_SZ', `Security Update for ${title.name} (KB2760410)`],
          ['ParentKeyName', 'REG_SZ', twin],
          ['ReleaseType', 'REG_SZ', 'Security Update'],
        ],
      });
    }
  }
  return keys;
}

function regQueryText(keys) {
  const lines = [''];
  for (const key of keys) {
    lines.push(key.path);
    for (const [name, type, value] of key.values) {
      lines.push(`    ${name}    ${type}    ${type === 'REG_DWORD' ? `0x${value.toString(16)}` : value}`);
    }
    lines.push('');
  }
  return `${lines.join('\r\n')}\r\n`;
}

function regExportText(keys) {
  const regString = (text) => text.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (const key of keys) {
    lines.push(`[${key.path}]`);
    for (const [name, type, value] of key.values) {
      lines.push(
        type === 'REG_DWORD'
          ? `"${name}"=dword:${value.toString(16).padStart(8, '0')}`
          : `"${name}"="${regString(String(value))}"`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\r\n')}\r\n`;
}

function wmicOs(host) {
  const os = OS_TITLES[host.os.title];
  const date = host.osInstallDate.replaceAll('-', '');
  const properties = [
    ['BootDevice', '\\Device\\HarddiskVolume1'],
    ['BuildNumber', os.build],
    ['BuildType', 'Multiprocessor Free'],
    ['Caption', `${os.name} `],
    ['CodeSet', '936'],
    ['CountryCode', '86'],
    ['CSName', host.id],
    ['InstallDate', `${date}101500.000000+480`],
    ['Locale', '0804'],
    ['Manufacturer', 'Microsoft Corporation'],
    ['Name', `${os.name} |C:\\Windows|\\Device\\Harddisk0\\Partition2`],
    ['OperatingSystemSKU', { Professional: '48', Ultimate: '1', HomeBasic: '2' }[os.editionId] ?? '48'],
    ['Organization', host.unit],
    ['OSArchitecture', '64 位'],
    ['OSLanguage', '2052'],
    ['RegisteredUser', 'admin'],
    ['ServicePackMajorVersion', '1'],
    ['Version', os.version],
    ['WindowsDirectory', 'C:\\Windows'],
  ];
  return `\r\n\r\n${properties.map(([k, v]) => `${k}=${v}`).join('\r\n')}\r\n\r\n\r\n`;
}

function currentVersionQuery(host) {
  const os = OS_TITLES[host.os.title];
  return regQueryText([
    {
      path: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion',
      values: [
        ['CurrentVersion', 'REG_SZ', os.version.split('.').slice(0, 2).join('.')],
        ['CurrentBuild', 'REG_SZ', os.build],
        ['CurrentBuildNumber', 'REG_SZ', os.build],
        ['EditionID', 'REG_SZ', os.editionId],
        ['ProductName', 'REG_SZ', `Windows 7 ${os.editionId}`],
        ['RegisteredOrganization', 'REG_SZ', host.unit],
        ['CSDVersion', 'REG_SZ', 'Service Pack 1'],
      ],
    },
  ]);
}

const EDITION_EN = { Professional: 'Professional', Ultimate: 'Ultimate', HomeBasic: 'HomeBasic' };

function slmgrText(host, language) {
  const os = OS_TITLES[host.os.title];
  const a = host.os.activation;
  const name = `Windows(R) 7, ${EDITION_EN[os.editionId]} edition`;
  const description = `Windows Operating System - Windows(R) 7, ${a.channel} channel`;
  const kms = a.kmsHost ? `${a.kmsHost}:1688` : undefined;
  if (language === 'en') {
    const lines = [
      '',
      `Name: ${name}`,
      `Description: ${description}`,
      `Partial Product Key: ${a.partialKey}`,
      'License Status: Licensed',
    ];
    if (a.channel === 'VOLUME_KMSCLIENT') {
      lines.push(
        'Volume activation expiration: 259200 minute(s) (180 day(s))',
        '',
        'Key Management Service client information',
      );
      lines.push('    Client Machine ID (CMID): 6f3f52a4-8f1d-4c0b-9d6e-3b0f0a6c2d11');
      lines.push(`    Registered KMS machine name: ${kms}`, '    KMS machine IP address: not available');
      lines.push(
        '    Activation interval: 120 minutes',
        '    Renewal interval: 10080 minutes',
        '    KMS host caching is enabled',
      );
    }
    return `${lines.join('\r\n')}\r\n\r\n`;
  }
  const lines = [
    '',
    `名称: ${name}`,
    `描述: ${description}`,
    `部分产品密钥: ${a.partialKey}`,
    '许可证状态: 已授权',
  ];
  if (a.channel === 'VOLUME_KMSCLIENT') {
    lines.push('批量激活过期时间: 259200 分钟 (180 天)', '', '密钥管理服务客户端信息');
    lines.push('    客户端计算机 ID (CMID): 0c5e2b7a-3d41-4f0e-8a2b-7c9d1e4f6a08');
    lines.push(`    已注册的 KMS 计算机名称: ${kms}`, '    KMS 计算机 IP 地址: 不可用');
    lines.push('    激活间隔: 120 分钟', '    续订间隔: 10080 分钟', '    已启用 KMS 主机缓存');
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function osppText(host) {
  const office = host.software.find((s) => s.activation && SOFTWARE_TITLES[s.title].product === 'ms-office');
  if (!office) return undefined;
  const major = SOFTWARE_TITLES[office.title].version.split('.')[0];
  const a = office.activation;
  return [
    '---Processing--------------------------',
    '---------------------------------------',
    'SKU ID: 6f327760-8c5c-417c-9b61-836a98287e0c',
    `LICENSE NAME: Office ${major}, OfficeProPlus-KMS_Client edition`,
    `LICENSE DESCRIPTION: Office ${major}, VOLUME_KMSCLIENT channel`,
    'LICENSE STATUS:  ---LICENSED--- ',
    'REMAINING GRACE: 179 days  (258720 minute(s) before expiring)',
    `Last 5 characters of installed product key: ${a.partialKey}`,
    `KMS machine name from DNS: ${a.kmsHost}:1688`,
    'Activation Interval: 120 minutes',
    'Renewal Interval: 10080 minutes',
    'KMS host caching: Enabled',
    '---------------------------------------',
    '---------------------------------------',
    '---Exiting-----------------------------',
    '',
  ].join('\r\n');
}

const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const gbk = (text) => iconv.encode(text, 'gbk');

/** The files of one inspected computer: [{ name, bytes }]. */
export function windowsEvidenceFiles(host) {
  const profile = PROFILES[host.id];
  if (!profile) throw new Error(`no evidence profile for ${host.id}`);
  const keys = uninstallKeys(host);
  const files = [];
  if (profile.uninstall === 'reg-export')
    files.push({ name: 'uninstall.reg', bytes: utf16(regExportText(keys)) });
  else files.push({ name: 'uninstall.txt', bytes: gbk(regQueryText(keys)) });
  files.push({ name: 'os.txt', bytes: utf16(wmicOs(host)) });
  if (profile.currentVersion)
    files.push({ name: 'currentversion.txt', bytes: gbk(currentVersionQuery(host)) });
  const slmgr = slmgrText(host, profile.slmgr);
  files.push({
    name: 'slmgr-dli.txt',
    bytes: profile.slmgr === 'zh' ? gbk(slmgr) : Buffer.from(slmgr, 'utf8'),
  });
  const ospp = profile.ospp ? osppText(host) : undefined;
  if (ospp) files.push({ name: 'ospp-dstatus.txt', bytes: Buffer.from(ospp, 'utf8') });
  return files;
}

export const INSPECTED_WINDOWS_HOSTS = Object.keys(PROFILES);
