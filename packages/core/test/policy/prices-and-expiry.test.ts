/**
 * Prices (单价, 金额), purchases per class (采购套数 and 金额) and licensing.expiring, on the ledger of
 * test/fixtures/ledger/policy-yaml.yaml over the four computers of ledger-fleet.ts (asOf 2024-06-30).
 * Every number is worked out by hand in the comments.
 */
import { join } from 'node:path';
import { loadPolicy, type Policy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { positionOf } from './ledger-fleet.js';
import { FIXTURES } from './policy-test-support.js';

const ledger = loadPolicy(join(FIXTURES, 'ledger', 'policy-yaml.yaml'));
const withSettings = (settings: Partial<Policy['settings']>): Policy => ({
  ...ledger,
  settings: { ...ledger.settings, ...settings },
});

describe('prices on the licence position', () => {
  it('gives each line its unit price, its amount and the days it has left', async () => {
    const { positions } = await positionOf(ledger);
    const byId = new Map(positions.map((p) => [p.id, p]));
    // SQ-2013-001: 单价 1200 and 金额 3600 as the ledger says (3 × 1200).
    expect(byId.get('SQ-2013-001')).toMatchObject({ unitPrice: 1200, amount: 3600 });
    expect(byId.get('SQ-2013-001')).not.toHaveProperty('daysLeft');
    // SQ-2011-004: no 金额, so 10 seats × 2999.5 = 29995.
    expect(byId.get('SQ-2011-004')).toMatchObject({ unitPrice: 2999.5, amount: 29995 });
    // SQ-2013-002 has no price at all: no amount, never 0.
    expect(byId.get('SQ-2013-002')).not.toHaveProperty('amount');
    // SQ-2024-005 expires 2024-09-30: 31 (July) + 31 (August) + 30 (September) = 92 days after asOf.
    expect(byId.get('SQ-2024-005')).toMatchObject({ daysLeft: 92 });
  });

  it('sums seats and amounts bought per class, in-use paid lines only, unpriced lines apart', async () => {
    const { report } = await positionOf(ledger);
    expect(report.purchases).toEqual([
      // SQ-2013-002: 2 OEM seats, no price.
      { class: 'os', lines: 1, seats: 2, unlimitedLines: 0, amount: 0, unpricedLines: 1 },
      // SQ-2013-001 (3 seats, 3600) and SQ-2024-005 (unlimited, no price); SQ-2011-004 is retired.
      { class: 'office', lines: 2, seats: 3, unlimitedLines: 1, amount: 3600, unpricedLines: 1 },
      // Only the freeware 火绒 (SQ-2013-003): nothing bought.
      { class: 'antivirus', lines: 0, seats: 0, unlimitedLines: 0, amount: 0, unpricedLines: 0 },
    ]);
  });
});

describe('licensing.expiring', () => {
  const expiring = async (policy: Policy) =>
    (await positionOf(policy)).report.findings.filter((f) => f.rule === 'licensing.expiring');

  it('is not raised 92 days ahead with the default window of 90 days', async () => {
    expect(await expiring(ledger)).toEqual([]);
    expect(await expiring(withSettings({ expiryWarningDays: 91 }))).toEqual([]);
  });

  it('warns once per entitlement inside the window, naming the installations it covers', async () => {
    const [finding, ...rest] = await expiring(withSettings({ expiryWarningDays: 92 }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'licensing.expiring',
      status: 'warn',
      severity: 'medium',
      subject: { product: 'ms-office', entitlement: 'SQ-2024-005' },
      message: {
        zh: '许可 SQ-2024-005（ms-office）将于 2024-09-30 到期，剩余 92 天；覆盖 1 项安装：PC-003',
        en: 'Entitlement SQ-2024-005 (ms-office) expires on 2024-09-30, in 92 days; it covers 1 installation: PC-003',
      },
    });
    expect(finding!.deadline).toBeUndefined();
    expect(finding!.trace?.at(-1)?.detail).toBe('covers: PC-003');
  });

  it('says nothing of an entitlement that has already expired', async () => {
    // On 2024-10-01 SQ-2024-005 expired the day before: PC-003's Office is licensing.expired instead.
    const { report } = await positionOf(withSettings({ asOf: '2024-10-01', expiryWarningDays: 365 }));
    expect(report.findings.filter((f) => f.rule === 'licensing.expiring')).toEqual([]);
    expect(report.entitlements.find((p) => p.id === 'SQ-2024-005')).toMatchObject({
      status: 'expired',
      daysLeft: -1,
    });
    expect(
      report.findings.find((f) => f.subject.host === 'PC-003' && f.rule === 'licensing.expired'),
    ).toBeDefined();
  });
});
