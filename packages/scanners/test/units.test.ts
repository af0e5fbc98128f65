import { join } from 'node:path';
import { globMatches, readHostsFile, readUnitsFile } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { encode, FIXTURES, tempFolder } from './support/run.js';

const UNITS = join(FIXTURES, 'csv/units.csv');

describe('readUnitsFile', () => {
  it('reads units, staff and parents; bad rows are problems with their line numbers', async () => {
    const { units, problems, summary } = await readUnitsFile(UNITS);
    expect(units).toEqual([
      { name: '市政府办公室', staff: 45, parent: '市政府', location: { file: UNITS, line: 2 } },
      { name: '财务科', staff: 12, parent: '市政府办公室', location: { file: UNITS, line: 3 } },
      { name: '信息中心', staff: 1200, parent: '市政府办公室', location: { file: UNITS, line: 4 } },
    ]);
    expect(problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [5, 'units.staff', 'line 5: staff count "十二" is not a whole number'],
      [6, 'units.empty-name', 'line 6: the unit name is empty'],
      [7, 'units.duplicate', 'line 7: unit "财务科" is already listed on line 3'],
      [8, 'units.column-count', 'line 8 has 2 columns, the header has 3'],
    ]);
    expect(summary).toEqual({
      source: `units:${UNITS}`,
      scanner: 'units',
      hosts: 0,
      read: 7,
      accepted: 3,
      rejected: 4,
      ignored: 0,
    });
  });

  it('reads GBK with English headers, tabs and quoted line breaks', async () => {
    const file = tempFolder().write(
      'units.tsv',
      'Unit\tStaff\tParent\n"综合\n处"\t30\t办公厅\n人事处\t18\t办公厅\n',
      'gbk',
    );
    const { units, problems } = await readUnitsFile(file);
    expect(problems).toEqual([]);
    expect(units.map((u) => [u.name, u.staff, u.parent, u.location?.line])).toEqual([
      ['综合\n处', 30, '办公厅', 2],
      ['人事处', 18, '办公厅', 4],
    ]);
  });

  it('a file without a unit column is one error', async () => {
    const file = tempFolder().write('x.csv', encode('编号,人数\n1,2\n', 'utf-8'));
    await expect(readUnitsFile(file)).rejects.toThrow(
      `${file}:1: no unit column (expected 单位 / unit); header was: 编号, 人数`,
    );
  });
});

describe('host → unit rules', () => {
  it('a hosts file: exact names win over patterns, the first pattern wins, bad rows are located', async () => {
    const file = tempFolder().write(
      'hosts.csv',
      '计算机名,单位\nJTJ-GHK-*,规划科\nJTJ-GHK-09,办公室\nJTJ-???-0?,综合科\n,财务科\nJTJ-GHK-09,财务科\n',
    );
    const { map, problems, summary } = await readHostsFile(file);
    expect(map.ruleFor('JTJ-GHK-01')?.unit).toBe('规划科');
    expect(map.ruleFor('jtj-ghk-09')?.unit).toBe('办公室'); // exact, any case
    expect(map.ruleFor('JTJ-BGS-03')?.unit).toBe('综合科');
    expect(map.ruleFor('JTJ-BGS-103')).toBeUndefined();
    expect(map.unitNames()).toEqual(['办公室', '规划科', '综合科']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'line 5: the computer name is empty'],
      [6, 'line 6: JTJ-GHK-09 is already put in 办公室 on line 3'],
    ]);
    expect(summary).toMatchObject({ read: 5, accepted: 3, rejected: 2 });
  });

  it('glob matching stays cheap on hostile patterns', () => {
    const started = performance.now();
    expect(globMatches('*a*a*a*a*a*a*a*a*b', 'a'.repeat(200))).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
    expect(globMatches('pc-*', 'pc-')).toBe(true);
    expect(globMatches('*-01', 'BGS-01')).toBe(true);
  });

  it('a units file with a computer column gives one unit per name and one rule per row', async () => {
    const file = tempFolder().write(
      'units-hosts.csv',
      '单位,编制人数,计算机名\n办公室,20,BGS-*\n办公室,,BGS-99\n财务科,8,\n',
    );
    const { units, hosts, problems } = await readUnitsFile(file);
    expect(problems).toEqual([]);
    expect(units.map((unit) => [unit.name, unit.staff])).toEqual([
      ['办公室', 20],
      ['财务科', 8],
    ]);
    expect(hosts.map((rule) => [rule.pattern, rule.unit, rule.location.line])).toEqual([
      ['BGS-*', '办公室', 2],
      ['BGS-99', '办公室', 3],
    ]);
  });
});
