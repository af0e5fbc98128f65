/** Bad PowerShell `ConvertTo-Json` output for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts, PENDING } from '../scanner-case.js';

const item = (name: string, version: string) => ({
  PSChildName: name,
  DisplayName: name,
  DisplayVersion: version,
  Publisher: 'Vendor',
});
const scanner = () => windowsScanner();

export const powershellJsonCases: BadInputCase[] = [
  {
    id: 'truncated-json',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([item('WPS Office', '11.1'), item('7-Zip', '23.01')]).slice(0, -20),
    }),
    expected: PENDING,
  },
  {
    id: 'proto-keys',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json':
        '[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"DisplayName":"WPS Office","DisplayVersion":"11.1","PSChildName":"__proto__"}]',
    }),
    expected: PENDING,
  },
  {
    id: 'non-object-items',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json': JSON.stringify([
        item('WPS Office', '11.1'),
        42,
        'junk',
        null,
        [item('nested', '1')],
        { Foo: 'bar' },
      ]),
    }),
    expected: PENDING,
  },
  {
    id: 'deeply-nested-arrays',
    format: 'powershell-json',
    scanner,
    files: () => ({ 'PC-01.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` }),
    expected: PENDING,
  },
  {
    id: 'lone-surrogates-and-controls',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json':
        '[{"PSChildName":"X","DisplayName":"WPS \\ud800 Office\\u0000\\u001b[2J","DisplayVersion":"11.1\\u0007"}]',
    }),
    expected: PENDING,
  },
  {
    id: 'utf16-without-bom-wrong-json',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json': iconv.encode('{"DisplayName": "WPS Office", "DisplayVersion": 11.1,,}', 'utf-16le'),
    }),
    expected: PENDING,
  },
];
