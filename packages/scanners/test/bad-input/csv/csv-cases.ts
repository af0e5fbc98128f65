/** Bad inventory spreadsheets for the `csv` scanner. */
import { csvScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts } from '../scanner-case.js';

const HEADER = '计算机名,单位,软件名称,版本,发布者,安装日期';
const ROW_A = 'PC-01,办公室,WPS Office,11.1.0.1,Kingsoft Corp.,2024-01-10';
const ROW_B = 'PC-02,财政局,火绒安全软件,5.0.70,北京火绒网络科技有限公司,2024-02-01';
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;
const scanner = () => csvScanner();

export const csvCases: BadInputCase[] = [
  {
    id: 'empty-file',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': '' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/inventory.csv  error  <dir>/inventory.csv: the file is empty; expected a header row and one row per installation  (csv.empty)',
      ],
      records: [],
    },
  },
  {
    id: 'only-bom-and-blank-lines',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': '\uFEFF\n\n \n' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/inventory.csv  error  <dir>/inventory.csv: the file is empty; expected a header row and one row per installation  (csv.empty)',
      ],
      records: [],
    },
  },
  {
    id: 'header-only',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': lines(HEADER) }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/inventory.csv  warning  <dir>/inventory.csv: the file has a header but no rows; no installation read from it  (csv.no-rows)',
      ],
      records: [],
    },
  },
  {
    id: 'stray-quote-inside-field',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(HEADER, ROW_A, 'PC-03,办公室,WPS "Pro" Office,11.1,Kingsoft,2024-01-10', ROW_B),
    }),
    expected: {
      counts: counts(3, 3, 3, 0, 0),
      problems: [],
      records: [
        'PC-01 | WPS Office | 11.1.0.1',
        'PC-03 | WPS "Pro" Office | 11.1',
        'PC-02 | 火绒安全软件 | 5.0.70',
      ],
    },
  },
  {
    id: 'wrong-column-count',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        HEADER,
        ROW_A,
        'PC-03,办公室,WPS Office',
        'PC-04,办公室,WPS Office,11.1,Kingsoft,2024-01-10,extra',
        ROW_B,
      ),
    }),
    expected: {
      counts: counts(2, 4, 2, 2, 0),
      problems: [
        '<dir>/inventory.csv:3  error  line 3 has 3 columns, the header has 6  (csv.column-count)',
        '<dir>/inventory.csv:4  error  line 4 has 7 columns, the header has 6  (csv.column-count)',
      ],
      records: ['PC-01 | WPS Office | 11.1.0.1', 'PC-02 | 火绒安全软件 | 5.0.70'],
    },
  },
  {
    id: 'no-host-column',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': lines('序号,软件名称,版本', '1,WPS Office,11.1') }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/inventory.csv:1  error  <dir>/inventory.csv:1: no column for the computer (计算机名 / 主机名 / hostname); header was: 序号, 软件名称, 版本 (give a mapping if the column has another name)  (csv.header)',
      ],
      records: [],
    },
  },
  {
    id: 'ten-thousand-columns',
    format: 'csv',
    scanner,
    files: () => {
      const extra = Array.from({ length: 9997 }, (_, i) => `c${i}`);
      const cells = Array.from({ length: 9997 }, () => 'x');
      return {
        'inventory.csv': lines(
          ['计算机名', '软件名称', '版本', ...extra].join(','),
          ['PC-01', 'WPS Office', '11.1', ...cells].join(','),
          ['PC-02', 'Foxmail', '7.2', ...cells.slice(1)].join(','),
        ),
      };
    },
    expected: {
      counts: counts(1, 2, 1, 1, 0),
      problems: [
        '<dir>/inventory.csv:3  error  line 3 has 9999 columns, the header has 10000  (csv.column-count)',
      ],
      records: ['PC-01 | WPS Office | 11.1'],
    },
  },
  {
    id: 'five-megabyte-single-line',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': 'x'.repeat(5 * 1024 * 1024) }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/inventory.csv:1  error  <dir>/inventory.csv:1: no column for the computer (计算机名 / 主机名 / hostname); header was: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (give a mapping if the column has another name)  (csv.header)',
      ],
      records: [],
    },
  },
  {
    id: 'five-megabyte-name',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        HEADER,
        ROW_A,
        `PC-03,办公室,${'A'.repeat(5 * 1024 * 1024)},1.0,X,2024-01-10`,
        ROW_B,
      ),
    }),
    expected: {
      counts: counts(2, 3, 2, 1, 0),
      problems: [
        '<dir>/inventory.csv:3  error  line 3: the name is not text (too long or holds NUL characters)  (csv.bad-text)',
      ],
      records: ['PC-01 | WPS Office | 11.1.0.1', 'PC-02 | 火绒安全软件 | 5.0.70'],
    },
  },
  {
    id: 'impossible-dates',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        HEADER,
        'PC-01,办公室,WPS Office,11.1,Kingsoft,2013-02-30',
        'PC-01,办公室,Foxmail,7.2,Tencent,2013/13/01',
        'PC-01,办公室,7-Zip,23.01,Igor Pavlov,20240229',
        ROW_B,
      ),
    }),
    expected: {
      // An impossible date costs the date, not the installation.
      counts: counts(2, 4, 4, 0, 0),
      problems: [
        '<dir>/inventory.csv:2  warning  line 2: install date "2013-02-30" is not a real date; the installation is read without it  (csv.date)',
        '<dir>/inventory.csv:3  warning  line 3: install date "2013/13/01" is not a real date; the installation is read without it  (csv.date)',
      ],
      records: [
        'PC-01 | WPS Office | 11.1',
        'PC-01 | Foxmail | 7.2',
        'PC-01 | 7-Zip | 23.01',
        'PC-02 | 火绒安全软件 | 5.0.70',
      ],
    },
  },
  {
    id: 'truncated-mid-row',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': `${lines(HEADER, ROW_A, ROW_B)}PC-03,办公室,WPS Of` }),
    expected: {
      counts: counts(2, 3, 2, 1, 0),
      problems: ['<dir>/inventory.csv:4  error  line 4 has 3 columns, the header has 6  (csv.column-count)'],
      records: ['PC-01 | WPS Office | 11.1.0.1', 'PC-02 | 火绒安全软件 | 5.0.70'],
    },
  },
  {
    id: 'mixed-encodings-after-the-first-megabyte',
    format: 'csv',
    scanner,
    files: () => {
      const utf8 = Buffer.from(
        lines(
          HEADER,
          ...Array.from({ length: 20000 }, (_, i) => `PC-${i},办公室,WPS Office,11.1,Kingsoft,2024-01-10`),
        ),
      );
      return { 'inventory.csv': Buffer.concat([utf8, iconv.encode(lines(ROW_B), 'gbk')]) };
    },
    expected: {
      counts: counts(19264, 19264, 19264, 0),
      problems: [
        '<dir>/inventory.csv:20002  error  <dir>/inventory.csv: line 20002 is not valid UTF-8 (byte 1088959), although the file starts as UTF-8; it mixes encodings (save it again as UTF-8 or GBK)  (input.encoding)',
      ],
      records: { count: 19264, first: ['PC-0 | WPS Office | 11.1', 'PC-1 | WPS Office | 11.1'] },
    },
  },
  {
    id: 'mixed-encodings-in-the-first-64-kilobytes',
    format: 'csv',
    scanner,
    // A UTF-8 export with one GBK row pasted in: read as GB18030 the header would be mojibake.
    files: () => ({
      'inventory.csv': Buffer.concat([Buffer.from(lines(HEADER, ROW_A)), iconv.encode(lines(ROW_B), 'gbk')]),
    }),
    expected: {
      counts: counts(0, 0, 0, 0),
      problems: [
        '<dir>/inventory.csv:3  error  <dir>/inventory.csv: line 3 is not valid UTF-8 (byte 131), although the file starts as UTF-8; it mixes encodings (save it again as UTF-8 or GBK)  (input.encoding)',
      ],
      records: [],
    },
  },
  {
    id: 'empty-host-and-name',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        HEADER,
        ',办公室,WPS Office,11.1,Kingsoft,2024-01-10',
        'PC-01,办公室,  ,11.1,Kingsoft,2024-01-10',
        ',,,,,',
        ROW_B,
      ),
    }),
    expected: {
      counts: counts(1, 3, 1, 2, 0),
      problems: [
        '<dir>/inventory.csv:2  error  line 2: the computer name is empty  (csv.empty-host)',
        '<dir>/inventory.csv:3  error  line 3: the software name is empty  (csv.empty-name)',
      ],
      records: ['PC-02 | 火绒安全软件 | 5.0.70'],
    },
  },
  {
    id: 'duplicate-headers',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        '计算机名,软件名称,软件名称,版本',
        'PC-01,WPS Office,Microsoft Office,11.1',
        'PC-02,火绒安全软件,,5.0',
      ),
    }),
    expected: {
      counts: counts(2, 2, 2, 0, 0),
      problems: [
        '<dir>/inventory.csv:1  warning  line 1: columns 2 "软件名称" and 3 "软件名称" both name the name; column 2 is read, column 3 is not (give a mapping to choose)  (csv.duplicate-column)',
      ],
      records: ['PC-01 | WPS Office | 11.1', 'PC-02 | 火绒安全软件 | 5.0'],
    },
  },
  {
    id: 'bom-in-the-middle',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': `\uFEFF${lines(HEADER, ROW_A)}\uFEFF${lines(HEADER, ROW_B)}` }),
    expected: {
      counts: counts(2, 3, 3, 0, 1),
      problems: [
        '<dir>/inventory.csv:3  warning  line 3 repeats the header (were two exports joined into one file?); skipped  (csv.repeated-header)',
      ],
      records: ['PC-01 | WPS Office | 11.1.0.1', 'PC-02 | 火绒安全软件 | 5.0.70'],
    },
  },
  {
    id: 'repeated-header-without-dates',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        '计算机名,软件名称,版本',
        'PC-01,WPS Office,11.1',
        '计算机名,软件名称,版本',
        'PC-02,Foxmail,7.2',
      ),
    }),
    expected: {
      counts: counts(2, 3, 3, 0, 1),
      problems: [
        '<dir>/inventory.csv:3  warning  line 3 repeats the header (were two exports joined into one file?); skipped  (csv.repeated-header)',
      ],
      records: ['PC-01 | WPS Office | 11.1', 'PC-02 | Foxmail | 7.2'],
    },
  },
  {
    id: 'control-characters-in-version',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(
        HEADER,
        'PC-01,办公室,WPS Office,11.1.0\u0007\u001b[31m,Kingsoft,2024-01-10',
        ROW_B,
      ),
    }),
    expected: {
      counts: counts(2, 2, 2, 0, 0),
      problems: [],
      records: ['PC-01 | WPS Office | 11.1.0 [31m', 'PC-02 | 火绒安全软件 | 5.0.70'],
    },
  },
  {
    id: 'unbalanced-quote',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(HEADER, ROW_A, 'PC-03,办公室,"WPS Office,11.1,Kingsoft,2024-01-10', ROW_B),
    }),
    expected: {
      counts: counts(1, 2, 1, 1, 0),
      problems: [
        '<dir>/inventory.csv:3  error  line 3: a quoted field is not closed (the file may be cut off)  (csv.quotes)',
      ],
      records: ['PC-01 | WPS Office | 11.1.0.1'],
    },
  },
];
