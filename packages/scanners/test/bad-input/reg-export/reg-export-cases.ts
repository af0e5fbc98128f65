/** Bad `regedit /e` exports (.reg) for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

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
    expected: PENDING,
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
    expected: PENDING,
  },
  {
    id: 'unterminated-string-value',
    format: 'reg-export',
    scanner,
    files: () => ({
      'PC-01.reg': utf16(`${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office\r\n"DisplayVersion"="11.1"\r\n`),
    }),
    expected: PENDING,
  },
  {
    id: 'hex-continuation-bomb',
    format: 'reg-export',
    scanner,
    files: () => ({
      'PC-01.reg': utf16(
        `${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n"Blob"=hex:${'00,\\\r\n  '.repeat(5_000)}00\r\n"DisplayVersion"="11.1"\r\n`,
      ),
    }),
    expected: PENDING,
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
    expected: PENDING,
  },
  {
    id: 'utf16-truncated-odd-byte',
    format: 'reg-export',
    scanner,
    files: () => {
      const bytes = utf16(`${HEAD}${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n"DisplayVersion"="11.1"\r\n`);
      return { 'PC-01.reg': bytes.subarray(0, bytes.length - 7) };
    },
    expected: PENDING,
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
    expected: PENDING,
  },
];
