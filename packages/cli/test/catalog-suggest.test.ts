/**
 * `zhengban catalog suggest`: the triage loop for what a report could not recognise — a draft
 * catalogue section that a policy can extend at once, whose undecided licence models `policy
 * validate` lists until the officer fills them in.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseName, draftPattern, guessCategory } from '../src/catalog-draft.js';
import { runCli } from './helpers/run-cli.js';

describe('draft names and patterns', () => {
  it.each([
    ['Foo Tool 2.1 (x64)', 'Foo Tool'],
    ['Foo Tool version 1.2.3', 'Foo Tool'],
    ['Iceows V4.20a', 'Iceows'],
    ['Bar Viewer 2023 - zh-cn', 'Bar Viewer'],
    ['Baz Client (64-bit) 5.0 beta', 'Baz Client'],
    ['某某OA客户端 V3.2', '某某OA客户端'],
    ['某某档案管理系统（64位）', '某某档案管理系统'],
    ['7-Zip', '7-Zip'],
    ['2345', '2345'],
  ])('%s → %s', (name, base) => {
    expect(baseName(name)).toBe(base);
  });

  it('anchors the pattern, escapes the name and ends Latin names at a word end', () => {
    expect(draftPattern('Foo Tool')).toBe('(?i)^Foo\\s+Tool\\b');
    expect(draftPattern('C++ Builder (Pro)')).toBe('(?i)^C\\+\\+\\s+Builder\\s+\\(Pro\\)');
    expect(draftPattern('某某OA客户端')).toBe('(?i)^某某OA客户端');
  });

  it('guesses a class from words in the name, tool when nothing says', () => {
    expect(guessCategory('某某PDF转换器')).toBe('pdf');
    expect(guessCategory('Acme SSH Client')).toBe('dev');
    expect(guessCategory('某某输入法')).toBe('input');
    expect(guessCategory('Widget Manager')).toBe('tool');
  });
});

const REPORT = {
  schemaVersion: 1,
  tool: { name: 'zhengban', version: '0.1.0' },
  policy: { name: 'test', sources: [] },
  asOf: '2026-12-01',
  inputs: [],
  totals: { computers: 0, classes: {} },
  units: [],
  findings: [],
  unrecognised: [
    {
      name: '某某OA客户端 V3.2',
      publisher: '北京某某科技有限公司',
      versions: ['3.2'],
      hosts: 40,
      sampleHosts: ['CZ-001', 'CZ-002'],
    },
    {
      name: '某某OA客户端 V3.1',
      publisher: '北京某某科技有限公司',
      versions: ['3.1'],
      hosts: 5,
      sampleHosts: ['JY-001'],
    },
    {
      name: 'Foo Tool 2.1 (x64)',
      publisher: 'Foo Software GmbH',
      versions: ['2.1'],
      hosts: 12,
      sampleHosts: ['WS-01'],
    },
    { name: 'Acme SSH Client 9', versions: ['9.0'], hosts: 3, sampleHosts: ['IT-01'] },
    { name: 'Rare Thing', versions: [], hosts: 1, sampleHosts: ['X-1'] },
  ],
};

describe('zhengban catalog suggest', () => {
  it('writes a draft for the top titles that a policy can extend, and validate lists its open licences', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-suggest-'));
    writeFileSync(join(dir, 'report.json'), JSON.stringify(REPORT));
    const result = await runCli(['catalog', 'suggest', 'report.json', '--top', '3', '--out', 'draft.yaml'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('已写入目录草稿 draft.yaml：3 个产品（覆盖 60 台次计算机）');
    const text = readFileSync(join(dir, 'draft.yaml'), 'utf8');
    expect(
      text.startsWith('# 由 zhengban catalog suggest 根据 report.json（2026-12-01）生成的目录草稿'),
    ).toBe(true);
    const draft = parse(text) as { catalog: { products: Record<string, unknown>[] } };
    // The two OA versions are one product (45 computers), then Foo Tool, then the SSH client.
    expect(
      draft.catalog.products.map((p) => [p.id, p.name, p.vendor, p.category, p.domestic, p.license]),
    ).toEqual([
      ['draft-oa', '某某OA客户端', '北京某某科技有限公司', 'tool', true, 'unreviewed'],
      ['draft-foo-tool', 'Foo Tool', 'Foo Software GmbH', 'tool', false, 'unreviewed'],
      ['draft-acme-ssh-client', 'Acme SSH Client', undefined, 'dev', false, 'unreviewed'],
    ]);
    expect(draft.catalog.products[0]!.notes).toBe(
      '待核定：见于 45 台次计算机（如 CZ-001, CZ-002, JY-001）；名称：某某OA客户端 V3.2 | 某某OA客户端 V3.1',
    );

    writeFileSync(
      join(dir, 'policy.yaml'),
      'apiVersion: zhengban/v1\nmetadata: { name: county }\nextends: [builtin:cn-gov-baseline, ./draft.yaml]\n',
    );
    const validate = await runCli(['policy', 'validate', 'policy.yaml'], { cwd: dir });
    expect(validate.code).toBe(0);
    const warnings = validate.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(
      /^draft\.yaml:\d+:\d+ {2}警告 {2}产品 draft-oa（某某OA客户端）的许可方式尚未核定（license: unreviewed），暂按商业软件判定/,
    );

    const match = await runCli(['catalog', 'match', '某某OA客户端 V3.3', '--policy', 'policy.yaml'], {
      cwd: dir,
    });
    expect(match.stdout.split('\n')[0]).toBe('某某OA客户端 V3.3 → draft-oa（某某OA客户端）');
    const other = await runCli(['catalog', 'match', 'Foo Toolbox', '--policy', 'policy.yaml'], { cwd: dir });
    expect(other.code).toBe(1);
  });

  it('refuses a --top that is not a whole number, and says when nothing is unrecognised', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-suggest-'));
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ ...REPORT, unrecognised: [] }));
    const bad = await runCli(['catalog', 'suggest', 'report.json', '--top', 'ten'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--top 须为不小于 1 的整数，而不是 "ten"');
    const none = await runCli(['catalog', 'suggest', 'report.json', '--locale', 'en'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('report.json lists no unrecognised software: no draft to write.');
  });
});
