/** .xlsx registers: every sheet or a named one, the same header rules as CSV, cells as a person sees them. */
import { join } from 'node:path';
import { csvScanner } from '@zhengban/scanners';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

async function register(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['本表由各科室填报，每台计算机每个软件一行。']);
  const sheet = workbook.addWorksheet('2024年');
  sheet.addRow(['XX市交通局软件正版化登记表']);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['电脑名称', '科室', '软件名称', '版本号', '安装日期']);
  sheet.addRow(['JTJ-01', '办公室', 'WPS Office', '12.1', new Date(Date.UTC(2024, 0, 2))]);
  sheet.addRow([
    'JTJ-02',
    null,
    { richText: [{ text: 'Microsoft ' }, { text: 'Office' }] },
    16,
    '2013-02-30',
  ]);
  sheet.addRow(['JTJ-03', null, { formula: 'CONCATENATE("7","-Zip")', result: '7-Zip' }, '23.01', null]);
  // 办公室 merged down over the three computers' rows.
  sheet.mergeCells('B3:B5');
  workbook.addWorksheet('Sheet3');
  await workbook.xlsx.writeFile(path);
}

describe('.xlsx registers', () => {
  it('reads every sheet with a header; the notes sheet is one warning, the empty one nothing', async () => {
    const folder = tempFolder();
    const file = join(folder.root, '登记表.xlsx');
    await register(file);
    const { hosts, summary, problems } = await scanAll(csvScanner(), file);
    expect(
      hosts.map((host) => [
        host.id,
        host.unit,
        host.software[0]!.name,
        host.software[0]!.version,
        host.software[0]!.installDate,
      ]),
    ).toEqual([
      ['JTJ-01', '办公室', 'WPS Office', '12.1', '2024-01-02'],
      ['JTJ-02', '办公室', 'Microsoft Office', '16', undefined],
      ['JTJ-03', '办公室', '7-Zip', '23.01', undefined],
    ]);
    expect(hosts[0]!.software[0]!.evidence).toEqual({ source: 'csv', file: `${file}#2024年`, line: 3 });
    expect(summary).toMatchObject({ hosts: 3, read: 3, accepted: 3, rejected: 0 });
    expect(problems.map((problem) => [problem.code, problem.severity, problem.line])).toEqual([
      ['csv.header', 'warning', undefined],
      ['csv.title-rows', 'info', 2],
      ['csv.date', 'warning', 4],
    ]);
  });

  it('a named sheet is read alone; an unknown sheet name lists the sheets', async () => {
    const folder = tempFolder();
    const file = join(folder.root, 'r.xlsx');
    await register(file);
    const named = await scanAll(csvScanner({ sheet: '2024年' }), file);
    expect(named.hosts).toHaveLength(3);
    const missing = await scanAll(csvScanner({ sheet: '2023年' }), file);
    expect(missing.hosts).toEqual([]);
    expect(missing.problems[0]).toMatchObject({
      code: 'csv.sheet',
      message: expect.stringContaining('no sheet "2023年" (sheets: 说明, 2024年, Sheet3)'),
    });
  });

  it('a file that is not a workbook is one error naming it', async () => {
    const file = tempFolder().write('fake.xlsx', '计算机名,软件名称\nPC,WPS\n');
    const { problems } = await scanAll(csvScanner(), file);
    expect(problems).toEqual([expect.objectContaining({ code: 'csv.xlsx', fatal: true })]);
  });
});
