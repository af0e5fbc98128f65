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

describe('csv scanner: lines read without Papa Parse read as Papa Parse reads them', () => {
  const folder = tempFolder();
  // ~30 slices of 16 KiB with hostile rows among the good ones; names quoted (one clean row per line,
  // parsed alone) in some rows. Each file is read by lines and with ZB_CSV_LINES=0 (Papa Parse only).
  const header = ['host', 'unit', 'name', 'version', 'publisher', 'install_date', 'os', 'kms_host'];
  const rows: string[][] = [];
  for (let h = 0; h < 300; h++) {
    const host = `PC${String(h).padStart(4, '0')}`;
    for (let r = 0; r < 30; r++) {
      const k = h * 30 + r;
      const name = k % 5 === 0 ? `工具软件 ${k}` : `Program ${k}`;
      const row = [
        host,
        r === 3 ? '' : `单位${h % 4}`,
        name,
        `${k}.0`,
        `Vendor ${k % 11}`,
        '2024-01-02',
        r === 1 ? 'Windows 10' : '',
        '',
      ];
      if (k % 97 === 0) row[0] = ` ${host} `; // the same host, spaced
      if (k % 89 === 0) row[5] = '2024-02-30'; // not a date
      if (k % 83 === 0) row.pop(); // too few columns
      if (k % 79 === 0) row.push('extra'); // too many
      if (k % 73 === 0) row[2] = ''; // no name
      if (k % 71 === 0) row[0] = ''; // no host
      if (k % 67 === 0) row[2] = `Bad\u0000${k}`; // NUL
      if (k % 61 === 0) row[7] = ' KMS.Example.ORG '; // case and spaces
      if (k % 59 === 0) row[4] = '"Vendor, Inc."'; // quoted, with the delimiter
      if (k % 53 === 0) row[2] = `"${name} ""pro"""`; // doubled quotes
      if (k % 509 === 0) row[4] = '"Vendor'; // a quote left open: the rest of the slice goes to Papa
      if (k % 1013 === 0) row[2] = `"${name}\r\nsecond line"`; // a line break inside quotes
      if (k % 1019 === 0) row[2] = `"${name}" x`; // text after a closing quote
      rows.push(row);
      if (k % 101 === 0) rows.push([]); // an empty line
      if (k % 103 === 0) rows.push(header.map(() => '')); // only delimiters
      if (k % 107 === 0) rows.push([...header]); // the header again
    }
  }
  const render = (newline: string, loneLf: boolean): string =>
    [header, ...rows]
      .map((row, i) =>
        row.map((cell, f) => (loneLf && f === 1 && i % 500 === 7 ? `${cell}\nnext` : cell)).join(','),
      )
      .join(newline);

  it.each([
    ['LF', '\n', false],
    ['CRLF', '\r\n', false],
    ['CRLF with a lone LF in some fields', '\r\n', true],
  ] as const)('%s: same hosts, records, lines and problems', async (label, newline, loneLf) => {
    const text = render(newline, loneLf);
    expect(text.length).toBeGreaterThan(16 * 1024 * 25);
    const file = folder.write(`mixed-${label}.csv`, text, 'utf-8');
    const byLines = await scanAll(csvScanner(), file);
    process.env.ZB_CSV_LINES = '0';
    try {
      const papa = await scanAll(csvScanner(), file);
      expect(byLines).toEqual(papa);
    } finally {
      delete process.env.ZB_CSV_LINES;
    }
    expect(byLines.summary.rejected).toBeGreaterThan(100);
    expect(byLines.problems.some((p) => p.code === 'csv.repeated-header')).toBe(true);
    expect(byLines.problems.some((p) => p.code === 'csv.quotes')).toBe(true);
    expect(byLines.hosts.length).toBeGreaterThan(250);
  });
});
