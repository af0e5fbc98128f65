/**
 * A UTF-16 .reg export read as a stream gives the keys and warnings of the whole-file reader,
 * wherever the 64 KiB chunks fall: between the two halves of a surrogate pair, between CR and LF,
 * inside a key line or a hex list; little- and big-endian.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegExport } from '../src/windows/reg-export.js';
import { readRegExportStream } from '../src/windows/reg-export-stream.js';
import { tempFolder } from './support/run.js';

const UNINSTALL = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

/** An export whose first 64 KiB chunk ends `shift` code units into a run of emoji lines. */
function exportText(shift: number): string {
  const lines = ['Windows Registry Editor Version 5.00', '', `;${'x'.repeat(shift)}`];
  for (let i = 0; i < 2000; i++) {
    lines.push(
      `[${UNINSTALL}\\App${i}]`,
      `"DisplayName"="应用 ${i} 😀𠀀"`,
      `"DisplayVersion"="${i}.0"`,
      '"Blob"=hex:00,01,\\',
      '  02,03',
      `"Comment"="😀😀"`,
      i % 500 === 7 ? '"Broken"=dword:xyz' : '',
      i % 300 === 11 ? '"Unclosed"="C:\\Path\\"' : '',
      '',
    );
  }
  return lines.join('\r\n');
}

function encode(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

function collect() {
  const problems: unknown[] = [];
  return { problems, sink: { problem: (p: unknown) => problems.push(p) } as never };
}

describe('a UTF-16 .reg export read as a stream', () => {
  const folder = tempFolder();
  it('gives the whole-file keys and warnings for every alignment of the chunks', async () => {
    for (const order of ['le', 'be'] as const) {
      for (let shift = 0; shift < 23; shift++) {
        const text = exportText(shift);
        const file = join(folder.root, `hive-${order}-${shift}.reg`);
        writeFileSync(file, encode(text, order));
        const whole = collect();
        const expected = parseRegExport(text, file, whole.sink);
        const streamed = collect();
        const keys = await readRegExportStream(file, streamed.sink);
        expect(keys, `${order} shift ${shift}`).toEqual(expected);
        expect(streamed.problems, `${order} shift ${shift}`).toEqual(whole.problems);
      }
    }
    // The files did put chunk ends (every 64 KiB of the file, BOM included) inside each of those.
    const cuts = { surrogatePair: 0, crlf: 0 };
    for (let shift = 0; shift < 23; shift++) {
      const text = exportText(shift);
      for (let at = 32 * 1024 - 1; at < text.length; at += 32 * 1024) {
        const before = text.charCodeAt(at - 1);
        if (before >= 0xd800 && before <= 0xdbff) cuts.surrogatePair++;
        if (text[at - 1] === '\r' && text[at] === '\n') cuts.crlf++;
      }
    }
    expect(cuts.surrogatePair).toBeGreaterThan(0);
    expect(cuts.crlf).toBeGreaterThan(0);
  });

  it('reads CR-only line breaks as the whole-file reader does, and leaves other files to it', async () => {
    const text = `Windows Registry Editor Version 5.00\r\n\r\n[${UNINSTALL}\\A]\r"DisplayName"="A"\r\n"DisplayVersion"="1"\r\n`;
    const file = join(folder.root, 'cr.reg');
    writeFileSync(file, encode(text, 'le'));
    const whole = collect();
    expect(await readRegExportStream(file, collect().sink)).toEqual(parseRegExport(text, file, whole.sink));
    const utf8 = join(folder.root, 'utf8.reg');
    writeFileSync(utf8, text);
    expect(await readRegExportStream(utf8, collect().sink)).toBeUndefined();
    const query = join(folder.root, 'query.txt');
    writeFileSync(query, encode(`\r\n${UNINSTALL}\\A\r\n    DisplayName    REG_SZ    A\r\n`, 'le'));
    expect(await readRegExportStream(query, collect().sink)).toBeUndefined();
    // Every file it opened to look at is closed again (an open handle left to the GC warns).
    if (existsSync('/proc/self/fd')) {
      const open = readdirSync('/proc/self/fd').length;
      for (const path of [utf8, query, file]) await readRegExportStream(path, collect().sink);
      expect(readdirSync('/proc/self/fd').length).toBe(open);
    }
  });
});
