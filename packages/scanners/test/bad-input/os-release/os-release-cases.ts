/** Bad `/etc/os-release` files for the `linux` scanner. */
import { linuxScanner } from '@zhengban/scanners';
import { type BadInputCase, counts } from '../scanner-case.js';

const scanner = () => linuxScanner();

export const osReleaseCases: BadInputCase[] = [
  {
    id: 'unbalanced-quotes',
    format: 'os-release',
    scanner,
    files: () => ({ 'os-release': 'NAME="Kylin\nID=kylin\nVERSION_ID="V10\nPRETTY_NAME=\'Kylin V10\n' }),
    expected: {
      counts: counts(1, 0, 0, 0, 0),
      problems: [],
      records: ['os-release | os: \'Kylin V10 | "V10 |'],
    },
  },
  {
    id: 'proto-keys',
    format: 'os-release',
    scanner,
    files: () => ({ 'os-release': '__proto__=polluted\nconstructor=x\nID=uos\nNAME="UOS"\nVERSION_ID=20\n' }),
    expected: {
      counts: counts(1, 0, 0, 0, 0),
      problems: [],
      records: ['os-release | os: UOS | 20 |'],
    },
  },
  {
    id: 'nul-and-escape-in-a-tiny-file',
    format: 'os-release',
    scanner,
    files: () => ({
      'os-release':
        'ID=kylin\nNAME="Kylin\u001b[31m"\nPRETTY_NAME="Kylin\u0007 V10"\nVERSION_ID="V10\u0000"\n',
    }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/os-release  error  <dir>/os-release: binary data, not a text file (1 NUL and 1 control bytes in the first 70 bytes)  (input.binary)',
      ],
      records: [],
    },
  },
  {
    id: 'empty-file',
    format: 'os-release',
    scanner,
    files: () => ({ 'os-release': '' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/os-release  error  <dir>/os-release: the file is empty (expected /var/lib/dpkg/status, dpkg -l or dpkg-query -W output, rpm -qa (--queryformat, --last) output, /etc/os-release or /etc/os-version)  (linux.format)',
      ],
      records: [],
    },
  },
];
