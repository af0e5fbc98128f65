/**
 * The 明细表 (report.details) of the hand-worked plan fleet (plan-fleet.ts, plan-policy.yaml):
 * one row per computer, mandatory class and installation, with the covering entitlement or the
 * failing findings. The licence position it reads from is worked out in plan.test.ts.
 */
import { join } from 'node:path';
import { createAuditor, type HostClassDetail, loadPolicy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../policy/policy-test-support.js';
import { FLEET } from './plan-fleet.js';

const policy = loadPolicy(join(FIXTURES, 'ledger', 'plan-policy.yaml'));

const line = (row: HostClassDetail) =>
  [
    row.host,
    row.class,
    row.product ?? '-',
    row.software?.version ?? '',
    row.licence,
    row.entitlement ?? '',
    row.findings.join('+'),
  ].join(' ');

describe('the 明细表', () => {
  it('lists each computer by mandatory class, with the covering entitlement or the finding', async () => {
    const auditor = createAuditor(policy, { details: true });
    for (const host of FLEET) auditor.add(host);
    const report = await auditor.finish();
    expect(report.details!.map(line)).toEqual([
      // 财政局 (the policy's unit order), computers by id
      'F-01 os ms-windows 10.0.19045 covered W-FIN ',
      'F-01 office wps-office 11.1.0 covered WPS-ALL ',
      'F-01 antivirus huorong 5.0 free  ',
      'F-02 os ms-windows 10.0.19045 unlicensed  licensing.edition', // Home; W-FIN is Professional only
      'F-02 office wps-office 11.1.0 covered WPS-ALL ',
      'F-02 antivirus -  missing  requirements.missing.antivirus',
      'F-03 os ms-windows 10.0.19045 covered W-FIN ',
      'F-03 office wps-office 11.1.0 unlicensed  licensing.unlicensed', // WPS-ALL's 2 seats: F-01, F-02
      'F-03 antivirus huorong 5.0 free  ', // KMSpico is an activator, not a mandatory class
      // 教育局
      'J-01 os ms-windows 10.0.19045 covered W-EDU ',
      'J-01 office -  missing  requirements.missing.office',
      'J-01 antivirus huorong 5.0 free  ',
      'J-02 os ms-windows 10.0.19045 unlicensed  licensing.unlicensed', // W-EDU's one seat is J-01's
      'J-02 office ms-office 16.0.4266 unlicensed  licensing.unlicensed',
      'J-02 antivirus huorong 5.0 free  ',
      // 卫健委
      'W-01 os ms-windows 10.0.19045 unlicensed  licensing.unlicensed',
      'W-01 office ms-office 16.0.4266 unlicensed  licensing.expired', // only O-SUB's expiry stands in the way
      'W-01 antivirus huorong 5.0 free  ',
      'W-02 os ms-windows 10.0.19045 unlicensed  licensing.unlicensed',
      'W-02 office ms-office 16.0.4266 unlicensed  licensing.expired',
      'W-02 antivirus -  missing  requirements.missing.antivirus',
    ]);
  });

  it('is left out unless asked for', async () => {
    const auditor = createAuditor(policy);
    for (const host of FLEET) auditor.add(host);
    expect((await auditor.finish()).details).toBeUndefined();
  });
});
