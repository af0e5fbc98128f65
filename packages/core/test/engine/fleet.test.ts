/**
 * The acceptance test of the engine: the hand-built fleet of fleet.ts (21 computers, 3 units with
 * computers, 1 without). Every number below was worked out by hand; the working is in the comments.
 *
 * Allocation order: installations by unit (卫健委 < 教育局 < 财政局 by code point), then host.
 * Entitlements: host-scoped, then unit-scoped, then unscoped; earliest expiry first, then id.
 */
import { type ComplianceReport, createAuditor, effectiveStatus, explain } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, hosts, policy, units } from './fleet.js';

let report: ComplianceReport;

beforeAll(async () => {
  const auditor = createAuditor(policy, { units });
  for (const host of hosts) auditor.add(host);
  report = await auditor.finish();
});

describe('statistics table (rates)', () => {
  // 卫健委 W-01..W-06
  //  os:   6 installed (4 Kylin bundled, W-04/W-05 Windows on E-WIN-ALL) → 6 genuine; domestic 4 (Kylin)
  //  office: W-05 has none → installed 5, missing 1; genuine W-01/02/06 (E-WPS-SITE) + W-04 (E-OFF-19) = 4
  //          (W-03 WPS 11.1 is below the site licence's >=12); domestic 4 (WPS on W-01/02/03/06)
  //  antivirus: 6 installed; W-04 Symantec on E-SEP, others 火绒 (freeware) → 6 genuine; domestic 5
  //  overall = (6+4+6)/(6+5+6) = 16/17
  // 教育局 J-01..J-07
  //  os: 7 installed; J-04 Windows 7 is outside every range (licensing.version) → genuine 6; domestic 3
  //  office: 7 installed; J-05's version is unreadable (versions.unparseable) → genuine 6; domestic 5
  //  antivirus: J-07 none → installed 6, missing 1; J-03 Symantec finds E-SEP full → genuine 5; domestic 4
  //  overall = (6+6+5)/(7+7+6) = 17/20
  // 财政局 F-01..F-08
  //  os: 8 installed; not genuine: F-04 (rogue KMS), F-05 (no seat), F-06 (Home), F-08 (no seat,
  //      not activated) → genuine 4; domestic 1 (F-07 Kylin)
  //  office: 8 installed; not genuine: F-06 and F-07 (E-WPS full), F-08 (only an expired licence) → 5;
  //          domestic 7
  //  antivirus: F-05 none → installed 7, missing 1, genuine 7, domestic 7
  //  overall = (4+5+7)/(8+8+7) = 16/23
  // 未授权安装（套）: installations with a non-waived failing licensing.*, forbidden.* or unauthorised
  // finding, each installation once.
  //  财政局 7: F-05 Windows (no seat), F-06 Windows Home (licensing.edition), F-06 WPS and F-07 WPS
  //        (E-WPS full), F-08 Windows (no seat), F-08 Office 2016 (expired), F-08 KMSpico (forbidden)
  //  教育局 2: J-04 Windows 7 (licensing.version), J-04 Photoshop 破解版 (forbidden.pattern); J-03's
  //        Symantec and WinRAR findings are waived, so they do not count
  //  卫健委 1: W-03 WPS 11.1 (licensing.version)
  const table = [
    {
      unit: '财政局',
      staff: 30,
      computers: 8,
      os: [8, 4, 1, 0],
      office: [8, 5, 7, 0],
      antivirus: [7, 7, 7, 1],
      overall: 16 / 23,
      unauthorised: 7,
    },
    {
      unit: '教育局',
      staff: 20,
      computers: 7,
      os: [7, 6, 3, 0],
      office: [7, 6, 5, 0],
      antivirus: [6, 5, 4, 1],
      overall: 17 / 20,
      unauthorised: 2,
    },
    {
      unit: '卫健委',
      staff: 25,
      computers: 6,
      os: [6, 6, 4, 0],
      office: [5, 4, 4, 1],
      antivirus: [6, 6, 5, 0],
      overall: 16 / 17,
      unauthorised: 1,
    },
    {
      unit: '科技局',
      staff: 10,
      computers: 0,
      os: [0, 0, 0, 0],
      office: [0, 0, 0, 0],
      antivirus: [0, 0, 0, 0],
      overall: null,
      unauthorised: 0,
    },
  ];

  it('lists units in units-file order, including the one with no computers', () => {
    expect(report.units.map((u) => u.unit)).toEqual(['财政局', '教育局', '卫健委', '科技局']);
    expect(report.classes).toEqual(['os', 'office', 'antivirus']);
  });

  it.each(table)('$unit: counts, rates and unauthorised', (row) => {
    const u = report.units.find((x) => x.unit === row.unit)!;
    expect(u.staff).toBe(row.staff);
    expect(u.computers).toBe(row.computers);
    for (const cls of ['os', 'office', 'antivirus'] as const) {
      const [installed, genuine, domestic, missing] = row[cls];
      expect(u.classes[cls], `${row.unit} ${cls}`).toEqual({ installed, genuine, domestic, missing });
      expect(u.rates.genuine[cls]).toBe(installed ? genuine! / installed : null);
      expect(u.rates.domestic[cls]).toBe(installed ? domestic! / installed : null);
    }
    expect(u.rates.genuine.overall).toBe(row.overall);
    expect(u.unauthorised).toBe(row.unauthorised);
  });

  it('totals are sums of counts, never averages of rates', () => {
    // os 21/16/8/0, office 20/15/16/1, antivirus 19/18/16/2; overall (16+15+18)/(21+20+19) = 49/60
    expect(report.totals.computers).toBe(21);
    expect(report.totals.staff).toBe(85);
    expect(report.totals.classes).toEqual({
      os: { installed: 21, genuine: 16, domestic: 8, missing: 0 },
      office: { installed: 20, genuine: 15, domestic: 16, missing: 1 },
      antivirus: { installed: 19, genuine: 18, domestic: 16, missing: 2 },
    });
    expect(report.totals.rates.genuine).toEqual({
      os: 16 / 21,
      office: 15 / 20,
      antivirus: 18 / 19,
      overall: 49 / 60,
    });
    expect(report.totals.rates.domestic).toEqual({ os: 8 / 21, office: 16 / 20, antivirus: 16 / 19 });
    // 7 + 2 + 1 + 0
    expect(report.totals.unauthorised).toBe(10);
  });
});

describe('licence position', () => {
  // E-OEM-1   F-01 only (host-bound OEM beats the unit licence)                       1/1
  // E-WIN-A   F-02, F-03, F-04; F-05 and F-08 find it full → shortfall 2              3/3
  // E-WIN-ALL W-04, W-05, J-01, J-02, J-03 (J-04 Win 7 is out of range)               5/5
  // E-OFF-OLD expired 2023-12-31: nothing; E-OFF-RET retired: nothing
  // E-OFF-19  W-04, J-03 (F-08 Standard 2016 is out of version and edition)           2/2
  // E-WPS     J-01, J-02, J-04, J-06, J-07, F-01..F-05; F-06, F-07 find it full        10/10, shortfall 2
  // E-WPS-SITE site licence in 卫健委, >=12: W-01, W-02, W-06 (W-03 is 11.1)           3, unlimited
  // E-SEP     W-04, J-02; J-03 finds it full (E-SEP-FUT not valid until 2024-09-01)   2/2, shortfall 1
  const expected = [
    ['E-OEM-1', 1, 1, 0, 0, 'active', ['F-01']],
    ['E-OFF-19', 2, 2, 0, 0, 'active', ['J-03', 'W-04']],
    ['E-OFF-OLD', 5, 0, 5, 0, 'expired', []],
    ['E-OFF-RET', 10, 0, 10, 0, 'retired', []],
    ['E-SEP', 2, 2, 0, 1, 'active', ['J-02', 'W-04']],
    ['E-SEP-FUT', 5, 0, 5, 0, 'not-yet-valid', []],
    ['E-WIN-A', 3, 3, 0, 2, 'active', ['F-02', 'F-03', 'F-04']],
    ['E-WIN-ALL', 5, 5, 0, 0, 'active', ['J-01', 'J-02', 'J-03', 'W-04', 'W-05']],
    [
      'E-WPS',
      10,
      10,
      0,
      2,
      'active',
      ['F-01', 'F-02', 'F-03', 'F-04', 'F-05', 'J-01', 'J-02', 'J-04', 'J-06', 'J-07'],
    ],
    ['E-WPS-SITE', 'unlimited', 3, null, 0, 'active', ['W-01', 'W-02', 'W-06']],
  ] as const;

  it.each(expected)(
    '%s: seats %s, consumed %s, surplus %s, shortfall %s, %s',
    (id, seats, consumed, surplus, shortfall, status, hostList) => {
      const p = report.entitlements.find((e) => e.id === id)!;
      expect({
        seats: p.seats,
        consumed: p.consumed,
        surplus: p.surplus,
        shortfall: p.shortfall,
        status: p.status,
        hosts: p.hosts,
      }).toEqual({
        seats,
        consumed,
        surplus,
        shortfall,
        status,
        hosts: [...hostList],
      });
    },
  );

  it('sorts entitlements by id', () => {
    expect(report.entitlements.map((e) => e.id)).toEqual(expected.map((e) => e[0]));
  });
});

describe('findings', () => {
  // [unit, host, rule, product, status, waived]; sorted by unit (units-file order, unit-less last),
  // host ('' for unit findings), rule, product; expired-waiver warnings after everything else.
  const expected: Array<[string | undefined, string, string, string, string, boolean]> = [
    ['财政局', '', 'custom.low-os-genuine', '', 'fail', false], // os 4/8 = 0.5 ≤ 0.5
    ['财政局', 'F-04', 'requirements.activation', 'ms-windows', 'fail', false], // KMS kms.evil.example (waiver-2 expired)
    ['财政局', 'F-05', 'licensing.unlicensed', 'ms-windows', 'fail', false], // E-WIN-A, E-WIN-ALL full
    ['财政局', 'F-05', 'requirements.missing.antivirus', '', 'fail', false],
    ['财政局', 'F-06', 'licensing.edition', 'ms-windows', 'fail', false], // Home: every entitlement lacks the edition
    ['财政局', 'F-06', 'licensing.unlicensed', 'wps-office', 'fail', false], // E-WPS full
    ['财政局', 'F-06', 'requirements.edition', 'ms-windows', 'fail', false], // deny Home
    ['财政局', 'F-07', 'licensing.unlicensed', 'wps-office', 'fail', false], // E-WPS full
    ['财政局', 'F-08', 'forbidden.product', 'kmspico', 'fail', false],
    ['财政局', 'F-08', 'licensing.expired', 'ms-office', 'fail', false], // only E-OFF-OLD (expired) would cover it
    ['财政局', 'F-08', 'licensing.unlicensed', 'ms-windows', 'fail', false],
    ['财政局', 'F-08', 'requirements.activation', 'ms-windows', 'fail', false], // status notification
    ['教育局', '', 'preferences.domestic.antivirus', '', 'warn', false], // 4/6 < 100%
    ['教育局', '', 'preferences.domestic.office', '', 'warn', false], // 5/7 < 80%
    ['教育局', 'J-02', 'custom.av-too-old', 'symantec', 'warn', false], // 12.1 < 14
    ['教育局', 'J-03', 'licensing.unlicensed', 'symantec', 'fail', true], // waiver-1
    ['教育局', 'J-03', 'licensing.unlicensed', 'winrar', 'fail', true], // waiver-1
    ['教育局', 'J-04', 'forbidden.pattern', '', 'fail', false], // 破解版
    ['教育局', 'J-04', 'licensing.version', 'ms-windows', 'fail', false], // 6.1 below >=10
    ['教育局', 'J-05', 'versions.unparseable', 'ms-office', 'error', false], // "16.0 (build 10827)"
    ['教育局', 'J-07', 'requirements.missing.antivirus', '', 'fail', false],
    ['卫健委', '', 'preferences.domestic.antivirus', '', 'warn', false], // 5/6 < 100%; office 4/5 = 80% passes
    ['卫健委', 'W-03', 'licensing.version', 'wps-office', 'fail', false], // 11.1 below the site licence's >=12
    ['卫健委', 'W-05', 'requirements.missing.office', '', 'fail', false],
    ['卫健委', 'W-06', 'custom.too-much-software', '', 'warn', false], // 4 titles > 3
    [undefined, '', 'custom.fleet-unauthorised', '', 'warn', false], // 2 unauthorised installations
    ['财政局', '', 'waivers.expired', '', 'warn', false], // last of all (its count spans every finding): waiver-2 (units: 财政局) expired 2024-05-31
  ];

  it('are exactly the hand-worked list, in report order', () => {
    const actual = report.findings.map((f) => [
      f.subject.unit,
      f.subject.host ?? '',
      f.rule,
      f.subject.product ?? '',
      f.status,
      effectiveStatus(f) === 'waived',
    ]);
    expect(actual).toEqual(expected);
  });

  it('give failures a deadline of asOf + remediationDays and nothing else one', () => {
    for (const f of report.findings) expect(f.deadline).toBe(f.status === 'fail' ? '2024-07-15' : undefined);
    expect(report.asOf).toBe(AS_OF);
  });

  it('name the host and the reason in both languages', () => {
    const f05 = report.findings.find((f) => f.subject.host === 'F-05' && f.rule === 'licensing.unlicensed')!;
    expect(f05.message.zh).toBe(
      'F-05 上的 Microsoft Windows 10 专业版 10.0.19045 没有有效许可（E-OEM-1：不在授权范围内；E-WIN-A：席位已用尽（共 3 个）；E-WIN-ALL：席位已用尽（共 5 个））',
    );
    expect(f05.message.en).toBe(
      'Microsoft Windows 10 专业版 10.0.19045 on F-05 is not covered by any entitlement (E-OEM-1: out of its scope; E-WIN-A: no free seat (3 seats); E-WIN-ALL: no free seat (5 seats))',
    );
    const kms = report.findings.find(
      (f) => f.subject.host === 'F-04' && f.rule === 'requirements.activation',
    )!;
    expect(kms.message.zh).toContain('通过非本单位 KMS 主机 kms.evil.example 激活');
    expect(kms.message.en).toContain('activated against KMS host kms.evil.example, which is not one of ours');
    const unreadable = report.findings.find((f) => f.rule === 'versions.unparseable')!;
    expect(unreadable.message.en).toBe(
      'Microsoft Office Professional Plus 2019 on J-05: version "16.0 (build 10827)" cannot be read, so the entitlement\'s version range cannot be judged: version "16.0 (build 10827)" cannot be read (windows scheme): the version contains a space',
    );
    // In Chinese the reader gets Chinese words only, not the parser's English reason.
    expect(unreadable.message.zh).toBe(
      'J-05 上的 Microsoft Office Professional Plus 2019 版本号“16.0 (build 10827)”无法按 Windows 版本号规则（a.b.c.d）读取，无法判断是否在许可的版本范围内',
    );
    const expired = report.findings.find((f) => f.rule === 'waivers.expired')!;
    expect(expired.message.en).toBe(
      'Waiver waiver-2 (rule requirements.activation) expired on 2024-05-31 and no longer applies; 2 finding(s) it would cover are no longer waived',
    );
  });

  it('keep evidence pointing at the input line, and explain themselves', () => {
    const forbidden = report.findings.find((f) => f.rule === 'forbidden.product')!;
    expect(forbidden.evidence).toHaveLength(1);
    expect(forbidden.evidence[0]).toMatchObject({ source: 'csv', file: 'fleet.csv' });
    const waived = report.findings.find((f) => f.subject.host === 'J-03' && f.subject.product === 'winrar')!;
    expect(waived.waiver).toEqual({ id: 'waiver-1', justification: '采购流程中', expires: '2024-12-31' });
    const lines = explain(waived, 'en');
    expect(lines[0]).toMatch(/^Evidence: csv fleet\.csv:\d+$/);
    expect(lines[1]).toBe('Recognised: "WinRAR 6.00 (64-bit)" 6.00.0 → winrar (name glob "WinRAR*")');
    expect(
      lines.some((l) => l.startsWith('Rule: licensing.unlicensed — WinRAR 6.00 (64-bit) 6.00.0 on J-03')),
    ).toBe(true);
    expect(lines.at(-1)).toBe('Waiver: waiver-1 (until 2024-12-31): 采购流程中');
    expect(explain(waived)[lines.length - 1]).toBe('豁免：waiver-1 (until 2024-12-31): 采购流程中');
  });

  it('have stable, unique ids', () => {
    const ids = report.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('unrecognised software and counters', () => {
  it('lists unrecognised titles with versions, host counts and samples', () => {
    expect(report.unrecognised).toEqual([
      {
        name: 'Adobe Photoshop CS6 破解版',
        publisher: 'Adobe Systems',
        versions: ['13.0'],
        hosts: 1,
        sampleHosts: ['J-04'],
      },
      { name: 'Foo Viewer', publisher: 'Foo Ltd', versions: ['1.0'], hosts: 1, sampleHosts: ['W-06'] },
    ]);
  });

  it('counts activation evidence judged and skipped', () => {
    // judged: the 13 Windows hosts (all carry a licence status); skipped: 8 Kylin hosts and the
    // 20 office installations, none of which carries activation evidence.
    expect(report.stats?.activationJudged).toBe(13);
    expect(report.stats?.activationSkipped).toBe(28);
    expect(report.stats?.hosts).toBe(21);
  });
});
