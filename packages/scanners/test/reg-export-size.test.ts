/**
 * A whole-hive .reg export (250 MB of UTF-16 took 4.3 GB) keeps only the keys facts are read from
 * (Uninstall entries, the OS version, the computer name, Office registrations): the others and
 * their values are skipped without being parsed, and the software is still found.
 */
import { windowsScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { parseRegExport } from '../src/windows/reg-export.js';
import { scanAll, tempFolder } from './support/run.js';

const UNINSTALL = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\7-Zip';

function hiveExport(otherKeys: number): string {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  for (let i = 0; i < otherKeys; i++) {
    lines.push(
      `[HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{${i}}]`,
      `@="Class ${i}"`,
      '"Blob"=hex:00,01,02,\\',
      '  03,04',
      '',
    );
  }
  lines.push(`[${UNINSTALL}]`, '"DisplayName"="7-Zip 23.01 (x64)"', '"DisplayVersion"="23.01"', '');
  return lines.join('\r\n');
}

describe('whole-hive .reg exports', () => {
  it('keep only the keys a fact is read from', () => {
    const problems: unknown[] = [];
    const keys = parseRegExport(hiveExport(10_000), 'hive.reg', {
      problem: (p: unknown) => problems.push(p),
    } as never);
    expect(keys.map((key) => key.path)).toEqual([UNINSTALL]);
    expect(problems).toEqual([]);
  });

  it('still yield the software of a UTF-16 export', async () => {
    const file = tempFolder().write('PC-1/hive.reg', hiveExport(2_000), 'utf-16le-bom');
    const { hosts } = await scanAll(windowsScanner(), file);
    expect(hosts[0]!.software.map((r) => [r.name, r.version])).toEqual([['7-Zip 23.01 (x64)', '23.01']]);
  });
});
