/** Broken Windows inputs and what the windows scanner must make of each. */
import iconv from 'iconv-lite';
import { binaryJunk, longLine } from '../junk.js';

const KEY = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

export const windowsCases = {
  /** A .reg export cut off inside a string value. */
  truncated: () =>
    iconv.encode(
      `Windows Registry Editor Version 5.00\r\n\r\n[${KEY}\\Kingsoft Office]\r\n"DisplayName"="WPS Office"\r\n"Publisher"="Kingso`,
      'utf-16le',
      {
        addBOM: true,
      },
    ),
  /** A UTF-16LE .reg export that lost its BOM and first byte: every character is misaligned. */
  wrongEncoding: () =>
    iconv
      .encode(
        `Windows Registry Editor Version 5.00\r\n\r\n[${KEY}\\WPS]\r\n"DisplayName"="WPS Office"\r\n`,
        'utf-16le',
      )
      .subarray(1),
  binary: () => binaryJunk(),
  /** reg query output whose DisplayName is a 1 MB line. */
  oneMegabyteLine: () =>
    Buffer.from(
      `\r\n${KEY}\\Big\r\n    DisplayName    REG_SZ    ${longLine()}\r\n\r\n${KEY}\\Small\r\n    DisplayName    REG_SZ    7-Zip\r\n`,
    ),
  /** NUL bytes inside a reg query value. */
  nulBytes: () =>
    Buffer.from(
      `\r\n${KEY}\\Nul\r\n    DisplayName    REG_SZ    WPS\u0000Office\r\n    DisplayVersion    REG_SZ    12.1\r\n`,
    ),
};
