/**
 * The policy linter on a realistic county policy (fixtures/policies/county/policy.yaml): the policy
 * as written lints clean, and each typical mistake, made one at a time, is named at its
 * line:column in Chinese (English on request) with the word meant.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, type Policy, PolicyError, type PolicyLintWorld, type Problem } from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';
import { describe, expect, it } from 'vitest';

const COUNTY = new URL('./fixtures/policies/county/policy.yaml', import.meta.url).pathname;
const ORIGINAL = readFileSync(COUNTY, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'zhengban-lint-'));

/** The county policy with one edit (`from` must occur exactly once). */
function variant(from: string, to: string): string {
  expect(ORIGINAL.split(from).length, `"${from}" occurs once`).toBe(2);
  const file = join(dir, `variant-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, ORIGINAL.replace(from, to));
  return file;
}

function load(file: string, world?: PolicyLintWorld): Policy {
  return loadPolicy(file, { resolvers: [builtinResolver], ...(world ? { world } : {}) });
}

/** `line:column zh-message` per warning. */
function warningsOf(file: string, world?: PolicyLintWorld, locale: 'zh' | 'en' = 'zh'): string[] {
  return (load(file, world).warnings ?? []).map(
    (w: Problem) => `${w.line}:${w.column} ${locale === 'zh' ? w.text?.zh : w.message}`,
  );
}

function errorsOf(file: string): string[] {
  try {
    load(file);
  } catch (error) {
    if (error instanceof PolicyError) return error.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    throw error;
  }
  return [];
}

describe('policy lint on a county policy', () => {
  it('the policy as written lints clean', () => {
    const policy = load(COUNTY, {
      units: [{ name: '县人民政府办公室' }, { name: '县公安局' }],
      hosts: [
        'GAJ-PC-001',
        'GAJ-PC-002',
        'GAJ-PC-003',
        'CZJ-PC-001',
        'CZJ-PC-002',
        'JYJ-PC-001',
        'XXB-PC-009',
      ],
    });
    expect(policy.warnings).toBeUndefined();
    expect(policy.rules).toHaveLength(12);
    expect(policy.entitlements.filter((e) => e.location?.file === COUNTY)).toHaveLength(16);
  });

  const MISTAKES: Array<[mistake: string, from: string, to: string, expected: string[]]> = [
    [
      'waiver of a misspelt built-in rule',
      'rule: licensing.expired',
      'rule: licensing.expire',
      [
        '221:11 豁免“W-01”的规则“licensing.expire”不是任何规则的编号或前缀，因此豁免不了任何结果；是否想写“licensing.expired”？',
      ],
    ],
    [
      'waiver of a rule family with _ for .',
      'rule: preferences.domestic.office',
      'rule: preferences.domestic_office',
      [
        '227:11 豁免“W-02”的规则“preferences.domestic_office”不是任何规则的编号或前缀，因此豁免不了任何结果；是否想写“preferences.domestic.office”？',
      ],
    ],
    [
      'waiver of a custom rule id with a suffix',
      'rule: custom.remote-tool',
      'rule: custom.remote-tool-max2',
      [
        '232:11 豁免“W-03”的规则“custom.remote-tool-max2”不是任何规则的编号或前缀，因此豁免不了任何结果；是否想写“custom.remote-tool”？',
      ],
    ],
    [
      'waiver of a custom rule without custom.',
      'rule: custom.no-browser',
      'rule: no-browser',
      [
        '243:11 豁免“W-05”的规则“no-browser”是自定义规则，结果的规则编号是“custom.no-browser”；照现在的写法它豁免不了任何结果。',
      ],
    ],
    [
      'waiver of a unit under another name',
      'units: [县卫生健康委员会]\n',
      'units: ["县卫生健康委员会（卫健委）"]\n',
      [
        '228:13 豁免“W-02”的单位“县卫生健康委员会（卫健委）”不在单位清单中，因此匹配不到任何计算机；是否想写“县卫生健康委员会”？',
      ],
    ],
    [
      'waiver unit with a trailing space',
      'units: [县财政局]\n    justification',
      'units: ["县财政局 "]\n    justification',
      ['223:13 单位“县财政局 ”首尾有空格，与任何单位都不会相同；是否想写“县财政局”？'],
    ],
    [
      'scope unit with a trailing space',
      'scope: { units: [县公安局] }',
      'scope: { units: ["县公安局 "] }',
      ['37:22 单位“县公安局 ”首尾有空格，与任何单位都不会相同；是否想写“县公安局”？'],
    ],
    [
      'scope unit with an ideographic space',
      'scope: { units: [县公安局] }',
      'scope: { units: ["县公安局\u3000"] }',
      ['37:22 单位“县公安局\u3000”首尾有全角空格，与任何单位都不会相同；是否想写“县公安局”？'],
    ],
    [
      'scope unit one character off',
      'scope: { units: [县公安局] }',
      'scope: { units: [县公安厅] }',
      ['37:22 授权“ENT-02”的单位“县公安厅”不在单位清单中，因此匹配不到任何计算机；是否想写“县公安局”？'],
    ],
    [
      'scope of a parent unit only',
      'scope: { units: [县教育局, 县第一中学, 县实验小学] }\n    purchased',
      'scope: { units: [县教育局] }\n    purchased',
      [
        '43:22 授权“ENT-03”的范围是单位“县教育局”，它有下级单位（县第一中学、县实验小学）；范围只覆盖所列单位本身的计算机，不含下级单位——要让下级单位共用，请把它们列入 scope.units。',
      ],
    ],
    [
      'a fact that is not a fact',
      '{ fact: category, operator: equal, value: antivirus }',
      '{ fact: class, operator: equal, value: antivirus }',
      [
        '146:19 规则“foreign-antivirus”读取的“class”不是事实，只会被当作扫描器附带的记录属性读取（通常不存在），条件因此不会成立；是否想写“category”？',
      ],
    ],
    [
      'edition compared with a Chinese word',
      '{ fact: edition, operator: equal, value: HomeStudent }',
      '{ fact: edition, operator: equal, value: 家庭和学生版 }',
      [
        '154:52 规则“home-edition-office”的 edition 取规范名称，“家庭和学生版”永远不会出现；应写“HomeStudent”。',
      ],
    ],
    [
      'osEdition compared with a Chinese word',
      '{ fact: osEdition, operator: in, value: [Home, Starter] }',
      '{ fact: osEdition, operator: equal, value: 家庭版 }',
      ['174:54 规则“home-os”的 osEdition 取规范名称，“家庭版”永远不会出现；应写“Home”。'],
    ],
    [
      'categories compared with a Chinese word',
      '{ fact: categories, operator: doesNotContain, value: browser }',
      '{ fact: categories, operator: doesNotContain, value: 浏览器 }',
      ['181:64 规则“no-browser”的 categories 不会取值“浏览器”；是否想写“browser”？'],
    ],
    [
      'a boolean fact compared with text',
      '{ fact: domestic, operator: equal, value: false }',
      '{ fact: domestic, operator: equal, value: "false" }',
      [
        '147:53 规则“foreign-antivirus”把 domestic（true 或 false，不带引号）与 "false" 比较，两者永远不会相等。',
      ],
    ],
    [
      'a path with the wrong case',
      'path: $.office, operator: lessThan, value: 0.95',
      'path: $.Office, operator: lessThan, value: 0.95',
      [
        '195:39 规则“office-rate”的 path 取 genuineRates 的“Office”项，但 genuineRates 只有这些类别：activator, antivirus, archiver, browser, cloud, design, dev, im, input, media, office, os, other, pdf, science, system, tool；是否想写“office”？',
      ],
    ],
    [
      'a path in Chinese',
      'path: $.office, operator: lessThan, value: 0.5',
      'path: $.办公软件, operator: lessThan, value: 0.5',
      [
        '216:40 规则“county-domestic-office”的 path 取 domesticRates 的“办公软件”项，但 domesticRates 只有这些类别：activator, antivirus, archiver, browser, cloud, design, dev, im, input, media, office, os, other, pdf, science, system, tool；是否想写“office”？',
      ],
    ],
    [
      'a rate written as a percentage',
      '{ fact: genuineRate, operator: lessThan, value: 0.9 }',
      '{ fact: genuineRate, operator: lessThan, value: "90%" }',
      [
        '210:59 规则“county-rate”的 genuineRate 是 0 到 1 之间的比率，值 "90%" 是文字，比较永远不成立；写 0.9。',
      ],
    ],
    [
      'a product id the catalogue does not have',
      '{ fact: product, operator: equal, value: ms-office }',
      '{ fact: product, operator: equal, value: ms-ofice }',
      ['139:52 规则“office-2007-or-older”的 product 不会取值“ms-ofice”；是否想写“ms-office”？'],
    ],
    [
      'a version compared as a number',
      '{ fact: version, operator: versionInRange, value: "<14" }',
      '{ fact: version, operator: lessThan, value: 14 }',
      [
        '140:38 规则“office-2007-or-older”用 lessThan 比较版本号 version：它按数字或文字比较，6.1.7601 这样的版本既不是数字也不能按文字比大小；请用 versionInRange，例如 { operator: versionInRange, value: "<14" }。',
      ],
    ],
    [
      'an OS version compared as text',
      '{ fact: osVersion, operator: versionInRange, value: "<6.2" }',
      '{ fact: osVersion, operator: lessThan, value: "10" }',
      [
        '168:40 规则“windows-7”用 lessThan 比较版本号 osVersion：它按数字或文字比较，6.1.7601 这样的版本既不是数字也不能按文字比大小；请用 versionInRange，例如 { operator: versionInRange, value: "<10" }。',
      ],
    ],
    [
      'contains on a text fact',
      '{ fact: name, operator: matchesGlob, value: "*向日葵*" }',
      '{ fact: name, operator: contains, value: 向日葵 }',
      [
        '161:35 规则“remote-tool”对文字事实 name 用了 contains；contains 只用于列表，条件永远不会成立——请用 matchesGlob 或 matchesRegex。',
      ],
    ],
    [
      'a rate written as a whole percentage',
      '{ fact: genuineRate, operator: lessThan, value: 0.9 }',
      '{ fact: genuineRate, operator: lessThan, value: 90 }',
      ['210:59 规则“county-rate”的 genuineRate 是 0 到 1 之间的比率，90 应写成 0.9。'],
    ],
    [
      'a per-class fact compared as a whole',
      '{ fact: genuineRates, path: $.office, operator: lessThan, value: 0.95 }',
      '{ fact: genuineRates, operator: lessThan, value: 0.95 }',
      [
        '195:19 规则“office-rate”把按类别分项的 genuineRates 整体与 0.95 比较；请用 path 选一个类别，例如 path: $.office。',
      ],
    ],
    [
      'in with a single value',
      '{ fact: product, operator: in, value: [ms-office, wps-office-pro] }',
      '{ fact: product, operator: in, value: ms-office }',
      ['153:49 规则“home-edition-office”的 in 需要列表值（例如 [a, b]），而不是 "ms-office"。'],
    ],
    [
      'a licence model in Chinese',
      '{ fact: category, operator: equal, value: antivirus }',
      '{ fact: license, operator: equal, value: 商业软件 }',
      ['146:52 规则“foreign-antivirus”的 license 不会取值“商业软件”；是否想写“commercial”？'],
    ],
    [
      'a licence model in Chinese (personal use)',
      '{ fact: category, operator: equal, value: antivirus }',
      '{ fact: license, operator: equal, value: 个人免费 }',
      ['146:52 规则“foreign-antivirus”的 license 不会取值“个人免费”；是否想写“personal-use”？'],
    ],
    [
      'a vendor id the catalogue does not have',
      '{ fact: category, operator: equal, value: antivirus }',
      '{ fact: vendor, operator: equal, value: kingsoft }',
      ['146:51 规则“foreign-antivirus”的 vendor 不会取值“kingsoft”。'],
    ],
    [
      'a misspelt domestic class',
      '- { class: office, target: 0.9, severity: warn }',
      '- { class: ofice, target: 0.9, severity: warn }',
      ['130:16 国产化目标的类别“ofice”不是任何产品的类别，因此不会起作用；是否想写“office”？'],
    ],
    [
      'a domestic class in Chinese',
      '- { class: os, target: 0.3, severity: warn }',
      '- { class: 办公软件, target: 0.3, severity: warn }',
      ['131:16 国产化目标的类别“办公软件”不是任何产品的类别，因此不会起作用；是否想写“office”？'],
    ],
    [
      'a misspelt class in requirements.editions',
      '    os: { deny: [Home, Starter] }',
      '    offce: { deny: [Home, Starter] }',
      ['124:5 requirements.editions 中的类别“offce”不是任何产品的类别，因此不会起作用；是否想写“office”？'],
    ],
    [
      'a hyphenated class',
      'classes: [os, office, antivirus]',
      'classes: [os, office, anti-virus]',
      [
        '122:25 requirements.classes 中的类别“anti-virus”不是任何产品的类别，因此不会起作用；是否想写“antivirus”？',
        '238:11 豁免“W-04”的规则“requirements.missing.antivirus”不是任何规则的编号或前缀，因此豁免不了任何结果；是否想写“requirements.missing.anti-virus”？',
      ],
    ],
    [
      'a disposed line marked active',
      '    seats: 5\n    status: retired',
      '    seats: 5\n    status: active',
      [
        '64:13 授权“ENT-06”写了 status: active，同时又有 retired（报废记录）；已报废的授权仍会被当作有效来覆盖安装——删去 status 或写 status: retired。',
      ],
    ],
    [
      'a site licence with a seat count',
      '    product: 360-endpoint\n    type: site',
      '    product: 360-endpoint\n    type: site\n    seats: 1',
      [
        '81:12 授权“ENT-09”是场地授权（type: site），席位不限，seats: 1 不起作用；若只有 1 套，请写正确的授权类型。',
      ],
    ],
    [
      'an OEM licence without machines',
      '    scope: { hosts: [CZJ-PC-001, czj-pc-002] }\n',
      '',
      [
        '110:11 授权“ENT-14”是 OEM 授权，却没有 scope.hosts；OEM 许可随机器，不写计算机就成了全县共用的席位池。',
      ],
    ],
    [
      'a disposal dated after the audit',
      'retired: { date: 2023-06-30',
      'retired: { date: 2025-01-31',
      [
        '65:22 授权“ENT-06”的报废日期 2025-01-31 晚于审计基准日 2024-12-20，却已被当作报废；若基准日仍在使用，请去掉 retired 或改正日期。',
      ],
    ],
  ];

  it('takes every licence model the catalogue has (personal-use, unreviewed) as a value of license', () => {
    for (const model of ['personal-use', 'unreviewed'])
      expect(
        warningsOf(
          variant(
            '{ fact: category, operator: equal, value: antivirus }',
            `{ fact: license, operator: equal, value: ${model} }`,
          ),
        ),
      ).toEqual([]);
  });

  it.each(MISTAKES)('names %s at its line:column', (_mistake, from, to, expected) => {
    expect(warningsOf(variant(from, to))).toEqual(expected);
  });

  it('words every warning in English on request, with the same location and code', () => {
    const file = variant('rule: custom.no-browser', 'rule: no-browser');
    expect(warningsOf(file, undefined, 'en')).toEqual([
      '243:11 Waiver "W-05" names "no-browser", a custom rule whose findings are "custom.no-browser"; as written it waives nothing.',
    ]);
    expect(load(file).warnings?.[0]).toMatchObject({
      severity: 'warning',
      code: 'policy.unknown-waiver-rule',
      file,
    });
  });

  it('refuses a wildcard version such as 16.0.x, naming the range meant', () => {
    expect(errorsOf(variant('versions: ">=16.0 <16.1"', 'versions: "16.0.x"'))).toEqual([
      '53:15 Version range "16.0.x" is not valid: "16.0.x" holds a wildcard; write ">=16.0 <16.1".',
    ]);
  });

  it('refuses a misspelt operator at load time (not one error finding per subject)', () => {
    expect(
      errorsOf(
        variant(
          '{ fact: softwareCount, operator: greaterThan, value: 150 }',
          '{ fact: softwareCount, operator: ">", value: 150 }',
        ),
      ),
    ).toEqual(['188:44 Rule "too-many-programs" uses unknown operator ">"; did you mean "greaterThan"?']);
  });
});

describe('policy lint without any units list', () => {
  it('still names a unit written two ways within the policy', () => {
    const units = ORIGINAL.slice(
      ORIGINAL.indexOf('units:\n  - { name: 县人民政府办公室'),
      ORIGINAL.indexOf('entitlements:'),
    );
    const file = variant('units: [县卫生健康委员会]\n', 'units: ["县卫生健康委员会（卫健委）"]\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace(units, ''));
    expect(warningsOf(file)).toEqual([
      '218:13 豁免“W-02”的单位“县卫生健康委员会（卫健委）”与本策略别处写的“县卫生健康委员会”不是同一个名称，只有一个能匹配计算机；请统一写法（给出 --units 单位文件可核对）。',
    ]);
  });
});

describe('policy lint against units and hosts that exist', () => {
  const world: PolicyLintWorld = {
    units: [{ name: '县公安局' }],
    hosts: ['GAJ-PC-001', 'GAJ-PC-002', 'GAJ-PC-003', 'CZJ-PC-001', 'CZJ-PC-002', 'JYJ-PC-001', 'XXB-PC-009'],
  };

  it('names a host no inventory has, ignoring case as the engine does', () => {
    const file = variant('hosts: [GAJ-PC-001]', 'hosts: [GAJ-PC-01]');
    expect(warningsOf(file, world)).toEqual([
      '233:13 豁免“W-03”的计算机“GAJ-PC-01”不在所给清单中，因此匹配不到任何计算机；是否想写“GAJ-PC-001”？',
    ]);
    // Without inventories nothing says which hosts exist.
    expect(warningsOf(file)).toEqual([]);
  });

  it('names a unit that only a units file or inventory could confirm', () => {
    const file = variant('units: [县农业农村局]', 'units: [县农业局]');
    expect(warningsOf(file, world)).toEqual([
      '76:22 授权“ENT-08”的单位“县农业局”不在单位清单中，因此匹配不到任何计算机；是否想写“县农业农村局”？',
    ]);
  });
});
