/**
 * CLI messages of the commands that read stored reports: `diff` (progress, rankings, the bulletin),
 * `merge` and `render`, and the errors of reading a report file. Part of the one message catalogue
 * (messages.ts merges the parts); look a text up with `msg()`, not here.
 */
import type { LocalText } from '@zhengban/core';

export const DIFF_MERGE_MESSAGES = {
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
  diffPlan: {
    zh: '整改方案执行情况：完成 {done}/{items} 项措施（另有 {partlyDone} 项部分完成），{seatsDone}/{seats} 套，经费 {costDone}/{cost}',
    en: 'Plan carried out: {done} of {items} actions done ({partlyDone} more in part), {seatsDone} of {seats} seats, cost {costDone} of {cost}',
  },
  diffPlanUnit: {
    zh: '{unit}：完成 {done}/{items} 项，经费 {costDone}/{cost}',
    en: '{unit}: {done} of {items} actions, cost {costDone} of {cost}',
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
