/**
 * The rectification plan on a hand-worked fleet (test/fixtures/ledger/plan-policy.yaml, asOf
 * 2024-06-30). Allocation takes units in code-point order (卫健委 < 教育局 < 财政局); the plan spends
 * free seats in report order (财政局, 教育局, 卫健委, the policy's units).
 *
 * Licence position after allocation:
 * - W-FIN (Windows Professional, 财政局, 4 seats): F-01, F-03 → 2 free.
 * - W-EDU (Windows Professional, 教育局, 1 seat): J-01 → 0 free.
 * - O-SUB (Office subscription, 卫健委, 2 seats): expired 2024-03-31 → covers nothing.
 * - WPS-ALL (WPS, 2 seats, ¥300): F-01, F-02 → 0 free; F-03's WPS is left without a seat.
 */
import { join } from 'node:path';
import {
  createAuditor,
  type HostInventory,
  ledgerAfterPlan,
  loadPolicy,
  type Policy,
  type RectificationPlan,
} from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../policy/policy-test-support.js';
import { FLEET, HUORONG, host, OFFICE, program, WPS } from './plan-fleet.js';
import { expectSameThroughBothStores } from './store-oracle.js';

const policy = loadPolicy(join(FIXTURES, 'ledger', 'plan-policy.yaml'));

async function audit(p: Policy, fleet: HostInventory[]) {
  const auditor = createAuditor(p, { plan: true });
  for (const h of fleet) auditor.add(h);
  return auditor.finish();
}

it('gives the same report through the reference store (oracle)', async () => {
  await expectSameThroughBothStores(policy, FLEET, { plan: true, details: true });
});

const brief = (plan: RectificationPlan) =>
  plan.items.map((i) =>
    [
      i.id,
      i.unit,
      i.action,
      i.product,
      i.hosts.join('+'),
      i.seats,
      i.entitlement ?? '',
      i.edition ?? '',
      i.unitPrice ?? '',
      i.cost ?? '?',
    ].join(' '),
  );

describe('the rectification plan', () => {
  it('answers each failing finding once, in the order of preference, with costs that add up', async () => {
    const report = await audit(policy, FLEET);
    const plan = report.plan!;
    expect(brief(plan)).toEqual([
      'P-0001 财政局 remove kmspico F-03 1    0', // forbidden → removed
      'P-0002 财政局 upgrade ms-windows F-02 1 W-FIN Professional  0', // Home → Professional on W-FIN's free seat
      'P-0003 财政局 buy wps-office F-03 1   300 300', // no WPS seat anywhere: bought at the ledger's ¥300
      'P-0004 财政局 install huorong F-02 1 HR-FREE   0', // antivirus: the domestic freeware, on its ledger line
      'P-0005 教育局 reassign ms-windows J-02 1 W-FIN   0', // W-FIN's last free seat, kept from 教育局 by its scope
      'P-0006 教育局 buy ms-office J-02 1   2000 2000', // O-SUB is 卫健委's and expired: bought at prices: ¥2000
      'P-0007 教育局 install wps-office J-01 1   300 300', // office has a domestic target: WPS, no free seat: ¥300
      'P-0008 卫健委 renew ms-office W-01+W-02 2 O-SUB  500 1000', // the expired subscription, 2 × ¥500
      'P-0009 卫健委 buy ms-windows W-01+W-02 2   1200 2400', // W-FIN's free seats are spent: 2 × ¥1200
      'P-0010 卫健委 install huorong W-02 1 HR-FREE   0',
    ]);

    // Every failing finding it answers is answered exactly once.
    const answered = plan.items.flatMap((item) => item.findings);
    expect(new Set(answered).size).toBe(answered.length);
    const failing = report.findings.filter(
      (f) =>
        f.status === 'fail' && !f.waiver && /^(licensing\.|forbidden\.|requirements\.missing\.)/.test(f.rule),
    );
    expect([...answered].sort()).toEqual(failing.map((f) => f.id).sort());
    // F-02, J-02, W-01, W-02 Windows; F-03 WPS; J-02, W-01, W-02 Office.
    expect(failing.filter((f) => f.rule.startsWith('licensing.')).length).toBe(8);

    // 300 + 2000 + 300 + 1000 + 2400 = 6000; seats 1+1+1+1+1+1+2+2+1 = 11 (removals are not seats);
    // bought: 1 WPS + 1 Office + 1 WPS installed + 2 renewed + 2 Windows = 7.
    expect(plan.totals).toEqual({
      items: 10,
      seats: 11,
      purchasedSeats: 7,
      cost: 6000,
      unpricedItems: 0,
      // office: 3 WPS in 财政局, J-01's new WPS, 3 MS Office → 4 / 7; antivirus: all 火绒 → 7 / 7.
      domesticRates: {
        office: { domestic: 4, installed: 7, rate: 4 / 7 },
        antivirus: { domestic: 7, installed: 7, rate: 1 },
      },
    });
    expect(plan.units.map((u) => [u.unit, u.items, u.seats, u.cost, u.domesticRates.office?.rate])).toEqual([
      ['财政局', 4, 3, 300, 1], // 3 WPS of 3
      ['教育局', 3, 3, 2300, 0.5], // J-01's new WPS and J-02's MS Office
      ['卫健委', 3, 5, 3400, 0], // 2 MS Office
    ]);
    expect(plan.units.reduce((sum, u) => sum + u.cost, 0)).toBe(plan.totals.cost);
    expect(plan.suggestions).toEqual([
      { entitlement: 'W-FIN', product: 'ms-windows', unit: '教育局', seats: 1 },
    ]);
    expect(plan.currency).toBe('CNY');
  });

  it('is the same when the ledger is the office sheet (title row, Chinese headings, prices)', async () => {
    const sheet = loadPolicy(join(FIXTURES, 'ledger', 'plan-policy-sheet.yaml'));
    expect(sheet.problems).toBeUndefined();
    const fromYaml = await audit(policy, FLEET);
    const fromSheet = await audit(sheet, FLEET);
    expect(fromSheet.entitlements).toEqual(fromYaml.entitlements);
    expect(fromSheet.plan).toEqual(fromYaml.plan);
    expect(fromSheet.plan!.totals.cost).toBe(6000);
  });

  it('carried out, leaves no failing licensing finding', async () => {
    const report = await audit(policy, FLEET);
    const after = await audit(...carriedOut(policy, FLEET, report.plan!, report.asOf));
    expect(after.findings.filter((f) => f.rule.startsWith('licensing.') && f.status === 'fail')).toEqual([]);
  });

  it('property: on random fleets, the plan carried out leaves no failing licensing finding', async () => {
    let seed = 20240630;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    for (let run = 0; run < 25; run++) {
      const fleet: HostInventory[] = [];
      const count = 3 + Math.floor(random() * 12);
      for (let i = 0; i < count; i++) {
        // Office 2016 and 2019 on one computer are two installations, each answered on its own.
        const office2019 = program('Microsoft Office Standard 2019', '16.0.10000');
        const software = [WPS, OFFICE, office2019, HUORONG, program('KMSpico 10')].filter(
          () => random() < 0.5,
        );
        fleet.push(
          host(
            `H-${run}-${i}`,
            pick(['财政局', '教育局', '卫健委']),
            pick(['Home', 'Professional', 'Enterprise']),
            ...software,
          ),
        );
      }
      const report = await audit(policy, fleet);
      const plan = report.plan!;
      const answered = plan.items.flatMap((item) => item.findings);
      expect(new Set(answered).size).toBe(answered.length);
      const after = await audit(...carriedOut(policy, fleet, plan, report.asOf));
      expect(after.findings.filter((f) => f.rule.startsWith('licensing.') && f.status === 'fail')).toEqual(
        [],
      );
    }
  });
});

/** The policy with the ledger after the plan, and the fleet with its upgrades done. */
function carriedOut(
  p: Policy,
  fleet: HostInventory[],
  plan: RectificationPlan,
  asOf: string,
): [Policy, HostInventory[]] {
  const upgrades = new Map<string, string>();
  for (const item of plan.items)
    if (item.action === 'upgrade') for (const h of item.hosts) upgrades.set(h, item.edition!);
  const upgraded = fleet.map((h) =>
    upgrades.has(h.id) ? { ...h, os: { ...h.os!, edition: upgrades.get(h.id)! } } : h,
  );
  return [{ ...p, entitlements: ledgerAfterPlan(p.entitlements, plan, asOf) }, upgraded];
}
