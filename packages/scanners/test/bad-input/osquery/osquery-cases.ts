/** Bad osquery results (osqueryi --json arrays and result logs) for the `osquery` scanner. */
import { osqueryScanner } from '@zhengban/scanners';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

const program = (name: string, version: string) => ({
  name,
  version,
  publisher: 'Vendor',
  install_date: '20240110',
  identifying_number: '',
});
const event = (host: string, columns: Record<string, unknown>) =>
  JSON.stringify({
    name: 'programs',
    hostIdentifier: host,
    calendarTime: 'Mon Jan 1 00:00:00 2024 UTC',
    action: 'added',
    columns,
  });
const scanner = () => osqueryScanner();

export const osqueryCases: BadInputCase[] = [
  {
    id: 'result-log-with-junk-lines',
    format: 'osquery',
    scanner,
    files: () => ({
      'results.log': `${event('PC-01', program('WPS Office', '11.1'))}\nnot json\n{"name":"programs"}\n${event('PC-02', program('7-Zip', '23.01'))}\n`,
    }),
    expected: PENDING,
  },
  {
    id: 'result-log-five-megabyte-line',
    format: 'osquery',
    scanner,
    files: () => ({
      'results.log': `${event('PC-01', program('WPS Office', '11.1'))}\n${event('PC-02', program('x'.repeat(5 * 1024 * 1024), '1'))}\n${event('PC-03', program('7-Zip', '23.01'))}\n`,
    }),
    expected: PENDING,
  },
  {
    id: 'json-array-with-non-rows',
    format: 'osquery',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([program('WPS Office', '11.1'), 'junk', 7, null, program('', '1.0')]),
    }),
    expected: PENDING,
  },
  {
    id: 'proto-host-identifier',
    format: 'osquery',
    scanner,
    files: () => ({
      'results.log': `${event('__proto__', program('WPS Office', '11.1'))}\n${event('constructor', program('7-Zip', '23.01'))}\n`,
    }),
    expected: PENDING,
  },
  {
    id: 'truncated-json-array',
    format: 'osquery',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([program('WPS Office', '11.1'), program('7-Zip', '23.01')]).slice(0, -30),
    }),
    expected: PENDING,
  },
  {
    id: 'nul-bytes-and-controls-in-columns',
    format: 'osquery',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([
        program('WPS\u0000 Office\u001b[2J', '11.1\u0007'),
        program('7-Zip', '23.01'),
      ]),
    }),
    expected: PENDING,
  },
];
