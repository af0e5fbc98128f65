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
        '<dir>/PC-01.reg:5  warning  line 5 is not a "name"=value line; skipped  (windows.reg-export-line)',
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
];
