/** slmgr / ospp output as people paste it: prompts, two commands' outputs, Chinese labels, redacted IDs. */
import { windowsScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { byName, scanAll, tempFolder } from './support/run.js';

const SLMGR_ZH = [
  'C:\\Windows\\system32>cscript //nologo %windir%\\system32\\slmgr.vbs /dlv',
  '软件授权服务版本: 10.0.17763.1',
  '',
  '名称: Windows(R), EnterpriseS edition',
  '描述: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
  '激活 ID: *-*-*-*-*',
  '应用程序 ID: *-*-*-*-*',
  '扩展的 PID: *****',
  '产品密钥通道: Volume:GVLK',
  '部分产品密钥: M7XTQ',
  '许可证状态: 已授权',
  '批量激活过期: 259200 分钟(180 天)',
  'KMS 计算机名称: kms.gov.example.cn:1688',
  '',
  'C:\\Windows\\system32>cscript //nologo %windir%\\system32\\slmgr.vbs /xpr',
  'Windows(R), EnterpriseS edition:',
  '    批量激活将于 2024/12/1 9:00:00 过期',
  '',
].join('\r\n');

const OSPP_TWICE = [
  'C:\\Program Files\\Microsoft Office\\Office16>cscript ospp.vbs /act',
  'Microsoft (R) Windows Script Host Version 5.812',
  '---Processing--------------------------',
  '---------------------------------------',
  'Installed product key detected - attempting to activate the following product:',
  'SKU ID: d450596f-894d-49e0-966a-fd39ed4c4c64',
  'LICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition',
  'LICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel',
  'Last 5 characters of installed product key: WFG99',
  '<Product activation successful>',
  '---------------------------------------',
  '---Exiting-----------------------------',
  'C:\\Program Files\\Microsoft Office\\Office16>cscript ospp.vbs /dstatus',
  '---Processing--------------------------',
  '---------------------------------------',
  'PRODUCT ID: 00339-10000-00000-AA163',
  'SKU ID: d450596f-894d-49e0-966a-fd39ed4c4c64',
  'LICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition',
  'LICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel',
  'LICENSE STATUS:  ---LICENSED---',
  'REMAINING GRACE: 179 days  (259199 minute(s) before expiring)',
  'Last 5 characters of installed product key: WFG99',
  'Activation Type Configuration: ALL',
  '\tKMS machine name from DNS: kms.gov.example.cn:1688',
  '---------------------------------------',
  '---Exiting-----------------------------',
  '',
].join('\r\n');

describe('windows scanner: slmgr / ospp captures as pasted', () => {
  it('Chinese slmgr /dlv + /xpr with prompts and redacted IDs: Windows by its name, EnterpriseS is LTSC', async () => {
    const file = tempFolder().write('PC-LTSC.slmgr.txt', SLMGR_ZH, 'gbk');
    const { hosts, problems } = await scanAll(windowsScanner(), file);
    expect(problems).toEqual([]);
    expect(hosts[0]!.os).toMatchObject({
      name: 'Windows(R), EnterpriseS edition',
      edition: 'LTSC',
      attributes: {
        licenseStatus: 'licensed',
        channel: 'VOLUME_KMSCLIENT',
        partialKey: 'M7XTQ',
        kmsHost: 'kms.gov.example.cn',
        activationExpiry: '批量激活将于 2024/12/1 9:00:00 过期',
      },
    });
  });

  it('KMS host labels as other Windows versions print them; the IP address is not the host', async () => {
    const text = [
      '名称: Windows(R), Professional edition',
      '描述: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
      '部分产品密钥: T83GX',
      '许可证状态: 已授权',
      '最新的激活信息:',
      '密钥管理服务客户端信息',
      '    KMS 计算机 IP 地址: 10.1.2.3',
      '    已注册的 KMS 计算机名称: KMS2.Example.CN:1688',
      '',
    ].join('\r\n');
    const { hosts } = await scanAll(windowsScanner(), tempFolder().write('pc.txt', text, 'gbk'));
    expect(hosts[0]!.os?.attributes).toMatchObject({ kmsHost: 'kms2.example.cn', partialKey: 'T83GX' });
  });

  it('ospp /act then /dstatus: one Office licence, the later facts winning', async () => {
    const folder = tempFolder();
    folder.write('PC-9/ospp.txt', OSPP_TWICE);
    const { hosts } = await scanAll(windowsScanner(), `${folder.root}/PC-9`);
    const office = hosts[0]!.software.filter((record) => /office/i.test(record.name));
    expect(office).toHaveLength(1);
    expect(office[0]).toMatchObject({
      attributes: {
        activationOnly: true,
        licenseStatus: 'licensed',
        channel: 'VOLUME_KMSCLIENT',
        partialKey: 'WFG99',
        kmsHost: 'kms.gov.example.cn',
        edition: 'ProPlus',
      },
    });
    expect(byName(hosts[0]!.software, office[0]!.name).evidence.line).toBe(7);
  });
});

describe('collect-windows.ps1 on PowerShell 2.0 (Windows 7): Name=Value files', () => {
  it('os.txt and licensing.txt (OfficeSoftwareProtectionProduct) are read like wmic lists', async () => {
    const folder = tempFolder();
    folder.write(
      'WIN7-PC/os.txt',
      '\r\nCaption=Microsoft Windows 7 专业版 \r\nVersion=6.1.7601\r\nBuildNumber=7601\r\nOSArchitecture=64 位\r\nCSName=WIN7-CWK-03\r\n',
      'utf-8-bom',
    );
    folder.write(
      'WIN7-PC/licensing.txt',
      [
        '',
        'Name=Windows(R) 7, Professional edition',
        'Description=Windows Operating System - Windows(R) 7, VOLUME_KMSCLIENT channel',
        'ApplicationID=55c92734-d682-4d71-983e-d6ec3f16059f',
        'LicenseStatus=1',
        'PartialProductKey=RHTBY',
        '',
        'Name=Office 14, OfficeProPlus-KMS_Client edition',
        'Description=Office 14, VOLUME_KMSCLIENT channel',
        'ApplicationID=59a52881-a989-479d-af46-f275c6370663',
        'LicenseStatus=1',
        'PartialProductKey=2XDKD',
        '',
      ].join('\r\n'),
      'utf-8-bom',
    );
    const { hosts, problems } = await scanAll(windowsScanner(), `${folder.root}/WIN7-PC`);
    expect(problems).toEqual([]);
    expect(hosts[0]!.id).toBe('WIN7-CWK-03');
    expect(hosts[0]!.os).toMatchObject({
      name: 'Microsoft Windows 7 专业版',
      edition: 'Professional',
      attributes: { licenseStatus: 'licensed', channel: 'VOLUME_KMSCLIENT', partialKey: 'RHTBY' },
    });
    expect(hosts[0]!.software).toEqual([
      expect.objectContaining({
        name: 'Office 14, OfficeProPlus-KMS_Client edition',
        attributes: expect.objectContaining({
          licenseStatus: 'licensed',
          partialKey: '2XDKD',
          activationOnly: true,
        }),
      }),
    ]);
  });
});
