import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scanAll, tempFolder } from './support/run.js';

const ZH = join(FIXTURES, 'csv/inventory-zh.csv');

describe('csv scanner: Chinese headers, quoted newlines, bad rows, hosts that come back', () => {
  it('reads the rows, reports the bad ones by line, and flushes a host when the host column changes', async () => {
    const { hosts, summary, problems } = await scanAll(csvScanner(), ZH);
    expect(hosts.map((h) => [h.id, h.unit, h.software.map((r) => r.name)])).toEqual([
      ['PC-001', '办公室', ['Microsoft Office 专业增强版 2016', 'WPS Office', '火绒安全软件']],
      ['PC-002', '财务科', ['Adobe Acrobat DC\n(Continuous)', '永中Office 2019', '360安全卫士']],
      ['PC-001', '办公室', ['微信']],
      ['PC-003', '信息中心', ['Google Chrome']],
    ]);
    // An impossible date costs the date, not the installation.
    expect(summary).toMatchObject({ hosts: 4, read: 11, accepted: 8, rejected: 3, ignored: 0 });
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [
        7,
        'csv.date',
        'line 7: install date "2023-02-30" is not a real date; the installation is read without it',
      ],
      [9, 'csv.empty-host', 'line 9: the computer name is empty'],
      [10, 'csv.empty-name', 'line 10: the software name is empty'],
      [11, 'csv.column-count', 'line 11 has 9 columns, the header has 11'],
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['warning', 'error', 'error', 'error']);
    expect(problems.every((p) => p.file === ZH && p.source === 'csv')).toBe(true);

    const [pc1, pc2, , pc3] = hosts as [
      (typeof hosts)[0],
      (typeof hosts)[0],
      (typeof hosts)[0],
      (typeof hosts)[0],
    ];
    expect(pc1.os).toEqual({
      name: 'Microsoft Windows 10 专业版',
      id: 'windows',
      version: '10.0.19045',
      edition: 'Professional',
      evidence: { source: 'csv', file: ZH, line: 2 },
    });
    expect(pc1.software[0]).toEqual({
      name: 'Microsoft Office 专业增强版 2016',
      version: '16.0.4266.1001',
      publisher: 'Microsoft Corporation',
      installDate: '2023-09-15',
      source: 'csv',
      evidence: { source: 'csv', file: ZH, line: 2 },
      attributes: { edition: '专业增强版', licenseStatus: 'licensed', kmsHost: 'kms.gov.example.cn' },
    });
    expect(pc1.software.map((r) => r.installDate)).toEqual(['2023-09-15', '2024-01-02', '2024-01-02']);
    expect(pc2.software[0]).toMatchObject({
      publisher: 'Adobe Inc., "Creative Cloud"',
      installDate: '2023-10-08',
      evidence: { line: 5 },
    });
    expect(pc2.software[1]).toMatchObject({
      name: '永中Office 2019',
      installDate: undefined,
      evidence: { line: 7 },
    });
    expect(pc2.software[2]).toMatchObject({ name: '360安全卫士', evidence: { line: 8 } });
    expect(pc2.os).toMatchObject({ name: '银河麒麟桌面操作系统 V10', id: 'kylin', version: 'V10 SP1' });
    expect(pc3.software[0]).toMatchObject({
      attributes: { licenseStatus: 'unlicensed' },
      evidence: { line: 13 },
    });
    expect(pc3.os).toMatchObject({ id: 'uos', version: '20' });
  });

  describe('encodings and delimiters give the same inventory', () => {
    const folder = tempFolder();
    const text = readFileSync(ZH, 'utf8');
    const variants: Array<[string, string, Parameters<typeof folder.write>[2]]> = [
      ['gbk.csv', text, 'gbk'],
      ['utf8-bom.csv', text, 'utf-8-bom'],
      // Excel: CRLF between rows, a bare LF inside a cell.
      ['utf16le-bom-crlf.csv', text.replace(/\n(?!\(Continuous)/g, '\r\n'), 'utf-16le-bom'],
      ['utf16be-bom.csv', text, 'utf-16be-bom'],
      ['semicolon.csv', text.replaceAll(',', ';').replaceAll('Adobe Inc.; ', 'Adobe Inc., '), 'utf-8'],
      ['tab.tsv', text.replaceAll(',', '\t').replaceAll('Adobe Inc.\t ', 'Adobe Inc., '), 'gbk'],
    ];
    it.each(variants)('%s', async (name, content, encoding) => {
      const { hosts, summary, problems } = await scanAll(csvScanner(), folder.write(name, content, encoding));
      expect(
        hosts.flatMap((h) => h.software.map((r) => `${h.id} ${r.name} ${r.version} ${r.publisher}`)),
      ).toEqual([
        'PC-001 Microsoft Office 专业增强版 2016 16.0.4266.1001 Microsoft Corporation',
        'PC-001 WPS Office 12.1.0.16910 Kingsoft Corp.',
        'PC-001 火绒安全软件 5.0.75.8 北京火绒网络科技有限公司',
        'PC-002 Adobe Acrobat DC\n(Continuous) 23.006.20320 Adobe Inc., "Creative Cloud"',
        'PC-002 永中Office 2019 8.0.1331.101 Yozosoft Co.，Ltd',
        'PC-002 360安全卫士 13.0.0.2003 360安全中心',
        'PC-001 微信 3.9.8.25 腾讯科技(深圳)有限公司',
        'PC-003 Google Chrome 120.0.6099.130 Google LLC',
      ]);
      expect(summary).toMatchObject({ read: 11, accepted: 8, rejected: 3 });
      expect(problems.map((p) => p.line)).toEqual([7, 9, 10, 11]);
    });
  });

  it('a folder scans every .csv / .tsv / .txt in it', async () => {
    const folder = tempFolder();
    folder.write('a.csv', 'hostname,software,version\nPC-9,WPS Office,12.1\n');
    folder.write('sub/b.tsv', 'hostname\tsoftware\tversion\nPC-8\t7-Zip\t23.01\n');
    folder.write('notes.md', '# not an inventory');
    const { hosts } = await scanAll(csvScanner(), folder.root);
    expect(hosts.map((h) => `${h.id} ${h.software[0]!.name}`)).toEqual(['PC-9 WPS Office', 'PC-8 7-Zip']);
  });

  it('a mapping names columns the built-in words do not know; English headers and options', async () => {
    const folder = tempFolder();
    const file = folder.write(
      'en.csv',
      'Asset Tag|Department|Title|Ver|Vendor|Installed On\nA-0001|IT|LibreOffice|7.6.4|The Document Foundation|2024-01-31\n',
    );
    const scanner = csvScanner({ mapping: { host: 'asset tag', unit: 'Department' }, delimiter: '|' });
    const { hosts } = await scanAll(scanner, file);
    expect(hosts).toEqual([
      {
        id: 'A-0001',
        unit: 'IT',
        scanner: 'csv',
        software: [
          {
            name: 'LibreOffice',
            version: '7.6.4',
            publisher: 'The Document Foundation',
            installDate: '2024-01-31',
            source: 'csv',
            evidence: { source: 'csv', file, line: 2 },
          },
        ],
      },
    ]);
  });

  it('a forced encoding is used as given', async () => {
    const folder = tempFolder();
    const file = folder.write('forced.csv', '主机名,软件名称\nPC-1,金山毒霸\n', 'gbk');
    const { hosts } = await scanAll(csvScanner({ encoding: 'gbk' }), file);
    expect(hosts[0]!.software[0]!.name).toBe('金山毒霸');
  });

  it('a file without a host column is one error naming the file and the header', async () => {
    const folder = tempFolder();
    const file = folder.write('nohost.csv', '软件名称,版本\nWPS,12\n');
    const { hosts, problems, summary } = await scanAll(csvScanner(), file);
    expect(hosts).toEqual([]);
    expect(summary.read).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'csv.header',
        fatal: true,
        line: 1,
        message: `${file}:1: no column for the computer (计算机名 / 主机名 / hostname); header was: 软件名称, 版本 (give a mapping if the column has another name)`,
      }),
    ]);
  });

  it('a mapping to a column that is not there is one error', async () => {
    const folder = tempFolder();
    const file = folder.write('m.csv', 'hostname,name\nPC,WPS\n');
    const { problems } = await scanAll(csvScanner({ mapping: { unit: '科室名称' } }), file);
    expect(problems.map((p) => p.message)).toEqual([
      `${file}: the mapping gives column "科室名称" for unit, but the header has no such column (header: hostname, name)`,
    ]);
  });
});
