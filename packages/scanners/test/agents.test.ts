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

  it('Wazuh syscollector events: agent 001 (Debian 11) with systemd', async () => {
    const { hosts } = await scanAll(wazuhScanner(), sample('wazuh'));
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).toMatchObject({
      id: '001',
      hostname: 'debian',
      os: { name: 'Debian', id: 'debian', version: '11.0.6' },
    });
    expect(hosts[0]!.software).toEqual([
      expect.objectContaining({
        name: 'systemd',
        version: '247.3-7+deb11u4',
        publisher: 'debian vendor',
        arch: 'amd64',
      }),
    ]);
  });

  it('a GLPI file given to the wazuh scanner is one clear error', async () => {
    const file = sample('glpi/glpi_tests_02-software_html_entities_uwp.json');
    const { problems } = await scanAll(wazuhScanner(), file);
    expect(problems.map((p) => p.message)).toEqual([
      `${file}: not a Wazuh syscollector dbsync event (agent_info, data_type, data)`,
    ]);
  });
});
