/** Broken Windows inputs and what the windows scanner must make of each. */
import iconv from 'iconv-lite';
import { binaryJunk, longLine } from '../junk.js';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

export const windowsCases = {
  /** A .reg export cut off inside a string value. */
  truncated: () =>
    iconv.encode(`Windows Registry Editor Version 5.00\r\n\r\n[${KEY}\\Kingsoft Office]\r\n"DisplayName"="WPS Office"\r\n"Publisher"="Kingso`, 'utf-16le', {
      addBOM: true,
    }),
  /** A .reg export saved as UTF-16BE without BOM, read as if it were text of another kind. */
  wrongEncoding: () => iconv.encode('Windows Registry Editor Version 5.00\r\n', 'utf-16be'),
  binary: () => binaryJunk(),
  /** reg query output whose DisplayName is a 1 MB line. */
  oneMegabyteLine: () =>
    Buffer.from(`\r\n${KEY}\\Big\r\n    DisplayName    REG_SZ    ${longLine()}\r\n\r\n${KEY}\\Small\r\n    DisplayName    REG_SZ    7-Zip\r\n`),
  /** NUL bytes inside a reg query value. */
  nulBytes: () => Buffer.from(`\r\n${KEY}\\Nul\r\n    DisplayName    REG_SZ    WPS\u0000Office\r\n    DisplayVersion    REG_SZ    12.1\r\n`),
};
