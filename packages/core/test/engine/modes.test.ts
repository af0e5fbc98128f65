/**
 * Allowlist mode, settings.unrecognised, custom rules that cannot be judged, rule scopes, the
 * `未分配` unit, and audit() driving a scanner.
 */
import { readFileSync } from 'node:fs';
import {
  audit,
  builtinRules,
  CORE_VERSION,
  createAuditor,
  defineScanner,
  effectiveStatus,
  type Policy,
  PolicyError,
  UNASSIGNED_UNIT,
} from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { hosts, policy, units } from './fleet.js';
import { buildPolicy, glob, product } from './policy-builder.js';

describe('allowlist mode on the fleet', () => {
  it('makes unrecognised and never-entitled software unauthorised', async () => {
    const auditor = createAuditor(
      { ...policy, forbidden: { ...policy.forbidden, mode: 'allowlist' } },
      { units },
    );
    for (const h of hosts) auditor.add(h);
    const report = await auditor.finish();
    // Installations, each once (docs/semantics.md#unauthorised-count). 教育局: J-04 Photoshop 破解版
    // (forbidden.pattern and unrecognised: one installation) + J-03 WinRAR (catalogued, no ledger line
    // at all; waiver-1 waives licensing.unlicensed only) + J-04 Windows 7 (licensing.version) = 3;
    // 卫健委: W-06 Foo Viewer + W-03 WPS 11.1 (licensing.version) = 2; 财政局: the 7 of fleet.test.ts
    // (F-08 KMSpico and six licensing failures). Total 12.
    expect(report.units.map((u) => [u.unit, u.unauthorised])).toEqual([
      ['财政局', 7],
      ['教育局', 3],
      ['卫健委', 2],
      ['科技局', 0],
    ]);
    expect(report.totals.unauthorised).toBe(12);
    const unauthorised = report.findings.filter((f) => f.rule === 'unauthorised');
    expect(
      unauthorised.map((f) => [
        f.subject.host,
        f.subject.software?.name,
        f.subject.product,
        effectiveStatus(f),
      ]),
    ).toEqual([
      ['J-03', 'WinRAR 6.00 (64-bit)', 'winrar', 'fail'],
      ['J-04', 'Adobe Photoshop CS6 破解版', undefined, 'fail'],
      ['W-06', 'Foo Viewer', undefined, 'fail'],
    ]);
    expect(unauthorised[2]!.message.zh).toBe('W-06 上的软件“Foo Viewer”未列入软件目录，视为未经授权');
    // Symantec on J-03 has entitlements (all full): still licensing.unlicensed, waived.
    expect(
      report.findings
        .filter((f) => f.rule === 'licensing.unlicensed')
        .map((f) => [f.subject.host, effectiveStatus(f)]),
    ).toEqual([
      ['F-05', 'fail'],
      ['F-06', 'fail'],
      ['F-07', 'fail'],
      ['F-08', 'fail'],
      ['J-03', 'waived'],
    ]);
  });

  it('settings.unrecognised: ignore leaves the unrecognised list empty', async () => {
    const auditor = createAuditor(
      { ...policy, settings: { ...policy.settings, unrecognised: 'ignore' } },
      { units },
    );
    for (const h of hosts) auditor.add(h);
    const report = await auditor.finish();
    expect(report.unrecognised).toEqual([]);
    expect(report.findings.some((f) => f.rule === 'unauthorised')).toBe(false);
  });
});

const small = (rules: Policy['rules']) =>
  buildPolicy({
    catalog: {
      products: [
        product({ id: 'av', category: 'antivirus', license: 'freeware', match: [{ name: [glob('AV*')] }] }),
      ],
    },
    requirements: { classes: ['antivirus'] },
    rules,
    settings: { asOf: '2024-06-30' },
  });

const rec = (name: string, version?: string) => ({
  name,
  ...(version ? { version } : {}),
  source: 'csv',
  evidence: { source: 'csv', file: 'a.csv', line: 2 },
});

describe('custom rules', () => {
  const tooOld = {
    id: 'av-old',
    scope: 'software' as const,
    outcome: { status: 'fail' as const, severity: 'high' as const },
    conditions: {
      all: [
        { fact: 'category', operator: 'equal', value: 'antivirus' },
        { fact: 'version', operator: 'versionInRange', value: '<5' },
      ],
    },
    message: { zh: '杀毒软件过旧', en: 'Antivirus too old' },
  };

  it('report an error when an unreadable version decides the result, and stay silent when it does not', async () => {
    const auditor = createAuditor(small([tooOld]));
    auditor.add({
      id: 'PC1',
      unit: 'A',
      scanner: 'csv',
      software: [rec('AV Pro', 'abc'), rec('Tool', 'abc')],
    });
    auditor.add({ id: 'PC2', unit: 'A', scanner: 'csv', software: [rec('AV Pro', '4.2')] });
    auditor.add({ id: 'PC3', unit: 'A', scanner: 'csv', software: [rec('AV Pro', '6.0')] });
    auditor.add({ id: 'PC4', unit: 'A', scanner: 'csv', software: [rec('AV Pro', '4.2')] });
    const report = await auditor.finish();
    const custom = report.findings.filter((f) => f.rule === 'custom.av-old');
    expect(custom.map((f) => [f.subject.host, f.status, f.message.en, f.deadline])).toEqual([
      [
        'PC1',
        'error',
        'Antivirus too old (cannot be judged: version "abc" cannot be read (auto scheme): the version contains no digit)',
        undefined,
      ],
      ['PC2', 'fail', 'Antivirus too old', '2024-07-15'],
      ['PC4', 'fail', 'Antivirus too old', '2024-07-15'],
    ]);
    // "Tool" is not an antivirus: its unreadable version cannot change the answer, so no finding.
    // Five records, four distinct (category, version) tuples — (antivirus, abc), (undefined, abc),
    // (antivirus, 4.2), (antivirus, 6.0) — so four engine runs and one memo hit (PC4).
    expect(report.stats).toMatchObject({ customRuleRuns: 4, customRuleMemoHits: 1 });
  });

  it('refuse a software rule that reads host facts, naming the rule and its line', () => {
    const bad = {
      ...tooOld,
      conditions: { all: [{ fact: 'hostname', operator: 'equal', value: 'x' }] },
      location: { file: 'p.yaml', line: 9 },
    };
    expect(() => createAuditor(small([bad]))).toThrow(PolicyError);
    try {
      createAuditor(small([bad]));
    } catch (error) {
      expect((error as PolicyError).problems).toEqual([
        {
          file: 'p.yaml',
          line: 9,
          message: 'rule "av-old" (scope software) reads "hostname", which is not a software fact',
          severity: 'error',
          code: 'policy.rule-fact-scope',
          params: { rule: 'av-old', scope: 'software', facts: '"hostname"' },
          source: 'engine',
        },
      ]);
    }
  });
});

describe('units', () => {
  it('puts hosts without a unit in 未分配, last, and keeps policy units with zeros', async () => {
    const p = { ...small([]), units: [{ name: '办公室', staff: 3 }] };
    const auditor = createAuditor(p);
    auditor.add({ id: 'PC1', scanner: 'csv', software: [rec('AV Pro', '1.0')] });
    auditor.add({ id: 'PC2', unit: '  ', scanner: 'csv', software: [] });
    const report = await auditor.finish();
    expect(UNASSIGNED_UNIT).toBe('未分配');
    expect(
      report.units.map((u) => [u.unit, u.staff, u.computers, u.classes.antivirus, u.rates.genuine.overall]),
    ).toEqual([
      ['办公室', 3, 0, { installed: 0, genuine: 0, domestic: 0, missing: 0 }, null],
      ['未分配', undefined, 2, { installed: 1, genuine: 1, domestic: 0, missing: 1 }, 1],
    ]);
  });

  it('reports a host listed in two units and counts it once, in the first by code point', async () => {
    const auditor = createAuditor(small([]));
    auditor.add({ id: 'PC1', unit: '乙', scanner: 'csv', software: [] });
    auditor.add({ id: 'PC1', unit: '甲', scanner: 'windows', software: [] });
    const report = await auditor.finish();
    // 乙 is U+4E59, 甲 is U+7532: the choice is by value, never by arrival order.
    expect(report.units.map((u) => [u.unit, u.computers])).toEqual([['乙', 1]]);
    expect(report.problems).toEqual([
      {
        message: 'host PC1 is listed in several units (乙, 甲); it is counted in 乙',
        severity: 'warning',
        code: 'engine.unit-conflict',
        params: { host: 'PC1', units: '乙, 甲', unit: '乙' },
        source: 'engine',
      },
    ]);
  });
});

describe('audit()', () => {
  it('runs scanners, counts inputs and turns a failing scanner into a problem', async () => {
    const good = defineScanner({
      name: 'fake',
      async *scan(input) {
        yield { id: `${input}-1`, unit: 'A', scanner: 'fake', software: [rec('AV Pro', '1.0')] };
        yield { id: `${input}-2`, unit: 'A', scanner: 'fake', software: [] };
      },
    });
    const broken = defineScanner({
      name: 'broken',
      // biome-ignore lint/correctness/useYield: it fails before yielding, on purpose
      async *scan() {
        throw new Error('disk on fire');
      },
    });
    const seen: string[] = [];
    const report = await audit({
      policy: small([]),
      sources: [
        { scanner: good, input: 'x', label: 'fake:x' },
        { scanner: broken, input: 'y' },
      ],
      onHost: (h) => seen.push(h.id),
    });
    expect(seen).toEqual(['x-1', 'x-2']);
    expect(report.inputs.map((i) => [i.source, i.hosts, i.read, i.accepted, i.rejected])).toEqual([
      ['fake:x', 2, 1, 1, 0],
      ['broken:y', 0, 0, 0, 0],
    ]);
    expect(report.problems.map((p) => [p.code, p.message])).toEqual([
      ['plugin.failed', 'scanner "broken" failed on y: disk on fire'],
    ]);
    expect(report.totals.classes.antivirus).toEqual({ installed: 1, genuine: 1, domestic: 0, missing: 1 });
  });
});

describe('rule metadata', () => {
  it('describes every built-in rule in both languages with a docs anchor that exists', () => {
    const docs = readFileSync(new URL('../../../../docs/semantics.md', import.meta.url), 'utf8');
    for (const meta of Object.values(builtinRules)) {
      expect(meta.description.zh.length).toBeGreaterThan(4);
      expect(meta.description.en.length).toBeGreaterThan(10);
      const anchor = meta.helpUri!.split('#')[1]!;
      expect(docs, `anchor ${anchor}`).toContain(`<a id="${anchor}"></a>`);
    }
  });

  it('writes the package version into reports', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(CORE_VERSION).toBe(pkg.version);
  });
});
