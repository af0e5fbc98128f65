/**
 * Inventory registers as offices keep them: a title above the header, merged header cells, other
 * names for the computer column, a column mapping, folders by unit, and one bad file in a folder.
 */
import { csvScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

describe('csv registers: headers as offices write them', () => {
  it('title rows above the header are skipped and said once', async () => {
    const file = tempFolder().write(
      '登记表.csv',
      [
        'XX市交通局软件正版化登记表,,,',
        '填报单位：办公室,,填报日期：2024-05-01,',
        '电脑名称,使用部门,软件名称,版本号',
        'JTJ-01,办公室,WPS Office,12.1',
        'JTJ-02,办公室,7-Zip,23.01',
        '',
      ].join('\n'),
      'gbk',
    );
    const { hosts, summary, problems } = await scanAll(csvScanner(), file);
    expect(
      hosts.map((host) => [host.id, host.unit, host.software[0]!.name, host.software[0]!.evidence.line]),
    ).toEqual([
      ['JTJ-01', '办公室', 'WPS Office', 4],
      ['JTJ-02', '办公室', '7-Zip', 5],
    ]);
    expect(summary).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'csv.title-rows',
        severity: 'info',
        line: 3,
        message: 'line 3 is the header; line(s) 1, 2 above it are a title and are not read',
      }),
    ]);
  });

  it('a two-row header with merged upper cells is read as one header', async () => {
    const file = tempFolder().write(
      'merged.csv',
      [
        // 机器名 and 科室 merged down over two rows, 软件 merged across three columns.
        '序号,机器名,科室,软件,,',
        ',,,名称,版本,厂商',
        '1,CWK-01,财务科,用友U8,13.0,用友',
        '2,CWK-02,财务科,WPS Office,12.1,金山',
      ].join('\r\n'),
    );
    const { hosts, problems } = await scanAll(csvScanner(), file);
    expect(
      hosts.map((host) => [host.id, host.unit, host.software[0]!.name, host.software[0]!.publisher]),
    ).toEqual([
      ['CWK-01', '财务科', '用友U8', '用友'],
      ['CWK-02', '财务科', 'WPS Office', '金山'],
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'lines 1 and 2 are read as one header (merged cells above the column names): 序号, 机器名, 科室, 名称, 版本, 厂商',
    ]);
  });

  it('host column synonyms: 计算机编号, 设备名称, PSComputerName', async () => {
    const folder = tempFolder();
    for (const [name, header] of [
      ['a.csv', '计算机编号,软件名称'],
      ['b.csv', '设备名称,软件名称'],
      ['c.csv', 'PSComputerName,DisplayName,DisplayVersion'],
    ] as const) {
      folder.write(
        `syn/${name}`,
        `${header}\nPC-${name[0]},WPS Office${header.endsWith('Version') ? ',12.1' : ''}\n`,
      );
    }
    const { hosts } = await scanAll(csvScanner(), `${folder.root}/syn`);
    expect(hosts.map((host) => host.id)).toEqual(['PC-a', 'PC-b', 'PC-c']);
  });

  it('a column mapping names the register columns', async () => {
    const file = tempFolder().write('资产.csv', '资产编号,软件,使用人\nZC-001,WPS Office,张三\n');
    const { hosts } = await scanAll(csvScanner({ mapping: { host: '资产编号', name: '软件' } }), file);
    expect(hosts.map((host) => [host.id, host.software[0]!.name])).toEqual([['ZC-001', 'WPS Office']]);
  });
});

describe('csv folders', () => {
  it('files below a unit-named folder are that unit’s, unless a row says otherwise', async () => {
    const folder = tempFolder();
    folder.write('in/规划科/a.csv', '计算机名,软件名称\nGHK-01,WPS Office\n');
    folder.write('in/规划科/2024/b.csv', '计算机名,单位,软件名称\nGHK-02,,WPS Office\nBGS-01,办公室,7-Zip\n');
    folder.write('in/other/c.csv', '计算机名,软件名称\nXX-01,WPS Office\n');
    const { hosts } = await scanAll(csvScanner({ units: ['规划科', '办公室'] }), `${folder.root}/in`);
    expect(hosts.map((host) => [host.id, host.unit])).toEqual([
      ['XX-01', undefined],
      ['GHK-02', '规划科'],
      ['BGS-01', '办公室'],
      ['GHK-01', '规划科'],
    ]);
  });

  it('one unreadable file costs that file only: a located error, the files after it are read', async () => {
    const folder = tempFolder();
    folder.write('in/1.csv', '计算机名,软件名称\nPC-1,WPS Office\n');
    folder.write('in/2.csv', '这不是清单,也没有表头\n随便,写写\n');
    folder.write('in/3.csv', '计算机名,软件名称\nPC-3,WPS Office\n');
    folder.write('in/说明.txt', '各科室于五月底前报送。\n');
    const { hosts, problems } = await scanAll(csvScanner(), `${folder.root}/in`);
    expect(hosts.map((host) => host.id)).toEqual(['PC-1', 'PC-3']);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'csv.header',
        severity: 'error',
        fileFailed: true,
        line: 1,
        file: expect.stringMatching(/2\.csv$/),
        message: expect.stringContaining('this file was not read (the other files were)'),
      }),
      // A note beside the registers is no failed input.
      expect.objectContaining({ code: 'csv.not-a-table', severity: 'warning' }),
    ]);
    expect(problems.filter((problem) => problem.fileFailed)).toHaveLength(1);
  });
});
