import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { osqueryScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { byName, FIXTURES, scanAll, tempFolder } from './support/run.js';

const LOG = join(FIXTURES, 'osquery/results.log');

describe('osquery scanner', () => {
  it('replays a result log: added/removed, snapshots that replace, diffResults, hosts by hostIdentifier', async () => {
    const { hosts, summary, problems } = await scanAll(osqueryScanner(), LOG);
    expect(hosts.map((h) => [h.id, h.software.map((r) => `${r.name} ${r.version ?? ''}`.trim())])).toEqual([
      ['kylin-ws-01', ['wps-office 11.1.0.11720']],
      ['euler-srv-02', ['bash 5.1.8-6.oe2203sp2']],
      ['WIN-PC-05', ['WPS Office 12.1.0.17147', '火绒安全软件 5.0.75.8']],
    ]);
    const [kylin, euler, win] = hosts as [(typeof hosts)[0], (typeof hosts)[0], (typeof hosts)[0]];
    expect(kylin.os).toMatchObject({ name: 'Kylin', id: 'kylin', version: 'V10 (SP1)', idLike: ['debian'] });
    expect(kylin.software[0]).toMatchObject({
      publisher: 'Kingsoft Office Corporation',
      arch: 'amd64',
      source: 'osquery:deb_packages',
      evidence: { file: LOG, line: 1 },
    });
    expect(euler.software[0]).toMatchObject({
      publisher: 'openEuler',
      installDate: '2023-09-27',
      source: 'osquery:rpm_packages',
    });
    expect(byName(win.software, 'WPS Office')).toMatchObject({
      installDate: '2024-03-06',
      publisher: 'Kingsoft Corp.',
      evidence: { line: 9 },
    });
    expect(byName(win.software, '火绒安全软件').attributes).toEqual({
      antivirusActive: true,
      signaturesUpToDate: true,
    });
    // read 12: 4 records; ignored 7 (a process row, qq added then removed ×2, two rows replaced by a snapshot, a firewall row, one merged security product); 1 bad line.
    expect(summary).toMatchObject({ hosts: 3, read: 12, accepted: 11, ignored: 7, rejected: 1 });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 7,
        file: LOG,
        code: 'osquery.line',
        message:
          'line 7 is not an osquery result event (JSON with name, hostIdentifier and columns or snapshot)',
      }),
    ]);
  });

  it('reads osqueryi --json arrays, one sub-folder per host, named by system_info', async () => {
    const { hosts } = await scanAll(osqueryScanner(), join(FIXTURES, 'osquery'));
    expect(hosts.map((h) => h.id)).toEqual(['WIN-PC-07', 'kylin-ws-01', 'euler-srv-02', 'WIN-PC-05']);
    const pc = hosts[0]!;
    expect(pc.os).toMatchObject({
      name: 'Microsoft Windows 10 专业版',
      id: 'windows',
      version: '10.0.19045',
      build: '19045',
      edition: 'Professional',
    });
    expect(pc.software.map((r) => [r.name, r.version, r.publisher, r.source])).toEqual([
      ['Microsoft Office 专业增强版 2016', '16.0.4266.1001', 'Microsoft Corporation', 'osquery:programs'],
      ['360安全卫士', '13.0.0.2003', '360安全中心', 'osquery:programs'],
      ['Windows Defender', undefined, undefined, 'osquery:windows_security_products'],
    ]);
    expect(pc.software[0]).toMatchObject({
      installDate: '2023-09-15',
      attributes: { productCode: '{90160000-0011-0000-1000-0000000FF1CE}' },
      evidence: { key: '/0', file: join(FIXTURES, 'osquery/win-pc-07/programs.json') },
    });
    expect(pc.software[1]!.attributes).toEqual({ antivirusActive: true, signaturesUpToDate: true });
    expect(pc.software[2]!.attributes).toEqual({ antivirusActive: false, signaturesUpToDate: false });
  });

  it('refuses a file that is not osquery output with one error', async () => {
    const folder = tempFolder();
    const file = folder.write('x.json', '{"hello": "world"}\n');
    const { problems } = await scanAll(osqueryScanner(), file);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'osquery.format',
        fatal: true,
        message: `${file}: not osquery output; expected an osqueryi --json array or a result log`,
      }),
    ]);
  });
});

describeSamples('osquery scanner on real samples', () => {
  const temp = tempFolder();
  it('glpi-osquery TLS log envelope: a snapshot of os_version from host Matt-Framework', async () => {
    const { hosts } = await scanAll(
      osqueryScanner(),
      sample('osquery/glpi-osquery_log-result-snapshot_os_version.json'),
    );
    expect(hosts.map((h) => [h.id, h.os?.name, h.os?.id, h.os?.version, h.software.length])).toEqual([
      ['Matt-Framework', 'Ubuntu', 'ubuntu', '26.04 LTS (Resolute Raccoon)', 0],
    ]);
  });

  it('osqueryd.results.log lines from a CentOS 8 host (inside a markdown page): one rpm package, the rest other tables', async () => {
    const markdown = readFileSync(
      sample('osquery/unknown-repo_id33183220226_osquery-linux-monitoring_results-log-samples.md'),
      'utf8',
    );
    const lines = markdown
      .split('\n')
      .map((line) => /^\s*- (\{"name".*\})\s*$/.exec(line)?.[1])
      .filter((line): line is string => line !== undefined);
    expect(lines).toHaveLength(15);
    const { hosts, summary } = await scanAll(osqueryScanner(), temp.write('results.log', lines.join('\n')));
    expect(hosts.map((h) => h.id)).toEqual(['osquery-host']);
    expect(hosts[0]!.hostname).toBe('osquery-host');
    expect(hosts[0]!.software).toEqual([
      expect.objectContaining({
        name: 'xz',
        version: '5.2.4-3.el8',
        arch: 'x86_64',
        publisher: 'CentOS',
        installDate: '2020-09-11',
        source: 'osquery:rpm_packages',
      }),
    ]);
    // 15 events: 1 package, 1 system_info (a host fact), 13 rows of other tables (2 of them removals).
    expect(summary).toMatchObject({ read: 14, accepted: 14, ignored: 13, rejected: 0 });
  });
});
