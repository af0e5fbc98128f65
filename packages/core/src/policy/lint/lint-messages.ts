/**
 * Every sentence of the policy linter, in zh-CN and en. `{name}` placeholders are filled by
 * `lintText`; a hint ("did you mean …") is its own message appended to the sentence, so each
 * warning reads as one sentence in either language.
 */
import type { LocalText } from '../../model.js';

const LINT_MESSAGES = {
  // hints appended to a sentence
  didYouMean: { zh: '；是否想写“{suggestion}”？', en: '; did you mean "{suggestion}"?' },
  known: { zh: '；可用的有：{known}。', en: '; known: {known}.' },
  end: { zh: '。', en: '.' },

  // names: units, hosts, classes
  spaceInName: {
    zh: '{what}“{name}”首尾有{kind}，与任何{what}都不会相同',
    en: 'The {whatEn} name "{name}" starts or ends with {kindEn}, so it equals no {whatEn}',
  },
  unknownUnit: {
    zh: '{owner}的单位“{name}”不在单位清单中，因此匹配不到任何计算机',
    en: '{ownerEn} names unit "{name}", which is in no units list, so it matches no computer',
  },
  unitSpelledTwoWays: {
    zh: '{owner}的单位“{name}”与本策略别处写的“{other}”不是同一个名称，只有一个能匹配计算机；请统一写法（给出 --units 单位文件可核对）',
    en: '{ownerEn} names unit "{name}", while elsewhere this policy writes "{other}"; only one can match computers — spell them alike (--units checks against a units file)',
  },
  unknownHost: {
    zh: '{owner}的计算机“{name}”不在所给清单中，因此匹配不到任何计算机',
    en: '{ownerEn} names computer "{name}", which no given inventory has, so it matches no computer',
  },
  parentUnitScope: {
    zh: '授权“{id}”的范围是单位“{name}”，它有下级单位（{children}）；范围只覆盖所列单位本身的计算机，不含下级单位——要让下级单位共用，请把它们列入 scope.units',
    en: 'Entitlement "{id}" is scoped to unit "{name}", which has child units ({children}); a scope covers only the computers of the units it lists, not their children — list them in scope.units to share the seats',
  },
  unknownClass: {
    zh: '{owner}的类别“{name}”不是任何产品的类别，因此不会起作用',
    en: '{ownerEn} names class "{name}", which no catalogue product has, so it has no effect',
  },

  // waivers
  unknownWaiverRule: {
    zh: '豁免“{id}”的规则“{rule}”不是任何规则的编号或前缀，因此豁免不了任何结果',
    en: 'Waiver "{id}" names rule "{rule}", which is no rule id or prefix, so it waives nothing',
  },
  customRuleWithoutPrefix: {
    zh: '豁免“{id}”的规则“{rule}”是自定义规则，结果的规则编号是“custom.{rule}”；照现在的写法它豁免不了任何结果',
    en: 'Waiver "{id}" names "{rule}", a custom rule whose findings are "custom.{rule}"; as written it waives nothing',
  },

  // entitlements
  activeButRetired: {
    zh: '授权“{id}”写了 status: active，同时又有 retired（报废记录）；已报废的授权仍会被当作有效来覆盖安装——删去 status 或写 status: retired',
    en: 'Entitlement "{id}" says status: active but also has retired; a disposed line would still cover installations — remove status or write status: retired',
  },
  siteWithSeats: {
    zh: '授权“{id}”是场地授权（type: site），席位不限，seats: {seats} 不起作用；若只有 {seats} 套，请写正确的授权类型',
    en: 'Entitlement "{id}" is a site licence (type: site), which has no seat limit; seats: {seats} is ignored — if it covers only {seats}, use the right type',
  },
  oemWithoutHosts: {
    zh: '授权“{id}”是 OEM 授权，却没有 scope.hosts；OEM 许可随机器，不写计算机就成了全县共用的席位池',
    en: 'Entitlement "{id}" is an OEM licence without scope.hosts; OEM licences belong to one machine, and without hosts it becomes a pool shared by every unit',
  },
  retiredAfterAsOf: {
    zh: '授权“{id}”的报废日期 {date} 晚于审计基准日 {asOf}，却已被当作报废；若基准日仍在使用，请去掉 retired 或改正日期',
    en: 'Entitlement "{id}" is retired on {date}, after the audit date {asOf}, yet it is already counted as retired; remove retired or correct the date if it was still in use',
  },

  // rule conditions
  factNotAFact: {
    zh: '规则“{rule}”读取的“{fact}”不是事实，只会被当作扫描器附带的记录属性读取（通常不存在），条件因此不会成立',
    en: 'Rule "{rule}" reads "{fact}", which is not a fact; it is read as a record attribute scanners may pass on (usually absent), so the condition never holds',
  },
  wrongValueType: {
    zh: '规则“{rule}”把 {fact}（{type}）与 {value} 比较，两者永远不会相等',
    en: 'Rule "{rule}" compares {fact} ({typeEn}) with {value}, which it never equals',
  },
  percentValue: {
    zh: '规则“{rule}”的 {fact} 是 0 到 1 之间的比率，值 {value} 是文字，比较永远不成立；写 {fraction}',
    en: 'Rule "{rule}": {fact} is a fraction between 0 and 1; {value} is text and never compares; write {fraction}',
  },
  rateAboveOne: {
    zh: '规则“{rule}”的 {fact} 是 0 到 1 之间的比率，{value} 应写成 {fraction}',
    en: 'Rule "{rule}": {fact} is a fraction between 0 and 1; write {value} as {fraction}',
  },
  numberCompareOnVersion: {
    zh: '规则“{rule}”用 {operator} 比较版本号 {fact}：它按数字或文字比较，6.1.7601 这样的版本既不是数字也不能按文字比大小；请用 versionInRange，例如 {{ operator: versionInRange, value: "{range}" }}',
    en: 'Rule "{rule}" compares {fact} (a version) with {operator}, which compares numbers or text: a version such as 6.1.7601 is neither; use versionInRange, e.g. {{ operator: versionInRange, value: "{range}" }}',
  },
  canonicalValue: {
    zh: '规则“{rule}”的 {fact} 取规范名称，“{value}”永远不会出现；应写“{canonical}”',
    en: 'Rule "{rule}": {fact} holds canonical names, so "{value}" never occurs; write "{canonical}"',
  },
  unknownValue: {
    zh: '规则“{rule}”的 {fact} 不会取值“{value}”',
    en: 'Rule "{rule}": {fact} never has the value "{value}"',
  },
  containsOnText: {
    zh: '规则“{rule}”对文字事实 {fact} 用了 {operator}；{operator} 只用于列表，条件永远不会成立——请用 matchesGlob 或 matchesRegex',
    en: 'Rule "{rule}" uses {operator} on the text fact {fact}; {operator} works on lists only, so the condition never holds — use matchesGlob or matchesRegex',
  },
  listNeeded: {
    zh: '规则“{rule}”的 {operator} 需要列表值（例如 [a, b]），而不是 {value}',
    en: 'Rule "{rule}": {operator} needs a list value (e.g. [a, b]), not {value}',
  },
  pathOnPlainFact: {
    zh: '规则“{rule}”对 {fact} 写了 path，但 {fact} 不是按类别分项的值，path 取不到任何东西',
    en: 'Rule "{rule}" gives a path on {fact}, which is not keyed by class, so the path reads nothing',
  },
  pathNamesNoKey: {
    zh: '规则“{rule}”的 path 取 {fact} 的“{key}”项，但 {fact} 只有这些类别：{known}',
    en: 'Rule "{rule}": the path reads "{key}" of {fact}, which has only the classes {known}',
  },
  pathNeeded: {
    zh: '规则“{rule}”把按类别分项的 {fact} 整体与 {value} 比较；请用 path 选一个类别，例如 path: $.office',
    en: 'Rule "{rule}" compares {fact}, which is keyed by class, as a whole with {value}; pick one class with a path, e.g. path: $.office',
  },
  badVersionWildcard: {
    zh: '版本范围中的“{text}”带通配符；请写成 "{range}"',
    en: '"{text}" in a version range holds a wildcard; write "{range}"',
  },
} satisfies Record<string, LocalText>;

export type LintMessage = keyof typeof LINT_MESSAGES;
export type LintParams = Record<string, string | number>;

const fill = (template: string, params: LintParams): string =>
  template
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    )
    .replace(/\{\{/g, '{')
    .replace(/\}\}/g, '}');

/** The message in both locales; `hint` (a did-you-mean or a list) ends the sentence. */
export function lintText(key: LintMessage, params: LintParams, hint?: LocalText): LocalText {
  const text = LINT_MESSAGES[key];
  const end = hint ?? LINT_MESSAGES.end;
  return { zh: fill(text.zh, params) + end.zh, en: fill(text.en, params) + end.en };
}

/** `；是否想写“x”？` / `; did you mean "x"?`, or a list of what is known, or nothing. */
export function hintFor(suggestion: string | undefined, known?: readonly string[]): LocalText | undefined {
  if (suggestion !== undefined) {
    const { zh, en } = LINT_MESSAGES.didYouMean;
    return { zh: fill(zh, { suggestion }), en: fill(en, { suggestion }) };
  }
  if (known && known.length > 0 && known.length <= 24) {
    const list = known.join(', ');
    return {
      zh: fill(LINT_MESSAGES.known.zh, { known: list }),
      en: fill(LINT_MESSAGES.known.en, { known: list }),
    };
  }
  return undefined;
}
