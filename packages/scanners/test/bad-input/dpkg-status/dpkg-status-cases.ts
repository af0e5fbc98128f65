/** Bad `/var/lib/dpkg/status` files for the `linux` scanner. */
import { linuxScanner } from '@zhengban/scanners';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

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
    expected: PENDING,
  },
  {
    id: 'control-characters-in-version',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `${paragraph('wps-office', '11.1.0\u0007\u001b[2J')}${paragraph('firefox', '115.0')}`,
    }),
    expected: PENDING,
  },
  {
    id: 'nul-bytes-in-a-field',
    format: 'dpkg-status',
    scanner,
    files: () => ({ status: `${paragraph('wps\u0000office', '11.1')}${paragraph('firefox', '115.0')}` }),
    expected: PENDING,
  },
  {
    id: 'truncated-mid-paragraph',
    format: 'dpkg-status',
    scanner,
    files: () => ({ status: `${paragraph('firefox', '115.0')}Package: wps-office\nStatus: install ok inst` }),
    expected: PENDING,
  },
  {
    id: 'proto-field-names',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `Package: wps-office\n__proto__: polluted\nconstructor: x\nStatus: install ok installed\nVersion: 11.1\n\n`,
    }),
    expected: PENDING,
  },
  {
    id: 'junk-lines-and-not-installed',
    format: 'dpkg-status',
    scanner,
    files: () => ({
      status: `${paragraph('firefox', '115.0')}this is not a field\n${paragraph('old', '1.0', 'deinstall ok config-files')}`,
    }),
    expected: PENDING,
  },
];
