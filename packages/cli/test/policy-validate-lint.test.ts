/**
 * `zhengban policy validate` prints the linter's warnings located, in Chinese (English with
 * --locale en), exits 1 when the policy loads only with warnings, and with --units / --input also
 * checks the unit and computer names against what exists; `zhengban audit` repeats the warnings in
 * report.problems.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const cwd = new URL('./fixtures/policies/county/', import.meta.url).pathname;
const ORIGINAL = readFileSync(join(cwd, 'policy.yaml'), 'utf8');

/** The county policy with one edit, written next to the original (so the paths print short). */
function variant(name: string, from: string, to: string): string {
  expect(ORIGINAL.split(from).length).toBe(2);
  const dir = mkdtempSync(join(tmpdir(), 'zhengban-validate-'));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, ORIGINAL.replace(from, to));
  return file;
}

describe('zhengban policy validate: the linter', () => {
  it('confirms the county policy with ✓ and exit 0, also against its units and inventory', async () => {
    const plain = await runCli(['policy', 'validate', 'policy.yaml'], { cwd });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /^✓ policy\.yaml 有效：策略「county-2024」2024\.1，\d+ 个产品，\d+ 条授权，12 条自定义规则，6 项豁免/,
    );
    expect(plain.stderr).toBe('');
    const world = await runCli(
      ['policy', 'validate', 'policy.yaml', '--units', 'units.csv', '--input', 'csv:inventory.csv', '-q'],
      { cwd },
    );
    expect(world.stderr).toBe('');
    expect(world.code).toBe(0);
  });

  it('prints a waiver that waives nothing as a located warning and exits 1', async () => {
    const file = variant('waiver', 'rule: custom.no-browser', 'rule: no-browser');
    const result = await runCli(['policy', 'validate', file], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'zhengban: 策略有 1 个警告（可以运行，但结果可能与本意不符）:',
      `${file}:243:11  豁免“W-05”的规则“no-browser”是自定义规则，结果的规则编号是“custom.no-browser”；照现在的写法它豁免不了任何结果。`,
      '',
    ]);
    expect(result.stdout).toMatch(/^⚠ .*waiver\.yaml 可以加载，但有 1 个警告（见上）：策略「county-2024」/);
  });

  it('words the warning in English with --locale en', async () => {
    const file = variant(
      'site',
      '    product: 360-endpoint\n    type: site',
      '    product: 360-endpoint\n    type: site\n    seats: 1',
    );
    const result = await runCli(['policy', 'validate', file, '--locale', 'en'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:81:12  Entitlement "ENT-09" is a site licence (type: site), which has no seat limit; seats: 1 is ignored — if it covers only 1, use the right type.`,
    );
    expect(result.stdout).toMatch(/^⚠ .* loads, with 1 warning\(s\) \(above\)/);
  });

  it('with --input, names a waiver host no inventory has (case ignored, as for scopes)', async () => {
    const file = variant('host', 'hosts: [GAJ-PC-001]', 'hosts: [GAJ-PC-01]');
    const without = await runCli(['policy', 'validate', file], { cwd });
    expect(without.code).toBe(0);
    const result = await runCli(['policy', 'validate', file, '--input', 'csv:inventory.csv', '-q'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:233:13  豁免“W-03”的计算机“GAJ-PC-01”不在所给清单中，因此匹配不到任何计算机；是否想写“GAJ-PC-001”？`,
    );
  });

  it('with --units, names a parent-unit scope that leaves its child units out', async () => {
    const file = variant(
      'parent',
      'scope: { units: [县教育局, 县第一中学, 县实验小学] }\n    purchased',
      'scope: { units: [县教育局] }\n    purchased',
    );
    // Without the policy's own parent links, only the units file says 县教育局 has children.
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(', parent: 县教育局 }', ' }'));
    expect((await runCli(['policy', 'validate', file], { cwd })).code).toBe(0);
    const result = await runCli(['policy', 'validate', file, '--units', 'units.csv'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '授权“ENT-03”的范围是单位“县教育局”，它有下级单位（县第一中学、县实验小学）；范围只覆盖所列单位本身的计算机，不含下级单位',
    );
  });
});

describe('zhengban audit: policy warnings in the report', () => {
  it('repeats the linter warnings in report.problems, located and in both locales', async () => {
    const file = variant('audit', 'rule: custom.remote-tool', 'rule: custom.remote-tool-max2');
    const result = await runCli(
      [
        'audit',
        '--policy',
        file,
        '--input',
        'csv:inventory.csv',
        '--report',
        'json',
        '--fail-on',
        'never',
        '-q',
      ],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${file}:232:11  豁免“W-03”的规则“custom.remote-tool-max2”`);
    const report = JSON.parse(result.stdout);
    expect(report.problems[0]).toMatchObject({
      file,
      line: 232,
      column: 11,
      severity: 'warning',
      code: 'policy.unknown-waiver-rule',
      source: 'policy',
      text: { zh: expect.stringContaining('是否想写“custom.remote-tool”？') },
      message: expect.stringContaining('did you mean "custom.remote-tool"?'),
    });
  });

  it("says in the finding when a parent unit's scope would have covered the installation", async () => {
    const file = variant(
      'parent-audit',
      'scope: { units: [县教育局, 县第一中学, 县实验小学] }\n    purchased',
      'scope: { units: [县教育局] }\n    purchased',
    );
    const result = await runCli(
      [
        'audit',
        '--policy',
        file,
        '--input',
        'csv:inventory.csv',
        '--units',
        'units.csv',
        '--report',
        'json',
        '--fail-on',
        'never',
        '-q',
      ],
      { cwd },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const finding = report.findings.find(
      (f: { subject: { host: string; product: string } }) =>
        f.subject.host === 'XXB-PC-009' && f.subject.product === 'wps-office-pro',
    );
    expect(finding.rule).toBe('licensing.unlicensed');
    expect(finding.message.zh).toBe(
      'XXB-PC-009 上的 WPS Office 2019 专业增强版 11.8.2.1234 没有有效许可（ENT-02：不在授权范围内；ENT-03：不在授权范围内；ENT-04：不在授权范围内）；授权 ENT-03 的范围是上级单位“县教育局”，范围不含下级单位“县实验小学”——若应共用，请把“县实验小学”列入它的 scope.units',
    );
    // JYJ-PC-001 belongs to 县教育局 itself and is covered.
    expect(
      report.findings.some(
        (f: { subject: { host: string; product: string } }) =>
          f.subject.host === 'JYJ-PC-001' && f.subject.product === 'wps-office-pro',
      ),
    ).toBe(false);
  });
});
