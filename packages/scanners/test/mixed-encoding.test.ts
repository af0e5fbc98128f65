/**
 * GBK versus files that mix UTF-8 and GBK: a GBK file is read as GB18030 even when its first words
 * happen to be valid UTF-8 or it starts with a long ASCII part; a file whose UTF-8 Chinese turns into
 * GBK fails with one error naming the line and byte, whether it is read whole or streamed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '@zhengban/core';
import { csvScanner, decodeText } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createChunkDecoder } from '../src/text/decode-text.js';
import { scanAll, tempFolder } from './support/run.js';

const gbk = (text: string) => iconv.encode(text, 'gbk');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const rowMixedMessage = (line: number, byte: number) =>
  `line ${line}: not read: the file starts as UTF-8 but is not valid UTF-8 from line ${line} (byte ${byte}) on; it mixes encodings, so no row from there on is read (save the file again as UTF-8 or GBK)`;
const mixedMessage = (file: string, line: number, byte: number) =>
  `${file}: line ${line} is not valid UTF-8 (byte ${byte}), although the file starts as UTF-8; it mixes encodings (save it again as UTF-8 or GBK)`;

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('decodeText: GBK stays GBK', () => {
  it('reads GBK whose first words are valid two-byte UTF-8 by accident (通知状态) as GB18030', () => {
    const text = '通知状态,单位\n已激活,办公室\n';
    // The premise: four valid two-byte UTF-8 characters come before the first invalid byte.
    expect(new TextDecoder('utf-8', { fatal: true }).decode(gbk('通知状态'))).toBe(
      '\u0368\u05aa\u05f4\u032c',
    );
    expect(decodeText(gbk(text), 'notes.csv')).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads GBK after an ASCII start longer than the sniffed 64 KB as GB18030', () => {
    const ascii = 'hostname,name,version\n' + 'PC-1,7-Zip,23.01\n'.repeat(5000);
    const text = `${ascii}PC-2,金山毒霸,2024\n`;
    expect(Buffer.byteLength(ascii)).toBeGreaterThan(64 * 1024);
    expect(decodeText(gbk(text), 'long.csv')).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads the GBK example of the city campaign as GB18030', () => {
    const file = fileURLToPath(
      new URL('../../../examples/city-2013/baseline/inventory-counties-gbk.csv', import.meta.url),
    );
    const { text, encoding } = decodeText(readFileSync(file), file);
    expect(encoding).toBe('gb18030');
    expect(text.split('\r\n', 1)[0]).toBe(
      '计算机名,单位,软件名称,版本,发布者,安装日期,版本类型,操作系统,操作系统版本,激活状态,KMS主机',
    );
  });
});

describe('decodeText: mixed files fail at the first GBK line', () => {
  it('UTF-8 Chinese, then GBK within the first 64 KB', () => {
    const bytes = Buffer.concat([utf8('计算机名,单位\nPC-1,办公室\n'), gbk('PC-2,财务科\n')]);
    const error = thrown(() => decodeText(bytes, 'mixed.csv'));
    // 计算机名,单位\n is 20 bytes, PC-1,办公室\n 15, then "PC-2," before 财.
    expect(error.message).toBe(mixedMessage('mixed.csv', 3, 40));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: 'input.encoding', file: 'mixed.csv', line: 3, fatal: true }),
    ]);
  });

  it('UTF-8 Chinese, then GBK after the first 64 KB (whole-file read)', () => {
    const head = utf8(`计算机名,单位\n${'PC-1,办公室\n'.repeat(5000)}`);
    const bytes = Buffer.concat([head, gbk('PC-2,财务科\n')]);
    expect(thrown(() => decodeText(bytes, 'mixed.csv')).message).toBe(
      mixedMessage('mixed.csv', 5002, head.length + 5),
    );
  });

  it('a UTF-8 byte-order mark declares UTF-8: ASCII then GBK is a mix, the offset counts the BOM', () => {
    const bytes = Buffer.concat([utf8('\uFEFFhostname,name\n'), gbk('PC-2,金山毒霸\n')]);
    expect(thrown(() => decodeText(bytes, 'bom.csv')).message).toBe(mixedMessage('bom.csv', 2, 22));
  });
});

describe('streamed files (csv scanner)', () => {
  const folder = tempFolder();

  it('a GBK export after 100 KB of ASCII rows: every row read, the Chinese one intact', async () => {
    const ascii = 'hostname,name,version\n' + 'PC-1,7-Zip,23.01\n'.repeat(6000);
    const file = folder.write('long-ascii.csv', gbk(`${ascii}PC-2,金山毒霸,2024\n`));
    const { hosts, summary, problems } = await scanAll(csvScanner(), file);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ read: 6001, accepted: 6001, rejected: 0 });
    expect(hosts.find((host) => host.id === 'PC-2')?.software.map((r) => r.name)).toEqual(['金山毒霸']);
  });

  it('a UTF-8 export with a GBK row on line 3: that row rejected at its line, nothing garbled is accepted', async () => {
    const bytes = Buffer.concat([utf8('计算机名,软件名称\nPC-1,金山毒霸\n'), gbk('PC-2,火绒安全\n')]);
    const file = folder.write('mixed.csv', bytes);
    const { hosts, problems, summary } = await scanAll(csvScanner(), file);
    expect(hosts.map((host) => host.id)).toEqual(['PC-1']);
    expect(summary).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      ['input.encoding', 3, rowMixedMessage(3, 49)],
    ]);
  });

  it('3 000 UTF-8 rows then GBK rows: every row counted, the GBK ones rejected at their own lines', async () => {
    const head = utf8(
      `计算机名,软件名称\n${Array.from({ length: 3000 }, (_, i) => `PC-${i},金山毒霸\n`).join('')}`,
    );
    const file = folder.write('late-mix.csv', Buffer.concat([head, gbk('PC-X,火绒安全\n'.repeat(100))]));
    const { summary, problems } = await scanAll(csvScanner(), file);
    expect(summary).toMatchObject({ hosts: 3000, read: 3100, accepted: 3000, rejected: 100 });
    expect(problems[0]).toMatchObject({
      code: 'input.encoding',
      line: 3002,
      message: rowMixedMessage(3002, head.length + 5),
    });
    expect(problems.at(-1)).toMatchObject({ line: 3101 });
  });
});

describe('createChunkDecoder: offsets across chunk boundaries', () => {
  const chinese = utf8('办公室\n财务科\n'); // 20 bytes on two lines: 3 per character
  // The decoder counts the error's line in the file itself: each case writes the bytes it feeds.
  const folder = tempFolder();

  it('a character split between chunks decodes whole; the GBK after it is located exactly', () => {
    const file = folder.write('split.csv', Buffer.concat([chinese, gbk('ab金山')]));
    const decoder = createChunkDecoder('utf-8', file);
    expect(decoder.write(chinese.subarray(0, 11))).toBe('办公室\n');
    expect(decoder.write(chinese.subarray(11))).toBe('财务科\n');
    expect(thrown(() => decoder.write(gbk('ab金山'))).message).toBe(mixedMessage(file, 3, 22));
  });

  it('an invalid byte right after a held partial character is located at that character', () => {
    const file = folder.write('held.csv', Buffer.concat([chinese.subarray(0, 7), utf8('x')]));
    const decoder = createChunkDecoder('utf-8', file);
    expect(decoder.write(chinese.subarray(0, 7))).toBe('办公');
    // The chunk ended after the first byte of 室; the next chunk does not continue it.
    expect(thrown(() => decoder.write(utf8('x'))).message).toBe(mixedMessage(file, 1, 6));
  });

  it('a file of ASCII that turns into GBK in a later chunk goes on as GB18030', () => {
    const decoder = createChunkDecoder('utf-8', 'ascii.csv');
    expect(decoder.write(utf8('hostname,name\n'))).toBe('hostname,name\n');
    const row = gbk('PC-2,金山毒霸\n');
    expect(decoder.write(row.subarray(0, 8)) + decoder.write(row.subarray(8)) + decoder.end()).toBe(
      'PC-2,金山毒霸\n',
    );
  });
});
