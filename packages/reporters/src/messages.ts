/**
 * The one message catalogue of the reporters: every label any format prints, in zh-CN and English.
 * Reporters never hold user-facing strings of their own; they ask `t(key, locale, params)`.
 * `{name}` placeholders are filled from `params`.
 */
import type { Locale, LocalText } from '@zhengban/core';

const CATALOGUE = {
  // Report heading
  'report.title': ['软件正版化检查报告', 'Genuine software audit report'],
  'report.policy': ['检查策略', 'Policy'],
  'report.asOf': ['截至日期', 'As of'],
  'report.generatedAt': ['生成时间', 'Generated'],
  'report.tool': ['生成工具', 'Tool'],
  'report.heading': ['{policy} · 截至 {asOf}', '{policy} · as of {asOf}'],
  // The rectification plan (整改方案) and its budget (经费预算)
  'section.plan': ['整改方案', 'Rectification plan'],
  'plan.id': ['编号', 'Item'],
  'plan.unit': ['单位', 'Unit'],
  'plan.action': ['措施', 'Action'],
  'plan.product': ['产品', 'Product'],
  'plan.class': ['类别', 'Class'],
  'plan.hosts': ['计算机', 'Computers'],
  'plan.seats': ['数量（套）', 'Seats'],
  'plan.unitPrice': ['单价', 'Unit price'],
  'plan.cost': ['金额', 'Cost'],
  'plan.entitlement': ['使用授权', 'Entitlement used'],
  'plan.edition': ['升级为', 'Upgrade to'],
  'plan.domestic': ['国产', 'Domestic'],
  'plan.findings': ['对应问题数', 'Findings answered'],
  'plan.unpriced': ['未定价', 'no price'],
  'plan.yes': ['是', 'yes'],
  'plan.title': ['{policy} 软件正版化采购计划（截至 {asOf}）', '{policy} procurement plan (as of {asOf})'],
  'plan.summary': [
    '整改方案：{items} 项措施，涉及 {seats} 套，其中需采购 {purchased} 套，经费 {cost} {currency}',
    'Rectification plan: {items} actions, {seats} seats, {purchased} of them bought, cost {cost} {currency}',
  ],
  'plan.unpricedNote': [
    '另有 {count} 项未定价，未计入经费',
    '{count} more actions have no price and are not in the cost',
  ],
  'plan.unitLine': ['{unit}：{items} 项措施，经费 {cost}', '{unit}: {items} actions, cost {cost}'],
  'plan.suggestion': [
    '调剂建议：将授权 {entitlement}（{product}）的使用范围扩大到 {unit}，可调配 {seats} 套',
    'Adjustment: widen the scope of {entitlement} ({product}) to {unit}: {seats} seats',
  ],
  'plan.none': ['没有需要整改的问题。', 'Nothing to put right.'],
  'action.reassign': ['调配闲置授权', 'reassign a free seat'],
  'action.upgrade': ['升级版本', 'upgrade the edition'],
  'action.renew': ['续订', 'renew'],
  'action.buy': ['采购', 'buy'],
  'action.remove': ['卸载', 'remove'],
  'action.install': ['安装', 'install'],
  'budget.title': ['{policy} 软件正版化经费预算表（截至 {asOf}）', '{policy} budget request (as of {asOf})'],
  'budget.unit': ['单位', 'Unit'],
  'budget.items': ['措施数', 'Actions'],
  'budget.seats': ['涉及套数', 'Seats'],
  'budget.purchasedSeats': ['采购套数', 'Seats bought'],
  'budget.cost': ['经费（{currency}）', 'Cost ({currency})'],
  'budget.unpriced': ['未定价措施数', 'Actions without a price'],
  'budget.domesticRate': ['{class}国产化率（整改后）', '{class} domestic rate after the plan'],
  'budget.total': ['合计', 'Total'],
  'budget.signUnit': ['编制单位（盖章）：', 'Prepared by (seal):'],
  'budget.signHead': ['单位负责人：', 'Head of unit:'],
  'budget.signFinance': ['财务负责人：', 'Head of finance:'],
  'budget.signPreparer': ['经办人：', 'Prepared by:'],
  'budget.signDate': ['日期：      年    月    日', 'Date:'],
  'table.plan': ['采购计划', 'plan'],
  'table.budget': ['经费预算', 'budget'],
  // 明细表 (one row per computer and mandatory class)
  'details.sheet': ['明细表', 'details'],
  'details.title': [
    '{policy} 软件正版化明细表（截至 {asOf}）',
    '{policy} per-computer details (as of {asOf})',
  ],
  'details.unit': ['单位', 'Unit'],
  'details.host': ['计算机', 'Computer'],
  'details.class': ['类别', 'Class'],
  'details.product': ['产品', 'Product'],
  'details.name': ['软件名称', 'Software'],
  'details.version': ['版本号', 'Version'],
  'details.edition': ['版本类型', 'Edition'],
  'details.licence': ['授权情况', 'Licence'],
  'details.entitlement': ['授权编号', 'Entitlement'],
  'details.findings': ['问题', 'Findings'],
  'licence.covered': ['已授权', 'covered'],
  'licence.free': ['免费软件', 'free software'],
  'licence.unlicensed': ['未授权', 'unlicensed'],
  'licence.missing': ['未安装', 'not installed'],
  // `zhengban ledger export`
  'ledgerExport.sheet': ['授权台账', 'Ledger'],
  'ledgerExport.title': [
    '{policy} 软件正版化授权台账（截至 {asOf}）',
    '{policy} licence ledger (as of {asOf})',
  ],
  // Sections
  'section.headline': ['总体情况', 'Headline'],
  'section.statistics': ['统计表', 'Statistics'],
  'section.charts': ['正版率与国产化率', 'Genuine and domestic rates'],
  'section.findings': ['问题清单', 'Findings'],
  'section.ledger': ['授权台账', 'Licence ledger'],
  'section.unrecognised': ['未识别软件', 'Unrecognised software'],
  'section.inputs': ['数据输入', 'Inputs'],
  'section.problems': ['输入问题', 'Input problems'],
  // Statistics table
  'stats.unit': ['单位', 'Unit'],
  'stats.parent': ['上级单位', 'Parent unit'],
  'stats.staff': ['编制人数', 'Staff'],
  'stats.computers': ['计算机总数', 'Computers'],
  'stats.class': ['类别', 'Class'],
  'stats.installed': ['已安装', 'Installed'],
  'stats.genuine': ['正版', 'Genuine'],
  'stats.domestic': ['国产', 'Domestic'],
  'stats.missing': ['未安装', 'Missing'],
  'stats.genuineRate': ['正版率', 'Genuine rate'],
  'stats.domesticRate': ['国产化率', 'Domestic rate'],
  'stats.overallGenuineRate': ['总正版率', 'Overall genuine rate'],
  'stats.unauthorised': ['未授权安装（套）', 'Unauthorised installations'],
  'stats.subtotal': ['{unit} 小计', '{unit} subtotal'],
  'stats.classColumn': ['{class}{measure}', '{class} {measure}'],
  'stats.totals': ['合计', 'Total'],
  'stats.allMandatory': ['必备类合计', 'All mandatory'],
  // The statistics form (first sheet of the xlsx, form page of the HTML)
  'form.title': ['{owner}软件正版化工作情况统计表', '{owner}: genuine software statistics form'],
  'form.owner': ['填报单位：{owner}', 'Reporting body: {owner}'],
  'form.asOf': ['截至日期：{asOf}', 'As of: {asOf}'],
  'form.subtotal': ['{unit} 小计', '{unit} subtotal'],
  'form.ownLevel': ['{unit}（本级）', '{unit} (own)'],
  'form.overallFraction': ['正版/已安装', 'Genuine/installed'],
  'form.head': ['单位负责人（签字）：', 'Head of unit (signature):'],
  'form.seal': ['（盖章）', '(official seal)'],
  'form.filler': ['填报人：', 'Completed by:'],
  'form.phone': ['联系电话：', 'Telephone:'],
  'form.date': ['填报日期：', 'Date:'],
  'form.datePlaceholder': ['    年    月    日', '        '],
  'headline.overall': ['总体正版率', 'Overall genuine rate'],
  'headline.classGenuine': ['{class}正版率', '{class} genuine rate'],
  'headline.classDomestic': ['{class}国产化率', '{class} domestic rate'],
  'headline.computers': ['计算机 {computers} 台，单位 {units} 个', '{computers} computers in {units} units'],
  'rate.explained': ['{rate}（{genuine}/{installed}）', '{rate} ({genuine}/{installed})'],
  'rate.null': ['—', '—'],
  // Product classes
  'class.os': ['操作系统', 'OS'],
  'class.office': ['办公软件', 'Office'],
  'class.antivirus': ['杀毒软件', 'Antivirus'],
  'class.browser': ['浏览器', 'Browser'],
  'class.archiver': ['压缩软件', 'Archiver'],
  'class.pdf': ['PDF 阅读器', 'PDF reader'],
  'class.im': ['即时通讯', 'Messaging'],
  'class.tool': ['工具软件', 'Tool'],
  'class.activator': ['激活工具', 'Activator'],
  'class.system': ['系统组件', 'System component'],
  'class.other': ['其他', 'Other'],
  // Licence models of catalogue products
  'licence.commercial': ['商业', 'commercial'],
  'licence.freeware': ['免费', 'freeware'],
  'licence.open-source': ['开源', 'open source'],
  'licence.bundled': ['随附', 'bundled'],
  // Findings
  'finding.unit': ['单位', 'Unit'],
  'finding.host': ['计算机', 'Computer'],
  'finding.rule': ['规则', 'Rule'],
  'finding.status': ['状态', 'Status'],
  'finding.severity': ['严重程度', 'Severity'],
  'finding.class': ['类别', 'Class'],
  'finding.product': ['产品', 'Product'],
  'finding.software': ['软件名称', 'Software'],
  'finding.version': ['版本', 'Version'],
  'finding.publisher': ['发行商', 'Publisher'],
  'finding.message': ['说明', 'Message'],
  'finding.remediation': ['整改建议', 'Remediation'],
  'finding.deadline': ['整改期限', 'Deadline'],
  'finding.waiver': ['豁免', 'Waiver'],
  'finding.evidence': ['证据', 'Evidence'],
  'finding.unitLevel': ['（单位整体）', '(whole unit)'],
  'finding.fleetLevel': ['（全局）', '(fleet)'],
  'finding.waivedAs': ['已豁免（原状态：{status}）', 'waived (raw status: {status})'],
  'finding.waiverText': [
    '{justification}（批准人：{approvedBy}；工单：{ticket}；有效期至 {expires}）',
    '{justification} (approved by: {approvedBy}; ticket: {ticket}; expires {expires})',
  ],
  'finding.counts': [
    '不合规 {fail} · 错误 {error} · 警告 {warn} · 已豁免 {waived} · 通过 {pass} · 跳过 {skip}',
    'fail {fail} · error {error} · warn {warn} · waived {waived} · pass {pass} · skip {skip}',
  ],
  'finding.none': ['没有需要处理的问题。', 'No findings to act on.'],
  'finding.deadlineShort': ['限 {deadline} 前整改', 'fix by {deadline}'],
  'finding.shown': ['显示 {shown} / {total} 条', 'showing {shown} of {total}'],
  'finding.page': ['第 {page} / {pages} 页', 'page {page} of {pages}'],
  'finding.previousPage': ['上一页', 'Previous'],
  'finding.nextPage': ['下一页', 'Next'],
  'finding.printedPage': [
    '此处列出前 {shown} 条（共 {total} 条）；启用脚本可翻页筛选，完整清单见 xlsx 或 csv 报告。',
    'The first {shown} of {total} are listed; with script enabled the list pages and filters; the xlsx or csv report has them all.',
  ],
  'filter.all': ['全部', 'All'],
  // Result states and severities
  'status.pass': ['通过', 'pass'],
  'status.fail': ['不合规', 'fail'],
  'status.warn': ['警告', 'warn'],
  'status.error': ['错误', 'error'],
  'status.skip': ['跳过', 'skip'],
  'status.waived': ['已豁免', 'waived'],
  'severity.critical': ['严重', 'critical'],
  'severity.high': ['高', 'high'],
  'severity.medium': ['中', 'medium'],
  'severity.low': ['低', 'low'],
  'severity.info': ['提示', 'info'],
  // Ledger
  'ledger.id': ['授权编号', 'Licence'],
  'ledger.product': ['产品', 'Product'],
  'ledger.type': ['授权类型', 'Kind'],
  'ledger.versions': ['版本', 'Versions'],
  'ledger.editions': ['版本类型', 'Editions'],
  'ledger.seats': ['数量', 'Quantity'],
  'ledger.purchased': ['购买日期', 'Purchased'],
  'ledger.validity': ['有效期', 'Validity'],
  'ledger.consumed': ['已使用', 'Consumed'],
  'ledger.surplus': ['剩余', 'Surplus'],
  'ledger.shortfall': ['缺口', 'Shortfall'],
  'ledger.status': ['状态', 'Status'],
  'ledger.origin': ['来源', 'Origin'],
  'ledger.evidence': ['凭证', 'Evidence'],
  'ledger.disposal': ['处置', 'Disposal'],
  'ledger.unitPrice': ['单价', 'Unit price'],
  'ledger.amount': ['金额', 'Amount'],
  'ledger.daysLeft': ['剩余天数', 'Days left'],
  'ledger.unlimited': ['不限', 'unlimited'],
  // Purchases per class (采购套数 and 金额, from the ledger)
  'purchases.class': ['类别', 'Class'],
  'purchases.lines': ['台账条数', 'Ledger lines'],
  'purchases.seats': ['采购套数', 'Seats bought'],
  'purchases.unlimitedLines': ['不限数量的条数', 'Unlimited lines'],
  'purchases.amount': ['金额（{currency}）', 'Amount ({currency})'],
  'purchases.unpricedLines': ['未登记价格的条数', 'Lines without a price'],
  'purchases.total': ['合计', 'Total'],
  'purchases.line': [
    '{class}：采购 {seats} 套，金额 {amount} {currency}',
    '{class}: {seats} seats bought, {amount} {currency}',
  ],
  'purchases.unlimitedNote': ['，另有 {count} 条不限数量', ', {count} more lines unlimited'],
  'purchases.unpricedNote': [
    '（{count} 条未登记价格，未计入金额）',
    ' ({count} lines without a price, not in the amount)',
  ],
  'ledger.validRange': ['{from} 至 {to}', '{from} to {to}'],
  'ledger.openStart': ['—', '—'],
  'ledger.openEnd': ['长期', 'no expiry'],
  'ledger.none': ['台账为空。', 'The ledger is empty.'],
  'type.oem': ['预装（OEM）', 'OEM'],
  'type.retail': ['零售', 'retail'],
  'type.volume': ['批量许可', 'volume'],
  'type.subscription': ['订阅', 'subscription'],
  'type.site': ['场地授权', 'site'],
  'type.per-user': ['按用户', 'per user'],
  'type.freeware': ['免费软件', 'freeware'],
  'type.open-source': ['开源软件', 'open source'],
  'position.active': ['有效', 'active'],
  'position.expired': ['已过期', 'expired'],
  'position.not-yet-valid': ['未生效', 'not yet valid'],
  'position.retired': ['已停用', 'retired'],
  'position.disposed': ['已处置', 'disposed'],
  // Unrecognised software
  'unrecognised.name': ['软件名称', 'Software'],
  'unrecognised.publisher': ['发行商', 'Publisher'],
  'unrecognised.versions': ['版本', 'Versions'],
  'unrecognised.hosts': ['计算机数', 'Computers'],
  'unrecognised.sampleHosts': ['示例计算机', 'Sample computers'],
  'unrecognised.summary': [
    '未识别软件 {count} 种，涉及计算机 {hosts} 台次，请人工核查。',
    '{count} unrecognised products on {hosts} computer installations, for review.',
  ],
  'unrecognised.share': [
    '软件识别率 {rate}（已识别安装 {recognised} 套 / 已识别与未识别合计 {total} 套，不含系统组件 {components} 套）。',
    'Software recognised: {rate} ({recognised} recognised installations of {total}, system components ({components}) left out).',
  ],
  'unrecognised.more': [
    '……另有 {count} 种，见 xlsx、csv 或 HTML 报告的未识别软件表；`zhengban catalog suggest` 可为它们生成目录草稿',
    '… {count} more, see the unrecognised table of the xlsx, csv or HTML report; `zhengban catalog suggest` drafts catalogue entries for them',
  ],
  'unrecognised.systemComponents': [
    '另有操作系统自带组件（发行版软件包、驱动、运行库）{count} 种，合并计为“系统组件”，不逐一列出。',
    'Another {count} titles are parts of the operating system (distribution packages, drivers, runtimes), grouped as system components and not listed.',
  ],
  // Inputs and problems
  'input.source': ['输入', 'Input'],
  'input.scanner': ['扫描器', 'Scanner'],
  'input.hosts': ['计算机数', 'Computers'],
  'input.read': ['读取', 'Read'],
  'input.accepted': ['接受', 'Accepted'],
  'input.rejected': ['拒绝', 'Rejected'],
  'input.ignored': ['忽略', 'Ignored'],
  'input.line': [
    '{source}：读取 {read}，接受 {accepted}（其中忽略 {ignored}），拒绝 {rejected}',
    '{source}: read {read}, accepted {accepted} (ignored {ignored}), rejected {rejected}',
  ],
  'problem.location': ['位置', 'Location'],
  'problem.severity': ['级别', 'Severity'],
  'problem.message': ['说明', 'Message'],
  'problem.code': ['代码', 'Code'],
  'problem.source': ['来源', 'Source'],
  'problem.excerpt': ['摘录', 'Excerpt'],
  'problem.summary': [
    '输入问题 {count} 条（错误 {error}，警告 {warning}，提示 {info}）',
    '{count} input problems ({error} errors, {warning} warnings, {info} info)',
  ],
  'problem.more': ['……另有 {count} 条，见 JSON 或 HTML 报告', '… {count} more, see the JSON or HTML report'],
  'problemSeverity.error': ['错误', 'error'],
  'problemSeverity.warning': ['警告', 'warning'],
  'problemSeverity.info': ['提示', 'info'],
  // Output file names (csv) and sheet names (xlsx)
  'table.units': ['统计表', 'statistics'],
  'table.findings': ['问题清单', 'findings'],
  'table.ledger': ['授权台账', 'ledger'],
  'table.unrecognised': ['未识别软件', 'unrecognised'],
  'table.inputs': ['数据输入', 'inputs'],
  'table.problems': ['输入问题', 'problems'],
  'table.statisticsData': ['统计数据', 'statistics data'],
  'table.purchases': ['采购统计', 'purchases'],
  // Charts
  'chart.legendGenuine': ['正版率', 'genuine'],
  'chart.legendDomestic': ['国产化率', 'domestic'],
  'chart.title': ['{class}：各单位正版率与国产化率', '{class}: genuine and domestic rate per unit'],
  // Campaign (overdue findings, carried first-seen dates)
  'stats.overdue': ['逾期问题', 'Overdue'],
  'finding.firstSeen': ['首次发现', 'First seen'],
  'finding.overdue': ['是否逾期', 'Overdue'],
  'finding.overdueYes': ['逾期', 'overdue'],
  'finding.overdueShort': ['已逾期（首次发现于 {firstSeen}）', 'overdue (first seen {firstSeen})'],
  'campaign.overdue': [
    '逾期未整改问题 {overdue} 项（整改期限早于截至日期 {asOf} 仍未整改）',
    '{overdue} overdue finding(s) (deadline before the as-of date {asOf}, still open)',
  ],
  'campaign.since': [
    '沿用 {asOf} 报告中 {carried} 项未整改问题的首次发现日期和整改期限',
    'first-seen dates and deadlines of {carried} open finding(s) carried from the report as of {asOf}',
  ],
  'campaign.deadline': ['整改总截止日期 {deadline}', 'campaign deadline {deadline}'],
  'campaign.byUnit': ['其中：{list}', 'by unit: {list}'],
  'campaign.unitCount': ['{unit} {overdue} 项', '{unit} {overdue}'],
  // Index of a report split by unit
  'split.title': ['各单位报告索引', 'Reports by unit'],
  'split.whole': ['全部单位汇总报告', 'Whole fleet report'],
  'split.open': ['待处理问题', 'Open findings'],
  'split.report': ['单位报告', 'Unit report'],
  'split.wholeName': ['全部单位', 'all-units'],
  // Misc
  'misc.none': ['无', 'none'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type MessageKey = keyof typeof CATALOGUE;

export type MessageParams = Record<string, string | number | undefined>;

/** The text of `key` in `locale`, with `{name}` placeholders filled (a missing param becomes `—`). */
export function t(key: MessageKey, locale: Locale, params?: MessageParams): string {
  const [zh, en] = CATALOGUE[key];
  const template = locale === 'en' ? en : zh;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined || value === '' ? '—' : String(value);
  });
}

/** True when `key` is in the catalogue (for labels built from data, like `class.<id>`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

/** A report's own bilingual text in the wanted locale (falls back to the other one when empty). */
export function localText(text: LocalText, locale: Locale): string {
  const wanted = locale === 'en' ? text.en : text.zh;
  return wanted || (locale === 'en' ? text.zh : text.en) || '';
}

/** A problem's sentence in the reader's locale (core's problem catalogue; see problem-text.ts). */
export { problemText } from '@zhengban/core';
