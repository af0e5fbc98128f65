/** Bad units files (单位, 编制人数, 上级单位) for readUnitsFile. */
import iconv from 'iconv-lite';
import { type BadInputCase, counts } from '../scanner-case.js';

export const unitsCases: BadInputCase[] = [
  {
    id: 'empty-file',
    format: 'units',
    files: () => ({ 'units.csv': '' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/units.csv  error  <dir>/units.csv: the units file is empty; expected a header 单位,编制人数,上级单位  (units.empty)',
      ],
      records: [],
    },
  },
  {
    id: 'no-unit-column',
    format: 'units',
    files: () => ({ 'units.csv': '编号,人数\n1,20\n' }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/units.csv:1  error  <dir>/units.csv:1: no unit column (expected 单位 / unit); header was: 编号, 人数  (units.header)',
      ],
      records: [],
    },
  },
  {
    id: 'bad-staff-counts',
    format: 'units',
    files: () => ({
      'units.csv':
        '单位,编制人数,上级单位\n办公室,20,\n财政局,三十,\n教育局,-5,\n卫健委,1e3,\n公安局,"1,200人",\n',
    }),
    expected: {
      counts: counts(0, 5, 2, 3, 0),
      problems: [
        '<dir>/units.csv:3  error  line 3: staff count "三十" is not a whole number  (units.staff)',
        '<dir>/units.csv:4  error  line 4: staff count "-5" is not a whole number  (units.staff)',
        '<dir>/units.csv:5  error  line 5: staff count "1e3" is not a whole number  (units.staff)',
      ],
      records: ['办公室 | 20 | ', '公安局 | 1200 | '],
    },
  },
  {
    id: 'duplicate-units-and-empty-names',
    format: 'units',
    files: () => ({ 'units.csv': '单位,编制人数\n办公室,20\n ,5\n办公室,21\n' }),
    expected: {
      counts: counts(0, 3, 1, 2, 0),
      problems: [
        '<dir>/units.csv:3  error  line 3: the unit name is empty  (units.empty-name)',
        '<dir>/units.csv:4  error  line 4: unit "办公室" is already listed on line 2  (units.duplicate)',
      ],
      records: ['办公室 | 20 | '],
    },
  },
  {
    id: 'proto-unit-names',
    format: 'units',
    files: () => ({
      'units.csv': '单位,编制人数,上级单位\n__proto__,1,constructor\nconstructor,2,__proto__\n',
    }),
    expected: {
      counts: counts(0, 2, 2, 0, 0),
      problems: [],
      records: ['__proto__ | 1 | constructor', 'constructor | 2 | __proto__'],
    },
  },
  {
    id: 'gbk-with-column-count-errors',
    format: 'units',
    files: () => ({
      'units.csv': iconv.encode('单位,编制人数\r\n办公室,20\r\n财政局\r\n教育局,40,多余\r\n', 'gbk'),
    }),
    expected: {
      counts: counts(0, 3, 1, 2, 0),
      problems: [
        '<dir>/units.csv:3  error  line 3 has 1 columns, the header has 2  (units.column-count)',
        '<dir>/units.csv:4  error  line 4 has 3 columns, the header has 2  (units.column-count)',
      ],
      records: ['办公室 | 20 | '],
    },
  },
  {
    id: 'binary-junk',
    format: 'units',
    files: () => ({ 'units.csv': Uint8Array.from({ length: 1024 }, (_, i) => (i * 37) % 256) }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/units.csv  error  <dir>/units.csv: binary data, not a text file (4 NUL and 100 control bytes in the first 1024 bytes)  (input.binary)',
      ],
      records: [],
    },
  },
  {
    id: 'unbalanced-quote',
    format: 'units',
    files: () => ({ 'units.csv': '单位,编制人数\n办公室,20\n"财政局,30\n教育局,40\n' }),
    expected: {
      counts: counts(0, 2, 1, 1),
      problems: [
        '<dir>/units.csv:3  error  line 3: a quoted field is not closed (the file may be cut off)  (units.quotes)',
      ],
      records: ['办公室 | 20 | '],
    },
  },
];
