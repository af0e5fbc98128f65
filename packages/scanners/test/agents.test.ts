import { decodeText, getScanner, glpiScanner, scannerNames, wazuhScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { encode, scanAll, tempFolder } from './support/run.js';

describe('built-in scanners by name', () => {
  it('lists and builds every built-in; unknown names give undefined', () => {
    expect(scannerNames()).toEqual(['windows', 'linux', 'csv', 'osquery', 'inventory', 'glpi', 'wazuh']);
    expect(scannerNames().map((name) => getScanner(name)?.name)).toEqual(scannerNames());
    expect(getScanner('toString')).toBeUndefined();
    expect(getScanner('excel')).toBeUndefined();
  });

  it('passes options to the factory', async () => {
    const file = tempFolder().write('x.csv', 'PC|Name\nA-1|WPS\n');
    const { hosts } = await scanAll(getScanner('csv', { delimiter: '|', mapping: { host: 'PC' } })!, file);
    expect(hosts.map((h) => [h.id, h.software[0]!.name])).toEqual([['A-1', 'WPS']]);
  });
});

describe('decodeText', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['utf-8-bom', 'utf-8'],
    ['gbk', 'gb18030'],
    ['utf-16le-bom', 'utf-16le'],
    ['utf-16be-bom', 'utf-16be'],
    ['utf-16le', 'utf-16le'],
  ])('%s → %s', (written, detected) => {
    const text = '计算机名,软件名称\nPC-1,金山 WPS Office 2019\n';
    expect(decodeText(encode(text, written), 'x.csv')).toEqual({ text, encoding: detected });
  });
});

describeSamples('glpi and wazuh scanners on real samples', () => {
  it('GLPI agent inventory (Fedora): 6 rpm software rows', async () => {
    const { hosts, summary } = await scanAll(
      glpiScanner(),
      sample('glpi/glpi-inventory-format_computer_1_partial_softs.json'),
    );
    expect(summary).toMatchObject({ read: 6, accepted: 6, rejected: 0 });
    expect(hosts[0]).toMatchObject({
      id: 'glpixps',
      os: { name: 'Fedora 31 (Workstation Edition)', id: 'fedora', version: '31 (Workstation Edition)' },
    });
    expect(hosts[0]!.software.find((r) => r.name === 'gnome-calculator')).toMatchObject({
      version: '3.34.1-1.fc31',
      publisher: 'Fedora Project',
      installDate: '2019-12-19',
      evidence: { key: '/content/softwares/2' },
    });
  });

  it('GLPI agent inventory (Windows UWP app with "<" in its name): kept as written', async () => {
    const { hosts } = await scanAll(
      glpiScanner(),
      sample('glpi/glpi_tests_02-software_html_entities_uwp.json'),
    );
    expect(hosts[0]!.software).toEqual([
      expect.objectContaining({
        name: 'Microsoft < Windows',
        version: '2.0.0.0',
        publisher: 'Microsoft < Ltd',
        installDate: '2023-01-13',
      }),
    ]);
  });

  it('the Wazuh folder: agent 001 of four managers is four computers, each with its own packages', async () => {
    // The folder holds the messages of four QA scenarios, each numbering its agent 001: Arch Linux
    // (Wazuh 4 state event + two dbsync package events of openssh, the later replacing the earlier),
    // Debian 12 and RHEL 7.9 (Wazuh 5 VDSync), Debian 11 (Wazuh 4 dbsync osinfo + systemd).
    const { hosts, summary, problems } = await scanAll(wazuhScanner(), sample('wazuh'));
    expect(hosts.map((host) => [host.id, host.os?.name, host.os?.version, host.software.length])).toEqual([
      ['001:archlinux', 'Arch Linux', undefined, 1],
      ['001:debianBookworm', 'Debian', '12.0.0', 2],
      ['001:rhel7.9', 'Redhat', '7.9.6', 1],
      ['001:debian', 'Debian', '11.0.6', 1],
    ]);
    // 7 package messages read: 5 installed, 1 replaced by a later event; the Arch state event is the OS.
    expect(summary).toMatchObject({ accepted: 6, rejected: 0 });
    expect(problems).toEqual([expect.objectContaining({ code: 'wazuh.shared-agent', severity: 'warning' })]);
    expect(problems[0]!.message).toContain('archlinux, debianBookworm, rhel7.9, debian');
    expect(hosts[0]!.software[0]).toMatchObject({
      name: 'openssh',
      version: '9.8p1-1',
      publisher: 'Arch Linux',
    });
    expect(hosts[3]).toMatchObject({ hostname: 'debian', os: { id: 'debian' } });
    expect(hosts[3]!.software).toEqual([
      expect.objectContaining({
        name: 'systemd',
        version: '247.3-7+deb11u4',
        publisher: 'debian vendor',
        arch: 'amd64',
      }),
    ]);
  });

  it('a Wazuh 5 VDSync message alone: the agent is the computer, each package document a record', async () => {
    const file = sample('wazuh/wazuh5_vdsync_qa001_debian-bookworm.json');
    const { hosts, problems } = await scanAll(wazuhScanner(), file);
    expect(problems).toEqual([]);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({
      id: '001',
      hostname: 'debianBookworm',
      os: { name: 'Debian', id: 'debian', version: '12.0.0', arch: 'x86_64' },
    });
    expect(hosts[0]!.software.map((r) => [r.name, r.version, r.evidence.key])).toEqual([
      ['libldb2', '2:2.6.2+samba4.17.12+dfsg-0+deb12u1', '/data_values/0/payload/package'],
      ['libldb2', '2:2.6.2+samba4.17.9+dfsg-0+deb12u1', '/data_values/1/payload/package'],
    ]);
  });

  it('a GLPI file given to the wazuh scanner is one clear error', async () => {
    const file = sample('glpi/glpi_tests_02-software_html_entities_uwp.json');
    const { problems } = await scanAll(wazuhScanner(), file);
    expect(problems.map((p) => p.message)).toEqual([
      `${file}: not a Wazuh syscollector message (dbsync or state event, or a VDSync message)`,
    ]);
  });
});

describe('wazuh scanner on our own fixtures', () => {
  const event = (type: string, data: object, operation = 'INSERTED') =>
    JSON.stringify({ agent_info: { agent_id: '007' }, data_type: type, data, operation });

  it('a stray file in a Wazuh folder costs that file only, as a located error', async () => {
    const folder = tempFolder();
    folder.write('w/a-osinfo.json', event('dbsync_osinfo', { hostname: 'KJJ-01', os_name: 'Ubuntu' }));
    folder.write('w/b-readme.txt', 'exported from the manager on Monday\n');
    folder.write('w/c-packages.json', event('dbsync_packages', { name: 'wps-office', version: '11.1' }));
    const { hosts, problems } = await scanAll(wazuhScanner(), `${folder.root}/w`);
    expect(hosts.map((h) => [h.id, h.hostname, h.software.map((r) => r.name)])).toEqual([
      ['007', 'KJJ-01', ['wps-office']],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'wazuh.format',
        severity: 'error',
        file: `${folder.root}/w/b-readme.txt`,
      }),
    ]);
  });

  it('state events and deletions: what a later message deletes is not installed', async () => {
    const lines = [
      event('state', {
        attributes_type: 'syscollector_osinfo',
        attributes: { hostname: 'PC-9', os_name: 'Kylin' },
      }),
      event('state', {
        attributes_type: 'syscollector_packages',
        attributes: { name: 'sogoupinyin', version: '4.0' },
      }),
      event('dbsync_packages', { name: 'wps-office', version: '11.1' }),
      event('dbsync_packages', { name: 'wps-office', version: '11.1' }, 'DELETED'),
      event('dbsync_hwinfo', { cpu_name: 'Phytium' }),
      'not json at all',
    ].join('\n');
    const file = tempFolder().write('events.jsonl', lines);
    const { hosts, summary, problems } = await scanAll(wazuhScanner(), file);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({ id: '007', hostname: 'PC-9', os: { name: 'Kylin' } });
    expect(hosts[0]!.software.map((r) => r.name)).toEqual(['sogoupinyin']);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['wazuh.event', 6]]);
    expect(summary).toMatchObject({ accepted: 1 + 3, rejected: 1 });
  });
});
