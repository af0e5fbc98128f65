/**
 * Memory follows hosts and distinct titles, not records: what the auditor keeps per record is only
 * the evidence of catalogued installations and the records of custom-rule tuples that FIRE. Here a
 * fixed fleet (40 hosts × 120 titles, 20 software rules of which one fires on one title) is fed once
 * and then ten times over (each host re-arriving with the same software, as from ten scanners).
 */
import { type CustomRule, createAuditor, type HostInventory } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { buildPolicy, glob, product } from './policy-builder.js';

const HOSTS = 40;
const TITLES = 120;

function rule(id: string, conditions: CustomRule['conditions']): CustomRule {
  return {
    id,
    scope: 'software',
    conditions,
    outcome: { status: 'warn', severity: 'low' },
    message: { zh: id, en: id },
  };
}

// 19 rules that never fire on this fleet (title facts, record facts, guarded mixes), one that does.
const rules: CustomRule[] = [
  ...Array.from({ length: 16 }, (_, k) =>
    rule(`never-${k}`, { all: [{ fact: 'name', operator: 'equal', value: `Absent ${k}` }] }),
  ),
  rule('old-install', {
    all: [
      { fact: 'category', operator: 'equal', value: 'antivirus' },
      { fact: 'installDate', operator: 'dateBefore', value: '2000-01-01' },
    ],
  }),
  rule('public-kms', { all: [{ fact: 'kmsHost', operator: 'equal', value: 'kms.example.net' }] }),
  rule('not-a-tool', { not: { fact: 'recognised', operator: 'in', value: [true, false] } }),
  rule('tool-7', { all: [{ fact: 'name', operator: 'equal', value: 'Tool 7' }] }),
];

const policy = buildPolicy({
  catalog: { products: [product({ id: 'tool-7', category: 'tool', match: [{ name: [glob('Tool 7')] }] })] },
  rules,
  settings: { asOf: '2024-06-30' },
});

function host(index: number, arrival: number): HostInventory {
  return {
    id: `PC${String(index).padStart(3, '0')}`,
    unit: 'A',
    scanner: 'csv',
    software: Array.from({ length: TITLES }, (_, t) => ({
      name: `Tool ${t}`,
      version: `${t % 7}.0`,
      installDate: `2020-01-${String(1 + (t % 28)).padStart(2, '0')}`,
      source: 'csv',
      evidence: { source: 'csv', file: 'inventory.csv', line: arrival * 100_000 + index * TITLES + t + 2 },
    })),
  };
}

async function audit(arrivals: number) {
  const auditor = createAuditor(policy);
  for (let arrival = 0; arrival < arrivals; arrival++)
    for (let i = 0; i < HOSTS; i++) auditor.add(host(i, arrival));
  return auditor.finish();
}

describe('auditor memory for a fixed set of hosts and titles', () => {
  it('keeps the same variants and only the firing records when the records grow tenfold', async () => {
    const once = await audit(1);
    const tenTimes = await audit(10);
    expect(once.stats).toMatchObject({ records: HOSTS * TITLES, hosts: HOSTS, distinctTitles: TITLES });
    expect(tenTimes.stats).toMatchObject({
      records: 10 * HOSTS * TITLES,
      hosts: HOSTS,
      distinctTitles: TITLES,
    });
    // One variant per (title, version) whatever the number of records.
    expect(once.stats?.titleVariants).toBe(TITLES);
    expect(tenTimes.stats?.titleVariants).toBe(TITLES);
    // Records kept for custom rules: only those of the one firing tuple (Tool 7 on each host, each
    // arrival) — not rules × records (20 × 48 000 = 960 000 at ten arrivals).
    expect(once.stats?.customRuleReferences).toBe(HOSTS);
    expect(tenTimes.stats?.customRuleReferences).toBe(10 * HOSTS);
    // Evaluations follow distinct tuples, not records: same count once or ten times.
    expect(tenTimes.stats?.customRuleRuns).toBe(once.stats?.customRuleRuns);
    // And the report says the same things, the firing rule's findings carrying every record.
    const fired = tenTimes.findings.filter((f) => f.rule === 'custom.tool-7');
    expect(fired.map((f) => f.subject.host)).toEqual(
      Array.from({ length: HOSTS }, (_, i) => `PC${String(i).padStart(3, '0')}`),
    );
    expect(fired.every((f) => f.evidence.length === 10)).toBe(true);
    expect(tenTimes.findings.filter((f) => f.rule.startsWith('custom.')).length).toBe(HOSTS);
  });
});
