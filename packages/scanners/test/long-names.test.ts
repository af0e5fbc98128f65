/**
 * Software names longer than 1024 characters (a 20 MB name took 18.7 s: every catalogue pattern
 * ran over it) are rejected at their record in GLPI, Wazuh and inventory files, as in CSV; the
 * other records are read and read = accepted + rejected holds (scanAll checks it).
 */
import { glpiScanner, inventoryScanner, wazuhScanner } from '@zhengban/scanners';
import { describe, expect, it, vi } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

vi.setConfig({ testTimeout: 30_000 });
const folder = tempFolder();
const HUGE = 'x'.repeat(20 * 1024 * 1024);

describe('overlong software names', () => {
  it('GLPI', async () => {
    const file = folder.write(
      'glpi.json',
      JSON.stringify({
        content: {
          hardware: { name: 'PC-1' },
          softwares: [{ name: HUGE }, { name: '7-Zip', version: '23.01' }],
          antivirus: [{ name: HUGE, enabled: 1 }],
        },
      }),
    );
    const { hosts, summary, problems } = await scanAll(glpiScanner(), file);
    expect(hosts[0]!.software.map((r) => r.name)).toEqual(['7-Zip']);
    expect(summary).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
    expect(problems.map((p) => p.key)).toEqual(['/content/softwares/0', '/content/antivirus/0']);
    expect(problems[0]!.message).toContain('more than 1024 (not a software name); skipped');
  });

  it('Wazuh', async () => {
    const event = (name: string) =>
      JSON.stringify({
        agent_info: { agent_id: '001' },
        data_type: 'dbsync_packages',
        data: { name, version: '1' },
      });
    const file = folder.write('wazuh.json', `${event(HUGE)}\n${event('openssl')}\n`);
    const { hosts, summary, problems } = await scanAll(wazuhScanner(), file);
    expect(hosts[0]!.software.map((r) => r.name)).toEqual(['openssl']);
    expect(summary).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(problems.map((p) => [p.line, p.code])).toEqual([[1, 'wazuh.package']]);
  });

  it('inventory (JSON Lines)', async () => {
    const record = (name: string) => ({ name, source: 'csv', evidence: { source: 'csv' } });
    const file = folder.write(
      'inv.jsonl',
      [
        '{"format":"zhengban-inventory","version":1}',
        JSON.stringify({ id: 'PC-1', software: [record(HUGE), record('WPS Office')] }),
      ].join('\n'),
    );
    const { hosts, summary, problems } = await scanAll(inventoryScanner(), file);
    expect(hosts[0]!.software.map((r) => r.name)).toEqual(['WPS Office']);
    expect(summary).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(problems[0]!.message).toContain('more than 1024 (not a software name)');
  });
});
