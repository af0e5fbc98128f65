/** Bad `slmgr /dli`, `/xpr` and `ospp.vbs /dstatus` text for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

const scanner = () => windowsScanner();

export const slmgrCases: BadInputCase[] = [
  {
    id: 'labels-without-values',
    format: 'slmgr',
    scanner,
    files: () => ({ 'PC-01.txt': 'Name:\r\nDescription:\r\nPartial Product Key:\r\nLicense Status:\r\n' }),
    expected: PENDING,
  },
  {
    id: 'unknown-license-status',
    format: 'slmgr',
    scanner,
    files: () => ({
      'PC-01.txt':
        'Name: Windows(R), Professional edition\r\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\nPartial Product Key: T83GX\r\nLicense Status: Frobnicated\r\nKMS machine name from DNS: kms.loli.beer:1688\r\n',
    }),
    expected: PENDING,
  },
  {
    id: 'control-characters-and-huge-line',
    format: 'slmgr',
    scanner,
    files: () => ({
      'PC-01.txt': `Name: Windows\u0007(R), Professional edition\r\nLicense Status: Licensed\r\nDescription: ${'x'.repeat(2 * 1024 * 1024)}\r\n`,
    }),
    expected: PENDING,
  },
  {
    id: 'truncated-ospp-block',
    format: 'slmgr',
    scanner,
    files: () => ({
      'PC-01.txt':
        '---Processing--------------------------\r\nLICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition\r\nLICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel\r\nLICENSE STAT',
    }),
    expected: PENDING,
  },
];
