/**
 * Linux lists as people print them: `dpkg -l` (English and Chinese headings), `rpm -qa --last`
 * (which the header-less table reader once misread), and a dpkg status paragraph without Status.
 */
import { problemText } from '@zhengban/core';
import { linuxScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { byName, scanAll, tempFolder } from './support/run.js';

const DPKG_L_ZH = [
  '期望状态=未知(u)/安装(i)/删除(r)/清除(p)/保持(h)',
  '| 状态=未安装(n)/已安装(i)/仅存配置(c)/仅解压缩(U)/配置失败(F)/不完全安装(H)/触发器等待(W)/触发器未决(T)',
  '|/ 错误?=(无)/须重装(R) (状态，错误：大写=故障)',
  '||/ 名称                    版本                  体系结构     描述',
  '+++-=======================-=====================-============-========================================',
  'ii  adduser                 3.118                 all          add and remove users and groups',
  'ii  wps-office              11.1.0.11720          amd64        WPS Office，金山办公',
  'rc  oldpkg                  1.0                   amd64        removed, configuration left',
  'ii  libc6:amd64             2.31-13+deb11u5       amd64        GNU C Library: Shared libraries',
  'iU  halfpkg                 2.0                   amd64        unpacked, not configured',
  'hi  kylin-activation        1.3.1                 amd64        held',
  '',
].join('\n');

describe('linux scanner: dpkg -l', () => {
  it('reads installed packages (ii, hi); rc and iU are not installations; multi-arch names split', async () => {
    const file = tempFolder().write('KY-01.txt', DPKG_L_ZH);
    const { hosts, summary, problems } = await scanAll(linuxScanner(), file);
    expect(problems).toEqual([]);
    const software = hosts[0]!.software;
    expect(software.map((record) => `${record.name} ${record.version} ${record.arch}`)).toEqual([
      'adduser 3.118 all',
      'wps-office 11.1.0.11720 amd64',
      'libc6 2.31-13+deb11u5 amd64',
      'kylin-activation 1.3.1 amd64',
    ]);
    expect(byName(software, 'wps-office')).toMatchObject({ source: 'linux:dpkg-l', evidence: { line: 7 } });
    expect(summary).toMatchObject({ hosts: 1, read: 6, accepted: 6, ignored: 2, rejected: 0 });
  });

  it('an English dpkg -l copied without its heading is still dpkg -l, never a guessed table', async () => {
    const file = tempFolder().write(
      'pc.txt',
      'ii  adduser        3.118     all     add and remove users\nii  wps-office     11.1.0    amd64   WPS Office\n',
    );
    const { hosts } = await scanAll(linuxScanner(), file);
    expect(hosts[0]!.software.map((record) => record.name)).toEqual(['adduser', 'wps-office']);
  });
});

describe('linux scanner: rpm -qa --last', () => {
  it('English locale: name-version-release.arch and the date, never misread as a query table', async () => {
    const file = tempFolder().write(
      'fc21.txt',
      [
        'libsolv-0.6.4-3.fc21.x86_64                   Wed 06 Aug 2014 01:00:31 PM CEST',
        'kernel-3.17.4-301.fc21.x86_64                 Tue 05 Aug 2014 11:12:01 AM CEST',
        'gpg-pubkey-95a43f54-5284415a                  Mon 04 Aug 2014 09:00:00 AM CEST',
        '',
      ].join('\n'),
    );
    const { hosts, summary, problems } = await scanAll(linuxScanner(), file);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    expect(hosts[0]!.software[0]).toMatchObject({
      name: 'libsolv',
      version: '0.6.4-3.fc21',
      arch: 'x86_64',
      installDate: '2014-08-06',
      source: 'linux:rpm-last',
    });
    expect(hosts[0]!.software[0]!.publisher).toBeUndefined();
  });

  it('Chinese locale (Kylin Server): the date in 年月日', async () => {
    const file = tempFolder().write(
      'ky10.txt',
      'kernel-4.19.90-24.4.v2101.ky10.x86_64         2021年04月12日 星期一 17时03分54秒\nbash-5.0-14.ky10.x86_64                       2021年04月10日 星期六 09时00分00秒\n',
    );
    const { hosts } = await scanAll(linuxScanner(), file);
    expect(
      hosts[0]!.software.map((record) => `${record.name} ${record.version} ${record.installDate}`),
    ).toEqual(['kernel 4.19.90-24.4.v2101.ky10 2021-04-12', 'bash 5.0-14.ky10 2021-04-10']);
  });
});

describe('linux scanner: a line of an rpm list that is not a package', () => {
  it('is a located problem worded in Chinese, saying which form was expected', async () => {
    const good = (n: number) => `pkg${n}-1.0-1.el7.x86_64                   Wed 06 Aug 2014 01:00:31 PM CEST`;
    const lines = Array.from({ length: 100 }, (_, n) => good(n));
    lines.push('半截的一行', '');
    const file = tempFolder().write('last.txt', lines.join('\n'));
    const { hosts, summary, problems } = await scanAll(linuxScanner(), file);
    expect(hosts[0]!.software).toHaveLength(100);
    expect(summary).toMatchObject({ accepted: 100, rejected: 1 });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'rpm.line',
        line: 101,
        message: 'line 101 is not "name-version-release.arch  date" (rpm -qa --last)',
      }),
    ]);
    expect(problemText(problems[0]!, 'zh-CN')).toBe(
      '第 101 行不是 名称-版本-发行号.架构  安装日期（rpm -qa --last） 的形式',
    );
  });
});

describe('linux scanner: dpkg status paragraphs without Status', () => {
  it('are not installations: ignored, said once', async () => {
    const file = tempFolder().write(
      'status',
      'Package: wps-office\nStatus: install ok installed\nVersion: 11.1\n\nPackage: ghost\nVersion: 1.0\nArchitecture: amd64\n\nPackage: ghost2\nVersion: 2.0\n',
    );
    const { hosts, summary, problems } = await scanAll(linuxScanner(), file);
    expect(hosts[0]!.software.map((record) => record.name)).toEqual(['wps-office']);
    expect(summary).toMatchObject({ read: 3, accepted: 3, ignored: 2, rejected: 0 });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'dpkg.no-status',
        severity: 'warning',
        line: 5,
        message: expect.stringContaining('2 package paragraph(s) without a Status field (lines 5, 9)'),
      }),
    ]);
  });
});

describe('linux scanner: a damaged dpkg status', () => {
  it('a lost blank line between two packages: both are read, the line is a warning', async () => {
    const file = tempFolder().write(
      'status',
      'Package: wps-office\nStatus: install ok installed\nVersion: 11.1\nPackage: qq\nStatus: install ok installed\nVersion: 3.2\n\r\n',
    );
    const { hosts, summary, problems } = await scanAll(linuxScanner(), file);
    expect(hosts[0]!.software.map((record) => `${record.name} ${record.version}`)).toEqual([
      'wps-office 11.1',
      'qq 3.2',
    ]);
    expect(summary).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    expect(problems.map((problem) => [problem.line, problem.code, problem.severity])).toEqual([
      [4, 'dpkg.line', 'warning'],
    ]);
  });
});

describe('linux scanner: strict detection, no wrong guess', () => {
  it('a space-separated "name version" list (choco list, pip freeze) is not taken for dpkg-query', async () => {
    const file = tempFolder().write(
      'choco.txt',
      'Chocolatey v2.0.0\n7zip 22.1.0\nadobereader 2023.3.20201.1\nazure-cli 2.49.0\n',
    );
    const { hosts, problems } = await scanAll(linuxScanner(), file);
    expect(hosts).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ code: 'linux.format', fatal: true })]);
  });

  it('the same lines separated by tabs, as dpkg-query -W prints them, are read', async () => {
    const file = tempFolder().write('dpkg-query.txt', 'wps-office\t11.1.0.11720\nadduser\t3.118\n');
    const { hosts } = await scanAll(linuxScanner(), file);
    expect(hosts[0]!.software.map((record) => record.name)).toEqual(['wps-office', 'adduser']);
  });
});
