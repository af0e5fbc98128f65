/**
 * CLI messages of the commands that read a policy or the catalogue: `policy validate | init | show |
 * packs`, `ledger export`, `catalog match | list | suggest` and `explain`. Part of the one message
 * catalogue (messages.ts merges the parts); look a text up with `msg()`, not here.
 */
import type { LocalText } from '@zhengban/core';

export const POLICY_CATALOG_MESSAGES = {
  // policy
  policyValid: {
    zh: '✓ {file} 有效：策略「{name}」{version}，{products} 个产品，{entitlements} 条授权，{rules} 条自定义规则，{waivers} 项豁免，来源 {sources}',
    en: '✓ {file} is valid: policy "{name}" {version}, {products} products, {entitlements} entitlements, {rules} custom rules, {waivers} waivers, sources {sources}',
  },
  noPacks: { zh: '没有内置策略包。', en: 'no built-in policy packs.' },
  ledgerExported: {
    zh: '已写入授权台账 {path}（{count} 条授权）。可在 Excel 中继续维护，并在策略的 ledger: 中引用该文件。',
    en: 'wrote the licence ledger {path} ({count} entitlements). Keep it in Excel and name it under ledger: in the policy.',
  },
  ledgerExportLoss: {
    zh: '授权 {id} 的 {keys} 没有对应的台账列，未写入表格（仍保留在 YAML 中）',
    en: 'entitlement {id}: {keys} has no ledger column and is not in the workbook (it stays in the YAML)',
  },
  ledgerExportNotXlsx: {
    zh: '台账只能导出为 .xlsx 文件，而不是 {path}',
    en: 'the ledger is exported as an .xlsx file, not {path}',
  },
  policyValidLedgerProblems: {
    zh: '策略可以加载，但台账表格中有 {count} 个问题（见上；出错的行未读入）',
    en: 'the policy loads, but its ledger sheets have {count} problems (above; rows in error were not read)',
  },
  policyInitWritten: {
    zh: '已写入初始策略 {path}（{units} 个单位）。下一步: zhengban policy validate {path}',
    en: 'wrote starter policy {path} ({units} units). Next: zhengban policy validate {path}',
  },

  // explain
  explainNothing: {
    zh: '{file} 中没有编号为 {target} 的发现，也没有关于计算机 {target} 的发现（没有发现的计算机不会列出）',
    en: '{file} has no finding with id {target} and none about a computer named {target} (computers without findings are not listed)',
  },
  status_fail: { zh: '不合格', en: 'fail' },
  status_warn: { zh: '警告', en: 'warn' },
  status_error: { zh: '无法判断', en: 'error' },
  status_pass: { zh: '合格', en: 'pass' },
  status_skip: { zh: '跳过', en: 'skip' },
  status_waived: { zh: '已豁免', en: 'waived' },

  // catalog
  catalogNoMatch: {
    zh: "目录中没有产品匹配 '{name}'",
    en: "no catalogue product matches '{name}'",
  },
  catalogUnknownClass: {
    zh: "没有类别 '{word}'；目录中的类别有：{classes}",
    en: "no class '{word}'; the catalogue has: {classes}",
  },
  catalogEmpty: { zh: '没有符合条件的产品。', en: 'no products match.' },
  catalogMatched: { zh: '{input} → {id}（{name}）', en: '{input} → {id} ({name})' },
  catalogDetails: {
    zh: '  类别: {category}  厂商: {vendor}  国产: {domestic}  许可模式: {license}',
    en: '  class: {category}  vendor: {vendor}  domestic: {domestic}  licence model: {license}',
  },
  catalogWhy: { zh: '  匹配依据: {why}', en: '  matched by: {why}' },
  catalogEdition: { zh: '  版本类型: {edition}', en: '  edition: {edition}' },
  catalogDefinedAt: { zh: '  定义位置: {where}', en: '  defined at: {where}' },
  catalogNotes: { zh: '  备注: {notes}', en: '  notes: {notes}' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  catalogHeader: { zh: 'ID|类别|国产|许可模式|名称', en: 'ID|class|domestic|licence|name' },
  catalogVersionLicense: {
    zh: '  版本 {versions} 的许可模式: {license}{notes}',
    en: '  licence model for versions {versions}: {license}{notes}',
  },
  suggestNothing: {
    zh: '{path} 中没有未识别软件，无须生成目录草稿。',
    en: '{path} lists no unrecognised software: no draft to write.',
  },
  suggestWritten: {
    zh: '已写入目录草稿 {path}：{count} 个产品（覆盖 {hosts} 台次计算机）。请逐个核定 license 后在策略中 extends 此文件；核定前 policy validate 会列出它们。',
    en: 'wrote draft catalogue {path}: {count} products ({hosts} computer installations). Decide each license, then extend it from your policy; until then policy validate lists them.',
  },
  suggestHeader: {
    zh: '由 zhengban catalog suggest 根据 {report}（{asOf}）生成的目录草稿：按计算机数排列的前 {count} 种未识别软件。\n请逐项核对：name 与 match 去掉了版本号和架构；vendor 取自发行商；category 与 domestic 为猜测。\nlicense: unreviewed 表示许可方式待核定（按商业软件判定，policy validate 会列出），请改为\ncommercial、personal-use、freeware、open-source 或 bundled，并在 notes 中写明依据（厂商许可页）。\n用法：在策略中写 extends: [./本文件名]。',
    en: 'Draft catalogue written by zhengban catalog suggest from {report} ({asOf}): the top {count} unrecognised titles by computers.\nCheck each entry: name and match have versions and architectures removed; vendor comes from the publisher; category and domestic are guesses.\nlicense: unreviewed means the licence model is not decided (judged as commercial, listed by policy validate): change it to\ncommercial, personal-use, freeware, open-source or bundled, and say in notes where the model comes from (the vendor licence page).\nUse: extends: [./this-file] in your policy.',
  },
  suggestNotes: {
    zh: '待核定：见于 {hosts} 台次计算机（如 {samples}）；名称：{spellings}',
    en: 'To review: found on {hosts} computer installations (e.g. {samples}); names: {spellings}',
  },
  unreviewedLicense: {
    zh: '{where}  警告  产品 {id}（{name}）的许可方式尚未核定（license: unreviewed），暂按商业软件判定；请改为 commercial、personal-use、freeware、open-source 或 bundled。',
    en: '{where}  warning  product {id} ({name}) has no licence model yet (license: unreviewed) and is judged as commercial; set commercial, personal-use, freeware, open-source or bundled.',
  },
} satisfies Record<string, LocalText>;
