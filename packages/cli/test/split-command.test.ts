/**
 * `zhengban audit --split unit` over the small fixture: units 办公室 (BGS-01, BGS-02), 财政局
 * (CZJ-01, CZJ-02) and 档案局 (no computers). With a units file where 财政局 is under 办公室, 财政局's
 * reports are written in 办公室's folder.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ComplianceReport;
const listed = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => name.replaceAll('\\', '/'))
    .sort();

describe('zhengban audit --split unit', () => {
  let dir = '';
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = scratch('zhengban-split-');
    result = await runCli(
      [
        ...SMALL_AUDIT,
        '--split',
        'unit',
        '--report',
        `json:${dir}/json/`,
        '--report',
        `html:${dir}/html/`,
        '--report',
        `csv:${dir}/csv/`,
        '--report',
        `json:${dir}/whole.json`,
      ],
      { cwd },
    );
  }, 60_000);

  it('writes one report per unit of the units file (one without computers too), the whole fleet and an index', () => {
    expect(result.code).toBe(1);
    expect(listed(join(dir, 'json'))).toEqual([
      'index.html',
      'index.xlsx',
      '全部单位.json',
      '办公室.json',
      '档案局.json',
      '财政局.json',
    ]);
    expect(listed(join(dir, 'html'))).toEqual([
      'index.html',
      'index.xlsx',
      '全部单位.html',
      '办公室.html',
      '档案局.html',
      '财政局.html',
    ]);
    expect(listed(join(dir, 'csv'))).toContain('财政局/统计表.csv');
    expect(result.stderr).toContain('已写入 3 个单位的报告及索引');
    // A report given as a file is the whole fleet's, as without --split.
    expect(readJson(join(dir, 'whole.json')).totals.computers).toBe(4);
  });

  it("a unit's report holds only that unit's computers", () => {
    const finance = readJson(join(dir, 'json', '财政局.json'));
    expect(finance.units.map((u) => u.unit)).toEqual(['财政局']);
    expect(finance.totals.computers).toBe(2);
    expect(new Set(finance.findings.map((f) => f.subject.unit))).toEqual(new Set(['财政局']));
    expect(finance.findings.map((f) => f.subject.host)).toEqual(['CZJ-02']);
    const archive = readJson(join(dir, 'json', '档案局.json'));
    expect(archive.totals.computers).toBe(0);
    expect(archive.findings).toEqual([]);
  });

  it('the index links every unit (the workbook index is tested with the reporters)', () => {
    const html = readFileSync(join(dir, 'html', 'index.html'), 'utf8');
    expect(html).toContain(`<a href="${encodeURIComponent('财政局')}.html">财政局.html</a>`);
    expect(html).toContain(`<a href="${encodeURIComponent('全部单位')}.html">`);
    expect(
      readFileSync(join(dir, 'json', 'index.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('nests a child unit in its parent folder, and refuses two units that would share a file', async () => {
    const nested = scratch('zhengban-split-nested-');
    writeFileSync(
      join(nested, 'units.csv'),
      '单位,编制人数,上级单位\n办公室,20,\n财政局,30,办公室\n档案局,8,\n',
    );
    const args = [
      'audit',
      '--policy',
      'policies/small.yaml',
      '--units',
      join(nested, 'units.csv'),
      '--input',
      'csv:inventory/small.csv',
    ];
    await runCli([...args, '--split', 'unit', '--report', `json:${nested}/out/`], { cwd });
    expect(existsSync(join(nested, 'out', '办公室', '财政局.json'))).toBe(true);
    writeFileSync(
      join(nested, 'clash.csv'),
      '单位,编制人数,上级单位\n办公室,20,\n财政局,30,\n财政局?,8,\n财政局*,8,\n',
    );
    const clash = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--units',
        join(nested, 'clash.csv'),
        '--input',
        'csv:inventory/small.csv',
        '--split',
        'unit',
        '--report',
        `json:${nested}/clash/`,
      ],
      { cwd },
    );
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain("单位 '财政局?' 和 '财政局*' 的报告文件名相同（财政局_）");
  });

  it('--split without a folder report is a usage error before scanning', async () => {
    const bad = await runCli([...SMALL_AUDIT, '--split', 'unit', '--report', 'json:x.json'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--split unit 需要至少一个写入目录的报告');
  });
});

describe('zhengban render --split unit', () => {
  it('writes a pack per unit from a stored report (the per-unit warning is tested in core: unit-report.test.ts)', async () => {
    const dir = scratch('zhengban-render-split-');
    await runCli([...SMALL_AUDIT, '--report', `json:${dir}/whole.json`, '--quiet'], { cwd });
    const result = await runCli(
      ['render', `${dir}/whole.json`, '--split', 'unit', '--report', `json:${dir}/units/`],
      {
        cwd,
      },
    );
    expect(result.code).toBe(0);
    expect(listed(join(dir, 'units'))).toEqual([
      'index.html',
      'index.xlsx',
      '全部单位.json',
      '办公室.json',
      '档案局.json',
      '财政局.json',
    ]);
    const office = readJson(join(dir, 'units', '办公室.json'));
    expect(office.units.map((u) => u.unit)).toEqual(['办公室']);
    expect(office.totals.computers).toBe(2);
  });
});
