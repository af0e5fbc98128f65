/** Bad `reg query <key> /s` console output for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts } from '../scanner-case.js';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';
const entry = (id: string, name: string, version: string) =>
  `${KEY}\\${id}\r\n    DisplayName    REG_SZ    ${name}\r\n    DisplayVersion    REG_SZ    ${version}\r\n    Publisher    REG_SZ    Vendor\r\n\r\n`;
const scanner = () => windowsScanner();

export const regQueryCases: BadInputCase[] = [
  {
    id: 'empty-file',
    format: 'reg-query',
    scanner,
    files: () => ({ 'PC-01.txt': '' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.txt  error  <dir>/PC-01.txt: not a Windows inventory file (expected reg query output, a regedit .reg export, PowerShell ConvertTo-Json or Export-Csv output, wmic /format:list or /format:csv output, or slmgr / ospp.vbs text; the file is empty)  (windows.format)',
      ],
      records: [],
    },
  },
  {
    id: 'garbage-lines-between-keys',
    format: 'reg-query',
    scanner,
    files: () => ({
      'PC-01.txt': `${entry('WPS', 'WPS Office', '11.1')}this line is junk\r\n${entry('7zip', '7-Zip', '23.01')}`,
    }),
    expected: {
      counts: counts(1, 2, 2, 0, 0),
      problems: [
        '<dir>/PC-01.txt:6  warning  line 6 is neither a registry key nor a value line; skipped  (windows.reg-query-line)',
      ],
      records: ['PC-01 | WPS Office | 11.1', 'PC-01 | 7-Zip | 23.01'],
    },
  },
  {
    id: 'truncated-mid-value',
    format: 'reg-query',
    scanner,
    files: () => ({
      'PC-01.txt': `${entry('WPS', 'WPS Office', '11.1')}${KEY}\\7zip\r\n    DisplayName    REG_SZ    7-Zip\r\n    DisplayVer`,
    }),
    expected: {
      counts: counts(1, 2, 2, 0, 0),
      problems: [
        '<dir>/PC-01.txt:8  warning  line 8 is neither a registry key nor a value line; skipped  (windows.reg-query-line)',
      ],
      records: ['PC-01 | WPS Office | 11.1', 'PC-01 | 7-Zip | '],
    },
  },
  {
    id: 'control-characters-in-version',
    format: 'reg-query',
    scanner,
    files: () => ({
      // Real dumps are large; the stray control bytes are a tiny share of them (not binary data).
      'PC-01.txt': `${Array.from({ length: 4 }, (_, i) => entry(`App${i}`, `App ${i}`, '1.0')).join('')}${entry('WPS', 'WPS Office', '11.1.0\u0007\u0001')}`,
    }),
    expected: {
      counts: counts(1, 5, 5, 0, 0),
      problems: [],
      records: [
        'PC-01 | App 0 | 1.0',
        'PC-01 | App 1 | 1.0',
        'PC-01 | App 2 | 1.0',
        'PC-01 | App 3 | 1.0',
        'PC-01 | WPS Office | 11.1.0',
      ],
    },
  },
  {
    id: 'gbk-console-with-impossible-install-date',
    format: 'reg-query',
    scanner,
    files: () => ({
      'PC-01.txt': iconv.encode(
        `${KEY}\\QQ\r\n    DisplayName    REG_SZ    腾讯QQ\r\n    InstallDate    REG_SZ    20130230\r\n\r\n搜索结束: 找到 2 匹配。\r\n`,
        'gbk',
      ),
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [],
      records: ['PC-01 | 腾讯QQ | '],
    },
  },
];
