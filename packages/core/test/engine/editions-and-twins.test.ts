/**
 * Editions read from names when the policy restricts them, restrictions that can never match, and
 * one OS read twice at different precision — a self-contained policy whose OS product declares no
 * editions, worked by hand (docs/semantics.md#editions and #dedupe).
 *
 * Policy: t-win (os, commercial, no `editions`), E-WIN editions [Professional] 10 seats;
 * requirements.editions.os deny [Home]. t-office declares [Standard]; E-OFF lists [ProPlus] → it can
 * cover nothing (warning). requirements.editions.browser names a class without products (warning).
 *
 * Computers (unit 办公室), OS as read (no EditionID):
 *   H-1 Microsoft Windows 10 专业版 10.0.19045 + Office Standard 2016 → Professional: E-WIN seat 1;
 *       Office Standard: E-OFF is ProPlus only → licensing.edition
 *   H-2 Microsoft Windows 10 家庭中文版 10.0.19045 → Home: requirements.edition and licensing.edition
 *   H-3 Microsoft Windows 10 企业版 10.0.19045 → Enterprise: licensing.edition
 *   H-4 Windows 7 专业版 from reg query `6.1` and a register row `6.1.7601` → one installation
 *       6.1.7601 (both evidence kept): E-WIN seat 2
 *   H-5 Windows 7 专业版 `6.1.7600` (OS) and `6.1.7601` (a row) → they disagree: two installations,
 *       E-WIN seats 3 and 4
 * os: installed 5, genuine 3 (H-1, H-4, H-5); 未授权安装（套） 3 (H-1 Office, H-2, H-3).
 */
import { type ComplianceReport, createAuditor, type HostInventory } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPolicy, entitlement, glob, product, regex } from './policy-builder.js';
import { expectSameThroughBothStores } from './store-oracle.js';

const policy = buildPolicy({
  catalog: {
    products: [
      product({
        id: 't-win',
        category: 'os',
        versionScheme: 'windows',
        match: [{ osId: ['windows'] }, { name: [glob('Microsoft Windows*')] }],
      }),
      product({
        id: 't-office',
        category: 'office',
        editions: ['Standard'],
        versionScheme: 'windows',
        match: [{ name: [regex('^Microsoft Office')] }],
      }),
    ],
  },
  entitlements: [
    entitlement({ id: 'E-WIN', product: 't-win', editions: ['Professional'], seats: 10 }),
    entitlement({
      id: 'E-OFF',
      product: 't-office',
      editions: ['ProPlus'],
      seats: 5,
      location: { file: 'policy.yaml', line: 40, column: 5 },
    }),
  ],
  requirements: {
    classes: ['os'],
    editions: {
      os: { deny: ['Home'] },
      browser: { deny: ['Home'], location: { file: 'policy.yaml', line: 12, column: 5 } },
    },
    activation: { required: false },
  },
});

const evidence = (line: number) => ({ source: 'csv', file: 'inv.csv', line });

function host(id: string, os: string, version: string, software: [string, string][] = []): HostInventory {
  return {
    id,
    unit: '办公室',
    scanner: 'test',
    os: { name: os, id: 'windows', version, evidence: evidence(1) },
    software: software.map(([name, v], i) => ({
      name,
      version: v,
      source: 'csv',
      evidence: evidence(i + 2),
    })),
  };
}

const fleet = (): HostInventory[] => [
  host('H-1', 'Microsoft Windows 10 专业版', '10.0.19045', [
    ['Microsoft Office Standard 2016', '16.0.4266.1001'],
  ]),
  host('H-2', 'Microsoft Windows 10 家庭中文版', '10.0.19045'),
  host('H-3', 'Microsoft Windows 10 企业版', '10.0.19045'),
  host('H-4', 'Microsoft Windows 7 专业版', '6.1', [['Microsoft Windows 7 专业版', '6.1.7601']]),
  host('H-5', 'Microsoft Windows 7 专业版', '6.1.7600', [['Microsoft Windows 7 专业版', '6.1.7601']]),
];

let report: ComplianceReport;

beforeAll(async () => {
  const auditor = createAuditor(policy, { asOf: '2024-06-30' });
  for (const h of fleet()) auditor.add(h);
  report = await auditor.finish();
});

it('gives the same report through the reference store (oracle)', async () => {
  await expectSameThroughBothStores(policy, fleet(), { asOf: '2024-06-30', mergeable: true, details: true });
});

const rules = (host: string) =>
  report.findings
    .filter((f) => f.subject.host === host)
    .map((f) => `${f.rule} ${f.subject.product}`)
    .sort();

describe('editions read from the name when the policy restricts them', () => {
  it('covers 专业版 by an entitlement for Professional although the product lists no editions', () => {
    expect(rules('H-1')).toEqual(['licensing.edition t-office']);
  });

  it('denies 家庭中文版 under deny [Home] and does not cover it', () => {
    expect(rules('H-2')).toEqual(['licensing.edition t-win', 'requirements.edition t-win']);
    const denied = report.findings.find((f) => f.rule === 'requirements.edition')!;
    expect(denied.subject.software?.edition).toBe('Home');
  });

  it('does not cover 企业版 by a Professional entitlement', () => {
    expect(rules('H-3')).toEqual(['licensing.edition t-win']);
  });

  it('counts the table from those editions', () => {
    expect(report.totals.classes.os).toEqual({ installed: 5, genuine: 3, domestic: 0, missing: 0 });
    expect(report.totals.unauthorised).toBe(3);
  });
});

describe('editions not read when nothing restricts them', () => {
  it('leaves a name word alone for a product without editions and a policy without edition rules', async () => {
    const open = buildPolicy({
      catalog: policy.catalog,
      entitlements: [entitlement({ id: 'E-ANY', product: 't-win', seats: 5 })],
      requirements: { classes: ['os'], activation: { required: false } },
    });
    const auditor = createAuditor(open, { asOf: '2024-06-30', mergeable: true });
    auditor.add(host('H-2', 'Microsoft Windows 10 家庭中文版', '10.0.19045'));
    const small = await auditor.finish();
    expect(small.findings).toEqual([]);
    expect(small.mergeBasis!.seats.map((s) => [s.host, s.edition])).toEqual([['H-2', undefined]]);
    expect(small.problems).toEqual([]);
  });
});

describe('restrictions that can never match are located warnings', () => {
  it('names the entitlement whose editions its product never has, and the class without products', () => {
    const warnings = report.problems.filter((p) => p.code === 'policy.edition-unreachable');
    expect(warnings.map((p) => [p.file, p.line, p.severity, p.message]).sort()).toEqual([
      [
        'policy.yaml',
        12,
        'warning',
        'requirements.editions.browser: the catalogue has no product of class browser; the rule judges nothing',
      ],
      [
        'policy.yaml',
        40,
        'warning',
        'entitlement E-OFF lists edition(s) ProPlus that product t-office does not come in (its editions: Standard); it can cover no installation',
      ],
    ]);
  });
});

describe('one computer, one OS read at two precisions', () => {
  const position = () => report.entitlements.find((e) => e.id === 'E-WIN')!;

  it('folds 6.1 into 6.1.7601: one installation, one seat, the precise version, both evidence', () => {
    // Seats: H-1, H-4, and H-5 twice = 4 (without folding H-4 would take 2 and the total be 5).
    expect(position().consumed).toBe(4);
    expect(position().hosts).toEqual(['H-1', 'H-4', 'H-5']);
    expect(report.stats!.installations).toBe(7); // H-1 2, H-2 1, H-3 1, H-4 1, H-5 2
  });

  it('keeps versions that disagree (6.1.7600 and 6.1.7601) as two installations', async () => {
    const auditor = createAuditor(
      {
        ...policy,
        entitlements: [entitlement({ id: 'E-1', product: 't-win', editions: ['Professional'], seats: 1 })],
      },
      { asOf: '2024-06-30' },
    );
    auditor.add(
      host('H-4', 'Microsoft Windows 7 专业版', '6.1', [['Microsoft Windows 7 专业版', '6.1.7601']]),
    );
    auditor.add(
      host('H-5', 'Microsoft Windows 7 专业版', '6.1.7600', [['Microsoft Windows 7 专业版', '6.1.7601']]),
    );
    const small = await auditor.finish();
    // One seat: H-4's one installation takes it; H-5's two installations have none.
    const unlicensed = small.findings.filter((f) => f.rule === 'licensing.unlicensed');
    expect(unlicensed.map((f) => [f.subject.host, f.subject.software?.version]).sort()).toEqual([
      ['H-5', '6.1.7600'],
      ['H-5', '6.1.7601'],
    ]);
  });

  it('words findings about the folded installation with the precise version and every evidence', async () => {
    const auditor = createAuditor({ ...policy, entitlements: [] }, { asOf: '2024-06-30' });
    auditor.add(
      host('H-4', 'Microsoft Windows 7 专业版', '6.1', [['Microsoft Windows 7 专业版', '6.1.7601']]),
    );
    const small = await auditor.finish();
    const [f] = small.findings.filter((x) => x.rule === 'licensing.unlicensed');
    expect(f!.subject.software?.version).toBe('6.1.7601');
    expect(f!.evidence.map((e) => e.line).sort()).toEqual([1, 2]);
  });

  it('folds a chain of precisions into the most precise: 6.1 and 6.1.7601 into 6.1.7601.24214', async () => {
    const auditor = createAuditor({ ...policy, entitlements: [] }, { asOf: '2024-06-30' });
    auditor.add(
      host('H-6', 'Microsoft Windows 7 专业版', '6.1', [
        ['Microsoft Windows 7 专业版', '6.1.7601'],
        ['Microsoft Windows 7 专业版', '6.1.7601.24214'],
      ]),
    );
    const small = await auditor.finish();
    // One installation, so one licensing finding, naming the most precise version with all 3 evidence.
    const unlicensed = small.findings.filter((x) => x.rule === 'licensing.unlicensed');
    expect(unlicensed.map((f) => f.subject.software?.version)).toEqual(['6.1.7601.24214']);
    expect(unlicensed[0]!.evidence.map((e) => e.line).sort()).toEqual([1, 2, 3]);
    expect(small.stats!.installations).toBe(1);
  });
});
