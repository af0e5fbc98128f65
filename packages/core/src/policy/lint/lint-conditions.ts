/**
 * Custom-rule conditions that can never hold: a fact that is not one, a value of the wrong type
 * for its fact (`domestic equal "false"`, `genuineRate lessThan "50%"`), a word the fact never
 * holds (`edition equal 家庭中文版`, `categories contains 浏览器`, `product equal ms-ofice`), a
 * version compared as a number, a path that names no class. The structure itself (groups, keys,
 * operators, paths, scopes) was checked when the file was read (rule-conditions.ts).
 */
import { CANONICAL_EDITIONS, canonicalEdition } from '../../editions.js';
import { LICENSE_MODELS } from '../../model/catalogue.js';
import type { RuleScope } from '../../model.js';
import { closest } from '../did-you-mean.js';
import { mappings, text } from '../layer-context.js';
import { isRecord } from '../policy-values.js';
import type { Path } from '../policy-yaml.js';
import { RULE_FACTS } from '../rule-facts.js';
import { checkOperator, jsonPathKeys } from '../rule-operators.js';
import { FACT_ALIASES, type FactKind, factKind, KIND_WORDS } from './fact-types.js';
import { type LintContext, warnAt } from './lint-context.js';
import { hintFor } from './lint-messages.js';
import { checkHostName, checkUnitName, suggestClass } from './lint-names.js';

/** Record attributes the built-in scanners pass on (model.ts RecordAttributes and scanners). */
const RECORD_ATTRIBUTES = new Set([
  'partialKey',
  'productCode',
  'installLocation',
  'trace',
  'activationOnly',
  'antivirusActive',
  'signaturesUpToDate',
]);
const LICENSES: readonly string[] = LICENSE_MODELS;
const LICENSE_STATUSES = [
  'licensed',
  'unlicensed',
  'oob-grace',
  'oot-grace',
  'non-genuine-grace',
  'notification',
  'extended-grace',
  'unknown',
];
/** Chinese words authors write for the licence model and activation status facts. */
const CHINESE_VALUES: Readonly<Record<string, string>> = {
  商业: 'commercial',
  商业软件: 'commercial',
  收费: 'commercial',
  免费: 'freeware',
  免费软件: 'freeware',
  开源: 'open-source',
  开源软件: 'open-source',
  捆绑: 'bundled',
  随机附带: 'bundled',
  个人免费: 'personal-use',
  个人使用免费: 'personal-use',
  未审核: 'unreviewed',
  待审核: 'unreviewed',
  已激活: 'licensed',
  已授权: 'licensed',
  已许可: 'licensed',
  未激活: 'unlicensed',
  未授权: 'unlicensed',
  未许可: 'unlicensed',
  通知模式: 'notification',
  通知: 'notification',
  宽限期: 'oob-grace',
  未知: 'unknown',
};
const chineseValue = (value: unknown): string | undefined =>
  typeof value === 'string' && Object.hasOwn(CHINESE_VALUES, value.trim())
    ? CHINESE_VALUES[value.trim()]
    : undefined;

const ORDERING = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const RANGE_SIGN: Record<string, string> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};
const LIST_KINDS = new Set<FactKind>(['products', 'classes']);
const KEYED_KINDS = new Set<FactKind>(['ratesByClass', 'countsByClass']);

interface Leaf {
  rule: string;
  scope: RuleScope;
  node: Record<string, unknown>;
  path: Path;
}

export function lintRules(value: unknown, context: LintContext): void {
  for (const [item, path] of mappings(value, ['rules'])) {
    const rule = text(item.id);
    const scope = text(item.scope) as RuleScope | undefined;
    if (!rule || !scope || !['software', 'host', 'unit', 'fleet'].includes(scope)) continue;
    walk(item.conditions, [...path, 'conditions'], (node, at) =>
      lintLeaf({ rule, scope, node, path: at }, context),
    );
  }
}

function walk(node: unknown, path: Path, visit: (leaf: Record<string, unknown>, path: Path) => void): void {
  if (!isRecord(node)) return;
  if (typeof node.fact === 'string') {
    visit(node, path);
    return;
  }
  for (const group of ['all', 'any'] as const) {
    const list = node[group];
    if (!Array.isArray(list)) continue;
    list.forEach((child, index) => {
      walk(child, [...path, group, index], visit);
    });
  }
  if (isRecord(node.not)) walk(node.not, [...path, 'not'], visit);
}

const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

function lintLeaf(leaf: Leaf, context: LintContext): void {
  const { node, path, scope, rule } = leaf;
  const fact = node.fact as string;
  const kind = factKind(scope, fact);
  if (kind === undefined) {
    if (scope === 'software' && !RECORD_ATTRIBUTES.has(fact)) {
      const meant = FACT_ALIASES[fact] ?? closest(fact, RULE_FACTS.software);
      warnAt(context, 'not-a-fact', 'factNotAFact', { rule, fact }, [...path, 'fact'], hintFor(meant));
    }
    return;
  }
  const operator = typeof node.operator === 'string' ? checkOperator(node.operator) : undefined;
  // Decorated operators (`someFact:equal`) and fact-valued comparisons are not second-guessed.
  if (!operator?.ok || operator.base !== node.operator || (isRecord(node.value) && 'fact' in node.value))
    return;
  const base = operator.base;
  let valueKind = kind;
  if (node.path !== undefined) {
    if (!KEYED_KINDS.has(kind)) {
      warnAt(context, 'path-reads-nothing', 'pathOnPlainFact', { rule, fact }, [...path, 'path']);
      return;
    }
    for (const key of jsonPathKeys(String(node.path))) {
      if (context.classes.has(key)) continue;
      warnAt(
        context,
        'path-reads-nothing',
        'pathNamesNoKey',
        { rule, fact, key, known: [...context.classes].sort().join(', ') },
        [...path, 'path'],
        hintFor(suggestClass(key, context.classes)),
      );
      return;
    }
    valueKind = kind === 'ratesByClass' ? 'rate' : 'number';
  } else if (KEYED_KINDS.has(kind) && (ORDERING.has(base) || typeof node.value === 'number')) {
    warnAt(context, 'path-needed', 'pathNeeded', { rule, fact, value: shown(node.value) }, [...path, 'fact']);
    return;
  }
  lintValue({ ...leaf, fact, base, kind: valueKind }, context);
}

interface Comparison extends Leaf {
  fact: string;
  base: string;
  kind: FactKind;
}

function lintValue(c: Comparison, context: LintContext): void {
  const { node, path, rule, fact, base, kind } = c;
  const valuePath = [...path, 'value'];
  if ((base === 'contains' || base === 'doesNotContain') && !LIST_KINDS.has(kind)) {
    warnAt(context, 'never-holds', 'containsOnText', { rule, fact, operator: base }, [...path, 'operator']);
    return;
  }
  if (kind === 'version' && ORDERING.has(base)) {
    const range = `${RANGE_SIGN[base]}${String(node.value)}`;
    warnAt(context, 'version-as-number', 'numberCompareOnVersion', { rule, fact, operator: base, range }, [
      ...path,
      'operator',
    ]);
    return;
  }
  if ((base === 'in' || base === 'notIn') && !Array.isArray(node.value)) {
    warnAt(
      context,
      'list-needed',
      'listNeeded',
      { rule, operator: base, value: shown(node.value) },
      valuePath,
    );
    return;
  }
  const values: Array<[unknown, Path]> = Array.isArray(node.value)
    ? node.value.map((item, index) => [item, [...valuePath, index]])
    : [[node.value, valuePath]];
  for (const [value, at] of values) lintOneValue(c, value, at, context);
}

const wrongType = (c: Comparison, value: unknown, at: Path, context: LintContext): void => {
  const words = KIND_WORDS[c.kind];
  warnAt(
    context,
    'wrong-value-type',
    'wrongValueType',
    { rule: c.rule, fact: c.fact, type: words.zh, typeEn: words.en, value: shown(value) },
    at,
  );
};

function lintOneValue(c: Comparison, value: unknown, at: Path, context: LintContext): void {
  const { rule, fact, kind } = c;
  /** A word from a closed vocabulary; `suggestion` overrides the nearest spelling. */
  const word = (allowed: readonly string[], suggestion?: string): void => {
    if (typeof value !== 'string') wrongType(c, value, at, context);
    else if (!allowed.includes(value))
      warnAt(
        context,
        'unknown-value',
        'unknownValue',
        { rule, fact, value },
        at,
        hintFor(suggestion ?? closest(value, allowed), allowed),
      );
  };
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') wrongType(c, value, at, context);
  } else if (kind === 'number' || kind === 'rate') {
    lintNumber(c, value, at, context);
  } else if (kind === 'edition') {
    const canonical = typeof value === 'string' ? canonicalEdition(value) : undefined;
    if (canonical === value) return;
    if (canonical)
      warnAt(context, 'unknown-value', 'canonicalValue', { rule, fact, value: String(value), canonical }, at);
    else word(CANONICAL_EDITIONS);
  } else if (kind === 'product' || kind === 'products') {
    word([...context.productIds]);
  } else if (kind === 'class' || kind === 'classes') {
    word(
      [...context.classes].sort(),
      typeof value === 'string' ? suggestClass(value, context.classes) : undefined,
    );
  } else if (kind === 'license') {
    const meant = chineseValue(value);
    word(LICENSES, meant && LICENSES.includes(meant) ? meant : undefined);
  } else if (kind === 'licenseStatus') {
    const meant = chineseValue(value);
    word(LICENSE_STATUSES, meant && LICENSE_STATUSES.includes(meant) ? meant : undefined);
  } else if (kind === 'unit' && typeof value === 'string') {
    checkUnitName(context, { zh: `规则“${rule}”`, en: `Rule "${rule}"` }, value, at);
  } else if (kind === 'host' && typeof value === 'string') {
    checkHostName(context, { zh: `规则“${rule}”`, en: `Rule "${rule}"` }, value, at);
  } else if (kind === 'vendor') {
    word(vendorValues(context));
  }
}

function lintNumber(c: Comparison, value: unknown, at: Path, context: LintContext): void {
  const { rule, fact, kind } = c;
  if (typeof value === 'number') {
    if (kind === 'rate' && value > 1 && value <= 100)
      warnAt(context, 'rate-as-percent', 'rateAboveOne', { rule, fact, value, fraction: value / 100 }, at);
    return;
  }
  if (typeof value === 'string') {
    const percent = /^\s*(\d+(?:\.\d+)?)\s*[%％]\s*$/.exec(value);
    if (percent && kind === 'rate') {
      const fraction = Number(percent[1]) / 100;
      warnAt(context, 'wrong-value-type', 'percentValue', { rule, fact, value: shown(value), fraction }, at);
      return;
    }
    // A numeric text still orders as a number, but never equals one.
    if (ORDERING.has(c.base) && value.trim() !== '' && !Number.isNaN(Number(value))) return;
  }
  wrongType(c, value, at, context);
}

/** What the `vendor` fact can hold: vendor ids, and the free vendor names products give. */
function vendorValues(context: LintContext): string[] {
  const values = new Set(context.policy.catalog.vendors.map((vendor) => vendor.id));
  for (const product of context.policy.catalog.products) if (product.vendor) values.add(product.vendor);
  return [...values].sort();
}
