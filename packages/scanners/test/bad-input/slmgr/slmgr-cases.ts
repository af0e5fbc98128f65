/** Bad `slmgr /dli`, `/xpr` and `ospp.vbs /dstatus` text for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import { type BadInputCase, counts } from '../scanner-case.js';

const scanner = () => windowsScanner();

export const slmgrCases: BadInputCase[] = [
  {
    id: 'labels-without-values',
    format: 'slmgr',
    scanner,
    files: () => ({ 'PC-01.txt': 'Name:\r\nDescription:\r\nPartial Product Key:\r\nLicense Status:\r\n' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.txt  warning  <dir>/PC-01.txt: no Uninstall entry, OS, activation or antivirus data found in it  (windows.empty-file)',
      ],
      records: [],
    },
  },
  {
    id: 'unknown-license-status',
    format: 'slmgr',
    scanner,
    files: () => ({
      'PC-01.txt':
        'Name: Windows(R), Professional edition\r\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\nPartial Product Key: T83GX\r\nLicense Status: Frobnicated\r\nKMS machine name from DNS: kms.loli.beer:1688\r\n',
    }),
    expected: {
      counts: counts(1, 0, 0, 0, 0),
      problems: [],
      records: ['PC-01 | os: Windows(R), Professional edition |  | unknown kms.loli.beer'],
    },
  },
  {
    id: 'control-characters-in-name',
    format: 'slmgr',
    scanner,
    files: () => ({
      // A whole `slmgr /dlv` print-out: the BEL is one byte among a kilobyte of text.
      'PC-01.txt': [
        'Software licensing service version: 10.0.19041.1',
        '',
        'Name: Windows\u0007(R), Professional edition',
        'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
        'Activation ID: 2de67392-b7a7-462a-b1ca-108dd189f588',
        'Application ID: 55c92734-d682-4d71-983e-d6ec3f16059f',
        'Extended PID: 03612-03308-000-000000-03-1033-19041.0000-0042021',
        'Product Key Channel: Volume:GVLK',
        'Installation ID: 123456789012345678901234567890123456789012345678901234567890123',
        'Partial Product Key: T83GX',
        'License Status: Licensed',
        'Volume activation expiration: 259200 minute(s) (180 day(s))',
        'Remaining Windows rearm count: 1001',
        'Remaining SKU rearm count: 1001',
        'Trusted time: 2024/6/30 10:00:00',
        'Configured Activation Type: All',
        'Most recent activation information:',
        'Key Management Service client information',
        '    Client Machine ID (CMID): 2b1d6ad8-8b2b-4a5d-a6b0-4f0e1f2e3d4c',
        '    KMS machine name from DNS: kms.test.gov.cn:1688',
        '    KMS machine IP address: 10.0.0.8',
        '    KMS machine extended PID: 06401-00206-551-111111-03-2052-9600.0000-0012023',
        '    Activation interval: 120 minutes',
        '    Renewal interval: 10080 minutes',
        '    KMS host caching is enabled',
        '',
      ].join('\r\n'),
    }),
    expected: {
      counts: counts(1, 0, 0, 0, 0),
      problems: [],
      records: ['PC-01 | os: Windows (R), Professional edition |  | licensed kms.test.gov.cn'],
    },
  },
  {
    id: 'truncated-ospp-block',
    format: 'slmgr',
    scanner,
    files: () => ({
      'PC-01.txt':
        '---Processing--------------------------\r\nLICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition\r\nLICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel\r\nLICENSE STAT',
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [],
      records: ['PC-01 | Office 16, Office16ProPlusVL_KMS_Client edition | 16.0'],
    },
  },
  {
    id: 'two-megabyte-description',
    format: 'slmgr',
    scanner,
    files: () => ({
      'PC-01.txt': `Name: Windows(R), Professional edition\r\nLicense Status: Licensed\r\nDescription: ${'x'.repeat(2 * 1024 * 1024)}\r\n`,
    }),
    expected: {
      counts: counts(1, 0, 0, 0, 0),
      problems: [],
      records: ['PC-01 | os: Windows(R), Professional edition |  | licensed'],
    },
  },
];
