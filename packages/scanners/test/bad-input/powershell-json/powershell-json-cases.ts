/** Bad PowerShell `ConvertTo-Json` output for the `windows` scanner. */
import { windowsScanner } from '@zhengban/scanners';
import iconv from 'iconv-lite';
import { type BadInputCase, counts } from '../scanner-case.js';

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
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.json  error  <dir>/PC-01.json: not valid JSON (Unterminated string in JSON at position 174); expected PowerShell ConvertTo-Json output  (windows.json)',
      ],
      records: [],
    },
  },
  {
    id: 'proto-keys',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json':
        '[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"DisplayName":"WPS Office","DisplayVersion":"11.1","PSChildName":"__proto__"}]',
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [],
      records: ['PC-01 | WPS Office | 11.1'],
    },
  },
  {
    id: 'deeply-nested-arrays',
    format: 'powershell-json',
    scanner,
    files: () => ({ 'PC-01.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}` }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.json  error  <dir>/PC-01.json: not a Windows inventory file (expected reg query output, a regedit .reg export, PowerShell ConvertTo-Json or Export-Csv output, wmic /format:list or /format:csv output, or slmgr / ospp.vbs text; the JSON holds no Uninstall entries, Win32_OperatingSystem, SoftwareLicensingProduct or AntiVirusProduct objects)  (windows.format)',
      ],
      records: [],
    },
  },
  {
    id: 'lone-surrogates-and-controls',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json':
        '[{"PSChildName":"X","DisplayName":"WPS \\ud800 Office\\u0000\\u001b[2J","DisplayVersion":"11.1\\u0007"}]',
    }),
    expected: {
      counts: counts(1, 1, 1, 0, 0),
      problems: [],
      records: ['PC-01 | WPS \ud800 Office [2J | 11.1'],
    },
  },
  {
    id: 'utf16-without-bom-wrong-json',
    format: 'powershell-json',
    scanner,
    files: () => ({
      'PC-01.json': iconv.encode('{"DisplayName": "WPS Office", "DisplayVersion": 11.1,,}', 'utf-16le'),
    }),
    expected: {
      counts: counts(0, 0, 0, 0, 0),
      problems: [
        '<dir>/PC-01.json  error  <dir>/PC-01.json: not valid JSON (Expected double-quoted property name in JSON at position 53); expected PowerShell ConvertTo-Json output  (windows.json)',
      ],
      records: [],
    },
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
    expected: {
      counts: counts(1, 5, 1, 4, 0),
      problems: [
        '<dir>/PC-01.json [/1]  error  <dir>/PC-01.json: item /1 is a number, not an object; skipped  (windows.json-item)',
        '<dir>/PC-01.json [/2]  error  <dir>/PC-01.json: item /2 is a string, not an object; skipped  (windows.json-item)',
        '<dir>/PC-01.json [/3]  error  <dir>/PC-01.json: item /3 is null, not an object; skipped  (windows.json-item)',
        '<dir>/PC-01.json [/4]  error  <dir>/PC-01.json: item /4 is an array, not an object; skipped  (windows.json-item)',
        '<dir>/PC-01.json [/5]  warning  <dir>/PC-01.json: item /5 is no Uninstall entry, Win32_OperatingSystem, SoftwareLicensingProduct or AntiVirusProduct object; skipped  (windows.json-item)',
      ],
      records: ['PC-01 | WPS Office | 11.1'],
    },
  },
];
