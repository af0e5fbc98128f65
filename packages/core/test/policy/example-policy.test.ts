/**
 * The public example policy (../shared/policy-example.yaml, copied unchanged into fixtures) loads
 * over a test-double `builtin:cn-gov-baseline` and resolves with every default filled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPolicy, type Policy, parsePolicy } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, testBuiltins } from './policy-test-support.js';

describe('the example policy', () => {
  let policy: Policy;
  beforeAll(() => {
    policy = loadPolicy(EXAMPLE, { resolvers: [testBuiltins] });
  });

  const shared = fileURLToPath(new URL('../../../../../shared/policy-example.yaml', import.meta.url));
  it.skipIf(!existsSync(shared))(
    'is ../shared/policy-example.yaml, unchanged (skipped when ../shared is absent)',
    () => {
      expect(readFileSync(EXAMPLE, 'utf8')).toBe(readFileSync(shared, 'utf8'));
    },
  );

  it('keeps its metadata and lists its sources base first', () => {
    expect(policy.metadata).toEqual({
      name: 'example-city-2013',
      version: '1.0.0',
      description: '市县级党政机关软件正版化 — acceptance check',
      owner: '市软件正版化工作领导小组办公室',
    });
    expect(policy.sources).toEqual(['builtin:cn-gov-baseline', EXAMPLE]);
  });

  it('merges the catalogue with local products first', () => {
    expect(policy.catalog.products.map((product) => product.id)).toEqual([
      'city-oa-client',
      'ms-windows',
      'ms-office',
      'wps-office-pro',
      'huorong-security',
      'kmspico',
      'kmsauto',
      'heu-kms-activator',
    ]);
    expect(policy.catalog.vendors.map((vendor) => vendor.id)).toEqual([
      'microsoft',
      'huorong',
      'kingsoft-office',
    ]);
    // The local kingsoft-office vendor replaces the baseline's, in the baseline's place.
    expect(policy.catalog.vendors[2]!.names).toHaveLength(4);
    expect(policy.catalog.vendors[2]!.location).toMatchObject({ file: EXAMPLE, line: 15, column: 7 });
  });

  it('fills product defaults and normalises patterns', () => {
    const oa = policy.catalog.products[0]!;
    expect(oa).toMatchObject({
      name: '市政府协同办公系统客户端',
      vendor: 'city-it-center',
      category: 'other',
      domestic: true,
      license: 'bundled',
      versionScheme: 'auto',
      location: { file: EXAMPLE, line: 19, column: 7 },
    });
    expect(oa.match).toHaveLength(1);
    expect(oa.match[0]!.name).toEqual([
      {
        kind: 'glob',
        value: '协同办公*',
        caseSensitive: false,
        location: { file: EXAMPLE, line: 26, column: 15, endLine: 26, endColumn: 32 },
      },
    ]);
    const heu = policy.catalog.products.find((product) => product.id === 'heu-kms-activator')!;
    // No `match`: recognised by its name, exactly, ignoring case.
    expect(heu.match[0]!.name).toMatchObject([
      { kind: 'exact', value: 'HEU KMS Activator', caseSensitive: false },
    ]);
    const wps = policy.catalog.products.find((product) => product.id === 'wps-office-pro')!;
    expect(wps.domestic).toBe(true); // from its vendor kingsoft-office
    expect(wps.license).toBe('commercial');
    const windows = policy.catalog.products.find((product) => product.id === 'ms-windows')!;
    expect(windows.editions).toEqual(['Home', 'Professional', 'Enterprise']);
  });

  it('resolves the licence ledger', () => {
    expect(policy.entitlements.map((e) => [e.id, e.product, e.type, e.seats, e.status])).toEqual([
      ['ENT-2013-001', 'wps-office-pro', 'volume', 120, 'active'],
      ['ENT-2013-002', 'ms-windows', 'oem', 1, 'active'],
      ['ENT-2013-003', 'huorong-security', 'freeware', 'unlimited', 'active'],
      ['ENT-2011-004', 'ms-office', 'retail', 10, 'retired'],
    ]);
    const [wps, windows, , office] = policy.entitlements;
    expect(wps).toMatchObject({
      versions: '>=9 <13',
      scope: { units: ['市财政局', '市经信委'] },
      purchased: '2013-05-20',
      validFrom: '2013-06-01',
      evidence: { contract: 'PJ-ZFCG-2013-0415', document: '授权书/WPS-2013.pdf' },
      location: { file: EXAMPLE, line: 29, column: 5 },
    });
    expect(windows!.editions).toEqual(['Professional', 'Enterprise']);
    expect(windows!.scope).toEqual({ hosts: ['CZJ-PC-001'] });
    expect(office!.retired).toEqual({ date: '2013-06-15', reason: '报废' });
  });

  it('canonicalises editions and merges requirements', () => {
    // `deny: [Home, Core, Starter]`: Core is another spelling of Home.
    expect(policy.requirements.classes).toEqual(['os', 'office', 'antivirus']);
    expect(policy.requirements.editions.os).toMatchObject({ deny: ['Home', 'Starter'] });
    expect(policy.requirements.activation).toEqual({
      required: true,
      kmsHosts: ['kms.example.gov.cn', 'kms.pj.gov.cn'],
      classes: ['os', 'office'],
    });
  });

  it('turns severities into outcomes', () => {
    expect(policy.preferences.domestic.map((t) => [t.class, t.target, t.outcome])).toEqual([
      ['office', 0.8, { status: 'warn', severity: 'medium' }],
      ['antivirus', 1, { status: 'warn', severity: 'medium' }],
    ]);
    expect(policy.rules.map((rule) => [rule.id, rule.scope, rule.outcome])).toEqual([
      ['baseline-old-office', 'software', { status: 'fail', severity: 'low' }],
      ['av-too-old', 'software', { status: 'warn', severity: 'medium' }],
    ]);
    const avTooOld = policy.rules[1]!;
    expect(avTooOld.message).toEqual({
      zh: '杀毒软件安装于 2010 年以前，请升级',
      en: '杀毒软件安装于 2010 年以前，请升级',
    });
    expect(avTooOld.conditions).toEqual({
      all: [
        { fact: 'category', operator: 'equal', value: 'antivirus' },
        { fact: 'installDate', operator: 'lessThan', value: '2010-01-01' },
      ],
    });
    expect(policy.rules[0]!.message).toEqual({ zh: '旧版 Office', en: 'Old Office' });
  });

  it('merges forbidden products and patterns', () => {
    expect(policy.forbidden.mode).toBe('report');
    expect(policy.forbidden.products).toEqual(['kmspico', 'kmsauto', 'heu-kms-activator']);
    expect(policy.forbidden.patterns).toHaveLength(1);
    expect(policy.forbidden.patterns[0]).toMatchObject({
      reason: 'cracked software or key generator',
      name: [{ kind: 'regex', value: '(?i)crack|keygen|破解', caseSensitive: true }],
    });
  });

  it('gives the anonymous waiver an id and keeps its dates', () => {
    expect(policy.waivers).toEqual([
      {
        id: 'waiver-1',
        rule: 'preferences.domestic.office',
        units: ['市科技局'],
        justification: '科研数据处理依赖 Excel 宏，经领导小组批准暂缓',
        approvedBy: '市软件正版化工作领导小组办公室',
        expires: '2014-01-01',
        location: { file: EXAMPLE, line: 91, column: 5, endLine: 95, endColumn: 24 },
      },
    ]);
  });

  it('lets the local settings win key by key', () => {
    // The baseline says remediationDays 20 and unrecognised unauthorised; the example overrides both.
    expect(policy.settings).toEqual({ asOf: '2013-07-31', remediationDays: 15, unrecognised: 'report' });
    expect(policy.units).toEqual([]);
  });

  it('loads the same from text with parsePolicy', () => {
    const fromText = parsePolicy(readFileSync(EXAMPLE, 'utf8'), {
      filename: EXAMPLE,
      resolvers: [testBuiltins],
    });
    expect(fromText).toEqual(policy);
  });

  it('is plain JSON-serialisable data', () => {
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });
});
