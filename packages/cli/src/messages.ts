/**
 * Every string the CLI prints itself, in zh-CN (default) and en. Reports are localised by the
 * reporters; this module covers errors, hints, progress lines and help text.
 */
import type { Locale, LocalText } from '@zhengban/core';
import { HELP_TEXT } from './help-text.js';

const MESSAGES = {
  errorPrefix: { zh: '错误', en: 'error' },
  helpHint: { zh: "运行 '{command} --help' 查看用法。", en: "Run '{command} --help' for usage." },
  verboseHint: {
    zh: '（加 --verbose 可查看详细信息）',
    en: '(run with --verbose for details)',
  },
  internalError: { zh: '内部错误: {message}', en: 'internal error: {message}' },
  stalled: {
    zh: '一个插件停止响应（它的 Promise 永远不会完成），已放弃本次运行。',
    en: 'a plugin stopped responding (its promise can never settle); the run was abandoned.',
  },
  interrupted: {
    zh: '已中断：扫描已停止，未写入任何报告。',
    en: 'interrupted: scanning stopped, no report was written.',
  },

  // commander's own parse errors, translated
  unknownOption: { zh: "未知选项 '{option}'", en: "unknown option '{option}'" },
  didYouMean: { zh: '（是否想用 {suggestion}？）', en: ' (did you mean {suggestion}?)' },
  unknownCommand: { zh: "未知命令 '{command}'", en: "unknown command '{command}'" },
  missingArgument: { zh: "缺少参数 '{argument}'", en: "missing required argument '{argument}'" },
  optionMissingValue: { zh: "选项 '{option}' 缺少值", en: "option '{option}' needs a value" },
  missingMandatoryOption: {
    zh: "缺少必需的选项 '{option}'",
    en: "required option '{option}' not specified",
  },
  excessArguments: { zh: '多余的参数: {args}', en: 'too many arguments: {args}' },
  noCommand: { zh: '请给出一个命令', en: 'a command is required' },

  // option values
  badChoice: {
    zh: "选项 '{option}' 的值 '{value}' 无效，可选: {choices}",
    en: "option '{option}' got '{value}'; expected one of: {choices}",
  },
  badCount: {
    zh: '{option} 须为不小于 1 的整数，而不是 "{value}"',
    en: '{option} must be a whole number of at least 1, not "{value}"',
  },
  badDate: {
    zh: "选项 '--as-of' 的值 '{value}' 不是有效日期（应为 YYYY-MM-DD）",
    en: "option '--as-of' got '{value}', which is not a date (expected YYYY-MM-DD)",
  },
  needInput: {
    zh: '至少需要一个 --input KIND:PATH',
    en: 'at least one --input KIND:PATH is required',
  },
  badInputSpec: {
    zh: "输入 '{spec}' 缺少类型，应写成 KIND:PATH（例如 csv:inventory.csv 或 windows:local）",
    en: "input '{spec}' has no kind; write KIND:PATH (e.g. csv:inventory.csv or windows:local)",
  },
  badReportSpec: {
    zh: "报告 '{spec}' 无效，应写成 FORMAT 或 FORMAT:PATH",
    en: "report '{spec}' is not valid; write FORMAT or FORMAT:PATH",
  },
  unknownScanner: {
    zh: "未知的输入类型 '{kind}'。内置: {names}；也可以给出 ./扫描器.mjs 或包名",
    en: "unknown input kind '{kind}'. Built in: {names}; or give a ./scanner.mjs path or a package name",
  },
  unknownReporter: {
    zh: "未知的报告格式 '{kind}'。内置: {names}；也可以给出 ./报告器.mjs 或包名",
    en: "unknown report format '{kind}'. Built in: {names}; or give a ./reporter.mjs path or a package name",
  },
  pluginNotFound: { zh: "找不到模块 '{spec}'", en: "cannot find module '{spec}'" },
  pluginLoadFailed: {
    zh: "无法加载模块 '{spec}': {message}",
    en: "cannot load module '{spec}': {message}",
  },
  pluginShape: {
    zh: "模块 '{spec}' 没有导出{what}（默认导出、具名导出 '{named}' 或返回它的工厂函数）",
    en: "module '{spec}' exports no {what} (default export, named export '{named}' or a factory returning one)",
  },
  whatScanner: { zh: '扫描器', en: 'scanner' },
  whatReporter: { zh: '报告器', en: 'reporter' },
  twoStdoutReports: {
    zh: '最多只能有一个报告输出到标准输出，而 {formats} 都没有给出路径',
    en: 'at most one report can go to stdout, but {formats} have no path',
  },
  binaryToTty: {
    zh: "报告格式 '{format}' 是二进制文件，不能输出到终端；请写成 {format}:文件路径",
    en: "report format '{format}' is binary and cannot go to a terminal; write {format}:PATH",
  },
  splitNameClash: {
    zh: "单位 '{first}' 和 '{second}' 的报告文件名相同（{path}），无法按单位分别写出：请在单位表中区分它们的名称",
    en: "units '{first}' and '{second}' would be written to the same file ({path}): give them distinct names in the units file",
  },
  splitNeedsFolder: {
    zh: '--split unit 需要至少一个写入目录的报告，例如 --report html:out/各单位/',
    en: '--split unit needs at least one report written to a folder, e.g. --report html:out/units/',
  },
  wroteSplit: {
    zh: '已写入 {count} 个单位的报告及索引: {path}',
    en: 'wrote reports of {count} units and an index: {path}',
  },
  csvDirOnlyCsv: {
    zh: "只有 csv 报告可以写入目录（'{spec}'）；按单位分别写出请加 --split unit",
    en: "only the csv report can be written to a folder ('{spec}'); add --split unit to write one report per unit",
  },
  inputMissing: { zh: '输入文件不存在: {path}', en: 'input file not found: {path}' },
  policyMissing: { zh: '策略文件不存在: {path}', en: 'policy file not found: {path}' },
  unitsMissing: { zh: '单位文件不存在: {path}', en: 'units file not found: {path}' },
  fileMissing: { zh: '文件不存在: {path}', en: 'file not found: {path}' },
  inputQueryNotCsv: {
    zh: "只有 csv 输入可以带 ?列名映射 等选项（'{spec}'）",
    en: "only a csv input takes ?column=… options ('{spec}')",
  },
  inputQueryKey: {
    zh: "'{spec}' 中的选项 {key} 不存在；可用：{keys}",
    en: "'{spec}': no option {key}; options are {keys}",
  },
  hostsMissing: { zh: '计算机归属文件不存在: {path}', en: 'hosts file not found: {path}' },
  hostUnitOverride: {
    zh: '计算机 {host}：输入中的单位为“{read}”，计算机归属文件（{pattern}）将其归入“{unit}”；按“{unit}”统计',
    en: 'computer {host}: the input says unit "{read}", the hosts file ({pattern}) puts it in "{unit}"; counted in "{unit}"',
  },
  inputFileFailed: {
    zh: '有 {count} 个输入文件无法读取（已列入报告的“问题”部分，其余文件已读取）；退出码 2',
    en: '{count} input file(s) could not be read (listed under problems in the report; the other files were read); exit code 2',
  },
  sinceAfterAsOf: {
    zh: '--since 给出的报告 {path} 截至 {before}，晚于本次检查的截至日期 {asOf}：请给出上一阶段的报告',
    en: "--since {path} is as of {before}, after this audit's as-of date {asOf}: give an earlier phase's report",
  },
  inputUnreadable: {
    zh: '输入 {source} 完全无法读取: {message}',
    en: 'input {source} could not be read at all: {message}',
  },
  outputUnwritable: {
    zh: '无法写入输出文件 {path}: {reason}',
    en: 'cannot write output file {path}: {reason}',
  },
  outputOverInput: {
    zh: '输出 {output} 会覆盖或写入输入 {input}；请换一个输出路径',
    en: 'output {output} would overwrite or write into the input {input}; choose another output path',
  },
  outputsCollide: {
    zh: '两个输出写到同一位置: {first} 和 {second}',
    en: 'two outputs go to the same place: {first} and {second}',
  },
  stdoutName: { zh: '标准输出', en: 'standard output' },
  outputExists: {
    zh: '文件已存在: {path}（加 --force 覆盖）',
    en: 'file exists: {path} (use --force to overwrite)',
  },
  policyProblems: {
    zh: '策略有 {count} 个问题:',
    en: 'the policy has {count} problem(s):',
  },
  policyWarnings: {
    zh: '策略有 {count} 个警告（可以运行，但结果可能与本意不符）:',
    en: 'the policy has {count} warning(s) (it runs, but may not do what was meant):',
  },
  notePrefix: { zh: '提示：', en: 'note: ' },
  policyNotes: { zh: '策略检查的提示:', en: 'notes on the policy:' },
  policyValidWithWarnings: {
    zh: '⚠ {file} 可以加载，但有 {count} 个警告（见上）：策略「{name}」{version}，{products} 个产品，{entitlements} 条授权，{rules} 条自定义规则，{waivers} 项豁免，来源 {sources}',
    en: '⚠ {file} loads, with {count} warning(s) (above): policy "{name}" {version}, {products} products, {entitlements} entitlements, {rules} custom rules, {waivers} waivers, sources {sources}',
  },
  problemsInInputs: {
    zh: '输入中有 {rejected} 条记录无法读取，已列入报告的“问题”部分。',
    en: '{rejected} input record(s) could not be read; they are listed under problems in the report.',
  },
  wrote: { zh: '已写入 {path}', en: 'wrote {path}' },
  wroteInventory: {
    zh: '已写入 {path}：{hosts} 台计算机，{records} 条记录',
    en: 'wrote {path}: {hosts} computer(s), {records} record(s)',
  },
  inputDone: {
    zh: '{source}: {hosts} 台计算机，读取 {read} 条（接受 {accepted}，拒绝 {rejected}，忽略 {ignored}）',
    en: '{source}: {hosts} computer(s), {read} record(s) read ({accepted} accepted, {rejected} rejected, {ignored} ignored)',
  },
  progressFormat: {
    zh: '扫描 {bar} {value}/{total} 个输入 | {hosts} 台计算机 | {speed} 条/秒 | {label}',
    en: 'scanning {bar} {value}/{total} inputs | {hosts} computers | {speed} records/s | {label}',
  },
  exitSummary: {
    zh: '{count} 项发现达到 --fail-on {level} 的阈值',
    en: '{count} finding(s) at or above --fail-on {level}',
  },

  // policy
  policyValid: {
    zh: '✓ {file} 有效：策略「{name}」{version}，{products} 个产品，{entitlements} 条授权，{rules} 条自定义规则，{waivers} 项豁免，来源 {sources}',
    en: '✓ {file} is valid: policy "{name}" {version}, {products} products, {entitlements} entitlements, {rules} custom rules, {waivers} waivers, sources {sources}',
  },
  noPacks: { zh: '没有内置策略包。', en: 'no built-in policy packs.' },
  diffPlan: {
    zh: '整改方案执行情况：完成 {done}/{items} 项措施（另有 {partlyDone} 项部分完成），{seatsDone}/{seats} 套，经费 {costDone}/{cost}',
    en: 'Plan carried out: {done} of {items} actions done ({partlyDone} more in part), {seatsDone} of {seats} seats, cost {costDone} of {cost}',
  },
  diffPlanUnit: {
    zh: '{unit}：完成 {done}/{items} 项，经费 {costDone}/{cost}',
    en: '{unit}: {done} of {items} actions, cost {costDone} of {cost}',
  },
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

  // diff
  notAReport: {
    zh: '{path} 不是 zhengban 的 JSON 报告（缺少 {field}）',
    en: '{path} is not a zhengban JSON report (missing {field})',
  },
  badReportField: {
    zh: '{path} 不是 zhengban 的 JSON 报告（{field} 无效）',
    en: '{path} is not a zhengban JSON report ({field} is not valid)',
  },
  reportsDoNotCombine: {
    zh: '这些报告无法合并：其中有不是 zhengban 生成的报告内容（{message}）',
    en: 'these reports cannot be combined: one holds content zhengban did not write ({message})',
  },
  diffTitle: {
    zh: '整改进展：{before}（{beforeAsOf}）→ {after}（{afterAsOf}）',
    en: 'Progress: {before} ({beforeAsOf}) → {after} ({afterAsOf})',
  },
  diffSummary: {
    zh: '已整改 {fixed} 项，新增 {new} 项，仍未整改 {stillOpen} 项（未整改发现 {openBefore} → {openAfter}；计算机 {computersBefore} → {computersAfter} 台）',
    en: '{fixed} fixed, {new} new, {stillOpen} still open (open findings {openBefore} → {openAfter}; computers {computersBefore} → {computersAfter})',
  },
  diffByRule: { zh: '按规则', en: 'By rule' },
  diffRuleHeader: { zh: '规则|已整改|新增|仍未整改', en: 'rule|fixed|new|still open' },
  diffGenuineRates: { zh: '正版率变化', en: 'Genuine rate changes' },
  diffDomesticRates: { zh: '国产化率变化', en: 'Domestic rate changes' },
  diffUnit: { zh: '单位', en: 'unit' },
  diffTotal: { zh: '合计', en: 'total' },
  diffNewFindings: { zh: '新增发现', en: 'New findings' },
  diffFixedFindings: { zh: '已整改的发现', en: 'Fixed findings' },
  diffMore: {
    zh: '…… 另有 {count} 项（用 --format json 查看全部）',
    en: '… {count} more (see --format json)',
  },
  diffNone: { zh: '无', en: 'none' },
  diffOverdue: {
    zh: '逾期未整改 {before} → {after} 项',
    en: 'overdue findings {before} → {after}',
  },
  diffRanking: { zh: '单位排名（按整改进展）', en: 'Units ranked by progress' },
  diffRankingHeader: {
    zh: '名次|单位|正版率|变化|已整改|新增|未整改|逾期',
    en: 'rank|unit|genuine rate|change|fixed|new|open|overdue',
  },
  diffPraise: { zh: '通报表扬', en: 'Praise (通报表扬)' },
  diffCriticise: { zh: '通报批评', en: 'Criticism (通报批评)' },
  diffThresholds: {
    zh: '标准：表扬——总体正版率不低于 {praiseRate}、未整改问题不超过 {praiseOpen} 项且无逾期；批评——逾期问题达到 {overdue} 项{rateFell}{rateBelow}',
    en: 'thresholds: praise — overall genuine rate at least {praiseRate}, at most {praiseOpen} open findings and none overdue; criticism — {overdue} or more overdue findings{rateFell}{rateBelow}',
  },
  diffThresholdRateFell: { zh: '，或正版率下降', en: ', or a genuine rate that fell' },
  diffThresholdRateBelow: { zh: '，或正版率低于 {threshold}', en: ', or a genuine rate below {threshold}' },
  reasonGenuineRate: {
    zh: '总体正版率 {value}（不低于 {threshold}）',
    en: 'overall genuine rate {value} (at least {threshold})',
  },
  reasonOutstanding: {
    zh: '未整改问题 {value} 项（不超过 {threshold} 项）',
    en: '{value} open finding(s) (at most {threshold})',
  },
  reasonNoOverdue: { zh: '无逾期问题', en: 'nothing overdue' },
  reasonOverdue: { zh: '逾期未整改问题 {value} 项', en: '{value} overdue finding(s)' },
  reasonRateFell: { zh: '正版率由 {before} 降至 {after}', en: 'genuine rate fell from {before} to {after}' },
  reasonRateBelow: { zh: '正版率 {value} 低于 {threshold}', en: 'genuine rate {value} below {threshold}' },
  classOs: { zh: '操作系统', en: 'OS' },
  classOffice: { zh: '办公软件', en: 'office' },
  classAntivirus: { zh: '杀毒软件', en: 'antivirus' },
  classOverall: { zh: '总体', en: 'overall' },
  mergeNeedsTwo: { zh: '至少需要两个报告才能合并', en: 'merging needs at least two reports' },
  merged: {
    zh: '已合并 {count} 份报告到 {path}（{computers} 台计算机）',
    en: 'merged {count} reports into {path} ({computers} computers)',
  },
  notRegularFile: {
    zh: '{path} 不是普通文件（设备、管道或套接字），无法读取',
    en: '{path} is not a regular file (a device, a pipe or a socket)',
  },
  // Reports read as streams (diff, merge, render, explain, catalog suggest, audit --since).
  reportTooLarge: {
    zh: '{path} 超过 {limit}，不予读取',
    en: '{path} is larger than {limit} and is not read',
  },
  reportPartTooLarge: {
    zh: '{path} 中的 {field} 一项就超过 {limit}，无法读取（不是 zhengban 写出的报告）',
    en: '{path}: {field} alone is larger than {limit} and cannot be read (zhengban does not write such reports)',
  },
  badJson: { zh: 'JSON 无效: {message}', en: 'invalid JSON: {message}' },
} satisfies Record<string, LocalText>;

export type MessageKey = keyof typeof MESSAGES;

/** `{name}` placeholders are replaced by params; unknown placeholders stay as written. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function localText(text: LocalText, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** A CLI message in the locale, with its placeholders filled. */
export function msg(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(localText(MESSAGES[key], locale), params);
}

export type HelpKey = keyof typeof HELP_TEXT;

/** Help text (descriptions, examples) in the locale. */
export function help(locale: Locale, key: HelpKey): string {
  return localText(HELP_TEXT[key], locale);
}

/** The locale asked for: `--locale X` / `--locale=X` anywhere in argv, else ZHENGBAN_LOCALE, else zh-CN. */
export function localeFrom(argv: readonly string[], env: Record<string, string | undefined>): Locale {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice(9) : undefined;
    if (value !== undefined) return normaliseLocale(value) ?? 'zh-CN';
  }
  return normaliseLocale(env.ZHENGBAN_LOCALE ?? '') ?? 'zh-CN';
}

/** `en`, `en-US`, `EN` → en; `zh`, `zh-CN`, `zh_CN` → zh-CN; anything else → undefined. */
export function normaliseLocale(value: string): Locale | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
  return undefined;
}
