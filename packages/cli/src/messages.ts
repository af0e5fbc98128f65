/**
 * Every string the CLI prints itself, in zh-CN (default) and en. Reports are localised by the
 * reporters; this module covers errors, hints, progress lines and help text.
 */
import type { Locale, LocalText } from '@zhengban/core';
import { HELP_TEXT } from './help-text.js';
import { DIFF_MERGE_MESSAGES } from './messages-diff-merge.js';
import { POLICY_CATALOG_MESSAGES } from './messages-policy-catalog.js';

/** Messages of every command: errors, option values, inputs and outputs, progress. */
const COMMON_MESSAGES = {
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
  // The English of problem `hosts.unit-override`; its Chinese is core's (problem-texts/input-problems.ts).
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
} satisfies Record<string, LocalText>;

/** The one catalogue: the parts merged. */
const MESSAGES = { ...COMMON_MESSAGES, ...POLICY_CATALOG_MESSAGES, ...DIFF_MERGE_MESSAGES };

/** Keys two parts both define; a spread would silently keep the last text, so this must be empty. */
type KeysDefinedTwice =
  | (keyof typeof COMMON_MESSAGES & keyof typeof POLICY_CATALOG_MESSAGES)
  | (keyof typeof COMMON_MESSAGES & keyof typeof DIFF_MERGE_MESSAGES)
  | (keyof typeof POLICY_CATALOG_MESSAGES & keyof typeof DIFF_MERGE_MESSAGES);
true satisfies [KeysDefinedTwice] extends [never] ? true : never;

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
