/**
 * The csv stream parses a large file a slice at a time (csv-stream.ts, BATCH_CHARS): rows, quoted
 * fields holding line breaks, CRLF pairs and multi-byte characters that straddle a slice boundary
 * must read exactly as in one piece, with the right line numbers.
 */
import { csvScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

describe('csv scanner over a file of many parse slices', () => {
  const folder = tempFolder();
  // ~430 000 characters (26 slices): every host has 40 rows; every 7th name is quoted and holds a line break, every 5th holds
  // Chinese; so the 16 KiB slice boundaries fall inside quoted fields, CRLFs and multi-byte text.
  const HOSTS = 250;
  const ROWS = 40;
  const lines = ['host,unit,name,version,publisher'];
  const expected: string[] = [];
  const expectedLines: number[] = [];
  let line = 2;
  for (let h = 0; h < HOSTS; h++) {
    for (let r = 0; r < ROWS; r++) {
      const k = h * ROWS + r;
      const name = k % 7 === 0 ? `Tool ${k}\nsecond line` : k % 5 === 0 ? `工具软件 ${k}` : `Program ${k}`;
      const cell = name.includes('\n') ? `"${name.replace('Tool', 'Tool ""q""')}"` : name;
      lines.push(`PC${String(h).padStart(4, '0')},单位${h % 3},${cell},${k}.0,Vendor ${k % 11}`);
      expected.push(`PC${String(h).padStart(4, '0')}|${name.replace('Tool', 'Tool "q"')}|${k}.0`);
      expectedLines.push(line);
      line += name.includes('\n') ? 2 : 1;
    }
  }
  const text = `${lines.join('\r\n')}\r\n`;

  it.each([['utf-8'], ['utf-16le-bom'], ['gbk']] as const)(
    '%s: every row, value and line',
    async (encoding) => {
      const file = folder.write(`big-${encoding}.csv`, text, encoding);
      const { hosts, summary, problems } = await scanAll(csvScanner(), file);
      expect(problems).toEqual([]);
      expect(summary).toMatchObject({
        hosts: HOSTS,
        read: HOSTS * ROWS,
        accepted: HOSTS * ROWS,
        rejected: 0,
      });
      const rows = hosts.flatMap((h) => h.software.map((r) => `${h.id}|${r.name}|${r.version}`));
      expect(rows).toEqual(expected);
      expect(hosts.flatMap((h) => h.software.map((r) => r.evidence?.line))).toEqual(expectedLines);
      expect(text.length).toBeGreaterThan(16 * 1024 * 20);
    },
  );
});
