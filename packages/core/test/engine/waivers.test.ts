/** applyWaivers: the one place waivers apply; rule prefixes, selectors, expiry with an injected clock. */
import { applyWaivers, effectiveStatus, type Finding, type Waiver } from '@zhengban/core';
import { describe, expect, it } from 'vitest';

const finding = (rule: string, unit: string, host?: string, product?: string): Finding => ({
  id: `${rule}/${host ?? unit}`,
  rule,
  status: 'fail',
  severity: 'high',
  subject: { unit, ...(host ? { host } : {}), ...(product ? { product } : {}) },
  message: { zh: 'x', en: 'x' },
  evidence: [],
});

const waiver = (fields: Partial<Waiver> & Pick<Waiver, 'rule'>): Waiver => ({
  id: 'w1',
  justification: '经批准',
  expires: '2024-06-30',
  ...fields,
});

describe('applyWaivers', () => {
  const findings = [
    finding('preferences.domestic.office', '科技局'),
    finding('preferences.domestic.office', '财政局'),
    finding('preferences.domesticity', '科技局'),
    finding('licensing.unlicensed', '科技局', 'PC-1', 'ms-office'),
  ];

  it('matches a rule prefix at a dot and every stated selector; keeps the raw status', () => {
    const { findings: out, expired } = applyWaivers(
      findings,
      [waiver({ rule: 'preferences.domestic', units: ['科技局'] })],
      new Date(2024, 5, 30, 23, 59),
    );
    expect(out.map(effectiveStatus)).toEqual(['waived', 'fail', 'fail', 'fail']);
    expect(out[0]!.status).toBe('fail');
    expect(out[0]!.waiver).toEqual({ id: 'w1', justification: '经批准', expires: '2024-06-30' });
    expect(expired).toEqual([]);
    expect(findings[0]!.waiver).toBeUndefined(); // inputs are not mutated
  });

  it('selects by host and product', () => {
    const w = waiver({
      rule: 'licensing',
      hosts: ['PC-1'],
      products: ['ms-office'],
      ticket: 'T-9',
      approvedBy: '办公室',
    });
    const out = applyWaivers(findings, [w], new Date(2024, 0, 1)).findings;
    expect(out.map(effectiveStatus)).toEqual(['fail', 'fail', 'fail', 'waived']);
    expect(out[3]!.waiver).toEqual({
      id: 'w1',
      justification: '经批准',
      expires: '2024-06-30',
      ticket: 'T-9',
      approvedBy: '办公室',
    });
  });

  it('compares hosts ignoring case, as entitlement scope.hosts does (issue 24)', () => {
    const out = applyWaivers(
      findings,
      [waiver({ rule: 'licensing', hosts: ['pc-1'] })],
      new Date(2024, 0, 1),
    );
    expect(out.findings.map(effectiveStatus)).toEqual(['fail', 'fail', 'fail', 'waived']);
    const other = applyWaivers(
      findings,
      [waiver({ rule: 'licensing', hosts: ['PC-2'] })],
      new Date(2024, 0, 1),
    );
    expect(other.findings.map(effectiveStatus)).toEqual(['fail', 'fail', 'fail', 'fail']);
  });

  it('stops applying the day after expiry and reports the expired waiver once', () => {
    const w = waiver({
      rule: 'preferences.domestic',
      units: ['科技局'],
      location: { file: 'policy.yaml', line: 40 },
    });
    const { findings: out, expired } = applyWaivers(findings, [w], new Date(2024, 6, 1, 0, 1));
    expect(out.map(effectiveStatus)).toEqual(['fail', 'fail', 'fail', 'fail']);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      rule: 'waivers.expired',
      status: 'warn',
      severity: 'low',
      subject: { unit: '科技局' },
      evidence: [{ source: 'policy', file: 'policy.yaml', line: 40, detail: 'waiver w1' }],
      message: {
        zh: '豁免 w1（规则 preferences.domestic）已于 2024-06-30 到期，不再生效；它原本覆盖的 1 项结果不再豁免 (policy.yaml:40)',
        en: 'Waiver w1 (rule preferences.domestic) expired on 2024-06-30 and no longer applies; 1 finding(s) it would cover are no longer waived (policy.yaml:40)',
      },
    });
  });
});
