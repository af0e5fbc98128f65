/**
 * The statistics table's units, worked by hand (docs/semantics.md#units and #unauthorised-count):
 * nested units with subtotals and staff counted once, parent links that cannot be followed, units
 * of the units file that no computer uses, units read from inventories that the file does not list,
 * computers without a unit, and the 未授权安装（套） column counting installations.
 *
 * units.csv (line: unit, staff, parent)
 *   2 市政府 100 市人民政府 (not a row: 市政府 is at the top)
 *   3 市财政局 10 市政府     (states fewer staff than 国库支付中心 under it → warning)
 *   4 国库支付中心 15 市财政局
 *   5 市教育局 30 市政府
 *   6 市档案馆 8            (no computer → warning)
 *   7 自指单位 5 自指单位   (names itself → error, listed at the top)
 *   8 甲 3 乙 / 9 乙 4 甲   (a cycle → error at line 8; both at the top; 乙 has no computer → warning)
 *
 * Computers (inv.csv line = host number + 1): G-01 市政府, G-02 and G-03 市财政局, G-04 国库支付中心,
 * G-05 市教育局, G-06 "市教育局" + U+200B (not in the file), G-07 no unit, G-08 自指单位, G-09 甲.
 */
import {
  type ComplianceReport,
  createAuditor,
  type HostInventory,
  mergeReports,
  type UnitInfo,
} from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPolicy, product, regex } from './policy-builder.js';
import { expectSameThroughBothStores } from './store-oracle.js';

const file = 'units.csv';
const units: UnitInfo[] = [
  { name: '市政府', staff: 100, parent: '市人民政府', location: { file, line: 2 } },
  { name: '市财政局', staff: 10, parent: '市政府', location: { file, line: 3 } },
  { name: '国库支付中心', staff: 15, parent: '市财政局', location: { file, line: 4 } },
  { name: '市教育局', staff: 30, parent: '市政府', location: { file, line: 5 } },
  { name: '市档案馆', staff: 8, location: { file, line: 6 } },
  { name: '自指单位', staff: 5, parent: '自指单位', location: { file, line: 7 } },
  { name: '甲', staff: 3, parent: '乙', location: { file, line: 8 } },
  { name: '乙', staff: 4, parent: '甲', location: { file, line: 9 } },
];

const policy = buildPolicy({
  catalog: {
    products: [
      product({ id: 'kylin', category: 'os', license: 'bundled', match: [{ osId: ['kylin'] }] }),
      product({ id: 'ms-office', category: 'office', match: [{ name: [regex('^Microsoft Office')] }] }),
      product({
        id: 'kmspico',
        category: 'activator',
        license: 'freeware',
        match: [{ name: [regex('kmspico')] }],
      }),
    ],
  },
  requirements: { classes: ['os'], activation: { required: false } },
  forbidden: { products: ['kmspico'], patterns: [{ name: [regex('(?i)kms')], reason: '激活工具' }] },
  waivers: [
    {
      id: 'w-1',
      rule: 'licensing.unlicensed',
      hosts: ['G-03'],
      justification: '采购中',
      expires: '2099-12-31',
    },
  ],
});

function host(n: number, unit: string | undefined, software: string[] = []): HostInventory {
  const id = `G-0${n}`;
  const evidence = { source: 'csv', file: 'inv.csv', line: n + 1 };
  return {
    id,
    ...(unit !== undefined ? { unit } : {}),
    scanner: 'csv',
    os: { name: 'Kylin V10', id: 'kylin', evidence },
    software: software.map((name) => ({ name, version: '1.0', source: 'csv', evidence })),
  };
}

const fleet = (): HostInventory[] => [
  host(1, '市政府'),
  host(2, '市财政局', ['Microsoft Office Standard 2016']),
  host(3, '市财政局', ['Microsoft Office Standard 2016']),
  host(4, '国库支付中心', ['KMSpico 10.2']),
  host(5, '市教育局'),
  host(6, '市教育局\u200b'),
  host(7, undefined),
  host(8, '自指单位'),
  host(9, '甲'),
];

async function audit(hosts: HostInventory[], mergeable = false): Promise<ComplianceReport> {
  const auditor = createAuditor(policy, { units, asOf: '2024-06-30', mergeable });
  for (const h of hosts) auditor.add(h);
  return auditor.finish();
}

let report: ComplianceReport;

beforeAll(async () => {
  report = await audit(fleet());
});

it('gives the same report through the reference store (oracle)', async () => {
  await expectSameThroughBothStores(policy, fleet(), {
    units,
    asOf: '2024-06-30',
    mergeable: true,
    unitBreakdown: true,
  });
});

describe('nested units', () => {
  it('lists each parent followed by its subordinates, with their depth', () => {
    // Roots in file order (市政府, 市档案馆, and the units whose links were dropped), then units
    // seen only on computers, then 未分配.
    expect(report.units.map((u) => [u.unit, u.level ?? 0])).toEqual([
      ['市政府', 0],
      ['市财政局', 1],
      ['国库支付中心', 2],
      ['市教育局', 1],
      ['市档案馆', 0],
      ['自指单位', 0],
      ['甲', 0],
      ['乙', 0],
      ['市教育局\u200b', 0],
      ['未分配', 0],
    ]);
  });

  it('gives parents subtotals over themselves and every unit under them', () => {
    const row = (name: string) => report.units.find((u) => u.unit === name)!;
    // 市财政局: itself (G-02, G-03) + 国库支付中心 (G-04) = 3 computers in 2 units; staff 10 as
    // stated (a unit's staff includes its subordinates'); unauthorised G-02 Office + G-04 KMSpico = 2.
    expect(row('市财政局').subtotal).toMatchObject({ units: 2, computers: 3, staff: 10, unauthorised: 2 });
    expect(row('市财政局').subtotal!.classes.os).toEqual({
      installed: 3,
      genuine: 3,
      domestic: 0,
      missing: 0,
    });
    // 市政府: G-01 + 3 (市财政局's subtotal) + G-05 (市教育局) = 5 computers in 4 units; staff 100.
    expect(row('市政府').subtotal).toMatchObject({ units: 4, computers: 5, staff: 100, unauthorised: 2 });
    expect(row('市政府').subtotal!.rates.genuine.os).toBe(1);
    expect(row('国库支付中心').subtotal).toBeUndefined();
    // The rows themselves stay each unit's own.
    expect(row('市政府').computers).toBe(1);
    expect(row('市财政局').computers).toBe(2);
  });

  it("gives a parent's own row (本级) its stated staff less its subordinates', or nothing when that is unknown", () => {
    const row = (name: string) => report.units.find((u) => u.unit === name)!;
    // 市政府 states 100; directly under it 市财政局 (subtotal 10, its own figure) and 市教育局 30:
    // 本级 100 − 10 − 30 = 60, and 60 + 10 + 30 is the subtotal's 100.
    expect(row('市政府').ownStaff).toBe(60);
    // 市财政局 states 10 but 国库支付中心 under it 15: no 本级 figure (warned below).
    expect(row('市财政局').subtotal!.staff).toBe(10);
    expect(row('市财政局').ownStaff).toBeUndefined();
    // Units without subordinates have no 本级 figure of their own: their row is their staff.
    expect(row('市教育局').ownStaff).toBeUndefined();
  });

  it('leaves 本级 staff unknown when a subordinate states none, and counts it the same after merging', async () => {
    const partial: UnitInfo[] = [
      { name: '县教育局', staff: 100 },
      { name: '一中', staff: 60, parent: '县教育局' },
      { name: '二中', parent: '县教育局' },
    ];
    const run = async (list: UnitInfo[], hosts: HostInventory[]) => {
      const auditor = createAuditor(policy, { units: list, asOf: '2024-06-30', mergeable: true });
      for (const h of hosts) auditor.add(h);
      return auditor.finish();
    };
    const unknown = await run(partial, [host(1, '县教育局')]);
    expect(unknown.units[0]!.ownStaff).toBeUndefined();
    expect(unknown.units[0]!.subtotal!.staff).toBe(100);
    // With 二中's 25 stated: 100 − 60 − 25 = 15, in one audit and in two merged shards alike.
    const stated = partial.map((u) => (u.name === '二中' ? { ...u, staff: 25 } : u));
    expect((await run(stated, [host(1, '县教育局'), host(2, '一中')])).units[0]!.ownStaff).toBe(15);
    const merged = mergeReports(
      await run(stated, [host(1, '县教育局')]),
      await run(stated, [host(2, '一中')]),
    );
    expect(merged.units[0]!.ownStaff).toBe(15);
  });

  it('counts every person and every computer once in the totals', () => {
    // Staff: 市政府 100 covers 市财政局, 国库支付中心 and 市教育局; + 市档案馆 8 + 自指单位 5 + 甲 3 +
    // 乙 4 = 120 (adding every row would give 175). Computers: 9 hosts, 9.
    expect(report.totals.staff).toBe(120);
    expect(report.totals.computers).toBe(9);
  });
});

describe('未授权安装（套）', () => {
  it('counts installations with a non-waived licensing, forbidden or unauthorised failure, each once', () => {
    // G-02 Office: licensing.unlicensed (no ledger line) → 1 in 市财政局. G-03 Office: the same
    // finding, waived → 0. G-04 KMSpico: forbidden.product and forbidden.pattern, one installation
    // → 1 in 国库支付中心. Totals 2.
    const counts = Object.fromEntries(report.units.map((u) => [u.unit, u.unauthorised]));
    expect(counts).toMatchObject({ 市财政局: 1, 国库支付中心: 1, 市政府: 0 });
    expect(report.totals.unauthorised).toBe(2);
    const g04 = report.findings.filter((f) => f.subject.host === 'G-04').map((f) => f.rule);
    expect(g04).toEqual(expect.arrayContaining(['forbidden.product', 'forbidden.pattern']));
  });
});

describe('unit problems, each located', () => {
  const find = (code: string) => report.problems.filter((p) => p.code === code);

  it('refuses a unit that is its own parent and parents in a cycle', () => {
    expect(find('units.self-parent')).toMatchObject([{ severity: 'error', file, line: 7 }]);
    expect(find('units.self-parent')[0]!.message).toContain('自指单位');
    expect(find('units.parent-cycle')).toMatchObject([{ severity: 'error', file, line: 8 }]);
    expect(find('units.parent-cycle')[0]!.message).toContain('"甲" → "乙" → "甲"');
  });

  it('warns when a parent states fewer staff than its subordinates', () => {
    expect(find('units.staff-below-subordinates')).toMatchObject([{ severity: 'warning', file, line: 3 }]);
    expect(find('units.staff-below-subordinates')[0]!.message).toBe(
      'unit "市财政局" states 10 staff (编制人数) but its subordinate units state 15 together; a unit\'s staff includes its subordinate units\', so the totals count 10 and its own row (本级) shows no staff',
    );
  });

  it('names units of the units file that no computer uses', () => {
    // 市档案馆 and 乙; 市人民政府 is no row; 市政府 has G-01.
    expect(
      find('units.no-computers')
        .map((p) => [p.line, p.message])
        .sort(),
    ).toEqual([
      [6, 'unit "市档案馆" of the units file has no computer in any inventory read; it is listed with zeros'],
      [9, 'unit "乙" of the units file has no computer in any inventory read; it is listed with zeros'],
    ]);
  });

  it('names an inventory unit missing from the units file, with the near miss, at its computer', () => {
    const [p] = find('units.not-in-units-file');
    expect(p).toMatchObject({ severity: 'warning', file: 'inv.csv', line: 7, excerpt: '市教育局\u200b' });
    expect(p!.message).toBe(
      'unit "市教育局\\u200b" read from the inventories of 1 computer(s) is not in the units file; the units file has "市教育局", which differs only in spaces, width or invisible characters; it is listed as a unit of its own',
    );
  });

  it('names every computer without a unit, where it was read', () => {
    expect(find('units.host-without-unit')).toMatchObject([
      {
        severity: 'warning',
        file: 'inv.csv',
        line: 8,
        message: 'computer G-07 has no unit in its inventory; it is counted under 未分配',
      },
    ]);
  });
});

describe('merged reports', () => {
  it('nest, subtotal, count staff once and judge the units-file problems as one audit does', async () => {
    // Split so that 市政府's subtree and the units-file problems span both shards.
    const hosts = fleet();
    const a = await audit(
      hosts.filter((_, i) => i % 2 === 0),
      true,
    );
    const b = await audit(
      hosts.filter((_, i) => i % 2 === 1),
      true,
    );
    const whole = await audit(hosts, true);
    const merged = mergeReports(a, b);
    expect(merged.units).toEqual(whole.units);
    expect(merged.totals).toEqual(whole.totals);
    const codes = (r: ComplianceReport) => r.problems.map((p) => [p.code, p.line, p.message]);
    expect(codes(merged)).toEqual(codes(whole));
  });
});
