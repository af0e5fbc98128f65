/**
 * Rows the CSV stream used to lose without counting them: a header ending in CRLF over rows ending
 * in LF (read as one row of hundreds of columns), and one enormous line without quotes (which
 * stopped the whole file with "a quote is probably not closed"). read = accepted + rejected holds
 * (scanAll checks it), with the right line numbers and words.
 */
import { csvScanner } from '@zhengban/scanners';
import { describe, expect, it, vi } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

vi.setConfig({ testTimeout: 60_000 });
const folder = tempFolder();

describe('csv stream faults', () => {
  it('a CRLF header over LF rows: every row is its own row', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `PC-${i},WPS Office,11.1\n`).join('');
    const file = folder.write('crlf-lf.csv', `计算机名,软件名称,版本\r\n${rows}`);
    const { summary, problems, hosts } = await scanAll(csvScanner(), file);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ hosts: 50, read: 50, accepted: 50, rejected: 0 });
    expect(hosts[49]!.software[0]!.version).toBe('11.1');
  });

  it('LF rows and CRLF rows mixed, and a CRLF split across chunks, keep their line numbers', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 30_000; i++) rows.push(`PC-${i},WPS Office,11.1${i % 3 === 0 ? '\r\n' : '\n'}`);
    rows.push('PC-last,,11.1\r\n');
    const file = folder.write('mixed-breaks.csv', `计算机名,软件名称,版本\n${rows.join('')}`);
    const { summary, problems } = await scanAll(csvScanner(), file);
    expect(summary).toMatchObject({ read: 30_001, accepted: 30_000, rejected: 1 });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [30_002, 'line 30002: the software name is empty'],
    ]);
  });

  it('one enormous line without quotes: that line rejected with its number, the rows after it read', async () => {
    const huge = `PC-2,${'x'.repeat(33 * 1024 * 1024)},1.0`;
    const file = folder.write(
      'huge-line.csv',
      `计算机名,软件名称,版本\nPC-1,WPS Office,11\n${huge}\nPC-3,7-Zip,23.01\n`,
    );
    const started = Date.now();
    const { summary, problems, hosts } = await scanAll(csvScanner(), file);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(summary).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(hosts.map((host) => host.id)).toEqual(['PC-1', 'PC-3']);
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      [
        'csv.line-too-long',
        3,
        'line 3: the line is longer than 32 MB and holds no quote, so it is not a row of an inventory; skipped',
      ],
    ]);
  });
});
