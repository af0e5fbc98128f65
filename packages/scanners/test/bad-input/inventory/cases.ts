/** Broken inventories and what the inventory scanner must make of each. */
import { binaryJunk, longLine } from '../junk.js';

const HEADER = '{"format":"zhengban-inventory","version":1}\n';
const HOST =
  '{"id":"PC-1","scanner":"csv","software":[{"name":"WPS Office","source":"csv","evidence":{"source":"csv","line":2}}]}';

export const inventoryCases = {
  truncated: () => Buffer.from(`${HEADER}${HOST}\n${HOST.slice(0, 40)}`),
  binary: () => binaryJunk(),
  oneMegabyteLine: () => Buffer.from(`${HEADER}${longLine()}\n${HOST}\n`),
  nulBytes: () => Buffer.from(`${HEADER}${HOST.replace('WPS Office', 'WPS\u0000Office')}\n`),
};
