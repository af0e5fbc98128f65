/** Bad `reg query <key> /s` console output for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

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
    expected: PENDING,
  },
  {
    id: 'binary-junk',
    format: 'reg-query',
    scanner,
    files: () => ({ 'PC-01.txt': Uint8Array.from({ length: 2048 }, (_, i) => (i * 131) % 256) }),
    expected: PENDING,
  },
  {
    id: 'garbage-lines-between-keys',
    format: 'reg-query',
    scanner,
    files: () => ({
      'PC-01.txt': `${entry('WPS', 'WPS Office', '11.1')}this line is junk\r\n${entry('7zip', '7-Zip', '23.01')}`,
    }),
    expected: PENDING,
  },
  {
    id: 'truncated-mid-value',
    format: 'reg-query',
    scanner,
    files: () => ({
      'PC-01.txt': `${entry('WPS', 'WPS Office', '11.1')}${KEY}\\7zip\r\n    DisplayName    REG_SZ    7-Zip\r\n    DisplayVer`,
    }),
    expected: PENDING,
  },
  {
    id: 'control-characters-in-version',
    format: 'reg-query',
    scanner,
    files: () => ({ 'PC-01.txt': entry('WPS', 'WPS Office', '11.1.0\u0007\u0001') }),
    expected: PENDING,
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
    expected: PENDING,
  },
  {
    id: 'nul-bytes-in-values',
    format: 'reg-query',
    scanner,
    files: () => ({ 'PC-01.txt': entry('WPS', 'WPS\u0000Office', '11.1') }),
    expected: PENDING,
  },
];
