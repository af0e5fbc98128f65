/** Bad osquery results (osqueryi --json arrays and result logs) for the `osquery` scanner. */
import { osqueryScanner } from '@zhengban/scanners';
import { type BadInputCase, counts } from '../scanner-case.js';

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
    expected: {
      counts: counts(2, 4, 2, 2, 0),
      problems: [
        '<dir>/results.log:2  error  line 2 is not an osquery result event (JSON with name, hostIdentifier and columns or snapshot)  (osquery.line)',
        '<dir>/results.log:3  error  line 3 is not an osquery result event (JSON with name, hostIdentifier and columns or snapshot)  (osquery.line)',
      ],
      records: ['PC-01 | WPS Office | 11.1', 'PC-02 | 7-Zip | 23.01'],
    },
  },
  {
    id: 'json-array-with-non-rows',
    format: 'osquery',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([program('WPS Office', '11.1'), 'junk', 7, null, program('', '1.0')]),
    }),
    expected: {
      counts: counts(1, 5, 2, 3, 1),
      problems: [
        '<dir>/PC-01.json [/1]  error  <dir>/PC-01.json: /1 is not a row object  (osquery.row)',
        '<dir>/PC-01.json [/2]  error  <dir>/PC-01.json: /2 is not a row object  (osquery.row)',
        '<dir>/PC-01.json [/3]  error  <dir>/PC-01.json: /3 is not a row object  (osquery.row)',
      ],
      records: ['PC-01 | WPS Office | 11.1'],
    },
  },
  {
    id: 'proto-host-identifier',
    format: 'osquery',
    scanner,
    files: () => ({
      'results.log': `${event('__proto__', program('WPS Office', '11.1'))}\n${event('constructor', program('7-Zip', '23.01'))}\n`,
    }),
    expected: {
      counts: counts(2, 2, 2, 0, 0),
      problems: [],
      records: ['__proto__ | WPS Office | 11.1', 'constructor | 7-Zip | 23.01'],
    },
  },
  {
    id: 'truncated-json-array',
    format: 'osquery',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([program('WPS Office', '11.1'), program('7-Zip', '23.01')]).slice(0, -30),
    }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.json  error  <dir>/PC-01.json: not osquery output (Unterminated string in JSON at position 187); expected an osqueryi --json array or a result log  (osquery.format)',
      ],
      records: [],
    },
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
    expected: {
      counts: counts(1, 2, 2, 0, 0),
      problems: [],
      records: ['PC-01 | WPS  Office [2J | 11.1', 'PC-01 | 7-Zip | 23.01'],
    },
  },
  {
    id: 'result-log-five-megabyte-name',
    format: 'osquery',
    scanner,
    files: () => ({
      'results.log': `${event('PC-01', program('WPS Office', '11.1'))}\n${event('PC-02', program('x'.repeat(5 * 1024 * 1024), '1'))}\n${event('PC-03', program('7-Zip', '23.01'))}\n`,
    }),
    expected: {
      // PC-02 is still a computer seen in the log, with nothing read from it.
      counts: counts(3, 3, 2, 1),
      problems: [
        `<dir>/results.log:2  error  line 2: the software name is 5242880 characters long, not a software name  (osquery.bad-text)`,
      ],
      records: ['PC-01 | WPS Office | 11.1', 'PC-03 | 7-Zip | 23.01'],
    },
  },
];
