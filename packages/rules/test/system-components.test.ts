/**
 * Parts of the operating system are grouped, not listed (docs/semantics.md#system-components): a
 * two-computer fleet over the built-in catalogue, worked by hand.
 *
 * U-1 Ubuntu 22.04, packages with their maintainers as publisher:
 *   bash, libssl3, python3-apt, nginx (Ubuntu Developers)      → linux-distribution-package (4 titles)
 *   wps-office (Kingsoft Office Software)                       → wps-office
 *   acme-notes (Acme Ltd.), com.example.reader (Example Co.)    → unrecognised, listed (third party,
 *   in no catalogue; a store app named in reverse domain form is never the distribution's)
 * W-1 Windows 10 专业版:
 *   Realtek High Definition Audio Driver, Intel(R) Management Engine Components
 *                                                              → windows-system-component (2 titles)
 *   Security Update for Windows 10 (KB5005565)                 → ms-update
 *   Microsoft Visual C++ 2015 Redistributable (x64)            → ms-vc-runtime
 *   Foo Tool                                                   → unrecognised, listed
 * Listed: Foo Tool, acme-notes, com.example.reader (one computer each; code-point order). Grouped: 6
 * titles. Raw count of titles no named product claimed: 3 + 6 = 9 (all nine were listed before).
 */
import {
  type ComplianceReport,
  createAuditor,
  type HostInventory,
  type SoftwareRecord,
} from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltin } from './builtin-policy.js';

const record = (name: string, publisher: string, version = '1.0'): SoftwareRecord => ({
  name,
  publisher,
  version,
  source: 'test',
  evidence: { source: 'test' },
});

const hosts: HostInventory[] = [
  {
    id: 'U-1',
    unit: '办公室',
    scanner: 'test',
    os: { name: 'Ubuntu 22.04.3 LTS', id: 'ubuntu', version: '22.04' },
    software: [
      record('bash', 'Ubuntu Developers', '5.1-6ubuntu1'),
      record('libssl3', 'Ubuntu Developers', '3.0.2-0ubuntu1.12'),
      record('python3-apt', 'Ubuntu Developers', '2.4.0ubuntu2'),
      record('nginx', 'Ubuntu Developers', '1.18.0-6ubuntu14.4'),
      record('wps-office', 'Kingsoft Office Software', '11.1.0.11720'),
      record('acme-notes', 'Acme Ltd.', '4.2.1'),
      record('com.example.reader', 'Example Co.', '5.16.10'),
    ],
  },
  {
    id: 'W-1',
    unit: '办公室',
    scanner: 'test',
    os: { name: 'Microsoft Windows 10 专业版', id: 'windows', version: '10.0.19045' },
    software: [
      record('Realtek High Definition Audio Driver', 'Realtek Semiconductor Corp.', '6.0.9205.1'),
      record('Intel(R) Management Engine Components', 'Intel Corporation', '2040.100.0.1029'),
      record('Security Update for Windows 10 (KB5005565)', 'Microsoft Corporation'),
      record('Microsoft Visual C++ 2015 Redistributable (x64)', 'Microsoft Corporation', '14.0.24215'),
      record('Foo Tool', 'Foo Ltd.'),
    ],
  },
];

let report: ComplianceReport;

beforeAll(async () => {
  const auditor = createAuditor(loadBuiltin('catalog'), { asOf: '2024-06-30' });
  for (const host of hosts) auditor.add(host);
  report = await auditor.finish();
});

describe('parts of the operating system', () => {
  it('lists only third-party titles as unrecognised', () => {
    expect(report.unrecognised.map((u) => u.name)).toEqual(['Foo Tool', 'acme-notes', 'com.example.reader']);
  });

  it('keeps the number of titles grouped as system components', () => {
    expect(report.stats!.systemComponentTitles).toBe(6);
    expect(report.unrecognised.length + report.stats!.systemComponentTitles!).toBe(9);
  });

  it('neither licenses nor judges them: no finding names a system component', () => {
    const products = new Set(report.findings.map((f) => f.subject.product));
    expect(products.has('linux-distribution-package')).toBe(false);
    expect(products.has('windows-system-component')).toBe(false);
    // The table speaks of the mandatory classes only; `system` is not one.
    expect(report.classes).not.toContain('system');
  });
});
