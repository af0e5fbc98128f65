/** Bad units files (单位, 编制人数, 上级单位) for readUnitsFile. */
import iconv from 'iconv-lite';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

export const unitsCases: BadInputCase[] = [
  {
    id: 'empty-file',
    format: 'units',
    files: () => ({ 'units.csv': '' }),
    expected: PENDING,
  },
  {
    id: 'no-unit-column',
    format: 'units',
    files: () => ({ 'units.csv': '编号,人数\n1,20\n' }),
    expected: PENDING,
  },
  {
    id: 'bad-staff-counts',
    format: 'units',
    files: () => ({
      'units.csv':
        '单位,编制人数,上级单位\n办公室,20,\n财政局,三十,\n教育局,-5,\n卫健委,1e3,\n公安局,"1,200人",\n',
    }),
    expected: PENDING,
  },
  {
    id: 'duplicate-units-and-empty-names',
    format: 'units',
    files: () => ({ 'units.csv': '单位,编制人数\n办公室,20\n ,5\n办公室,21\n' }),
    expected: PENDING,
  },
  {
    id: 'unbalanced-quote',
    format: 'units',
    files: () => ({ 'units.csv': '单位,编制人数\n办公室,20\n"财政局,30\n教育局,40\n' }),
    expected: PENDING,
  },
  {
    id: 'proto-unit-names',
    format: 'units',
    files: () => ({
      'units.csv': '单位,编制人数,上级单位\n__proto__,1,constructor\nconstructor,2,__proto__\n',
    }),
    expected: PENDING,
  },
  {
    id: 'gbk-with-column-count-errors',
    format: 'units',
    files: () => ({
      'units.csv': iconv.encode('单位,编制人数\r\n办公室,20\r\n财政局\r\n教育局,40,多余\r\n', 'gbk'),
    }),
    expected: PENDING,
  },
  {
    id: 'binary-junk',
    format: 'units',
    files: () => ({ 'units.csv': Uint8Array.from({ length: 1024 }, (_, i) => (i * 37) % 256) }),
    expected: PENDING,
  },
];
