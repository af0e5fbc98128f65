/**
 * `--help` text: command and option descriptions and examples, zh-CN and en. (The messages module
 * re-exports these through `help()`; keep every help string here.)
 */
import type { LocalText } from '@zhengban/core';

export const HELP_TEXT = {
  program: {
    zh: 'zhengban（正版）：党政机关软件正版化检查——扫描清单、按策略判定、输出统计表和问题清单',
    en: 'zhengban (正版): genuine-software compliance audits — scan inventories, judge them by a policy, print the statistics table and findings',
  },
  optLocale: { zh: '输出语言: zh-CN（默认）或 en', en: 'output language: zh-CN (default) or en' },
  optQuiet: { zh: '不显示进度和提示', en: 'no progress or notes on stderr' },
  optVerbose: { zh: '详细日志；出错时显示调用栈', en: 'detailed logs; stack traces on errors' },
  optVersion: {
    zh: '显示版本号（也可用 zhengban --version）',
    en: 'print the version (also zhengban --version)',
  },
  optHelp: { zh: '显示帮助', en: 'display help' },
  helpCommand: { zh: '显示某个命令的帮助', en: 'display help for a command' },

  audit: {
    zh: '按策略检查清单，输出报告；退出码 0 合格，1 有达到 --fail-on 的发现，2 用法/策略/输入错误',
    en: 'audit inventories against a policy and write reports; exit 0 clean, 1 findings at or above --fail-on, 2 usage/policy/input error',
  },
  optPolicy: { zh: '策略文件（YAML，必需）', en: 'policy file (YAML, required)' },
  optInput: {
    zh: '输入 KIND:PATH，可重复；KIND 为 windows、linux、csv、osquery、inventory、glpi、wazuh，./扫描器.mjs 或包名；windows:local / linux:local 扫描本机；csv:登记表.xlsx?host=资产编号&name=软件&sheet=2024 指定列与工作表',
    en: 'input KIND:PATH, repeatable; KIND is windows, linux, csv, osquery, inventory, glpi, wazuh, a ./scanner.mjs or a package name; windows:local / linux:local scan this machine; csv:register.xlsx?host=Asset&name=Software&sheet=2024 names columns and a sheet',
  },
  optUnits: {
    zh: '单位文件（CSV：单位、编制人数、上级单位；可加“计算机名”列指明各单位的计算机）',
    en: 'units file (CSV: unit, staff, parent; a computer column puts computers in units)',
  },
  optHosts: {
    zh: '计算机归属文件（CSV：计算机名、单位；计算机名可用 * ? 通配）',
    en: 'hosts file (CSV: computer, unit; computer names may use * ? wildcards)',
  },
  optReport: {
    zh: '报告 FORMAT[:PATH]，可重复；格式 console、json、html、csv、xlsx、markdown、sarif、junit 或 ./报告器.mjs；无路径则输出到标准输出（最多一个）；csv:目录/ 写出全部表格',
    en: 'report FORMAT[:PATH], repeatable; console, json, html, csv, xlsx, markdown, sarif, junit or a ./reporter.mjs; no path = stdout (one at most); csv:DIR/ writes every table',
  },
  optAsOf: {
    zh: '检查基准日期 YYYY-MM-DD（默认取策略 settings.asOf 或今天）',
    en: 'audit date YYYY-MM-DD (default: policy settings.asOf or today)',
  },
  optFailOn: {
    zh: '退出码 1 的阈值: fail（默认，不合格或错误）、warn（含警告）、never',
    en: 'what makes exit code 1: fail (default: fail or error), warn (adds warnings), never',
  },
  optPlan: {
    zh: '在报告中加入整改方案与经费预算（逐项措施：调配、升级、续订、采购、卸载、安装，含金额；xlsx 含采购计划、经费预算两张表）',
    en: 'add the rectification plan and its budget to the report (reassign, upgrade, renew, buy, remove, install, with costs; xlsx gets the 采购计划 and 经费预算 sheets)',
  },
  optDetails: {
    zh: '在报告中加入明细表：每台计算机每个必装类别一行（产品、版本、授权编号或问题；xlsx 为“明细表”工作表）',
    en: 'add the per-computer details: one row per computer and mandatory class (product, version, entitlement or findings; the xlsx 明细表 sheet)',
  },
  optSplit: {
    zh: '按单位分别写出报告：写入目录的报告（如 --report html:out/各单位/）每个单位一份，另有全部单位汇总和索引（index.html、index.xlsx）；取值 unit',
    en: 'write one report per unit: each report given a folder (e.g. --report html:out/units/) gets one file per unit, the whole fleet and an index (index.html, index.xlsx); value: unit',
  },
  optSince: {
    zh: '上一阶段的 JSON 报告：沿用其中仍未整改问题的首次发现日期和整改期限，逾期未改的标为“逾期”',
    en: "an earlier phase's JSON report: findings still open keep their first-seen date and deadline, and are flagged overdue once it has passed",
  },
  optMergeable: {
    zh: '在 JSON 报告中写入合并数据（mergeBasis：需要席位的每项安装及完整策略），供 zhengban merge 合并各县报告；报告会明显变大',
    en: 'write merge data into the JSON report (mergeBasis: every installation needing a seat and the resolved policy) so zhengban merge can combine it; makes the report much larger',
  },

  scan: {
    zh: '只扫描，保存规范化清单（JSON Lines），之后用 audit --input inventory:文件 反复检查',
    en: 'scan only and save the normalised inventory (JSON Lines); audit it later with --input inventory:FILE',
  },
  optOut: { zh: '输出文件（默认标准输出）', en: 'output file (default: stdout)' },

  policy: {
    zh: '策略文件：校验、查看、生成、内置策略包',
    en: 'policy files: validate, show, init, built-in packs',
  },
  policyValidate: {
    zh: '校验策略，列出全部错误和警告（文件:行:列）；有错误退出码 2，只有警告退出码 1',
    en: 'validate a policy; every error and warning as file:line:col; exit 2 on errors, 1 on warnings only',
  },
  optValidateUnits: {
    zh: '单位文件：检查策略中的单位名称是否存在、上级单位的授权范围',
    en: 'units file: check that the unit names in the policy exist, and parent-unit scopes',
  },
  optValidateInput: {
    zh: '清单 KIND:PATH，可重复：检查策略中的计算机名和单位名是否存在',
    en: 'inventory KIND:PATH, repeatable: check that the computer and unit names in the policy exist',
  },
  policyShow: { zh: '显示合并 extends 之后的完整策略', en: 'print the resolved policy (extends merged)' },
  optShowFormat: { zh: '输出格式: yaml（默认）或 json', en: 'output format: yaml (default) or json' },
  optShowOwn: {
    zh: '只显示本策略文件自己写的条目（不含 builtin: 包），每项注明出处（from）和被它替换的条目（overrides）',
    en: "only the items the author's own files write (not builtin: packs), each with where it came from (from) and what it replaced (overrides)",
  },
  policyInit: {
    zh: '生成带注释的初始策略（继承 builtin:cn-gov-baseline），可从单位文件列出单位',
    en: 'write a commented starter policy extending builtin:cn-gov-baseline, with units from a units file',
  },
  optInitUnits: { zh: '单位文件，生成 units 段', en: 'units file for the units section' },
  optInitOut: { zh: '写入的文件（默认标准输出）', en: 'file to write (default: stdout)' },
  optInitName: { zh: 'metadata.name（默认 agency-policy）', en: 'metadata.name (default agency-policy)' },
  optForce: { zh: '覆盖已有文件', en: 'overwrite an existing file' },
  policyPacks: { zh: '列出内置策略包和产品目录', en: 'list the built-in policy packs and catalogues' },

  ledger: {
    zh: '授权台账：导出为 Excel 表格',
    en: 'licence ledger: export it as an Excel workbook',
  },
  ledgerExport: {
    zh: '把合并后的授权台账（YAML 与 ledger: 表格）写成 XLSX，列与台账表格相同，含剩余天数',
    en: 'write the merged ledger (YAML and ledger: sheets) to an XLSX in the ledger sheet columns, with days left',
  },
  optLedgerOut: { zh: '写入的 .xlsx 文件', en: '.xlsx file to write' },
  optLedgerAsOf: {
    zh: '剩余天数的起算日期（默认策略的 settings.asOf，否则今天）',
    en: 'date days left are counted from (default settings.asOf, else today)',
  },
  catalog: { zh: '产品目录：识别软件、列出产品', en: 'product catalogue: recognise software, list products' },
  catalogMatch: {
    zh: '这个软件是目录中的哪个产品，依据是什么（未识别时退出码 1）',
    en: 'which catalogue product this software is, and why (exit 1 when unrecognised)',
  },
  optPublisher: { zh: '发布者', en: 'publisher' },
  optMatchVersion: { zh: '软件版本', en: 'software version' },
  optOsId: { zh: '操作系统 ID（os-release 的 ID，或 windows）', en: 'OS id (os-release ID, or windows)' },
  optCatalogPolicy: {
    zh: '使用此策略的目录（本地产品优先）；默认内置目录',
    en: "use this policy's catalogue (local products first); default: the built-in catalogue",
  },
  catalogList: { zh: '列出目录中的产品', en: 'list catalogue products' },
  catalogSuggest: {
    zh: '根据 JSON 报告中的未识别软件生成目录草稿（license 待核定）',
    en: "draft catalogue entries for a JSON report's unrecognised software (licence left to review)",
  },
  optTop: {
    zh: '草稿收录的软件数（按计算机数排序，默认 20）',
    en: 'how many titles to draft, by computers (default 20)',
  },
  optSuggestOut: { zh: '写入的 YAML 文件（默认标准输出）', en: 'YAML file to write (default: stdout)' },
  optClass: {
    zh: '只列出此类别（os、office、antivirus……）',
    en: 'only this class (os, office, antivirus, …)',
  },

  diff: {
    zh: '比较两次检查的 JSON 报告：已整改、新增、仍未整改的发现，各单位各类别比率变化',
    en: 'compare two JSON reports: findings fixed, new and still open; rate changes per unit and class',
  },
  optDiffFormat: {
    zh: '输出格式: console（默认）、markdown、json',
    en: 'output format: console (default), markdown, json',
  },

  merge: {
    zh: '合并多份按计算机分片的 JSON 报告（同一策略、同一日期），结果与一次检查全部计算机相同',
    en: 'merge JSON reports of disjoint sets of computers (same policy and date) into the report one audit over all would give',
  },
  optMergeOut: { zh: '合并结果（JSON，默认标准输出）', en: 'merged report (JSON; default stdout)' },
  mergeExamples: {
    zh: '  zhengban merge out/双台子区.json out/兴隆台区.json out/大洼县.json --out out/全市.json',
    en: '  zhengban merge out/county-a.json out/county-b.json --out out/city.json',
  },
  render: {
    zh: '把已保存或合并的 JSON 报告输出为任意格式（统计表 xlsx、html、csv……），不重新判定',
    en: 'render a stored or merged JSON report in any format (the xlsx statistics form, html, csv, …) without judging again',
  },
  optRenderReport: {
    zh: '报告 FORMAT[:PATH]，可重复；格式同 audit --report（默认 console）',
    en: 'report FORMAT[:PATH], repeatable; formats as for audit --report (default console)',
  },
  renderExamples: {
    zh: '  zhengban render out/全市.json --report xlsx:out/全市统计表.xlsx --report html:out/全市.html\n  zhengban render out/报告.json',
    en: '  zhengban render out/city.json --report xlsx:out/city.xlsx --report html:out/city.html\n  zhengban render out/report.json --locale en',
  },
  examplesTitle: { zh: '示例:', en: 'Examples:' },
  auditExamples: {
    zh: [
      '  zhengban audit --policy policy.yaml --units units.csv --input csv:inventory.csv',
      '  zhengban audit --policy policy.yaml --input windows:hosts/ --input linux:kylin/ \\',
      '      --report console --report html:out/report.html --report json:out/report.json',
      '  zhengban audit --policy policy.yaml --input inventory:scan.jsonl --report csv:out/tables/ --fail-on never',
      '  zhengban audit --policy policy.yaml --input ./my-scanner.mjs:agent.json --report ./my-reporter.mjs:out.txt',
    ].join('\n'),
    en: [
      '  zhengban audit --policy policy.yaml --units units.csv --input csv:inventory.csv --locale en',
      '  zhengban audit --policy policy.yaml --input windows:hosts/ --input linux:kylin/ \\',
      '      --report console --report html:out/report.html --report json:out/report.json',
      '  zhengban audit --policy policy.yaml --input inventory:scan.jsonl --report csv:out/tables/ --fail-on never',
      '  zhengban audit --policy policy.yaml --input ./my-scanner.mjs:agent.json --report ./my-reporter.mjs:out.txt',
      '  zhengban audit --policy policy.yaml --input csv:phase2.csv --since out/phase1.json --report json:out/phase2.json',
    ].join('\n'),
  },
  scanExamples: {
    zh: '  zhengban scan --input csv:inventory.csv --input windows:hosts/ --out scan.jsonl\n  zhengban audit --policy policy.yaml --input inventory:scan.jsonl',
    en: '  zhengban scan --input csv:inventory.csv --input windows:hosts/ --out scan.jsonl\n  zhengban audit --policy policy.yaml --input inventory:scan.jsonl',
  },
  explain: {
    zh: '说明一项发现（按编号）或一台计算机的全部发现（按计算机名）：证据、识别、规则、尝试过的许可及未适用的原因、豁免',
    en: 'explain one finding (by id) or every finding of a computer (by name): evidence, recognition, rule, the entitlements tried and why each did not apply, the waiver',
  },
  explainExamples: {
    zh: '  zhengban explain report.json 294e3f0f261bf7a0\n  zhengban explain report.json CZJ-PC-001',
    en: '  zhengban explain report.json 294e3f0f261bf7a0\n  zhengban explain report.json CZJ-PC-001',
  },
  policyExamples: {
    zh: '  zhengban policy validate policy.yaml\n  zhengban policy validate policy.yaml --units units.csv --input csv:inventory.csv\n  zhengban policy init --units units.csv --out policy.yaml\n  zhengban policy show policy.yaml --format json\n  zhengban policy packs',
    en: '  zhengban policy validate policy.yaml\n  zhengban policy validate policy.yaml --units units.csv --input csv:inventory.csv\n  zhengban policy init --units units.csv --out policy.yaml\n  zhengban policy show policy.yaml --format json\n  zhengban policy packs',
  },
  catalogExamples: {
    zh: '  zhengban catalog match "WPS Office (11.1.0.9999)" --publisher "Kingsoft Corp."\n  zhengban catalog match "Microsoft Office Professional Plus 2016" --version 16.0.4266.1001\n  zhengban catalog list --class office\n  zhengban catalog suggest report.json --top 30 --out catalog-draft.yaml',
    en: '  zhengban catalog match "WPS Office (11.1.0.9999)" --publisher "Kingsoft Corp."\n  zhengban catalog match "Microsoft Office Professional Plus 2016" --version 16.0.4266.1001\n  zhengban catalog list --class office\n  zhengban catalog suggest report.json --top 30 --out catalog-draft.yaml',
  },
  diffExamples: {
    zh: '  zhengban audit ... --report json:baseline.json\n  zhengban audit ... --report json:acceptance.json\n  zhengban diff baseline.json acceptance.json --format markdown',
    en: '  zhengban audit ... --report json:baseline.json\n  zhengban audit ... --report json:acceptance.json\n  zhengban diff baseline.json acceptance.json --format markdown',
  },
} satisfies Record<string, LocalText>;

/** commander's section titles, translated (styleTitle receives the English title). */
export const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法:',
  'Options:': '选项:',
  'Commands:': '命令:',
  'Arguments:': '参数:',
  'Global Options:': '全局选项:',
};
