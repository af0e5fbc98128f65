/**
 * The per-PC exports officers make with PowerShell and wmic: Export-Csv of the Uninstall keys (no
 * computer column; any locale and encoding), wmic product /format:csv, and Get-AppxPackage JSON.
 */
import { csvScanner, windowsScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { byName, scanAll, tempFolder } from './support/run.js';

const EXPORT_CSV = [
  '#TYPE Selected.System.Management.Automation.PSCustomObject',
  '"DisplayName","DisplayVersion","Publisher","InstallDate"',
  '"7-Zip 23.01 (x64)","23.01","Igor Pavlov",',
  ',,,',
  '"Microsoft Office 专业增强版 2016","16.0.4266.1001","Microsoft Corporation","20230915"',
  ',,,',
  '"Security Update for Microsoft Office 2016 (KB4484104) 64-Bit Edition","","Microsoft Corporation",',
  '"WPS Office (12.1.0.16910)","12.1.0.16910","Kingsoft Corp.","20240102"',
  '',
].join('\r\n');

describe('PowerShell Get-ItemProperty … | Export-Csv, one file per PC', () => {
  it('windows: read as Uninstall entries, host from the file, null DisplayName rows worded as such', async () => {
    const folder = tempFolder();
    folder.write('pcs/JTJ-BGS-02.csv', EXPORT_CSV, 'utf-16le-bom');
    const { hosts, summary, problems } = await scanAll(windowsScanner(), `${folder.root}/pcs`);
    expect(hosts.map((host) => host.id)).toEqual(['JTJ-BGS-02']);
    const software = hosts[0]!.software;
    expect(software.map((record) => record.name)).toEqual([
      '7-Zip 23.01 (x64)',
      'Microsoft Office 专业增强版 2016',
      'WPS Office (12.1.0.16910)',
    ]);
    expect(byName(software, 'Microsoft Office 专业增强版 2016')).toMatchObject({
      version: '16.0.4266.1001',
      installDate: '2023-09-15',
      source: 'windows:powershell-csv',
      evidence: { line: 5 },
    });
    // 6 rows: 3 programs, 2 keys without DisplayName, 1 hotfix.
    expect(summary).toMatchObject({ hosts: 1, read: 6, accepted: 6, ignored: 3, rejected: 0 });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'windows.no-display-name',
        severity: 'info',
        line: 4,
        message: expect.stringContaining('2 Uninstall key(s) without a DisplayName (lines 4, 6)'),
      }),
      // The input folder holds one computer's files: how it was read is said.
      expect.objectContaining({
        code: 'input.layout',
        severity: 'info',
        message: expect.stringContaining('read as the computer "JTJ-BGS-02" (the files\' name)'),
      }),
    ]);
  });

  it('windows: a German -UseCulture export (semicolons, ANSI) and a UTF-8 one with PSComputerName', async () => {
    const folder = tempFolder();
    const german =
      '"DisplayName";"DisplayVersion";"Publisher";"InstallDate"\r\n"Mozilla Firefox (x64 de)";"125.0";"Mozilla";"20240410"\r\n';
    const named =
      '"PSComputerName","DisplayName","DisplayVersion","Publisher","InstallDate"\n"JTJ-REAL-09","WPS Office","12.1","Kingsoft",""\n';
    folder.write('pcs/pc-de.csv', german, 'gbk');
    folder.write('pcs/export.csv', named, 'utf-8-bom');
    const { hosts } = await scanAll(windowsScanner(), `${folder.root}/pcs`);
    expect(hosts.map((host) => [host.id, host.software.map((record) => record.name)])).toEqual([
      ['JTJ-REAL-09', ['WPS Office']],
      ['pc-de', ['Mozilla Firefox (x64 de)']],
    ]);
  });

  it('csv: the same export gives exactly what the windows scanner gives (same records, same counts)', async () => {
    const folder = tempFolder();
    folder.write('pcs/JTJ-BGS-02.csv', EXPORT_CSV, 'utf-16le-bom');
    folder.write('pcs/JTJ-BGS-03.csv', EXPORT_CSV.replace(/7-Zip/g, 'Bandizip'), 'utf-8');
    const csv = await scanAll(csvScanner(), `${folder.root}/pcs`);
    const windows = await scanAll(windowsScanner(), `${folder.root}/pcs`);
    expect(csv.hosts.map((host) => [host.id, host.software.map((record) => record.name)])).toEqual([
      ['JTJ-BGS-02', ['7-Zip 23.01 (x64)', 'Microsoft Office 专业增强版 2016', 'WPS Office (12.1.0.16910)']],
      [
        'JTJ-BGS-03',
        ['Bandizip 23.01 (x64)', 'Microsoft Office 专业增强版 2016', 'WPS Office (12.1.0.16910)'],
      ],
    ]);
    expect(csv.hosts.map((host) => host.software)).toEqual(windows.hosts.map((host) => host.software));
    expect(csv.summary).toMatchObject({ read: 12, accepted: 12, ignored: 6, rejected: 0 });
    expect({ ...csv.summary, source: '', scanner: '' }).toEqual({
      ...windows.summary,
      source: '',
      scanner: '',
    });
    expect(csv.problems.map((problem) => [problem.code, problem.severity])).toEqual([
      ['windows.no-display-name', 'info'],
      ['windows.no-display-name', 'info'],
    ]);
  });

  it('csv: a register with its own computer column and DisplayName is many computers, not one export', async () => {
    const file = tempFolder().write(
      'sccm.csv',
      'ComputerName,DisplayName,Version,Publisher,InstallDate\nPC-1,WPS Office,12.1,Kingsoft,20240102\nPC-2,7-Zip,23.01,Igor Pavlov,\n',
    );
    const { hosts } = await scanAll(csvScanner(), file);
    expect(hosts.map((host) => [host.id, host.software[0]!.name, host.software[0]!.source])).toEqual([
      ['PC-1', 'WPS Office', 'csv'],
      ['PC-2', '7-Zip', 'csv'],
    ]);
  });

  it('csv with a mapping reads the export as a plain table (the operator chose the columns)', async () => {
    const file = tempFolder().write(
      'x.csv',
      '"PSComputerName","DisplayName","DisplayVersion","Publisher","InstallDate"\n"PC-1","WPS",,,\n',
    );
    const { hosts } = await scanAll(
      csvScanner({ mapping: { host: 'PSComputerName', name: 'DisplayName' } }),
      file,
    );
    expect(hosts[0]!.software[0]!.source).toBe('csv');
  });
});

describe('wmic product get … /format:csv', () => {
  it('windows and csv: Node is the computer; \\r\\r\\n line ends; UTF-16LE', async () => {
    const text =
      '\r\r\nNode,InstallDate,Name,Vendor,Version\r\r\nJTJ-CWK-01,20230115,Microsoft Office Professional Plus 2016,Microsoft Corporation,16.0.4266.1001\r\r\nJTJ-CWK-01,20220301,用友U8,用友网络科技股份有限公司,13.0\r\r\n';
    const folder = tempFolder();
    const file = folder.write('wmic-product.csv', text, 'utf-16le-bom');
    const windows = await scanAll(windowsScanner(), file);
    expect(windows.hosts.map((host) => [host.id, host.software.map((record) => record.name)])).toEqual([
      ['JTJ-CWK-01', ['Microsoft Office Professional Plus 2016', '用友U8']],
    ]);
    expect(windows.hosts[0]!.software[1]).toMatchObject({
      publisher: '用友网络科技股份有限公司',
      installDate: '2022-03-01',
      source: 'windows:wmic-product',
    });
    const csv = await scanAll(csvScanner(), file);
    expect(csv.hosts.map((host) => [host.id, host.software.length])).toEqual([['JTJ-CWK-01', 2]]);
  });
});

describe('Get-AppxPackage | ConvertTo-Json', () => {
  it('Store apps are records marked storeApp; framework packages are ignored', async () => {
    const apps = [
      {
        Name: 'Microsoft.WindowsCalculator',
        Publisher: 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
        Architecture: 9,
        Version: '11.2311.0.0',
        PackageFullName: 'Microsoft.WindowsCalculator_11.2311.0.0_x64__8wekyb3d8bbwe',
        PackageFamilyName: 'Microsoft.WindowsCalculator_8wekyb3d8bbwe',
        IsFramework: false,
        SignatureKind: 2,
      },
      {
        Name: 'Microsoft.VCLibs.140.00',
        Publisher: 'CN=Microsoft Corporation, O=Microsoft Corporation, L=Redmond, S=Washington, C=US',
        Architecture: 9,
        Version: '14.0.33519.0',
        PackageFullName: 'Microsoft.VCLibs.140.00_14.0.33519.0_x64__8wekyb3d8bbwe',
        PackageFamilyName: 'Microsoft.VCLibs.140.00_8wekyb3d8bbwe',
        IsFramework: true,
      },
    ];
    const folder = tempFolder();
    folder.write('PC-07/appx.json', JSON.stringify(apps, null, 2), 'utf-16le-bom');
    folder.write('PC-07/uninstall.csv', EXPORT_CSV, 'utf-8');
    const { hosts, summary } = await scanAll(windowsScanner(), `${folder.root}/PC-07`);
    expect(hosts).toHaveLength(1);
    expect(byName(hosts[0]!.software, 'Microsoft.WindowsCalculator')).toMatchObject({
      version: '11.2311.0.0',
      publisher: 'Microsoft Corporation',
      arch: 'x64',
      source: 'windows:appx',
      attributes: {
        storeApp: true,
        productCode: 'Microsoft.WindowsCalculator_8wekyb3d8bbwe',
        signatureKind: 'Enterprise',
      },
    });
    expect(hosts[0]!.software.some((record) => record.name.startsWith('Microsoft.VCLibs'))).toBe(false);
    expect(summary).toMatchObject({ read: 8, accepted: 8, ignored: 4 });
  });
});
