import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { linuxScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { byName, FIXTURES, scanAll, tempFolder } from './support/run.js';

function hasDpkgQuery(): boolean {
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('linux scanner: one sub-folder per host (our fixtures)', () => {
  it('reads dpkg status, dpkg-query, rpm --queryformat, os-release and UOS os-version', async () => {
    const { hosts, summary, problems } = await scanAll(linuxScanner(), join(FIXTURES, 'linux'));
    expect(
      hosts.map((h) => [h.id, h.os?.id, h.os?.name, h.os?.version, h.os?.edition, h.software.length]),
    ).toEqual([
      ['kylin-desktop-01', 'kylin', 'Kylin V10 SP1', 'v10', undefined, 3],
      ['openeuler-srv', 'openEuler', 'openEuler 22.03 (LTS-SP2)', '22.03', undefined, 4],
      ['uos-pc-02', 'uos', 'UnionTech OS Desktop 20 Pro', '20.1070', 'Professional', 4],
    ]);
    const [kylin, openEuler, uos] = hosts as [(typeof hosts)[0], (typeof hosts)[0], (typeof hosts)[0]];
    expect(kylin.os?.idLike).toEqual(['debian']);
    expect(uos.os?.build).toBe('11018.107');
    expect(byName(kylin.software, 'wps-office')).toMatchObject({
      version: '11.1.0.11720',
      publisher: 'Kingsoft Office Corporation',
      arch: 'amd64',
      // where it comes from, as written: a third-party package of the editors section
      attributes: { maintainer: 'Kingsoft Office Corporation <wps@wps.cn>', section: 'editors' },
      source: 'linux:dpkg-status',
      evidence: {
        source: 'linux:dpkg-status',
        line: 1,
        file: join(FIXTURES, 'linux/kylin-desktop-01/status'),
      },
    });
    expect(byName(kylin.software, 'hold-me').version).toBe('2:1.0-3');
    expect(uos.software.map((r) => [r.name, r.version, r.source])).toEqual([
      ['com.qq.weixin.deepin', '3.2.1.154deepin14', 'linux:dpkg-query'],
      ['wps-office', '11.1.0.11720', 'linux:dpkg-query'],
      ['yozo-office', '8.0.1331.101', 'linux:dpkg-query'],
      ['libreoffice-core', '1:7.0.4-4+deb11u8', 'linux:dpkg-query'],
    ]);
    expect(openEuler.software.map((r) => [r.name, r.version, r.arch, r.publisher, r.installDate])).toEqual([
      ['openEuler-release', '22.03LTS_SP2-55.oe2203sp2', 'x86_64', 'openEuler', '2023-09-27'],
      ['bash', '5.1.8-6.oe2203sp2', 'x86_64', 'openEuler', '2023-09-27'],
      ['vim-enhanced', '2:9.0-15.oe2203sp2', 'x86_64', 'openEuler', '2023-09-27'],
      ['gpg-pubkey', 'b25e7f66-5f9b9a5c', undefined, undefined, '2023-09-27'],
    ]);
    // qq (config-files only) and deepin-manual are not installed; broken-entry has no Version.
    expect(summary).toMatchObject({ hosts: 3, read: 14, accepted: 13, ignored: 2, rejected: 1 });
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'dpkg.no-version',
        line: 40,
        file: join(FIXTURES, 'linux/kylin-desktop-01/status'),
        message: 'package broken-entry (line 40) has no Version field',
      }),
    ]);
  });

  it('reads plain rpm -qa (name-version-release.arch) as one host named after the file', async () => {
    const { hosts } = await scanAll(linuxScanner(), join(FIXTURES, 'linux-files/rpm-qa-plain.txt'));
    expect(hosts.map((h) => h.id)).toEqual(['rpm-qa-plain']);
    expect(hosts[0]!.software.map((r) => [r.name, r.version, r.arch, r.source])).toEqual([
      ['bash', '5.1.8-6.el9', 'x86_64', 'linux:rpm-qa'],
      ['kernel', '5.14.0-362.8.1.el9_3', 'x86_64', 'linux:rpm-qa'],
      ['gpg-pubkey', 'fd431d51-4ae0493b', undefined, 'linux:rpm-qa'],
      ['wps-office', '11.1.0.11720-1', 'x86_64', 'linux:rpm-qa'],
    ]);
  });

  it('reports a line that does not fit the detected columns, and keeps the others', async () => {
    const folder = tempFolder();
    const file = folder.write(
      'dpkg.txt',
      'bash\t5.2.15-2+b2\tinstall ok installed\ncoreutils\t9.1-1\tinstall ok installed\nthis line has no tabs at all\nsed\t4.9-1\tinstall ok installed\n',
    );
    const { hosts, problems, summary } = await scanAll(linuxScanner(), file);
    expect(hosts[0]!.software.map((r) => r.name)).toEqual(['bash', 'coreutils', 'sed']);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'packages.column-count',
        line: 3,
        message: 'line 3 has 7 columns, expected 3',
        file,
      }),
    ]);
    expect(summary).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
  });
});

describe('linux scanner: local mode', () => {
  it('reads a file system tree given as root, and runs rpm through the injected runner', async () => {
    const folder = tempFolder();
    folder.write(
      'etc/os-release',
      'NAME="Kylin Linux Advanced Server"\nVERSION="V10 (Lance)"\nID="kylin"\nVERSION_ID="V10"\nPRETTY_NAME="Kylin Linux Advanced Server V10 (Lance)"\n',
    );
    const calls: string[][] = [];
    const scanner = linuxScanner({
      root: folder.root,
      localHostId: 'ky-srv-01',
      runCommand: async (file, args) => {
        calls.push([file, ...args]);
        return {
          exitCode: 0,
          stdout: Buffer.from('kylin-release\t0\tV10\t58.ky10\tx86_64\tKylin Linux\t1700000000\n'),
        };
      },
    });
    const { hosts } = await scanAll(scanner, 'local');
    expect(calls).toEqual([
      [
        'rpm',
        '-qa',
        '--queryformat',
        '%{NAME}\t%{EPOCHNUM}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{VENDOR}\t%{INSTALLTIME}\n',
      ],
    ]);
    expect(
      hosts.map((h) => [
        h.id,
        h.os?.id,
        h.os?.edition,
        h.software.map((r) => `${r.name} ${r.version} ${r.publisher}`),
      ]),
    ).toEqual([['ky-srv-01', 'kylin', 'Server', ['kylin-release V10-58.ky10 Kylin Linux']]]);
  });

  it.skipIf(!hasDpkgQuery())(
    'on this machine finds exactly as many packages as dpkg-query reports installed',
    async () => {
      // `hold ok installed` is installed too (pinned); the scanner counts both, so the test does.
      const installedNow = () =>
        execFileSync('dpkg-query', ['-W', String.raw`-f=${'$'}{Status}\n`], { encoding: 'utf8' })
          .split('\n')
          .filter((status) => status === 'install ok installed' || status === 'hold ok installed').length;
      // Another process may be installing packages meanwhile: retry until the count holds still.
      for (let attempt = 1; ; attempt++) {
        const before = installedNow();
        const { hosts } = await scanAll(
          linuxScanner({ runCommand: async () => ({ exitCode: 1, stdout: new Uint8Array() }) }),
          'local',
        );
        const scanned = hosts[0]!.software.filter((r) => r.source === 'linux:dpkg-status').length;
        if (before !== installedNow() && attempt < 5) continue;
        expect(before).toBeGreaterThan(0);
        expect(scanned).toBe(before);
        break;
      }
    },
  );
});
