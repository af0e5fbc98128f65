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
    expect(lines[1]).toBe('  类别: 办公软件  厂商: microsoft  国产: 否  许可模式: 商业');
    expect(lines[2]).toMatch(/^ {2}匹配依据: 名称 regex "\(\?i\)\^microsoft office/);
    expect(lines.find((line) => line.startsWith('  定义位置: '))).toMatch(
      /^ {2}定义位置: builtin:catalog\/office:\d+:\d+$/,
    );
  });

  it('recognises an operating system by os-release ID, in English', async () => {
    const result = await runCli(['catalog', 'match', 'Kylin', '--os-id', 'kylin', '--locale', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'Kylin → kylin-desktop (银河麒麟桌面操作系统 (Kylin Desktop))',
      '  class: OS  vendor: kylinsoft  domestic: yes  licence model: commercial',
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

describe('zhengban catalog match: patterns', () => {
  it('does not call a (?i) regex case-sensitive', async () => {
    const result = await runCli(['catalog', 'match', '火绒安全', '--publisher', 'Huorong']);
    expect(result.code).toBe(0);
    const why = result.stdout.split('\n').find((line) => line.startsWith('  匹配依据: '))!;
    expect(why).toContain('regex "(?i)^(火绒安全');
    expect(why).not.toContain('case-sensitive');
  });
});

describe('zhengban catalog list', () => {
  it('lists one class with aligned Chinese columns', async () => {
    const result = await runCli(['catalog', 'list', '--class', 'office']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +类别 +国产 +许可模式 +名称$/);
    const rows = lines.slice(1).map((line) => line.split(/ {2,}/));
    expect(rows.every((row) => row[1] === '办公软件' && row[3] !== 'commercial')).toBe(true);
    expect(rows.map((row) => row[0])).toEqual(
      expect.arrayContaining(['ms-office', 'wps-office-pro', 'yozo-office']),
    );
    expect(rows.find((row) => row[0] === 'wps-office-pro')?.[2]).toBe('是');
    const header = lines[0]!;
    // "类别" starts in the same terminal column as "办公软件" (the ID column before them is ASCII).
    expect(lines[1]!.indexOf('办公软件')).toBe(header.indexOf('类别'));
  });

  it('takes the class by its Chinese or English label, whole or its start', async () => {
    const byId = await runCli(['catalog', 'list', '--class', 'office']);
    for (const word of ['办公', '办公软件', 'Office']) {
      const result = await runCli(['catalog', 'list', '--class', word]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(byId.stdout);
    }
  });

  it('names the classes when --class names none', async () => {
    const result = await runCli(['catalog', 'list', '--class', '游戏']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^zhengban: 错误: 没有类别 '游戏'；目录中的类别有：.*office（办公软件）.*os（操作系统）/,
    );
  });

  it('says which classes exist when a class has no products, in English too', async () => {
    const result = await runCli(['catalog', 'list', '--class', 'no-such-class', '--locale', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^zhengban: error: no class 'no-such-class'; the catalogue has: .*office \(Office\)/,
    );
  });
});
