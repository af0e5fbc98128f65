/**
 * Names from inputs reach stderr escaped: a CSV header holding an OSC sequence (`ESC ] 0;PWN BEL`
 * retitles the terminal) and a file name with an escape sequence and a bidi override, found while
 * walking a folder, are printed as `\x1B…` / `\u202E`, never as the bytes themselves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control and bidi characters from inputs on stderr', () => {
  it('a CSV header with an OSC sequence', async () => {
    const dir = scratch();
    // Enough ordinary text that two control bytes do not make the file look binary.
    const rows = Array.from({ length: 50 }, (_, i) => `PC-${i},办公室`).join('\n');
    writeFileSync(join(dir, 'bad.csv'), `a\u001b]0;PWN\u0007,b\u202Ec\n${rows}\n`);
    const result = await runCli(
      [
        'audit',
        '--policy',
        join(FIXTURES, 'policies/small.yaml'),
        '--input',
        'csv:bad.csv',
        '--report',
        'json',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain('a\\x1B]0;PWN\\x07');
    expect(result.stderr).toContain('b\\u202Ec');
  });

  it('a file name with an escape sequence and a bidi override, walked in a folder', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'in'));
    const header = '计算机名,单位,软件名称,版本';
    writeFileSync(join(dir, 'in', 'ok.csv'), `${header}\nPC-1,办公室,WPS Office,11\n`);
    writeFileSync(join(dir, 'in', 'x\u001b[31m\u202Evsc.csv'), `${header}\nPC-2,办公室,,11\n`);
    const result = await runCli(['scan', '--input', 'csv:in/'], { cwd: dir });
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stderr).toContain('x\\x1B[31m\\u202Evsc.csv');
  });
});
