/** Broken CSV inputs and what the csv scanner must make of each. */
import iconv from 'iconv-lite';
import { binaryJunk, longLine } from '../junk.js';

const HEADER = '计算机名,单位,软件名称,版本\n';

export const csvCases = {
  /** The file ends inside a quoted field. */
  truncated: () => Buffer.from(`${HEADER}PC-1,办公室,WPS Office,12.1\nPC-1,办公室,"Adobe Acro`),
  /** 70 KB of ASCII rows (so the start looks like UTF-8), then a GBK row: mixed encodings. */
  wrongEncoding: () =>
    Buffer.concat([
      Buffer.from(HEADER, 'utf8'),
      Buffer.from('PC-1,IT,7-Zip,23.01\n'.repeat(3500)),
      iconv.encode('PC-2,财务科,金山毒霸,2024\n', 'gbk'),
    ]),
  binary: () => binaryJunk(),
  /** One row whose software name is a 1 MB line. */
  oneMegabyteLine: () => Buffer.from(`${HEADER}PC-1,办公室,${longLine()},1.0\nPC-1,办公室,WPS Office,12.1\n`),
  /** NUL bytes inside a host name (a few, not a binary file). */
  nulBytes: () => Buffer.from(`${HEADER}PC-1,办公室,WPS Office,12.1\nPC\u0000\u00002,办公室,7-Zip,23.01\n`),
};
