/** Broken osquery inputs and what the osquery scanner must make of each. */
import { binaryJunk, longLine } from '../junk.js';

const EVENT =
  '{"name":"programs","hostIdentifier":"PC-1","calendarTime":"Mon Mar  4 01:00:00 2024 UTC","columns":{"name":"WPS Office","version":"12.1","publisher":"Kingsoft Corp.","install_date":"","identifying_number":""},"action":"added"}';

export const osqueryCases = {
  /** A result log whose last line was cut off mid-event. */
  truncated: () => Buffer.from(`${EVENT}\n${EVENT.slice(0, 60)}`),
  binary: () => binaryJunk(),
  /** A 1 MB line of junk between two events. */
  oneMegabyteLine: () => Buffer.from(`${EVENT}\n${longLine()}\n${EVENT.replace('WPS Office', '7-Zip')}\n`),
};
