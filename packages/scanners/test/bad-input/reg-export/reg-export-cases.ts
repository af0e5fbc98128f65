/** Bad `regedit /e` exports (.reg) for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts } from '../scanner-case.js';

const HEAD = 'Windows Registry Editor Version 5.00\r\n\r\n';
const KEY = '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const utf16 = (text: string) => iconv.encode(text, 'utf-16le', { addBOM: true });
const scanner = () => windowsScanner();

export const regExportCases: BadInputCase[] = [
  {
    id: 'header-only',
    format: 'reg-export',
    scanner,
    files: () => ({ 'PC-01.reg': utf16(HEAD) }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.reg  warning  <dir>/PC-01.reg: no Uninstall entry, OS, activation or antivirus data found in it  (windows.empty-file)',
      ],
      records: [],
    },
  },
  {
    id: 'unclosed-key-bracket',
    format: 'reg-export',
    scanner,
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS\r\n"DisplayName"="WPS Office"\r\n\r\n${KEY}\\7zip]\r\n"DisplayName"="7-Zip"\r\n`,
      ),
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [
        '<dir>/PC-01.reg:3  warning  line 3: a key line without its closing "]"; skipped  (windows.reg-export-line)',
      ],
      records: ['PC-01 | 7-Zip | '],
    },
  },
  {
    id: 'bad-hex-bytes',
    format: 'reg-export',
    scanner,
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS]\r\n"DisplayName"=hex(2):57,00,50,00,53,00,zz,00\r\n"Publisher"="Kingsoft"\r\n`,
      ),
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 1),
      problems: [
        '<dir>/PC-01.reg:4  warning  line 4 is not a "name"=value line; skipped  (windows.reg-export-line)',
      ],
      records: [],
    },
  },
  {
    id: 'utf16-truncated-odd-byte',
    format: 'reg-export',
    scanner,
    files: () => {
      const bytes = utf16(`${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n"DisplayVersion"="11.1"\r\n`);
      return { 'PC-01.reg': bytes.subarray(0, bytes.length - 7) };
    },
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [
        '<dir>/PC-01.reg:5  warning  line 5: a string value without its closing quote (the file may be cut off); skipped  (windows.reg-export-line)',
      ],
      records: ['PC-01 | WPS Office | '],
    },
  },
  {
    id: 'bom-in-the-middle',
    format: 'reg-export',
    scanner,
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n\uFEFF${HEAD}${KEY}\\7zip]\r\n"DisplayName"="7-Zip"\r\n`,
      ),
    }),
    expected: {
      counts: counts(1, 2, 2, 0, 0),
      problems: [
        '<dir>/PC-01.reg:5  warning  line 5 is not a "name"=value line; skipped  (windows.reg-export-line)',
      ],
      records: ['PC-01 | WPS Office | ', 'PC-01 | 7-Zip | '],
    },
  },
  {
    id: 'unclosed-string-value',
    format: 'reg-export',
    scanner,
    // A hand-made export with an unescaped path: `\"` escapes the closing quote, so the value never
    // closes. The values and the key after it still count; a REG_SZ with a real line break still joins.
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office\r\n2019"\r\n"InstallLocation"="C:\\Program Files\\WPS\\"\r\n"DisplayVersion"="11.1"\r\n\r\n${KEY}\\7zip]\r\n"DisplayName"="7-Zip\r\n\r\n${KEY}\\Foxit]\r\n"DisplayName"="Foxit Reader"\r\n`,
      ),
    }),
    expected: {
      // The 7-Zip key lost its only name: read, and ignored as "not an installed program".
      counts: counts(1, 3, 3, 0, 1),
      problems: [
        '<dir>/PC-01.reg:6  warning  line 6: a string value without its closing quote; skipped, line 7 is read as the next value  (windows.reg-export-line)',
        '<dir>/PC-01.reg:10  warning  line 10: a string value without its closing quote; skipped, line 12 is read as the next value  (windows.reg-export-line)',
      ],
      records: ['PC-01 | WPS Office 2019 | 11.1', 'PC-01 | Foxit Reader | '],
    },
  },
  {
    id: 'text-after-closing-quote',
    format: 'reg-export',
    scanner,
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n"DisplayVersion"="11.1" (x64)\r\n"Publisher"="Kingsoft"\r\n`,
      ),
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [
        '<dir>/PC-01.reg:5  warning  line 5 is not a "name"=value line; skipped  (windows.reg-export-line)',
      ],
      records: ['PC-01 | WPS Office | '],
    },
  },
  {
    id: 'hex-value-over-4096-lines',
    format: 'reg-export',
    scanner,
    // 300 000 continuation lines: one warning for the value, and the values after it still count.
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n"Blob"=hex:00,\\\r\n${'  00,\\\r\n'.repeat(300_000)}  00\r\n"DisplayVersion"="11.1"\r\n`,
      ),
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [
        '<dir>/PC-01.reg:5  warning  line 5: a hex value with 300001 continuation lines (limit 4096); skipped  (windows.reg-export-line)',
      ],
      records: ['PC-01 | WPS Office | 11.1'],
    },
  },
];
