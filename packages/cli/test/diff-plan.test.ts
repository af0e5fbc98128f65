/**
 * `zhengban diff` and the plan: how much of BEFORE's rectification plan AFTER shows carried out.
 * BEFORE plans five items (worked out in the comments); between the phases the office bought the
 * Windows licence of A-1 and removed KMSpico from it, and nothing else.
 */
import { type ComplianceReport, createAuditor, type HostInventory, parsePolicy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { renderDiff } from '../src/diff/render-diff.js';
import { diffReports } from '../src/diff/report-diff.js';

const policy = (extra: string) =>
  parsePolicy(
    `
apiVersion: zhengban/v1
metadata: { name: 两期对比 }
catalog:
  products:
    - { id: ms-windows, name: Windows, category: os, match: { osId: [windows] } }
    - { id: wps, name: WPS, category: office, match: { name: { glob: "WPS*" } } }
    - { id: visio, name: Visio, category: tool, match: { name: { glob: "Visio*" } } }
    - { id: huorong, name: 火绒, category: antivirus, domestic: true, license: freeware, match: { name: 火绒 } }
    - { id: kmspico, name: KMSpico, category: activator, match: { name: { glob: "KMSpico*" } } }
forbidden: { products: [kmspico] }
prices: { ms-windows: 1200 }
settings: { asOf: 2024-06-30 }
entitlements:
  - { id: WPS-1, product: wps, type: volume, seats: 5 }
${extra}
`,
    { filename: 'policy.yaml' },
  );

const program = (name: string) => ({ name, version: '1.0', source: 'test', evidence: { source: 'test' } });
const windows = { name: 'Windows 10', version: '10.0', id: 'windows' };

async function audit(extra: string, fleet: HostInventory[]): Promise<ComplianceReport> {
  const auditor = createAuditor(policy(extra), { plan: true });
  for (const host of fleet) auditor.add(host);
  return auditor.finish();
}

describe('zhengban diff: the plan carried out', () => {
  it('counts the items whose findings are gone, with their seats and cost', async () => {
    const a2: HostInventory = {
      id: 'A-2',
      unit: '办公室',
      scanner: 'test',
      os: windows,
      software: [program('WPS Office'), program('Visio 2016')],
    };
    const before = await audit('', [
      {
        id: 'A-1',
        unit: '办公室',
        scanner: 'test',
        os: windows,
        software: [program('WPS Office'), program('火绒'), program('KMSpico')],
      },
      a2,
    ]);
    // P-0001 remove KMSpico, P-0002 buy Windows (A-1 and A-2, 2 × 1200), P-0003 buy Visio
    // (A-2, no price), P-0004 install 火绒 (A-2, free): 4 items, 5 seats, 2400.
    expect(before.plan!.items.map((i) => `${i.action} ${i.product} ${i.hosts}`)).toEqual([
      'remove kmspico A-1',
      'buy ms-windows A-1,A-2',
      'buy visio A-2',
      'install huorong A-2',
    ]);
    const after = await audit(
      '  - { id: WIN-A1, product: ms-windows, type: oem, seats: 1, scope: { hosts: [A-1] } }',
      [
        {
          id: 'A-1',
          unit: '办公室',
          scanner: 'test',
          os: windows,
          software: [program('WPS Office'), program('火绒')],
        },
        a2,
      ],
    );
    const diff = diffReports(before, after, { before: 'before.json', after: 'after.json' });
    // The removal is done; the Windows purchase half done (A-1 of ): 1 of its 2 seats, 1200.
    expect(diff.plan).toMatchObject({
      items: 4,
      done: 1,
      partlyDone: 1,
      seats: 5,
      seatsDone: 2,
      cost: 2400,
      costDone: 1200,
    });
    expect(diff.plan!.byAction).toEqual([
      { action: 'remove', items: 1, done: 1 },
      { action: 'buy', items: 2, done: 0 },
      { action: 'install', items: 1, done: 0 },
    ]);
    expect(renderDiff(diff, 'console', 'zh-CN')).toContain(
      '整改方案执行情况：完成 1/4 项措施（另有 1 项部分完成），2/5 套，经费 1200/2400\n  办公室：完成 1/4 项，经费 1200/2400',
    );
  });
});
