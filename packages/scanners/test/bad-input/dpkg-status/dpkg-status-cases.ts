/** Bad `/var/lib/dpkg/status` files for the `linux` scanner. */
import { linuxScanner } from '@zhengban/scanners';
import { type BadInputCase, counts } from '../scanner-case.js';

const paragraph = (name: string, version: string, status = 'install ok installed') =>
  `Package: ${name}\nStatus: ${status}\nArchitecture: amd64\nMaintainer: Kylin Team <dev@kylinos.cn>\nVersion: ${version}\nDescription: ${name}\n long description\n\n`;
const scanner = () => linuxScanner();

export const dpkgStatusCases: BadInputCase[] = [
  {
    id: 'paragraph-without-version-or-package',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `${paragraph('wps-office', '11.1.0.11720')}Package: broken\nStatus: install ok installed\n\nStatus: install ok installed\nVersion: 1.0\n\n${paragraph('firefox', '115.0')}`,
    }),
    expected: {
      counts: counts(1, 4, 2, 2, 0),
      problems: [
        '<dir>/status:9  error  package broken (line 9) has no Version field  (dpkg.no-version)',
        '<dir>/status:12  error  paragraph at line 12 has no Package field  (dpkg.no-package)',
      ],
      records: ['status | wps-office | 11.1.0.11720', 'status | firefox | 115.0'],
    },
  },
  {
    id: 'truncated-mid-paragraph',
    format: 'dpkg-status',
    scanner,
    files: () => ({ status: `${paragraph('firefox', '115.0')}Package: wps-office\nStatus: install ok inst` }),
    expected: {
      counts: counts(1, 2, 2, 0, 1),
      problems: [],
      records: ['status | firefox | 115.0'],
    },
  },
  {
    id: 'proto-field-names',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `Package: wps-office\n__proto__: polluted\nconstructor: x\nStatus: install ok installed\nVersion: 11.1\n\n`,
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [],
      records: ['status | wps-office | 11.1'],
    },
  },
  {
    id: 'junk-lines-and-not-installed',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `${paragraph('firefox', '115.0')}this is not a field\n${paragraph('old', '1.0', 'deinstall ok config-files')}`,
    }),
    expected: {
      counts: counts(1, 2, 2, 0, 1),
      problems: ['<dir>/status:9  warning  line 9 is not a "Field: value" line  (dpkg.line)'],
      records: ['status | firefox | 115.0'],
    },
  },
  {
    id: 'control-characters-in-version',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `${paragraph('wps-office', '11.1.0\u001b[2J')}${paragraph('firefox', '115.0')}`,
    }),
    expected: {
      counts: counts(1, 2, 2, 0, 0),
      problems: [],
      records: ['status | wps-office | 11.1.0 [2J', 'status | firefox | 115.0'],
    },
  },
  {
    id: 'nul-byte-in-a-package-name',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `${paragraph('wps\u0000office', '11.1')}${paragraph('firefox', '115.0')}${paragraph('bash', '5.2')}`,
    }),
    expected: {
      counts: counts(1, 3, 2, 1, 0),
      problems: [
        '<dir>/status:1  error  paragraph at line 1: the package name holds control characters  (dpkg.bad-text)',
      ],
      records: ['status | firefox | 115.0', 'status | bash | 5.2'],
    },
  },
];
