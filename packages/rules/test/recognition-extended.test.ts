/**
 * The breadth files of the catalogue (design, documents, science, development, tools,
 * communication, workplace): every product is recognised with and without a publisher, its
 * look-alikes go where they belong, and — the point of cataloguing them — each title alone on a
 * computer under the baseline policy with no ledger draws a licensing finding exactly when its
 * licence model needs an entitlement in an agency.
 */
import { createAuditor, createRecogniser, type HostInventory, type Policy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { loadBuiltin } from './builtin-policy.js';
import { EXTENDED_CASES } from './recognition-cases-extended.js';

const BREADTH_FILES = [
  'catalog/design',
  'catalog/documents',
  'catalog/science',
  'catalog/development',
  'catalog/tools',
  'catalog/communication',
  'catalog/workplace',
];

const catalog = loadBuiltin('catalog');
const baseline = loadBuiltin('cn-gov-baseline');
const recogniser = createRecogniser(catalog);
const byId = new Map(catalog.catalog.products.map((product) => [product.id, product]));

describe('breadth of the built-in catalogue', () => {
  it('holds at least 300 products', () => {
    expect(catalog.catalog.products.length).toBeGreaterThanOrEqual(300);
  });

  it.each(EXTENDED_CASES)('%s (publisher %s) → %s', (name, publisher, expected) => {
    const found = recogniser.recognise({ name, ...(publisher ? { publisher } : {}) });
    expect(found?.product.id ?? null).toBe(expected);
  });

  it('has a case with a publisher and one without for every product of the breadth files', () => {
    for (const file of BREADTH_FILES) {
      for (const product of loadBuiltin(file).catalog.products) {
        const rows = EXTENDED_CASES.filter(([, , expected]) => expected === product.id);
        expect(
          rows.some(([, publisher]) => publisher !== undefined),
          `${product.id}: with publisher`,
        ).toBe(true);
        expect(
          rows.some(([, publisher]) => publisher === undefined),
          `${product.id}: without publisher`,
        ).toBe(true);
      }
    }
  });
});

/** Licensing findings of one computer carrying one title, under `policy`, with no ledger. */
async function licensingRules(policy: Policy, name: string, version?: string): Promise<string[]> {
  const auditor = createAuditor(policy);
  const host: HostInventory = {
    id: 'PC-1',
    unit: '办公室',
    scanner: 'test',
    software: [{ name, ...(version ? { version } : {}), source: 'test', evidence: { source: 'test' } }],
  };
  auditor.add(host);
  const report = await auditor.finish();
  return report.findings.filter((finding) => finding.rule.startsWith('licensing.')).map((f) => f.rule);
}

const NEEDS_LICENCE = new Set(['commercial', 'personal-use', 'unreviewed']);

describe('each title alone on a computer, baseline policy, no ledger', () => {
  // One spelling per product of the breadth files (its first), so every product is judged once.
  const breadthIds = new Set(
    BREADTH_FILES.flatMap((file) => loadBuiltin(file).catalog.products.map((p) => p.id)),
  );
  const firstRows = EXTENDED_CASES.filter(
    ([, , expected], index) =>
      expected !== null &&
      breadthIds.has(expected) &&
      EXTENDED_CASES.findIndex((row) => row[2] === expected) === index,
  );

  it('judges every product of the breadth files', () => {
    expect(firstRows).toHaveLength(breadthIds.size);
  });

  it('draws a licensing finding for every commercial or personal-use title and none for a free one', async () => {
    const wrong: string[] = [];
    for (const [name, , expected] of firstRows) {
      const product = byId.get(expected!)!;
      const rules = await licensingRules(baseline, name);
      const wanted = NEEDS_LICENCE.has(product.license) ? ['licensing.unlicensed'] : [];
      if (JSON.stringify(rules) !== JSON.stringify(wanted))
        wrong.push(`${name} (${expected}, ${product.license}): ${rules.join(', ') || 'none'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('judges Oracle Java by its version: free up to 8u202 and under NFTC, a licence after', async () => {
    const cases: [name: string, version: string | undefined, findings: string[]][] = [
      ['Java 8 Update 202 (64-bit)', '8.0.2020.8', []],
      ['Java 8 Update 211 (64-bit)', '8.0.2110.12', ['licensing.unlicensed']],
      ['Java(TM) 6 Update 31', '6.0.310', []],
      ['Java SE Development Kit 8 Update 202 (64-bit)', '8.0.2020.8', []],
      ['Java SE Development Kit 11.0.12 (64-bit)', '11.0.12.0', ['licensing.unlicensed']],
      ['Java(TM) SE Development Kit 17.0.2 (64-bit)', '17.0.2.0', []],
      ['Java(TM) SE Development Kit 17.0.13 (64-bit)', '17.0.13.0', ['licensing.unlicensed']],
      ['Java 8 Update 341', undefined, ['licensing.unlicensed']],
    ];
    for (const [name, version, findings] of cases) {
      expect(await licensingRules(baseline, name, version), `${name} ${version ?? ''}`).toEqual(findings);
    }
  });

  it('judges Typora 0.x (free beta) and 1.x (paid) apart', async () => {
    expect(await licensingRules(baseline, 'Typora 0.11.18', '0.11.18')).toEqual([]);
    expect(await licensingRules(baseline, 'Typora 1.5.8', '1.5.8')).toEqual(['licensing.unlicensed']);
  });
});
