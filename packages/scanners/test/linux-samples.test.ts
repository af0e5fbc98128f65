/** The linux scanner against real files written by other people (read in place, never copied). */
import { readFileSync } from 'node:fs';
import { linuxScanner } from '@zhengban/scanners';
import { expect, it } from 'vitest';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { osFromOsRelease } from '../src/linux/os-release.js';
import { byName, scanAll } from './support/run.js';

describeSamples('linux scanner on real samples', () => {
  it('ubuntu 20.04 armhf /var/lib/dpkg/status (13 stanzas)', async () => {
    const { hosts, summary } = await scanAll(
      linuxScanner(),
      sample('linux/jason416_ubuntu-base-20.04-armhf_var-lib-dpkg-status.PARTIAL'),
    );
    expect(summary).toMatchObject({ read: 13, accepted: 13, rejected: 0 });
    const software = hosts[0]!.software;
    expect(software.map((r) => r.name)).toEqual([
      'adduser',
      'apt',
      'base-files',
      'base-passwd',
      'bash',
      'bsdutils',
      'bzip2',
      'coreutils',
      'dash',
      'debconf',
      'debianutils',
      'diffutils',
      'dpkg',
    ]);
    expect(byName(software, 'apt')).toMatchObject({
      version: '2.0.2',
      arch: 'armhf',
      publisher: 'Ubuntu Developers',
      evidence: { line: 34 },
    });
    expect(byName(software, 'adduser')).toMatchObject({
      version: '3.118ubuntu2',
      arch: 'all',
      publisher: 'Ubuntu Core Developers',
    });
  });

  it('debian squeeze dpkg-query -W (name, arch, version, size, description)', async () => {
    const { hosts, summary } = await scanAll(
      linuxScanner(),
      sample('linux/fusioninventory_debian-squeeze_dpkg-query-W.txt'),
    );
    expect(summary).toMatchObject({ read: 15, accepted: 15, rejected: 0 });
    const software = hosts[0]!.software;
    expect(software.every((r) => r.source === 'linux:dpkg-query' && r.publisher === undefined)).toBe(true);
    expect(byName(software, 'apache2')).toMatchObject({ version: '2.2.16-6+squeeze6', arch: 'amd64' });
    expect(byName(software, 'anthy-common')).toMatchObject({ version: '9100h-6', arch: 'all' });
  });

  it('mageia 2 rpm --queryformat with a French date column (10 packages)', async () => {
    const { hosts, summary } = await scanAll(
      linuxScanner(),
      sample('linux/fusioninventory_mageia2_rpm-qa-queryformat_fr-locale.txt'),
    );
    expect(summary).toMatchObject({ read: 10, accepted: 10, rejected: 0 });
    const software = hosts[0]!.software;
    expect(byName(software, 'firebird-devel')).toMatchObject({
      version: '2.5.1.26351.0-3.mga2',
      arch: 'x86_64',
      publisher: 'Mageia.Org',
      source: 'linux:rpm-qf',
    });
    expect(byName(software, 'perl-Gtk2-ImageView')).toMatchObject({
      version: '0.50.0-4.mga2',
      publisher: 'Mageia',
    });
  });

  it('centos 7 rpm query output, two lines with tabs turned into spaces (7 packages)', async () => {
    const { hosts, summary } = await scanAll(
      linuxScanner(),
      sample('linux/ohai_centos7_rpmquery.output.txt'),
    );
    expect(summary).toMatchObject({ read: 7, accepted: 7, rejected: 0 });
    expect(hosts[0]!.software.map((r) => `${r.name} ${r.version} ${r.arch} ${r.installDate}`)).toEqual([
      'centos-release 7-2.1511.el7.centos.2.10 x86_64 2016-05-17',
      'tzdata 2016d-1.el7 noarch 2016-05-17',
      'nss-softokn-freebl 3.16.2.3-14.2.el7_2 x86_64 2016-05-17',
      'glibc 2.17-106.el7_2.6 x86_64 2016-05-17',
      'libstdc++ 4.8.5-4.el7 x86_64 2016-05-17',
      'kernel 3.10.0-862.2.3.el7 x86_64 2018-05-14',
      'kernel 3.10.0-862.el7 x86_64 2018-03-22',
    ]);
  });

  it('CBL-Mariner manifest, 10 columns with epoch and source rpm (5 packages)', async () => {
    const { hosts } = await scanAll(
      linuxScanner(),
      sample('linux/syft_cbl-mariner2_container-manifest-2_rpm-qf.txt'),
    );
    const software = hosts[0]!.software;
    expect(software).toHaveLength(5);
    expect(byName(software, 'vim')).toMatchObject({
      version: '2:9.0-1.cm2',
      publisher: 'Microsoft Corporation',
      arch: 'x86_64',
      installDate: '2022-05-29',
    });
    expect(byName(software, 'glibc')).toMatchObject({
      version: '2.35-2.cm2',
      publisher: 'Microsoft Corporation',
    });
  });

  it('debian 11 os-release as a host file', async () => {
    const { hosts } = await scanAll(linuxScanner(), sample('linux/glpi-agent_os-release-debian-11.2'));
    expect(hosts[0]!.os).toMatchObject({
      name: 'Debian GNU/Linux 11 (bullseye)',
      id: 'debian',
      version: '11',
    });
  });

  it.each([
    [
      'ansible_os-release-fixture_kylin_linux_advanced_server_v10.json',
      'kylin',
      'Kylin Linux Advanced Server V10 (Sword)',
      'V10',
      'Server',
    ],
    ['ansible_os-release-fixture_deepin_20.4.json', 'deepin', 'Deepin 20.4', '20.4', undefined],
    [
      'ansible_os-release-fixture_openeuler_20.03.json',
      'openEuler',
      'openEuler 20.03 (LTS)',
      '20.03',
      undefined,
    ],
    [
      'ansible_os-release-fixture_uniontech_os_server_20_uelc20.json',
      'uos',
      'UnionTech OS Server 20',
      '20',
      'Server',
    ],
    ['ansible_os-release-fixture_uos_20.json', 'uos', 'UnionTech OS Server 20', '20', 'Server'],
  ])('os-release inside %s', (file, id, name, version, edition) => {
    const fixture = JSON.parse(readFileSync(sample(`linux/${file}`), 'utf8')) as {
      input: Record<string, string>;
    };
    const os = osFromOsRelease(fixture.input['/etc/os-release']!, { source: 'linux:os-release', file });
    expect([os.id, os.name, os.version, os.edition]).toEqual([id, name, version, edition]);
  });
});
