/**
 * report.stats carries how much software the catalogue recognised, system components (parts of
 * other products) left out, so the share recognised / (recognised + unrecognised) can be read from
 * any report, merged ones included.
 */
import { createAuditor, type HostInventory, parsePolicy, recognitionShare } from '@zhengban/core';
import { describe, expect, it } from 'vitest';

const POLICY = `apiVersion: zhengban/v1
metadata: { name: share }
requirements: { classes: [] }
catalog:
  products:
    - { id: win, name: Windows, category: os, match: { name: { regex: "^Windows" } } }
    - { id: notepad, name: Notepad++, category: dev, license: open-source, match: { name: { regex: "^Notepad\\\\+\\\\+" } } }
    - { id: kb, name: Updates, category: other, license: bundled, match: { name: { regex: "KB\\\\d+" } } }
    - { id: winrar, name: WinRAR, category: archiver, match: { name: { regex: "^WinRAR" } } }
`;

const record = (name: string, version?: string) => ({
  name,
  ...(version ? { version } : {}),
  source: 'test',
  evidence: { source: 'test' },
});

describe('recognition share in report.stats', () => {
  it('counts recognised installations and unrecognised titles per computer, without the OS or components', async () => {
    const hosts: HostInventory[] = [
      {
        id: 'PC-1',
        scanner: 'test',
        os: { name: 'Windows 10', version: '10.0.19045' },
        software: [
          record('Notepad++ 8.5', '8.5'),
          record('Notepad++ 8.5', '8.5'), // the same installation twice: one
          record('Update for Windows (KB5001)'),
          record('Update for Windows (KB5002)'),
          record('WinRAR 6.02', '6.02'),
          record('Foo Viewer'),
        ],
      },
      {
        id: 'PC-2',
        scanner: 'test',
        software: [record('Foo Viewer'), record('Bar Tool'), record('WinRAR 6.02', '6.02')],
      },
    ];
    const auditor = createAuditor(parsePolicy(POLICY, { filename: 'share.yaml' }));
    for (const host of hosts) auditor.add(host);
    const report = await auditor.finish();
    // PC-1: notepad, winrar recognised (2); kb components (the two KB records: one product, no
    // version, one installation); Foo Viewer unrecognised. PC-2: winrar (1); Foo Viewer, Bar Tool (2).
    expect(report.stats).toMatchObject({
      softwareRecognised: 3,
      softwareUnrecognised: 3,
      softwareSystemComponents: 1,
    });
    expect(recognitionShare(report.stats)).toBe(0.5);
  });

  it('has no share when no computer carries software', () => {
    expect(recognitionShare({ softwareRecognised: 0, softwareUnrecognised: 0 })).toBeUndefined();
    expect(recognitionShare({})).toBeUndefined();
  });
});
