import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

describe('zhengban catalog match', () => {
  it('says which product an installation is, why, and where that is defined', async () => {
    const result = await runCli([
      'catalog',
      'match',
      'Microsoft Office Professional Plus 2016',
      '--version',
      '16.0.4266.1001',
    ]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'Microsoft Office Professional Plus 2016 | 16.0.4266.1001 → ms-office（Microsoft Office）',
    );
    expect(lines[1]).toBe('  类别: office  厂商: microsoft  国产: 否  许可模式: commercial');
    expect(lines[2]).toMatch(/^ {2}匹配依据: name /);
    expect(lines.find((line) => line.startsWith('  定义位置: '))).toMatch(
      /^ {2}定义位置: builtin:catalog\/office:\d+:\d+$/,
    );
  });

  it('recognises an operating system by os-release ID, in English', async () => {
    const result = await runCli(['catalog', 'match', 'Kylin', '--os-id', 'kylin', '--locale', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'Kylin → kylin-desktop (银河麒麟桌面操作系统 (Kylin Desktop))',
      '  class: os  vendor: kylinsoft  domestic: yes  licence model: commercial',
      '  matched by: osId kylin',
    ]);
  });

  it('uses the catalogue of a policy given with --policy', async () => {
    const result = await runCli(
      ['catalog', 'match', 'WPS Office', '--publisher', 'Kingsoft Corp.', '--policy', 'policies/small.yaml'],
      {
        cwd: FIXTURES,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'WPS Office | Kingsoft Corp. → wps-office（WPS Office（版本未标明 / edition not stated））',
    );
  });

  it('exits 1 when nothing matches', async () => {
    const result = await runCli(['catalog', 'match', 'Totally Unknown Tool 3000']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("目录中没有产品匹配 'Totally Unknown Tool 3000'\n");
  });
});

describe('zhengban catalog list', () => {
  it('lists one class with aligned Chinese columns', async () => {
    const result = await runCli(['catalog', 'list', '--class', 'office']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +类别 +国产 +许可模式 +名称$/);
    const rows = lines.slice(1).map((line) => line.split(/ {2,}/));
    expect(rows.every((row) => row[1] === 'office')).toBe(true);
    expect(rows.map((row) => row[0])).toEqual(
      expect.arrayContaining(['ms-office', 'wps-office-pro', 'yozo-office']),
    );
    expect(rows.find((row) => row[0] === 'wps-office-pro')?.[2]).toBe('是');
    const header = lines[0]!;
    // "类别" starts in the same terminal column as "office" in every row (CJK counted as two columns).
    expect(lines[1]!.indexOf('office')).toBe(header.indexOf('类别'));
  });

  it('says so when a class has no products', async () => {
    const result = await runCli(['catalog', 'list', '--class', 'no-such-class', '--locale', 'en']);
    expect(result.stdout).toBe('no products match.\n');
  });
});
