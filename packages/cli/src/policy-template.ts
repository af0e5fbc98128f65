/**
 * The starter policy `zhengban policy init` writes: it extends the built-in baseline, lists the
 * agency's units (from a units file) and shows every other section as a commented example, in the
 * user's locale. It must load cleanly with loadPolicy as written, and it pins no key a pack sets
 * (forbidden.mode, preferences, settings, requirements classes and editions): those stay as comments,
 * so switching `extends` to builtin:cn-gov-strict really gives the strict check.
 */
import type { Locale, UnitInfo } from '@zhengban/core';

/** A YAML double-quoted scalar (JSON strings are valid YAML flow scalars). */
function quoted(text: string): string {
  return JSON.stringify(text);
}

function unitLines(units: readonly UnitInfo[]): string[] {
  return units.map((unit) => {
    const fields = [`name: ${quoted(unit.name)}`];
    if (unit.staff !== undefined) fields.push(`staff: ${unit.staff}`);
    if (unit.parent !== undefined && unit.parent !== '') fields.push(`parent: ${quoted(unit.parent)}`);
    return `  - { ${fields.join(', ')} }`;
  });
}

const TEXT = {
  'zh-CN': {
    header: [
      '# 软件正版化检查策略（由 zhengban policy init 生成）。',
      '# 修改后运行 zhengban policy validate 检查；所有段落说明见 docs/policy-reference.md。',
    ],
    description: '本单位软件正版化检查策略',
    owner: '软件正版化工作领导小组办公室',
    extendsNote: '# 内置产品目录与基线规则（@zhengban/rules）；验收检查改为 builtin:cn-gov-strict',
    inherited:
      '# 下面注释掉的段落沿用 extends 的内置策略包；取消注释就会覆盖它（例如改回 report 会使 cn-gov-strict 的白名单失效）。',
    forbiddenMode: '# 内置包决定：基线为 report，cn-gov-strict 为 allowlist',
    catalog: '# 本地产品：先于内置目录匹配。例如本单位自建的应用：',
    entitlements: '# 授权台账：每一笔许可（合同、数量、范围、有效期）。例如：',
    requirements: '# 每台计算机必须安装并正版授权的类别（操作系统、办公软件、杀毒软件）',
    editions: '# 家庭版不算正版化合格',
    kms: '# 本单位自己的 KMS 服务器；激活到其他 KMS 主机视为非正版',
    preferences: '# 国产化目标：该类别中国产产品所占计算机比例',
    forbidden: '# 禁止安装的软件（激活工具、破解工具）；mode: report 仅列出未知软件，allowlist 视为未授权',
    rules: '# 自定义规则（json-rules-engine 条件）。例如：',
    waivers: '# 豁免：规则 + 范围 + 理由 + 到期日。例如：',
    units: '# 单位及编制人数（统计表按此顺序列出）',
    noUnits: '# 尚无单位：用 --units 单位.csv 生成，或按下面的格式填写',
    settings: '# remediationDays: 限期纠正天数；unrecognised: report（列出待审）| unauthorised | ignore',
  },
  en: {
    header: [
      '# Genuine-software audit policy (written by zhengban policy init).',
      '# Check it with zhengban policy validate after editing; every section is in docs/policy-reference.md.',
    ],
    description: 'Genuine-software audit policy of our agency',
    owner: 'Genuine software working group office',
    extendsNote:
      '# built-in product catalogue and baseline rules (@zhengban/rules); builtin:cn-gov-strict for acceptance',
    inherited:
      '# Sections commented out below keep what the extended pack says; uncommenting one overrides it (e.g. mode: report would switch off the allowlist of cn-gov-strict).',
    forbiddenMode: '# the pack decides: report in the baseline, allowlist in cn-gov-strict',
    catalog: '# Local products, matched before the built-in catalogue. For example an in-house application:',
    entitlements: '# The licence ledger: every licence (contract, seats, scope, validity). For example:',
    requirements: '# Classes every computer must have, installed and licensed',
    editions: '# Home editions do not count as genuine for an agency',
    kms: "# The agency's own KMS hosts; activation against any other KMS host is not genuine",
    preferences: '# Domestic targets: share of computers whose product in the class is domestic',
    forbidden:
      '# Software that must never be installed; mode: report lists unknown software, allowlist fails it',
    rules: '# Custom rules (json-rules-engine conditions). For example:',
    waivers: '# Waivers: rule + scope + justification + expiry. For example:',
    units: '# Units and their authorised headcount (the statistics table lists them in this order)',
    noUnits: '# No units yet: generate them with --units units.csv, or fill in as below',
    settings: '# remediationDays: days to put a failure right; unrecognised: report | unauthorised | ignore',
  },
} as const;

export interface StarterPolicyOptions {
  name: string;
  units: readonly UnitInfo[];
  locale: Locale;
}

/** The starter policy's YAML text. */
export function starterPolicy(options: StarterPolicyOptions): string {
  const text = TEXT[options.locale];
  const lines = [
    ...text.header,
    'apiVersion: zhengban/v1',
    'metadata:',
    `  name: ${quoted(options.name)}`,
    '  version: 0.1.0',
    `  description: ${quoted(text.description)}`,
    `  owner: ${quoted(text.owner)}`,
    '',
    'extends:',
    `  - builtin:cn-gov-baseline  ${text.extendsNote}`,
    '',
    text.catalog,
    '# catalog:',
    '#   products:',
    '#     - id: oa-client',
    '#       name: 协同办公系统客户端',
    '#       category: other',
    '#       domestic: true',
    '#       license: bundled          # commercial | personal-use | freeware | open-source | bundled',
    '#       match:',
    '#         name: { glob: "协同办公*" }',
    '',
    text.entitlements,
    '#   - id: ENT-001',
    '#     product: wps-office-pro',
    '#     versions: ">=11"',
    '#     type: volume',
    '#     seats: 100',
    '#     scope: { units: ["办公室"] }',
    '#     purchased: 2024-05-20',
    '#     evidence: { contract: "HT-2024-001" }',
    'entitlements: []',
    '',
    text.inherited,
    text.requirements,
    '# requirements:',
    '#   classes: [os, office, antivirus]',
    `#   editions:`,
    `#     os: { deny: [Home, Core, Starter] }  ${text.editions}`,
    'requirements:',
    '  activation:',
    `    kmsHosts: []  ${text.kms}`,
    '',
    text.preferences,
    '# preferences:',
    '#   domestic:',
    '#     - class: office',
    '#       target: 0.8',
    '#       severity: warn',
    '',
    text.forbidden,
    'forbidden:',
    `#   mode: report  ${text.forbiddenMode}`,
    '  products: [kmspico, kmsauto, heu-kms-activator]',
    '',
    text.rules,
    '# rules:',
    '#   - id: av-too-old',
    '#     scope: software',
    '#     severity: warn',
    '#     conditions:',
    '#       all:',
    '#         - { fact: category, operator: equal, value: antivirus }',
    '#         - { fact: installDate, operator: lessThan, value: "2020-01-01" }',
    '#     message: 杀毒软件过旧，请升级',
    '',
    text.waivers,
    '# waivers:',
    '#   - rule: preferences.domestic.office',
    '#     units: ["办公室"]',
    '#     justification: 业务系统依赖 Excel 宏，经领导小组批准暂缓',
    '#     approvedBy: 软件正版化工作领导小组办公室',
    '#     expires: 2025-12-31',
    '',
    ...(options.units.length > 0
      ? [text.units, 'units:', ...unitLines(options.units)]
      : [text.noUnits, '#   - { name: "办公室", staff: 25 }', 'units: []']),
    '',
    text.settings,
    '# settings:',
    '#   remediationDays: 15',
    '#   unrecognised: report',
    '',
  ];
  return lines.join('\n');
}
