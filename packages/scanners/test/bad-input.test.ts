/**
 * Corrupted inputs (generators under test/bad-input/<format>/): each gives located problems or one
 * clear error — never a stack trace, never a hang — and the counts still add up.
 */
import type { Scanner } from '@zhengban/core';
import {
  csvScanner,
  inventoryScanner,
  linuxScanner,
  osqueryScanner,
  windowsScanner,
} from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { csvCases } from './bad-input/csv/cases.js';
import { inventoryCases } from './bad-input/inventory/cases.js';
import { linuxCases } from './bad-input/linux/cases.js';
import { osqueryCases } from './bad-input/osquery/cases.js';
import { windowsCases } from './bad-input/windows/cases.js';
import { scanAll, tempFolder } from './support/run.js';

const folder = tempFolder();

async function scanCase(scanner: Scanner, name: string, bytes: Uint8Array) {
  const file = folder.write(`${scanner.name}/${name}.dat`, bytes);
  const result = await scanAll(scanner, file);
  const records = result.hosts.flatMap((h) => h.software.map((r) => r.name));
  const problems = result.problems.map((p) => [p.code, p.line, p.message.replace(file, '<file>')]);
  return { ...result, file, records, problems };
}

const binaryMessage =
  '<file>: binary data, not a text file (13 NUL and 394 control bytes in the first 4096 bytes)';

describe('bad input: csv', () => {
  it('truncated inside a quoted field: that row is rejected at its line', async () => {
    const r = await scanCase(csvScanner(), 'truncated', csvCases.truncated());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([
      ['csv.quotes', 3, 'line 3: a quoted field is not closed (the file may be cut off)'],
    ]);
  });
  it('UTF-8 that turns into GBK after 70 KB: one error with the line and byte offset', async () => {
    const r = await scanCase(csvScanner(), 'wrong-encoding', csvCases.wrongEncoding());
    expect(r.problems).toEqual([
      [
        'input.encoding',
        3502,
        '<file>: line 3502 is not valid UTF-8 (byte 70045), although the file starts as UTF-8; it mixes encodings (save it again as UTF-8 or GBK)',
      ],
    ]);
  });
  it('binary junk: one error', async () => {
    const r = await scanCase(csvScanner(), 'binary', csvCases.binary());
    expect(r.problems).toEqual([['input.binary', undefined, binaryMessage]]);
  });
  it('a 1 MB name: that row is rejected, the next one counts', async () => {
    const r = await scanCase(csvScanner(), 'long-line', csvCases.oneMegabyteLine());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([
      ['csv.bad-text', 2, 'line 2: the name is not text (too long or holds NUL characters)'],
    ]);
  });
  it('NUL bytes in a host name: that row is rejected', async () => {
    const r = await scanCase(csvScanner(), 'nul', csvCases.nulBytes());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.summary).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(r.problems).toEqual([
      ['csv.bad-text', 3, 'line 3: the name is not text (too long or holds NUL characters)'],
    ]);
  });
});

describe('bad input: windows', () => {
  it('a .reg export cut off inside a value: the entry counts, the cut line is a warning', async () => {
    const r = await scanCase(windowsScanner(), 'truncated', windowsCases.truncated());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([
      [
        'windows.reg-export-line',
        5,
        'line 5: a string value without its closing quote (the file may be cut off); skipped',
      ],
    ]);
  });
  it('misaligned UTF-16 (a byte lost): one error saying what was expected', async () => {
    const r = await scanCase(windowsScanner(), 'wrong-encoding', windowsCases.wrongEncoding());
    expect(r.problems).toEqual([
      [
        'windows.format',
        undefined,
        '<file>: not a Windows inventory file (expected reg query output, a regedit .reg export, PowerShell ConvertTo-Json or Export-Csv output, wmic /format:list or /format:csv output, or slmgr / ospp.vbs text; it is none of them)',
      ],
    ]);
  });
  it('binary junk: one error', async () => {
    const r = await scanCase(windowsScanner(), 'binary', windowsCases.binary());
    expect(r.problems).toEqual([['input.binary', undefined, binaryMessage]]);
  });
  it('a 1 MB DisplayName: that entry is rejected at its line', async () => {
    const r = await scanCase(windowsScanner(), 'long-line', windowsCases.oneMegabyteLine());
    expect(r.records).toEqual(['7-Zip']);
    expect(r.problems).toEqual([
      ['windows.bad-name', 2, 'Big: DisplayName is longer than 1024 characters, not a program name'],
    ]);
  });
  it('a NUL inside a value becomes a space', async () => {
    const r = await scanCase(windowsScanner(), 'nul', windowsCases.nulBytes());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([]);
  });
});

describe('bad input: linux', () => {
  it('a dpkg status file cut off before the last Version: that package is rejected at its line', async () => {
    const r = await scanCase(linuxScanner(), 'truncated', linuxCases.truncated());
    expect(r.records).toEqual(['bash']);
    expect(r.problems).toEqual([
      ['dpkg.line', 7, 'line 7 is not a "Field: value" line'],
      ['dpkg.no-version', 5, 'package coreutils (line 5) has no Version field'],
    ]);
  });
  it('binary junk: one error', async () => {
    const r = await scanCase(linuxScanner(), 'binary', linuxCases.binary());
    expect(r.problems).toEqual([['input.binary', undefined, binaryMessage]]);
  });
  it('a 1 MB line in dpkg-query output: that line is rejected', async () => {
    const r = await scanCase(linuxScanner(), 'long-line', linuxCases.oneMegabyteLine());
    expect(r.records).toEqual(['bash', 'sed']);
    expect(r.problems).toEqual([['packages.column-count', 2, 'line 2 has 1 columns, expected 3']]);
  });
});

describe('bad input: osquery', () => {
  const lineMessage = (line: number) =>
    `line ${line} is not an osquery result event (JSON with name, hostIdentifier and columns or snapshot)`;
  it('a result log cut off mid-event: that line is rejected', async () => {
    const r = await scanCase(osqueryScanner(), 'truncated', osqueryCases.truncated());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([['osquery.line', 2, lineMessage(2)]]);
  });
  it('binary junk: one error', async () => {
    const r = await scanCase(osqueryScanner(), 'binary', osqueryCases.binary());
    expect(r.problems).toEqual([['input.binary', undefined, binaryMessage]]);
  });
  it('a 1 MB junk line between events: rejected, both events count', async () => {
    const r = await scanCase(osqueryScanner(), 'long-line', osqueryCases.oneMegabyteLine());
    expect(r.records).toEqual(['WPS Office', '7-Zip']);
    expect(r.problems).toEqual([['osquery.line', 2, lineMessage(2)]]);
  });
});

describe('bad input: inventory', () => {
  it('cut off mid-line: that line is rejected', async () => {
    const r = await scanCase(inventoryScanner(), 'truncated', inventoryCases.truncated());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([
      ['inventory.json', 3, 'line 3 is not valid JSON (Unexpected end of JSON input)'],
    ]);
  });
  it('binary junk: one error', async () => {
    const r = await scanCase(inventoryScanner(), 'binary', inventoryCases.binary());
    expect(r.problems).toEqual([['input.binary', undefined, binaryMessage]]);
  });
  it('a 1 MB junk line: rejected, the next host counts', async () => {
    const r = await scanCase(inventoryScanner(), 'long-line', inventoryCases.oneMegabyteLine());
    expect(r.records).toEqual(['WPS Office']);
    expect(r.problems).toEqual([
      ['inventory.json', 2, expect.stringMatching(/^line 2 is not valid JSON \(Unexpected token 'x'/)],
    ]);
  });
  it('a raw NUL inside a JSON string: the line is rejected', async () => {
    const r = await scanCase(inventoryScanner(), 'nul', inventoryCases.nulBytes());
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      [
        'inventory.json',
        2,
        'line 2 is not valid JSON (Bad control character in string literal in JSON at position 53)',
      ],
    ]);
  });
});
