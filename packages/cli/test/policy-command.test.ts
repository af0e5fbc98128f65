import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy } from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/run-cli.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const cwd = FIXTURES;

describe('zhengban policy validate', () => {
  it('confirms a valid policy with its counts and the extends chain, exit 0', async () => {
    const result = await runCli(['policy', 'validate', 'policies/small.yaml'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^✓ policies\/small\.yaml 有效：策略「[^」]+」\S*，\d+ 个产品，3 条授权，\d+ 条自定义规则，0 项豁免，来源 builtin:/,
    );
    expect(result.stdout.trimEnd()).toMatch(/→ builtin:cn-gov-baseline → policies\/small\.yaml$/);
  });

  it('is valid with an edition restriction that can never match, and says so at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-editions-'));
    writeFileSync(
      join(dir, 'p.yaml'),
      [
        'apiVersion: zhengban/v1',
        'metadata: { name: p }',
        'extends: [builtin:cn-gov-baseline]',
        'entitlements:',
        '  - { id: E-OFF, product: ms-visio, type: volume, seats: 5, editions: [ProPlus] }',
        '',
      ].join('\n'),
    );
    const result = await runCli(['policy', 'validate', 'p.yaml'], { cwd: dir });
    // A warning like the linter's: the policy loads (exit 1, not 2) and the restriction is named.
    expect(result.code).toBe(1);
    // ms-visio comes in Standard and Professional only (builtin:catalog/office).
    const line = result.stderr.split('\n').find((text) => text.startsWith('p.yaml:5:5  '));
    expect(line).toMatch(/E-OFF.*ms-visio.*ProPlus.*Standard, Professional/);
  });

  it('prints every problem as file:line:col  message and exits 2', async () => {
    const result = await runCli(['policy', 'validate', 'policies/broken.yaml'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'zhengban: 错误: 策略有 3 个问题:',
      'policies/broken.yaml:8:14  授权 "E1" 引用了未知产品 "no-such-product"；本目录和所继承的策略中都没有它。',
      'policies/broken.yaml:10:12  "seats" 应不小于 1，不能是 0。',
      'policies/broken.yaml:12:3  requirements 中有未知的键 "clases"，是不是想写 "classes"？',
      '',
    ]);
    const english = await runCli(['policy', 'validate', 'policies/broken.yaml', '--locale', 'en'], { cwd });
    expect(english.stderr).toContain('policies/broken.yaml:10:12  "seats" must be at least 1, not 0.');
  });

  it('names a missing policy file', async () => {
    const result = await runCli(['policy', 'validate', 'nope.yaml', '--locale', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('zhengban: error: policy file not found: nope.yaml\n');
  });
});

describe('zhengban policy show', () => {
  it('prints the resolved policy as YAML without location noise', async () => {
    const result = await runCli(['policy', 'show', 'policies/small.yaml'], { cwd });
    expect(result.code).toBe(0);
    const shown = parse(result.stdout);
    expect(shown.metadata).toEqual({ name: 'cli-test', description: '命令行测试策略' });
    expect(shown.sources.at(-1)).toBe('policies/small.yaml');
    expect(shown.entitlements.map((entitlement: { id: string }) => entitlement.id)).toEqual([
      'WIN-VOL',
      'WPS-VOL',
      'HR-FREE',
    ]);
    expect(result.stdout).not.toContain('location');
  });

  it('prints JSON with --format json', async () => {
    const result = await runCli(['policy', 'show', 'policies/small.yaml', '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.stdout);
    expect(shown.settings).toEqual({ asOf: '2024-06-30', remediationDays: 15, unrecognised: 'report' });
    expect(shown.units).toEqual([
      { name: '办公室', staff: 20 },
      { name: '财政局', staff: 30 },
    ]);
  });
});

describe('zhengban policy init', () => {
  it('writes a commented starter policy that loads cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-init-'));
    const result = await runCli(['policy', 'init', '--out', 'policy.yaml', '--name', 'county-office'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      '已写入初始策略 policy.yaml（0 个单位）。下一步: zhengban policy validate policy.yaml\n',
    );
    const text = readFileSync(join(dir, 'policy.yaml'), 'utf8');
    expect(text).toContain('  - builtin:cn-gov-baseline  # 内置产品目录与基线规则');
    expect(text).toContain('# 授权台账');
    const policy = loadPolicy(join(dir, 'policy.yaml'), { resolvers: [builtinResolver] });
    expect(policy.metadata.name).toBe('county-office');
    expect(policy.sources.at(-2)).toBe('builtin:cn-gov-baseline');
    expect(policy.requirements.classes).toEqual(['os', 'office', 'antivirus']);
    // The baseline's own target: the starter pins none.
    expect(policy.preferences.domestic).toContainEqual(
      expect.objectContaining({
        class: 'office',
        target: 1,
        outcome: { status: 'warn', severity: 'medium' },
      }),
    );
    expect(policy.overrides?.filter((o) => !o.location.file?.startsWith('builtin:'))).toEqual([]);
    const validated = await runCli(['policy', 'validate', 'policy.yaml'], { cwd: dir });
    expect(validated.code).toBe(0);
  });

  it('pins no key that would silently defeat builtin:cn-gov-strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-init-'));
    const result = await runCli(['policy', 'init'], { cwd: dir });
    const strictText = result.stdout.replace('- builtin:cn-gov-baseline', '- builtin:cn-gov-strict');
    writeFileSync(join(dir, 'strict.yaml'), strictText);
    const policy = loadPolicy(join(dir, 'strict.yaml'), { resolvers: [builtinResolver] });
    expect(policy.forbidden.mode).toBe('allowlist');
    expect(policy.settings.unrecognised).toBe('unauthorised');
    expect(policy.preferences.domestic.find((t) => t.class === 'office')).toMatchObject({
      target: 1,
      outcome: { status: 'fail' },
    });
    // Nothing of the author's file replaces a pack's item.
    expect(policy.overrides?.filter((o) => !o.location.file?.startsWith('builtin:'))).toEqual([]);
    expect(policy.warnings).toBeUndefined();
  });

  it('lists the units of a units file with their staff, and they load as the policy units', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-init-'));
    const result = await runCli([
      'policy',
      'init',
      '--units',
      `${FIXTURES}inventory/units.csv`,
      '--out',
      `${dir}/p.yaml`,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('（3 个单位）');
    const text = readFileSync(join(dir, 'p.yaml'), 'utf8');
    expect(text).toContain(
      'units:\n  - { name: "办公室", staff: 20 }\n  - { name: "财政局", staff: 30 }\n  - { name: "档案局", staff: 8 }\n',
    );
    const policy = loadPolicy(join(dir, 'p.yaml'), { resolvers: [builtinResolver] });
    expect(policy.units.map((unit) => [unit.name, unit.staff])).toEqual([
      ['办公室', 20],
      ['财政局', 30],
      ['档案局', 8],
    ]);
  });

  it('writes English comments with --locale en, to stdout without --out', async () => {
    const result = await runCli(['policy', 'init', '--locale', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '# The licence ledger: every licence (contract, seats, scope, validity).',
    );
  });

  it('will not overwrite a policy unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-init-'));
    writeFileSync(join(dir, 'policy.yaml'), 'mine');
    const refused = await runCli(['policy', 'init', '--out', 'policy.yaml'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe('zhengban: 错误: 文件已存在: policy.yaml（加 --force 覆盖）');
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toBe('mine');
    const forced = await runCli(['policy', 'init', '--out', 'policy.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'policy.yaml'), 'utf8')).toContain('apiVersion: zhengban/v1');
  });
});

describe('zhengban policy packs', () => {
  it('lists the built-in packs as extends names', async () => {
    const result = await runCli(['policy', 'packs']);
    expect(result.code).toBe(0);
    const names = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/\s+/)[0]);
    expect(names).toContain('builtin:cn-gov-baseline');
    expect(names).toContain('builtin:catalog');
    expect(result.stdout).toMatch(/^builtin:cn-gov-baseline +pack +党政机关软件正版化基线/m);
  });
});

describe('zhengban policy show --own', () => {
  it("lists only the author's items, each with its file:line and what it replaced across extends", async () => {
    const result = await runCli(['policy', 'show', 'policies/own/county.yaml', '--own'], { cwd });
    expect(result.code).toBe(0);
    const shown = parse(result.stdout);
    expect(shown.files).toEqual(['policies/own/base.yaml', 'policies/own/county.yaml']);
    expect(shown.entitlements).toEqual([
      {
        id: 'E-WPS',
        product: 'wps-office-pro',
        type: 'volume',
        seats: 10,
        status: 'active',
        scope: { units: ['县财政局'] },
        from: 'policies/own/county.yaml:5',
        overrides: 'policies/own/base.yaml:6',
      },
      {
        id: 'E-AV',
        product: 'huorong-security',
        type: 'freeware',
        seats: 'unlimited',
        status: 'active',
        from: 'policies/own/base.yaml:10',
      },
    ]);
    // The baseline's own office target is replaced, and says so; nothing else of the baseline shows.
    expect(shown.preferences.domestic).toEqual([
      {
        class: 'office',
        target: 0.5,
        outcome: { status: 'warn', severity: 'medium' },
        from: 'policies/own/county.yaml:12',
        overrides: expect.stringMatching(/^builtin:cn-gov-baseline:\d+$/),
      },
    ]);
    expect(shown.catalog).toBeUndefined();
    expect(shown.rules).toBeUndefined();
  });
});

describe('docs/policy-reference.md', () => {
  it('shows the errors exactly as `policy validate` prints them', async () => {
    const docs = readFileSync(new URL('../../../docs/policy-reference.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('## Errors'));
    const block = section.slice(
      section.indexOf('```\n') + 4,
      section.indexOf('\n```', section.indexOf('```\n') + 4),
    );
    const result = await runCli(['policy', 'validate', 'policies/broken.yaml'], { cwd });
    expect(result.stderr.trimEnd().replaceAll('policies/broken.yaml', 'policy.yaml')).toBe(block);
  });
});
