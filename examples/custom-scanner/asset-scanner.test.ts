import { fileURLToPath } from 'node:url';
import { type HostInventory, runScanner } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { assetScanner } from './asset-scanner.js';

const SAMPLE = fileURLToPath(new URL('./sample-assets.json', import.meta.url));

async function scan(input: string, options?: { unitPrefix?: string }) {
  const run = runScanner(assetScanner(options), input);
  const hosts: HostInventory[] = [];
  for await (const host of run.hosts) hosts.push(host);
  return { hosts, summary: run.summary, problems: run.problems };
}

describe('example custom scanner (asset-system export)', () => {
  it('yields one host per asset, reports bad records by key, ignores patches, and the counts add up', async () => {
    const { hosts, summary, problems } = await scan(SAMPLE, { unitPrefix: '市政府/' });
    expect(
      hosts.map((h) => [h.id, h.unit, h.os?.name, h.software.map((r) => `${r.name} ${r.version}`)]),
    ).toEqual([
      [
        'ZC-2019-0031',
        '市政府/办公室',
        'Microsoft Windows 10 专业版',
        ['WPS Office 12.1.0.16910', '火绒安全软件 5.0.75.8'],
      ],
      ['ZC-2021-0107', '市政府/财务科', '银河麒麟桌面操作系统 V10', ['永中Office 2019']],
    ]);
    expect(hosts[0]!.software[0]).toEqual({
      name: 'WPS Office',
      version: '12.1.0.16910',
      publisher: 'Kingsoft Corp.',
      source: 'asset-export',
      evidence: { source: 'asset-export', file: SAMPLE, key: '/assets/0/software/0' },
    });
    expect(problems.map((p) => [p.key, p.message, p.source])).toEqual([
      ['/assets/1/software/1', '/assets/1/software/1 has no title', 'asset-export'],
      ['/assets/2', '/assets/2 has no assetNo', 'asset-export'],
    ]);
    expect(summary).toMatchObject({ hosts: 2, read: 6, accepted: 4, ignored: 1, rejected: 2 });
    expect(summary.read).toBe(summary.accepted + summary.rejected);
  });

  it('a file that is not an export is one error naming the file', async () => {
    const { hosts, problems } = await scan(fileURLToPath(new URL('./package.json', import.meta.url)));
    expect(hosts).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        fatal: true,
        message: expect.stringMatching(/package\.json: not an asset export \(no "assets" array\)$/),
      }),
    ]);
  });
});
