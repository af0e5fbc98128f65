/** Bad `/etc/os-release` files for the `linux` scanner. */
import { linuxScanner } from '@zhengban/scanners';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

const scanner = () => linuxScanner();

export const osReleaseCases: BadInputCase[] = [
  {
    id: 'unbalanced-quotes',
    format: 'os-release',
    scanner,
    files: () => ({ 'os-release': 'NAME="Kylin\nID=kylin\nVERSION_ID="V10\nPRETTY_NAME=\'Kylin V10\n' }),
    expected: PENDING,
  },
  {
    id: 'proto-keys',
    format: 'os-release',
    scanner,
    files: () => ({ 'os-release': '__proto__=polluted\nconstructor=x\nID=uos\nNAME="UOS"\nVERSION_ID=20\n' }),
    expected: PENDING,
  },
  {
    id: 'control-characters-in-name',
    format: 'os-release',
    scanner,
    files: () => ({
      'os-release':
        'ID=kylin\nNAME="Kylin\u001b[31m"\nPRETTY_NAME="Kylin\u0007 V10"\nVERSION_ID="V10\u0000"\n',
    }),
    expected: PENDING,
  },
  {
    id: 'empty-file',
    format: 'os-release',
    scanner,
    files: () => ({ 'os-release': '' }),
    expected: PENDING,
  },
];
