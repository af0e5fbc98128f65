import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { windowsScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { byName, FIXTURES, scanAll, tempFolder } from './support/run.js';

/** `hex(2):` bytes of a string (UTF-16LE + NUL), wrapped over lines ending in `\` like regedit does. */
function hex2(text: string): string {
  const bytes = [...Buffer.from(`${text}\u0000`, 'utf16le')].map((b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 20) lines.push(bytes.slice(i, i + 20).join(','));
  return `hex(2):${lines.join(',\\\r\n  ')}`;
}

describe('windows scanner: a folder with one sub-folder per host (our fixtures)', () => {
  it('reads reg query (3 roots), PowerShell JSON for OS, activation and antivirus; merges twins, drops non-products', async () => {
    const { hosts, summary, problems } = await scanAll(windowsScanner(), join(FIXTURES, 'windows'));
    expect(hosts.map((h) => h.id)).toEqual(['PC-OFFICE-01']);
    const host = hosts[0]!;
    expect(host.hostname).toBe('PC-OFFICE-01');
    expect(host.os).toMatchObject({
      name: 'Microsoft Windows 10 专业版',
      id: 'windows',
      version: '10.0.19045',
      build: '19045',
      edition: 'Professional',
      arch: 'x64',
      attributes: {
        licenseStatus: 'licensed',
        channel: 'VOLUME_KMSCLIENT',
        partialKey: 'T83GX',
        kmsHost: 'kms.msft.vip',
        activationExpiry: 'permanent', // slmgr-xpr.txt, GBK: 计算机已永久激活。
      },
    });
    expect(host.software.map((r) => r.name)).toEqual([
      'Microsoft Office 专业增强版 2016',
      '火绒安全软件',
      'Mozilla Firefox (x64 zh-CN)',
      '微信',
      'WPS Office (12.1.0.16910)',
      'Java 8 Update 391',
      'Windows Defender',
    ]);
    // 12 Uninstall keys, 6 of them not products (no DisplayName ×2, SystemComponent, an update, twins ×2),
    // plus Windows Defender from AntiVirusProduct.
    expect(summary).toMatchObject({ hosts: 1, read: 13, accepted: 13, rejected: 0, ignored: 6 });
    const office = byName(host.software, 'Microsoft Office 专业增强版 2016');
    expect(office).toMatchObject({
      version: '16.0.4266.1001',
      publisher: 'Microsoft Corporation',
      installDate: '2023-09-15',
      source: 'windows:reg-query',
      attributes: {
        productCode: '{90160000-0011-0000-1000-0000000FF1CE}',
        licenseStatus: 'notification',
        channel: 'VOLUME_KMSCLIENT',
        kmsHost: 'kms.gov.example.cn',
        partialKey: 'WE9H9',
        edition: 'ProPlus',
      },
    });
    expect(office.evidence).toMatchObject({
      source: 'windows:reg-query',
      line: 4,
      file: expect.stringMatching(/uninstall-hklm\.txt$/),
    });
    expect(byName(host.software, 'Mozilla Firefox (x64 zh-CN)').installDate).toBeUndefined(); // 20240230 is no date
    expect(byName(host.software, '火绒安全软件')).toMatchObject({
      publisher: '北京火绒网络科技有限公司',
      version: '5.0.75.8',
      attributes: { antivirusActive: true, signaturesUpToDate: true },
    });
    expect(byName(host.software, 'WPS Office (12.1.0.16910)')).toMatchObject({
      publisher: 'Kingsoft Corp.',
      arch: 'x86',
    });
    expect(byName(host.software, 'Java 8 Update 391').attributes?.productCode).toBe(
      '{26A24AE4-039D-4CA4-87B4-2F64180391F0}',
    );
    expect(byName(host.software, '微信')).toMatchObject({
      publisher: '腾讯科技(深圳)有限公司',
      attributes: { scope: 'user', userSid: 'S-1-5-21-3623811015-3361044348-30300820-1013' },
    });
    expect(byName(host.software, 'Windows Defender')).toMatchObject({
      source: 'windows:powershell-json',
      attributes: { antivirusActive: false },
    });
    // The notes folder is not a host: reported, not counted.
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'windows.format',
        severity: 'warning',
        file: expect.stringMatching(/notes[\\/]readme\.txt$/),
      }),
    ]);
  });
});

describe('windows scanner: Chinese consoles, UTF-16LE exports and wmic lists', () => {
  const folder = tempFolder();
  const host = 'PC-FINANCE-02';
  folder.write(
    `${host}/uninstall-wow64.txt`,
    [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\360安全卫士',
      '    DisplayName    REG_SZ    360安全卫士',
      '    DisplayVersion    REG_SZ    13.0.0.2003',
      '    Publisher    REG_SZ    360安全中心',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\SogouPinyin',
      '    DisplayName    REG_SZ    搜狗输入法 13.5正式版',
      '    DisplayVersion    REG_SZ    13.5.0.8049',
      '    Publisher    REG_SZ    Sogou.com',
      '',
      '错误: 系统找不到指定的注册表项或值。',
      '',
    ].join('\r\n'),
    'gbk',
  );
  const regExport = folder.write(
    `${host}/uninstall.reg`,
    [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall]',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\ProPlus2019Volume - zh-cn]',
      '"DisplayName"="Microsoft Office 专业增强版 2019 - zh-cn"',
      '"DisplayVersion"="16.0.10827.20138"',
      '"Publisher"="Microsoft Corporation"',
      `"UninstallString"=${hex2('"C:\\Program Files\\Common Files\\Microsoft Shared\\ClickToRun\\OfficeClickToRun.exe" scenario=install')}`,
      '"SystemComponent"=dword:00000000',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Yozo Office]',
      '"DisplayName"="永中Office 2019"',
      '"DisplayVersion"="8.0.1331.101"',
      '"Publisher"="Yozosoft Co., Ltd"',
      '"InstallLocation"="C:\\\\Program Files (x86)\\\\Yozosoft\\\\Yozo_Office\\\\"',
      '"Comments"="含 \\"引号\\" 的说明"',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\DingTalk]',
      `"DisplayName"=${hex2('钉钉')}`,
      '"DisplayVersion"="7.5.0"',
      '"Publisher"="钉钉（中国）信息技术有限公司"',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\BrokenEntry]',
      'this line is junk',
      '',
    ].join('\r\n'),
    'utf-16le-bom',
  );
  folder.write(
    `${host}/os.txt`,
    '\r\n\r\nBuildNumber=22631\r\nCaption=Microsoft Windows 11 家庭中文版\r\nCSName=PC-FINANCE-02\r\nOSArchitecture=64 位\r\nVersion=10.0.22631\r\n\r\n\r\n',
    'utf-16le-bom',
  );
  folder.write(
    `${host}/slmgr-dli.txt`,
    'Microsoft (R) Windows Script Host Version 5.812\r\n版权所有(C) Microsoft Corporation。保留所有权利。\r\n\r\n名称: Windows(R), CoreCountrySpecific edition\r\n描述: Windows(R) Operating System, OEM_DM channel\r\n部分产品密钥: 3V66T\r\n许可证状态: 已授权\r\n',
    'gbk',
  );
  folder.write(
    `${host}/ospp.txt`,
    [
      'Microsoft (R) Windows Script Host Version 5.812',
      '---Processing--------------------------',
      '---------------------------------------',
      'PRODUCT ID: 00411-20000-00000-AA000',
      'SKU ID: 85dd8b5f-eaa4-4af3-a628-cce9e77c9a03',
      'LICENSE NAME: Office 19, Office19ProPlus2019VL_KMS_Client_AE edition',
      'LICENSE DESCRIPTION: Office 19, VOLUME_KMSCLIENT channel',
      'LICENSE STATUS:  ---OOB_GRACE---',
      'ERROR CODE: 0x4004F00C',
      'Last 5 characters of installed product key: 6MWKP',
      'KMS machine name from DNS: kms8.msguides.com:1688',
      '---------------------------------------',
      '---Exiting-----------------------------',
    ].join('\r\n'),
  );
  folder.write(
    `${host}/antivirus.txt`,
    '\r\n\r\ndisplayName=360安全卫士\r\nproductState=397312\r\n\r\n\r\n',
    'utf-16le-bom',
  );

  it('decodes GBK and UTF-16LE, hex(2) values and escapes, and maps Chinese slmgr and ospp text', async () => {
    const { hosts, summary, problems } = await scanAll(windowsScanner(), folder.root);
    expect(hosts).toHaveLength(1);
    const pc = hosts[0]!;
    expect(pc.id).toBe('PC-FINANCE-02');
    expect(pc.os).toMatchObject({
      name: 'Microsoft Windows 11 家庭中文版',
      edition: 'Home',
      build: '22631',
      attributes: { licenseStatus: 'licensed', channel: 'OEM_DM', partialKey: '3V66T' },
    });
    // Files in name order: uninstall-wow64.txt (GBK) before uninstall.reg (UTF-16LE).
    expect(pc.software.map((r) => [r.name, r.version, r.publisher])).toEqual([
      ['360安全卫士', '13.0.0.2003', '360安全中心'],
      ['搜狗输入法 13.5正式版', '13.5.0.8049', 'Sogou.com'],
      ['Microsoft Office 专业增强版 2019 - zh-cn', '16.0.10827.20138', 'Microsoft Corporation'],
      ['永中Office 2019', '8.0.1331.101', 'Yozosoft Co., Ltd'],
      ['钉钉', '7.5.0', '钉钉（中国）信息技术有限公司'],
    ]);
    expect(byName(pc.software, '永中Office 2019').attributes?.installLocation).toBe(
      'C:\\Program Files (x86)\\Yozosoft\\Yozo_Office\\',
    );
    expect(byName(pc.software, 'Microsoft Office 专业增强版 2019 - zh-cn').attributes).toMatchObject({
      licenseStatus: 'oob-grace',
      channel: 'VOLUME_KMSCLIENT',
      partialKey: '6MWKP',
      kmsHost: 'kms8.msguides.com',
      edition: 'ProPlus',
    });
    expect(byName(pc.software, '360安全卫士').attributes).toMatchObject({
      antivirusActive: true,
      signaturesUpToDate: true,
    });
    expect(summary).toMatchObject({ read: 6, accepted: 6, rejected: 0, ignored: 1 });
    // The junk line's physical line number, after the hex(2) values that wrap over several lines.
    const junkLine =
      readFileSync(regExport).toString('utf16le').split('\r\n').indexOf('this line is junk') + 1;
    expect(junkLine).toBe(34);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'windows.reg-export-line',
        file: regExport,
        line: 34,
        message: 'line 34 is not a "name"=value line; skipped',
      }),
    ]);
  });

  it('treats one file as one host named after the file', async () => {
    const { hosts } = await scanAll(windowsScanner(), join(folder.root, host, 'uninstall.reg'));
    expect(hosts.map((h) => [h.id, h.software.length])).toEqual([['uninstall', 3]]);
  });

  it('refuses a single file that is none of the formats with one error naming the file', async () => {
    const file = folder.write('other/notes.txt', 'meeting notes\nnothing to see\n');
    const { hosts, problems } = await scanAll(windowsScanner(), file);
    expect(hosts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'windows.format',
        fatal: true,
        file,
        message: `${file}: not a Windows inventory file (expected reg query output, a regedit .reg export, PowerShell ConvertTo-Json or Export-Csv output, wmic /format:list or /format:csv output, or slmgr / ospp.vbs text; it is none of them)`,
      }),
    ]);
  });
});

describe('windows scanner: PowerShell Get-ItemProperty JSON (UTF-16LE, one object or an array)', () => {
  const folder = tempFolder();
  const entry = (name: string, child: string, extra: Record<string, unknown> = {}) => ({
    DisplayName: name,
    PSPath: `Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${child}`,
    PSChildName: child,
    ...extra,
  });
  folder.write(
    'PC-03/uninstall.json',
    JSON.stringify([
      entry('WPS Office', 'Kingsoft Office', {
        DisplayVersion: '11.1.0.14309',
        Publisher: 'Kingsoft Corp.',
        InstallDate: '20230601',
      }),
      entry('Update for Windows 10 for x64-based Systems (KB4023057)', '{A1B2}', {
        DisplayVersion: '8.92.0.0',
      }),
      { PSChildName: 'Connection Manager', SystemComponent: 1 },
    ]),
    'utf-16le-bom',
  );
  folder.write(
    'PC-04/uninstall.json',
    JSON.stringify(
      entry('火绒安全软件', 'HuorongSysdiag', {
        DisplayVersion: '5.0.75.8',
        Publisher: '北京火绒网络科技有限公司',
      }),
    ),
  );

  it('reads both shapes and keeps the registry key as evidence', async () => {
    const { hosts, summary } = await scanAll(windowsScanner(), folder.root);
    expect(hosts.map((h) => [h.id, h.software.map((r) => r.name)])).toEqual([
      ['PC-03', ['WPS Office']],
      ['PC-04', ['火绒安全软件']],
    ]);
    expect(hosts[0]!.software[0]).toMatchObject({
      version: '11.1.0.14309',
      installDate: '2023-06-01',
      source: 'windows:powershell-json',
      evidence: {
        key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Kingsoft Office',
      },
    });
    expect(summary).toMatchObject({ read: 4, accepted: 4, ignored: 2, rejected: 0 });
  });
});

describe('windows scanner: local mode', () => {
  it('refuses windows:local off Windows with a clear error', async () => {
    const { problems } = await scanAll(windowsScanner({ platform: 'linux' }), 'local');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'windows.not-windows',
        message:
          'windows:local scans this computer and only works on Windows (this is linux); give a file or folder collected with scripts/collect-windows.ps1 instead',
      }),
    ]);
  });

  it('on win32 runs reg query and PowerShell through the injected runner (argument arrays, no shell)', async () => {
    const calls: string[][] = [];
    const outputs: Record<string, string> = {
      'reg query HKU':
        'HKEY_USERS\\.DEFAULT\r\nHKEY_USERS\\S-1-5-19\r\nHKEY_USERS\\S-1-5-21-1-2-3-1001\r\nHKEY_USERS\\S-1-5-21-1-2-3-1001_Classes\r\n',
      'reg query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s': readFileSync(
        join(FIXTURES, 'windows/PC-OFFICE-01/uninstall-hklm.txt'),
        'utf8',
      ),
      'reg query HKU\\S-1-5-21-1-2-3-1001\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s':
        readFileSync(join(FIXTURES, 'windows/PC-OFFICE-01/uninstall-users.txt'), 'utf8'),
      'reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion':
        '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    ProductName    REG_SZ    Windows 10 Pro\r\n    EditionID    REG_SZ    Professional\r\n    CurrentBuild    REG_SZ    19045\r\n    DisplayVersion    REG_SZ    22H2\r\n',
    };
    const scanner = windowsScanner({
      platform: 'win32',
      localHostId: 'fallback-name',
      runCommand: async (file, args) => {
        calls.push([file, ...args]);
        if (file === 'powershell.exe') {
          const query = args.at(-1)!;
          if (query.includes('Win32_OperatingSystem'))
            return {
              exitCode: 0,
              stdout: Buffer.from(readFileSync(join(FIXTURES, 'windows/PC-OFFICE-01/os.json'))),
            };
          return { exitCode: 1, stdout: new Uint8Array() };
        }
        const text = outputs[`${file} ${args.join(' ')}`];
        return text === undefined
          ? { exitCode: 1, stdout: new Uint8Array() }
          : { exitCode: 0, stdout: Buffer.from(text, 'utf8') };
      },
    });
    const { hosts, problems } = await scanAll(scanner, 'local');
    expect(calls.map((call) => call.slice(0, 2).join(' '))).toEqual([
      'reg query',
      'reg query',
      'reg query',
      'reg query',
      'reg query',
      'powershell.exe -NoProfile',
      'powershell.exe -NoProfile',
      'powershell.exe -NoProfile',
    ]);
    expect(calls[3]).toEqual([
      'reg',
      'query',
      'HKU\\S-1-5-21-1-2-3-1001\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
      '/s',
    ]);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.id).toBe('PC-OFFICE-01');
    expect(hosts[0]!.os).toMatchObject({
      name: 'Microsoft Windows 10 专业版',
      edition: 'Professional',
      attributes: { displayVersion: '22H2' },
    });
    expect(hosts[0]!.software.map((r) => r.name)).toEqual([
      'Microsoft Office 专业增强版 2016',
      '火绒安全软件',
      'Mozilla Firefox (x64 zh-CN)',
      '微信',
    ]);
    expect(problems.map((p) => p.file)).toEqual(['powershell licensing', 'powershell antivirus']);
  });
});

describe('scripts/collect-windows.ps1 and the scanner agree', () => {
  const script = readFileSync(new URL('../scripts/collect-windows.ps1', import.meta.url), 'utf8');
  const written = [...script.matchAll(/(?:Save-Text|Join-Path \$target) '([a-z0-9-]+\.(?:txt|json))'/g)].map(
    (m) => m[1]!,
  );

  it('writes the files the README documents, read-only (no Win32_Product, no registry writes)', () => {
    expect(written).toEqual([
      'uninstall-hklm.txt',
      'uninstall-wow64.txt',
      'uninstall-users.txt',
      'os-version.txt',
      'os.json',
      'licensing.json',
      'antivirus.json',
      'slmgr-xpr.txt',
      'ospp.txt',
    ]);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of written) expect(readme).toContain(`\`${name}\``);
    const code = script.replace(/<#[\s\S]*?#>/, '');
    expect(code).not.toMatch(
      /Win32_Product|reg(\.exe)? (add|delete|import)|Set-ItemProperty|Remove-Item|New-ItemProperty/i,
    );
  });

  it('every file of a collected folder is read (an empty one is not a problem)', async () => {
    const folder = tempFolder();
    const pc = join(FIXTURES, 'windows/PC-OFFICE-01');
    const content: Record<string, string> = {
      'uninstall-hklm.txt': readFileSync(join(pc, 'uninstall-hklm.txt'), 'utf8'),
      'uninstall-wow64.txt': readFileSync(join(pc, 'uninstall-wow64.txt'), 'utf8'),
      'uninstall-users.txt': '',
      'os-version.txt':
        '\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n    ProductName    REG_SZ    Windows 10 Pro\r\n    EditionID    REG_SZ    Professional\r\n    CurrentBuild    REG_SZ    19045\r\n',
      'os.json': readFileSync(join(pc, 'os.json'), 'utf8'),
      'licensing.json': readFileSync(join(pc, 'licensing.json'), 'utf8'),
      'antivirus.json': readFileSync(join(pc, 'antivirus.json'), 'utf8'),
      'slmgr-xpr.txt': 'Windows(R), Professional edition:\r\n    The machine is permanently activated.\r\n',
      'ospp.txt':
        'LICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition\r\nLICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel\r\nLICENSE STATUS:  ---LICENSED---\r\nLast 5 characters of installed product key: WE9H9\r\n',
    };
    for (const name of written) folder.write(`PC-OFFICE-01/${name}`, content[name]!, 'utf-8-bom');
    const { hosts, problems } = await scanAll(windowsScanner(), folder.root);
    expect(problems).toEqual([]);
    expect(hosts[0]!.os).toMatchObject({
      edition: 'Professional',
      attributes: { licenseStatus: 'licensed', activationExpiry: 'permanent', kmsHost: 'kms.msft.vip' },
    });
  });
});
