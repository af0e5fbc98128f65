/**
 * Folder layouts of collected files: one computer per PC whatever way the officer laid them out
 * (loose per-PC files, files grouped by stem, per-PC sub-folders, sub-folders per unit), and one bad
 * file costing that file only.
 */
import { linuxScanner, windowsScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

/** A regedit export of one Uninstall key (UTF-16LE with BOM when written). */
function regExport(...titles: string[]): string {
  const keys = titles.map(
    (title, index) =>
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\App${index}]\r\n"DisplayName"="${title}"\r\n"DisplayVersion"="1.${index}"\r\n`,
  );
  return `Windows Registry Editor Version 5.00\r\n\r\n${keys.join('\r\n')}`;
}

const SLMGR_XPR = 'Windows(R), Professional edition:\r\n    The machine is permanently activated.\r\n';

const DPKG_STATUS = (name: string) =>
  `Package: ${name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0\n\n`;

describe('host folders: one computer per PC', () => {
  it('a folder of per-PC files gives one computer per file, named after the file', async () => {
    const folder = tempFolder();
    folder.write('采集/JTJ-BGS-02.reg', regExport('WPS Office', '7-Zip'), 'utf-16le-bom');
    folder.write('采集/JTJ-BGS-03.reg', regExport('WPS Office'), 'utf-16le-bom');
    const { hosts, summary, problems } = await scanAll(windowsScanner(), `${folder.root}/采集`);
    expect(hosts.map((host) => [host.id, host.software.length])).toEqual([
      ['JTJ-BGS-02', 2],
      ['JTJ-BGS-03', 1],
    ]);
    expect(summary).toMatchObject({ hosts: 2, read: 3, accepted: 3, rejected: 0 });
    expect(problems).toEqual([]);
  });

  it('files sharing a stem are one computer (PC-01.reg + PC-01.slmgr.txt)', async () => {
    const folder = tempFolder();
    folder.write('in/PC-01.reg', regExport('WPS Office'), 'utf-16le-bom');
    folder.write('in/PC-01.slmgr.txt', SLMGR_XPR);
    folder.write('in/PC-02.reg', regExport('7-Zip'), 'utf-16le-bom');
    const { hosts } = await scanAll(windowsScanner(), `${folder.root}/in`);
    expect(hosts.map((host) => host.id)).toEqual(['PC-01', 'PC-02']);
    expect(hosts[0]!.os?.attributes?.activationExpiry).toBe('permanent');
    expect(hosts[1]!.os).toBeUndefined();
  });

  it('sub-folders named as units put their computers in that unit; others are per-PC folders', async () => {
    const folder = tempFolder();
    folder.write('采集/规划科/JTJ-GHK-01.reg', regExport('WPS Office'), 'utf-16le-bom');
    folder.write('采集/规划科/JTJ-GHK-02.reg', regExport('WPS Office'), 'utf-16le-bom');
    folder.write('采集/办公室/JTJ-BGS-01.reg', regExport('7-Zip'), 'utf-16le-bom');
    // A per-computer sub-folder the way the collection script writes it.
    folder.write('采集/办公室/JTJ-BGS-09/uninstall-hklm.reg', regExport('Foxit Reader'), 'utf-16le-bom');
    folder.write('采集/办公室/JTJ-BGS-09/slmgr-xpr.txt', SLMGR_XPR);
    const scanner = windowsScanner({ units: ['规划科', '办公室'] });
    const { hosts, problems } = await scanAll(scanner, `${folder.root}/采集`);
    expect(hosts.map((host) => [host.id, host.unit, host.software.length])).toEqual([
      ['JTJ-BGS-01', '办公室', 1],
      ['JTJ-BGS-09', '办公室', 1],
      ['JTJ-GHK-01', '规划科', 1],
      ['JTJ-GHK-02', '规划科', 1],
    ]);
    expect(problems).toEqual([]);
  });

  it('without a units file, a folder of several PCs is still several PCs (no ghost computer per unit)', async () => {
    const folder = tempFolder();
    folder.write('采集/规划科/JTJ-GHK-01.reg', regExport('WPS Office'), 'utf-16le-bom');
    folder.write('采集/规划科/JTJ-GHK-02.reg', regExport('WPS Office'), 'utf-16le-bom');
    const { hosts } = await scanAll(windowsScanner(), `${folder.root}/采集`);
    expect(hosts.map((host) => [host.id, host.unit])).toEqual([
      ['JTJ-GHK-01', undefined],
      ['JTJ-GHK-02', undefined],
    ]);
  });

  it('an ambiguous folder says how it was read', async () => {
    const folder = tempFolder();
    // One PC's file alone in a sub-folder that is not a unit: read as the computer named after the folder.
    folder.write('采集/财务科/JTJ-CWK-01.reg', regExport('WPS Office'), 'utf-16le-bom');
    const { hosts, problems } = await scanAll(windowsScanner(), `${folder.root}/采集`);
    expect(hosts.map((host) => host.id)).toEqual(['财务科']);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'input.layout',
        severity: 'info',
        message: expect.stringContaining('read as the computer "财务科"'),
      }),
    ]);
  });

  it('the computer name inside the files names the computer', async () => {
    const folder = tempFolder();
    const named = `${regExport('WPS Office')}\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\r\n"ComputerName"="JTJ-REAL-07"\r\n`;
    folder.write('in/export-1.reg', named, 'utf-16le-bom');
    folder.write('in/export-2.reg', regExport('7-Zip'), 'utf-16le-bom');
    const { hosts } = await scanAll(windowsScanner(), `${folder.root}/in`);
    expect(hosts.map((host) => host.id).sort()).toEqual(['JTJ-REAL-07', 'export-2']);
  });

  it('a content word with a computer name (dpkg-KY01.txt) is a computer, not a part of one collection', async () => {
    const folder = tempFolder();
    folder.write('kylin/dpkg-KY01.txt', DPKG_STATUS('wps-office'));
    folder.write('kylin/dpkg-KY02.txt', DPKG_STATUS('wps-office'));
    const { hosts } = await scanAll(linuxScanner(), `${folder.root}/kylin`);
    expect(hosts.map((host) => host.id)).toEqual(['dpkg-KY01', 'dpkg-KY02']);
  });

  it('linux: one status file per PC, and files of one collection in a per-PC folder', async () => {
    const folder = tempFolder();
    folder.write('kylin/KY-01.status', DPKG_STATUS('wps-office'));
    folder.write('kylin/KY-02.status', DPKG_STATUS('wps-office') + DPKG_STATUS('qq'));
    folder.write('kylin/KY-03/status', DPKG_STATUS('wps-office'));
    folder.write('kylin/KY-03/os-release', 'NAME="Kylin"\nID=kylin\nVERSION_ID="V10"\n');
    const { hosts } = await scanAll(linuxScanner(), `${folder.root}/kylin`);
    expect(hosts.map((host) => [host.id, host.software.length, host.os?.id])).toEqual([
      ['KY-01', 1, undefined],
      ['KY-02', 2, undefined],
      ['KY-03', 1, 'kylin'],
    ]);
  });
});

describe('host folders: one bad file costs that file only', () => {
  it('an unreadable file is a located error; the files after it are read', async () => {
    const folder = tempFolder();
    folder.write('in/PC-01.reg', regExport('WPS Office'), 'utf-16le-bom');
    folder.write('in/PC-02.reg', new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
    folder.write('in/PC-03.reg', regExport('7-Zip'), 'utf-16le-bom');
    const { hosts, problems } = await scanAll(windowsScanner(), `${folder.root}/in`);
    expect(hosts.map((host) => host.id)).toEqual(['PC-01', 'PC-03']);
    const failed = problems.filter((problem) => problem.fileFailed);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ severity: 'error', file: expect.stringMatching(/PC-02\.reg$/) });
  });
});
