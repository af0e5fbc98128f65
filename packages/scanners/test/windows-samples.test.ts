/** The windows scanner against real files written by other people (read in place, never copied). */
import { readFileSync } from 'node:fs';
import type { Scanner } from '@zhengban/core';
import { decodeText, windowsScanner } from '@zhengban/scanners';
import { expect, it } from 'vitest';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { WindowsEvidence } from '../src/windows/windows-evidence.js';
import { assembleWindowsHost } from '../src/windows/windows-host.js';
import { byName, scanAll, tempFolder } from './support/run.js';

/** A scanner over several sample files taken as one host (they are not in one folder). */
function samplesAsOneHost(files: string[]): Scanner {
  return {
    name: 'windows',
    async *scan(_input, ctx) {
      const evidence = new WindowsEvidence(ctx);
      for (const file of files) evidence.addText(decodeText(readFileSync(file), file).text, file, true);
      yield assembleWindowsHost(evidence, 'office-pc', ctx);
    },
  };
}

describeSamples('windows scanner on real samples', () => {
  const temp = tempFolder();

  it('fusioninventory xp-Uninstall.reg (UTF-16LE, 534 keys): 57 products, the rest hotfixes, components, twins', async () => {
    const { hosts, summary } = await scanAll(
      windowsScanner(),
      sample('windows/fusioninventory_xp-Uninstall.reg'),
    );
    expect(summary).toMatchObject({ hosts: 1, read: 534, accepted: 534, rejected: 0, ignored: 477 });
    const software = hosts[0]!.software;
    expect(software).toHaveLength(57);
    expect(byName(software, 'Microsoft Office Professional Plus 2010')).toMatchObject({
      version: '14.0.6029.1000',
      publisher: 'Microsoft Corporation',
    });
    expect(byName(software, 'Mozilla Firefox 10.0.2 (x86 en-US)')).toMatchObject({
      version: '10.0.2',
      publisher: 'Mozilla',
    });
    expect(byName(software, 'Symantec Endpoint Protection')).toMatchObject({
      version: '12.1.1000.157',
      publisher: 'Symantec Corporation',
    });
    expect(software.some((r) => /KB\d{6}/.test(r.name))).toBe(false);
  });

  it('fusioninventory mssql-Uninstall.reg: 7 products, hex(2) values and escaped paths', async () => {
    const { hosts, summary } = await scanAll(
      windowsScanner(),
      sample('windows/fusioninventory_mssql-Uninstall.reg'),
    );
    expect(summary).toMatchObject({ read: 7, accepted: 7, ignored: 0 });
    const software = hosts[0]!.software;
    expect(software.map((r) => r.name)).toEqual([
      'Microsoft SQL Server 2005',
      'Microsoft SQL Server 2017',
      'Microsoft SQL Server 2008',
      'FusionInventory Agent 2.4.x-build-26 (x64 edition)',
      'Git version 2.12.2.2',
      'Strawberry Perl (64-bit)',
      'Mozilla Firefox 57.0.2 (fr)',
    ]);
    expect(byName(software, 'Microsoft SQL Server 2017')).toMatchObject({
      version: '17.77.6700.34',
      publisher: 'Microsoft',
      attributes: { installLocation: 'C:\\Program Files\\MS SQL 2017' },
    });
    expect(byName(software, 'Strawberry Perl (64-bit)')).toMatchObject({
      version: '5.24.1',
      publisher: 'strawberryperl.com project',
      installDate: '2017-06-22',
    });
    expect(byName(software, 'Git version 2.12.2.2')).toMatchObject({
      publisher: 'The Git Development Community',
      installDate: '2017-05-02',
    });
  });

  it('SoftwareLicensingProduct (wmic list, UTF-16LE) with the Office registration key: an Office 2016 KMS client', async () => {
    const { hosts } = await scanAll(
      samplesAsOneHost([
        sample('windows/fusioninventory_office_2016_01-SoftwareLicensingProduct.wmi'),
        sample('windows/fusioninventory_office_2016_02.reg'),
      ]),
      'samples',
    );
    expect(hosts[0]!.software).toEqual([
      {
        name: 'Microsoft Office Professional Plus 2016',
        version: '16.0',
        publisher: 'Microsoft Corporation',
        source: 'windows:wmic-list',
        evidence: {
          source: 'windows:wmic-list',
          file: sample('windows/fusioninventory_office_2016_01-SoftwareLicensingProduct.wmi'),
          line: 3,
        },
        attributes: {
          licenseStatus: 'licensed',
          channel: 'VOLUME_KMSCLIENT',
          partialKey: 'WE9H9',
          kmsHost: 'mydomain.ms.com',
          edition: 'ProPlus',
          activationOnly: true,
        },
      },
    ]);
  });

  it('glpi-agent Win32_OperatingSystem (wmic list): a French Windows 7 Professionnel named LUBIANKA', async () => {
    const { hosts } = await scanAll(
      windowsScanner(),
      sample('windows/glpi-agent_win7-sp1-x64-Win32_OperatingSystem.wmi'),
    );
    expect(
      hosts.map((h) => [h.id, h.os?.name, h.os?.edition, h.os?.version, h.os?.build, h.os?.arch]),
    ).toEqual([['LUBIANKA', 'Microsoft Windows 7 Professionnel', 'Professional', '6.1.7600', '7600', 'x86']]);
  });

  it('appium reg query capture (inside a JS test): 15 keys, none a visible product', async () => {
    const js = readFileSync(
      sample('windows/appium-windows-driver_registry-specs_reg-query-Uninstall-in-js-test.js'),
      'utf8',
    );
    const capture = /const output = `([\s\S]*?)`;/.exec(js)![1]!.replaceAll('\\\\', '\\');
    const { hosts, summary } = await scanAll(windowsScanner(), temp.write('appium/reg-query.txt', capture));
    expect(summary).toMatchObject({ read: 15, accepted: 15, ignored: 15, rejected: 0 });
    expect(hosts[0]!.software).toEqual([]);
  });

  it('Microsoft docs slmgr /dlv capture: the Office KMS host licence', async () => {
    const markdown = readFileSync(
      sample('windows/MicrosoftDocs_configure-kms-host_slmgr-dlv-output.md'),
      'utf8',
    );
    const block = /The following is an example of the output[\s\S]*?```\n([\s\S]*?)```/.exec(markdown)![1]!;
    const { hosts } = await scanAll(windowsScanner(), temp.write('docs/slmgr-dlv.txt', block));
    expect(hosts[0]!.software).toEqual([
      expect.objectContaining({
        name: 'Office 16, OfficeKMSHostVL_KMS_Host edition',
        version: '16.0',
        source: 'windows:slmgr',
        attributes: {
          licenseStatus: 'licensed',
          channel: 'VOLUME_KMS',
          partialKey: 'KDQ2G',
          edition: 'KMSHost',
          activationOnly: true,
        },
      }),
    ]);
  });

  it('refuses a Format-Table console capture with one error saying what it expected', async () => {
    const file = sample('windows/bgoonz_Get-ItemProperty-WOW6432Node-Uninstall_Format-Table.md');
    const { hosts, problems } = await scanAll(windowsScanner(), file);
    expect(hosts).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'windows.format', fatal: true, file });
  });
});
