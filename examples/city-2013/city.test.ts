/**
 * End to end over the bundled city example: the real scanners read the committed inventories, the
 * real policy loader reads policy.yaml (extending the built-in baseline), the engine audits each
 * snapshot, and the headline numbers must equal the generator's own bookkeeping (EXPECTED.md /
 * expected.json), which was worked out without the engine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit, type ComplianceReport, type Finding, loadPolicy, type UnitInfo } from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';
import { getScanner, readUnitsFile } from '@zhengban/scanners';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CLASSES = ['os', 'office', 'antivirus'] as const;

interface ClassCounts {
  installed: number;
  genuine: number;
  domestic: number;
  missing: number;
}
interface ExpectedSnapshot {
  asOf: string;
  totals: { computers: number; classes: Record<string, ClassCounts>; unauthorised: number };
  units: Array<{
    unit: string;
    staff: number;
    computers: number;
    classes: Record<string, ClassCounts>;
    unauthorised: number;
  }>;
  findings: Record<string, { total: number; waived: number }>;
  entitlements: Array<{ id: string; status: string; consumed: number; shortfall: number }>;
  unrecognised: Array<{ name: string; publisher?: string; hosts: number }>;
}
const EXPECTED = JSON.parse(readFileSync(join(HERE, 'expected.json'), 'utf8')) as Record<
  'baseline' | 'acceptance',
  ExpectedSnapshot
>;

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(join(folder, entry)).isFile())
    .map((entry) => entry.split('\\').join('/'))
    .sort();
}

/** The example's own files (not the generator's source or this test). */
const generated = (files: string[]) =>
  files.filter(
    (f) =>
      !f.startsWith('generator/') && !/\.(test\.ts|mjs)$/.test(f) && !['README.md', 'biome.json'].includes(f),
  );

async function auditSnapshot(
  folder: 'baseline' | 'acceptance',
  units: UnitInfo[],
): Promise<ComplianceReport> {
  const policy = loadPolicy(join(HERE, 'policy.yaml'), { resolvers: [builtinResolver] });
  const input = (path: string) => join(HERE, folder, path);
  const source = (kind: string, path: string) => ({
    scanner: getScanner(kind)!,
    input: input(path),
    label: `${kind}:${folder}/${path}`,
  });
  return await audit({
    policy,
    units,
    asOf: EXPECTED[folder].asOf,
    sources: [
      source('csv', 'inventory.csv'),
      source('csv', 'inventory-counties-gbk.csv'),
      source('windows', 'windows'),
      source('linux', 'linux'),
    ],
  });
}

/** Findings that are results (fail / warn / error), per rule: total and how many a waiver covers. */
function findingsPerRule(findings: Finding[]): Record<string, { total: number; waived: number }> {
  const counts: Record<string, { total: number; waived: number }> = {};
  for (const finding of findings) {
    if (finding.status === 'pass' || finding.status === 'skip') continue;
    counts[finding.rule] ??= { total: 0, waived: 0 };
    counts[finding.rule]!.total++;
    if (finding.waiver) counts[finding.rule]!.waived++;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const tableRow = (row: ComplianceReport['units'][number]) => ({
  unit: row.unit,
  staff: row.staff,
  computers: row.computers,
  classes: Object.fromEntries(CLASSES.map((c) => [c, row.classes[c]])),
  unauthorised: row.unauthorised,
});

/** Sorted like the bookkeeping: most computers first, then by name. */
const unrecognisedList = (report: ComplianceReport) =>
  report.unrecognised
    .map((u) => ({ name: u.name, ...(u.publisher ? { publisher: u.publisher } : {}), hosts: u.hosts }))
    .sort(
      (a, b) =>
        b.hosts - a.hosts || byCodeUnit(a.name, b.name) || byCodeUnit(a.publisher ?? '', b.publisher ?? ''),
    );
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('city-2013 example files', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'city-2013-'));
    execFileSync(process.execPath, [join(HERE, 'generate.mjs'), '--out', out], { stdio: 'pipe' });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('the committed files are exactly what the deterministic generator writes', () => {
    const committed = generated(filesBelow(HERE));
    expect(committed).toEqual(filesBelow(out));
    for (const file of committed) {
      expect(
        readFileSync(join(HERE, file)).equals(readFileSync(join(out, file))),
        `${file} is out of date: rerun generate.mjs`,
      ).toBe(true);
    }
  });

  test('the example stays small (under 2 MB) and holds both snapshots in every format', () => {
    const files = filesBelow(HERE);
    const bytes = files.reduce((sum, f) => sum + statSync(join(HERE, f)).size, 0);
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
    for (const folder of ['baseline', 'acceptance']) {
      expect(files).toContain(`${folder}/inventory.csv`);
      expect(files).toContain(`${folder}/inventory-counties-gbk.csv`);
      expect(files).toContain(`${folder}/windows/ZFB-PC-023/uninstall.reg`);
      expect(files).toContain(`${folder}/windows/CZJ-PC-003/uninstall.txt`);
      expect(files).toContain(`${folder}/linux/JXW-PC-040/os-version`);
    }
    // The counties' register is GBK as Excel writes it: not valid UTF-8, and no BOM.
    const gbk = readFileSync(join(HERE, 'baseline/inventory-counties-gbk.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(readFileSync(join(HERE, 'baseline/inventory.csv')).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  test('units.csv lists the ten units with their 编制人数, the counties under 市', async () => {
    const { units, problems } = await readUnitsFile(join(HERE, 'units.csv'));
    expect(problems).toEqual([]);
    expect(units.map((u) => u.name)).toEqual(EXPECTED.baseline.units.map((u) => u.unit));
    expect(units.find((u) => u.name === '大洼县')).toMatchObject({ staff: 168, parent: '市' });
    expect(units.reduce((sum, u) => sum + (u.staff ?? 0), 0)).toBe(1010);
  });
});

describe('city-2013 phase 1: baseline audit (2013-06-30)', () => {
  let report: ComplianceReport;
  beforeAll(async () => {
    report = await auditSnapshot('baseline', (await readUnitsFile(join(HERE, 'units.csv'))).units);
  });

  test('every input row is read and accepted; the hosts of all four inputs are counted', () => {
    expect(report.asOf).toBe('2013-06-30');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const input of report.inputs) {
      expect(input.read, input.source).toBe(input.accepted + input.rejected);
      expect(input.rejected, input.source).toBe(0);
    }
    expect(report.inputs.map((i) => [i.scanner, i.hosts])).toEqual([
      ['csv', 235],
      ['csv', 90],
      ['windows', 5],
      ['linux', 2],
    ]);
  });

  test('headline totals: 325 computers, overall genuine rate 26.1 %', () => {
    expect(report.totals.computers).toBe(325);
    expect(report.totals.classes.os).toEqual({ installed: 325, genuine: 30, domestic: 2, missing: 0 });
    expect(report.totals.classes.office).toEqual({ installed: 313, genuine: 83, domestic: 105, missing: 12 });
    expect(report.totals.classes.antivirus).toEqual({
      installed: 258,
      genuine: 121,
      domestic: 231,
      missing: 67,
    });
    expect(report.totals.rates.genuine.overall).toBeCloseTo((30 + 83 + 121) / (325 + 313 + 258), 10);
    expect(report.totals.rates.genuine.office).toBeCloseTo(83 / 313, 10);
    expect(report.totals.rates.domestic.antivirus).toBeCloseTo(231 / 258, 10);
    // 未授权安装（套）: 784 licensing failures (709 unlicensed + 75 expired) + 34 forbidden products +
    // 5 forbidden patterns, none waived and no installation twice.
    expect(report.totals.unauthorised).toBe(823);
  });

  test('the statistics table equals EXPECTED.md row by row, including the unit without computers', () => {
    expect(report.units.map(tableRow)).toEqual(EXPECTED.baseline.units);
    const services = report.units.find((u) => u.unit === '市服务业委员会')!;
    expect(services.computers).toBe(0);
    expect(services.rates.genuine.overall).toBeNull();
    const office = report.units.find((u) => u.unit === '市政府办公室')!;
    // The 30-seat Office licence ran short (50 copies), and one covered copy (ZFB-PC-023) was
    // activated by KMSpico against a public KMS host, so it is not genuine either: 29 of 58.
    expect(office.rates.genuine.office).toBeCloseTo(29 / 58, 10);
  });

  test('findings per rule equal the bookkeeping', () => {
    expect(findingsPerRule(report.findings)).toEqual(EXPECTED.baseline.findings);
  });

  test('unrecognised software is listed for review with the number of computers it is on', () => {
    expect(unrecognisedList(report)).toEqual(EXPECTED.baseline.unrecognised);
  });

  test('the KMSpico computer is caught twice: a forbidden activator and a public KMS host', () => {
    const onHost = report.findings.filter((f) => f.subject.host === 'ZFB-PC-023');
    expect(onHost.find((f) => f.rule === 'forbidden.product')?.subject.product).toBe('kmspico');
    const activation = onHost.filter((f) => f.rule === 'requirements.activation');
    expect(activation.map((f) => f.subject.product).sort()).toEqual(['ms-office', 'ms-windows']);
    for (const finding of activation) {
      expect(finding.status).toBe('fail');
      expect(`${finding.message.zh} ${finding.message.en}`).toContain('kms.loli.beer');
    }
    const heu = report.findings.find(
      (f) => f.subject.host === 'DWX-PC-007' && f.rule === 'forbidden.product',
    );
    expect(heu?.subject.product).toBe('heu-kms-activator');
  });

  test('licence position: the Office volume licence runs 20 short, the antivirus subscription has expired', () => {
    const position = Object.fromEntries(report.entitlements.map((e) => [e.id, e]));
    expect(position['ENT-2011-002']).toMatchObject({
      consumed: 30,
      surplus: 0,
      shortfall: 20,
      status: 'active',
    });
    expect(position['ENT-2012-003']).toMatchObject({ consumed: 0, status: 'expired' });
    expect(position['ENT-2006-001']).toMatchObject({ consumed: 0, status: 'retired' });
    expect(position['ENT-2013-007']).toMatchObject({ consumed: 0, status: 'not-yet-valid' });
    expect(position['ENT-2012-004']).toMatchObject({ consumed: 20, surplus: 0 });
    for (const expected of EXPECTED.baseline.entitlements) {
      expect(position[expected.id], expected.id).toMatchObject({
        status: expected.status,
        consumed: expected.consumed,
      });
    }
  });

  test('waivers: 市科技局 keeps Excel until 2014; the budget-network computer is still waived', () => {
    const kjj = report.findings.find(
      (f) => f.rule === 'preferences.domestic.office' && f.subject.unit === '市科技局',
    );
    expect(kjj?.waiver?.id).toBe('waiver-kjj-excel');
    const budget = report.findings.find(
      (f) => f.rule === 'requirements.missing.antivirus' && f.subject.host === 'CZJ-PC-066',
    );
    expect(budget?.waiver?.id).toBe('waiver-czj-budget-network');
    expect(report.findings.some((f) => f.rule === 'waivers.expired')).toBe(false);
  });
});

describe('city-2013 phase 4: acceptance audit (2013-12-20)', () => {
  let report: ComplianceReport;
  beforeAll(async () => {
    report = await auditSnapshot('acceptance', (await readUnitsFile(join(HERE, 'units.csv'))).units);
  });

  test('headline totals: 330 computers, nearly 100 % genuine', () => {
    expect(report.totals.computers).toBe(330);
    expect(report.totals.classes.os).toEqual({ installed: 330, genuine: 330, domestic: 2, missing: 0 });
    expect(report.totals.classes.office).toEqual({ installed: 330, genuine: 329, domestic: 307, missing: 0 });
    expect(report.totals.classes.antivirus).toEqual({
      installed: 327,
      genuine: 327,
      domestic: 327,
      missing: 3,
    });
    expect(report.totals.rates.genuine.overall).toBeCloseTo(986 / 987, 10);
    // DWX-PC-018's unlicensed Office 2007.
    expect(report.totals.unauthorised).toBe(1);
  });

  test('the statistics table equals EXPECTED.md row by row', () => {
    expect(report.units.map(tableRow)).toEqual(EXPECTED.acceptance.units);
    expect(unrecognisedList(report)).toEqual(EXPECTED.acceptance.unrecognised);
  });

  test('what is left: one unlicensed Office in 大洼县 and one computer whose waiver expired', () => {
    expect(findingsPerRule(report.findings)).toEqual(EXPECTED.acceptance.findings);
    const unlicensed = report.findings.filter((f) => f.rule === 'licensing.unlicensed');
    expect(unlicensed.map((f) => [f.subject.host, f.subject.unit, f.subject.product])).toEqual([
      ['DWX-PC-018', '大洼县', 'ms-office'],
    ]);
    expect(unlicensed[0]!.deadline).toBe('2014-01-04'); // asOf + 15 days (限期纠正)
    const missing = report.findings.filter((f) => f.rule === 'requirements.missing.antivirus' && !f.waiver);
    expect(missing.map((f) => f.subject.host)).toEqual(['CZJ-PC-066']);
    expect(report.findings.filter((f) => f.rule === 'waivers.expired')).toHaveLength(1);
  });

  test('every licence bought in the campaign is in use and none runs short', () => {
    const position = Object.fromEntries(report.entitlements.map((e) => [e.id, e]));
    for (const expected of EXPECTED.acceptance.entitlements) {
      expect(position[expected.id], expected.id).toMatchObject({
        status: expected.status,
        consumed: expected.consumed,
        shortfall: 0,
      });
    }
    expect(position['ENT-2013-007']).toMatchObject({ consumed: 295, surplus: 5 });
    expect(position['ENT-2011-002']).toMatchObject({ consumed: 28, surplus: 2 });
  });
});
