/** Bad inventory spreadsheets for the `csv` scanner. */
import { csvScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

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
    expected: PENDING,
  },
  {
    id: 'only-bom-and-blank-lines',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': '\uFEFF\n\n \n' }),
    expected: PENDING,
  },
  {
    id: 'header-only',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': lines(HEADER) }),
    expected: PENDING,
  },
  {
    id: 'binary-junk',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) }),
    expected: PENDING,
  },
  {
    id: 'nul-bytes-in-a-row',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(HEADER, ROW_A, 'PC-03,办公室,WPS\u0000Office,11.1,Kingsoft,2024-01-10', ROW_B),
    }),
    expected: PENDING,
  },
  {
    id: 'unbalanced-quote',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(HEADER, ROW_A, 'PC-03,办公室,"WPS Office,11.1,Kingsoft,2024-01-10', ROW_B),
    }),
    expected: PENDING,
  },
  {
    id: 'stray-quote-inside-field',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': lines(HEADER, ROW_A, 'PC-03,办公室,WPS "Pro" Office,11.1,Kingsoft,2024-01-10', ROW_B),
    }),
    expected: PENDING,
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
    expected: PENDING,
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
    expected: PENDING,
  },
  {
    id: 'no-host-column',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': lines('序号,软件名称,版本', '1,WPS Office,11.1') }),
    expected: PENDING,
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
    expected: PENDING,
  },
  {
    id: 'five-megabyte-single-line',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': 'x'.repeat(5 * 1024 * 1024) }),
    expected: PENDING,
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
    expected: PENDING,
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
    expected: PENDING,
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
    expected: PENDING,
  },
  {
    id: 'bom-in-the-middle',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': `\uFEFF${lines(HEADER, ROW_A)}\uFEFF${lines(HEADER, ROW_B)}` }),
    expected: PENDING,
  },
  {
    id: 'truncated-mid-row',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': `${lines(HEADER, ROW_A, ROW_B)}PC-03,办公室,WPS Of` }),
    expected: PENDING,
  },
  {
    id: 'truncated-inside-quotes',
    format: 'csv',
    scanner,
    files: () => ({ 'inventory.csv': `${lines(HEADER, ROW_A, ROW_B)}PC-03,办公室,"WPS Of` }),
    expected: PENDING,
  },
  {
    id: 'mixed-encodings-in-the-first-bytes',
    format: 'csv',
    scanner,
    files: () => ({
      'inventory.csv': Buffer.concat([Buffer.from(lines(HEADER, ROW_A)), iconv.encode(lines(ROW_B), 'gbk')]),
    }),
    expected: PENDING,
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
    expected: PENDING,
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
    expected: PENDING,
  },
];
