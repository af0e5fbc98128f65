/** Bad `rpm -qa` and `rpm -qa --queryformat` output for the `linux` scanner. */
import { linuxScanner } from '@zhengban/scanners';
import { type BadInputCase, counts } from '../scanner-case.js';

const row = (name: string, version: string) =>
  `${name}\t0\t${version}\t1.oe2203\tx86_64\topenEuler\t1700000000`;
const scanner = () => linuxScanner();

export const rpmCases: BadInputCase[] = [
  {
    id: 'queryformat-wrong-column-count',
    format: 'rpm',
    scanner,
    files: () => ({
      'rpm.txt': `${row('bash', '5.1.8')}\n${row('glibc', '2.34')}\nkernel\t0\t5.10\n${row('vim', '9.0')}\n`,
    }),
    expected: {
      counts: counts(1, 4, 3, 1, 0),
      problems: ['<dir>/rpm.txt:3  error  line 3 has 3 columns, expected 7  (packages.column-count)'],
      records: ['rpm | bash | 5.1.8-1.oe2203', 'rpm | glibc | 2.34-1.oe2203', 'rpm | vim | 9.0-1.oe2203'],
    },
  },
  {
    id: 'plain-list-with-junk-lines',
    format: 'rpm',
    scanner,
    files: () => ({
      'rpm.txt':
        'bash-5.1.8-6.el9.x86_64\nglibc-2.34-60.el9.x86_64\nvim-enhanced-9.0-1.el9.x86_64\nkernel-5.14-1.el9.x86_64\nnot an rpm line at all\nopenssl-3.0.7-1.el9.x86_64\n',
    }),
    expected: {
      counts: counts(1, 6, 5, 1, 0),
      problems: ['<dir>/rpm.txt:5  error  line 5 is not name-version-release.arch  (rpm.line)'],
      records: [
        'rpm | bash | 5.1.8-6.el9',
        'rpm | glibc | 2.34-60.el9',
        'rpm | vim-enhanced | 9.0-1.el9',
        'rpm | kernel | 5.14-1.el9',
        'rpm | openssl | 3.0.7-1.el9',
      ],
    },
  },
  {
    id: 'spaces-in-version',
    format: 'rpm',
    scanner,
    files: () => ({
      'rpm.txt': `${row('bash', '5.1.8')}\n${row('glibc', '2.34')}\n${row('evil', '1 .0')}\n${row('vim', '9.0')}\n`,
    }),
    expected: {
      counts: counts(1, 4, 3, 1, 0),
      problems: ['<dir>/rpm.txt:3  error  line 3: no package name or version  (packages.row)'],
      records: ['rpm | bash | 5.1.8-1.oe2203', 'rpm | glibc | 2.34-1.oe2203', 'rpm | vim | 9.0-1.oe2203'],
    },
  },
  {
    id: 'not-a-package-list',
    format: 'rpm',
    scanner,
    files: () => ({ 'rpm.txt': 'Dear operator,\nplease find the packages attached.\nRegards\n' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/rpm.txt  error  <dir>/rpm.txt: not a Linux inventory file (expected /var/lib/dpkg/status, dpkg -l or dpkg-query -W output, rpm -qa (--queryformat, --last) output, /etc/os-release or /etc/os-version)  (linux.format)',
      ],
      records: [],
    },
  },
  {
    id: 'install-time-out-of-range',
    format: 'rpm',
    scanner,
    files: () => ({
      'rpm.txt': `${row('bash', '5.1.8')}\n${row('glibc', '2.34')}\nvim\t0\t9.0\t1.oe2203\tx86_64\topenEuler\t99999999999999999999\n`,
    }),
    expected: {
      counts: counts(1, 3, 3, 0, 0),
      problems: [],
      records: ['rpm | bash | 5.1.8-1.oe2203', 'rpm | glibc | 2.34-1.oe2203', 'rpm | vim | 9.0-1.oe2203'],
    },
  },
];
