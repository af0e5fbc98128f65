/**
 * Checks the json-rules-engine conditions of a custom rule when the policy loads: groups
 * (`all` / `any` / `not`) must hold something, every condition needs a fact, an operator and a
 * value, and every fact must be visible in the rule's scope. json-rules-engine itself would only
 * complain when the rule first runs, without a line number.
 */
import type { RuleScope } from '../model.js';
import { closest, didYouMean, hintText } from './did-you-mean.js';
import { isRecord } from './policy-values.js';
import type { Path, PolicyTree } from './policy-yaml.js';
import { FORBIDDEN_KEYS } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';
import { RULE_FACTS, scopeOfFact } from './rule-facts.js';
import { checkOperator, jsonPathProblem, KNOWN_OPERATORS } from './rule-operators.js';

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const CONDITION_KEYS = ['fact', 'operator', 'value', 'path', 'params', 'priority', 'name'];

interface ConditionCheck {
  tree: PolicyTree;
  problems: ProblemList;
  scope: RuleScope | undefined;
  ruleId: string;
}

/** Validates `rules[i].conditions` (the path given points at `conditions`). */
export function checkRuleConditions(
  conditions: unknown,
  tree: PolicyTree,
  path: Path,
  problems: ProblemList,
  ruleId: string,
  scope: RuleScope | undefined,
): void {
  const check: ConditionCheck = { tree, problems, scope, ruleId };
  if (!isRecord(conditions)) return;
  if (!GROUP_KEYS.some((key) => key in conditions)) {
    problems.error(
      'bad-conditions',
      `The conditions of rule "${ruleId}" must start with all, any or not.`,
      tree.keyAt(path),
      { rule: ruleId, detail: { zh: `条件（conditions）须以 all、any 或 not 开头`, en: '' } },
    );
    return;
  }
  checkGroup(conditions, path, check);
}

function checkGroup(node: Record<string, unknown>, path: Path, check: ConditionCheck): void {
  const { tree, problems, ruleId } = check;
  const groups = GROUP_KEYS.filter((key) => key in node);
  const others = Object.keys(node).filter((key) => !(GROUP_KEYS as readonly string[]).includes(key));
  if (groups.length > 1 || others.length > 0) {
    problems.error(
      'bad-conditions',
      `A condition group in rule "${ruleId}" must have exactly one of all, any or not${others.length > 0 ? `, not also ${others.map((k) => `"${k}"`).join(', ')}` : ''}.`,
      tree.keyAt(path),
      {
        rule: ruleId,
        detail: {
          zh: `条件组只能有 all、any、not 中的一个${others.length > 0 ? `，不能再有 ${others.map((k) => `"${k}"`).join('、')}` : ''}`,
          en: '',
        },
      },
    );
  }
  for (const group of groups) {
    const value = node[group];
    const groupPath = [...path, group];
    if (group === 'not') {
      if (isRecord(value)) checkCondition(value, groupPath, check);
      else
        problems.error(
          'bad-conditions',
          `"not" in rule "${ruleId}" must hold one condition (a mapping).`,
          tree.at(groupPath),
          { rule: ruleId, detail: { zh: `"not" 下须是一个条件（映射）`, en: '' } },
        );
      continue;
    }
    if (!Array.isArray(value)) {
      problems.error(
        'bad-conditions',
        `"${group}" in rule "${ruleId}" must be a list of conditions.`,
        tree.at(groupPath),
        { rule: ruleId, detail: { zh: `"${group}" 下须是条件列表`, en: '' } },
      );
    } else if (value.length === 0) {
      problems.error(
        'empty-group',
        `"${group}" in rule "${ruleId}" is empty; it must list at least one condition.`,
        tree.keyAt(groupPath),
        { rule: ruleId, group },
      );
    } else {
      value.forEach((item, index) => {
        if (isRecord(item)) checkCondition(item, [...groupPath, index], check);
        else
          problems.error(
            'bad-conditions',
            `Each condition in rule "${ruleId}" must be a mapping.`,
            tree.at([...groupPath, index]),
            { rule: ruleId, detail: { zh: `每个条件都须是映射（键: 值）`, en: '' } },
          );
      });
    }
  }
}

function checkCondition(node: Record<string, unknown>, path: Path, check: ConditionCheck): void {
  if (GROUP_KEYS.some((key) => key in node)) {
    checkGroup(node, path, check);
    return;
  }
  const { tree, problems, ruleId } = check;
  const where = tree.keyAt(path);
  if ('condition' in node) {
    problems.error(
      'bad-conditions',
      `Rule "${ruleId}" refers to a shared condition; write the condition out instead.`,
      where,
      { rule: ruleId, detail: { zh: `引用了共享条件（condition）；请把条件直接写出`, en: '' } },
    );
    return;
  }
  for (const key of Object.keys(node)) {
    if (!CONDITION_KEYS.includes(key)) {
      problems.error(
        'unknown-key',
        `Unknown key "${key}" in a condition of rule "${ruleId}"${didYouMean(key, CONDITION_KEYS) || `; allowed keys: ${CONDITION_KEYS.join(', ')}.`}`,
        tree.keyAt([...path, key]),
        {
          key,
          title: { zh: `规则 "${ruleId}" 的条件`, en: `a condition of rule "${ruleId}"` },
          hint: hintText(didYouMean(key, CONDITION_KEYS) || `; allowed keys: ${CONDITION_KEYS.join(', ')}.`),
        },
      );
    }
  }
  const missing = ['fact', 'operator', 'value'].filter((key) => !(key in node));
  if (missing.length > 0) {
    problems.error(
      'incomplete-condition',
      `A condition in rule "${ruleId}" has no ${missing.join(' and no ')}; each condition needs fact, operator and value.`,
      where,
      {
        rule: ruleId,
        detail: { zh: `条件缺少 ${missing.join('、')}；每个条件都需要 fact、operator 和 value`, en: '' },
      },
    );
  }
  for (const key of ['fact', 'operator'] as const) {
    if (key in node && (typeof node[key] !== 'string' || (node[key] as string).trim() === '')) {
      problems.error(
        'incomplete-condition',
        `"${key}" in rule "${ruleId}" must be a non-empty word.`,
        tree.at([...path, key]),
        { rule: ruleId, detail: { zh: `"${key}" 须是非空的词`, en: '' } },
      );
    }
  }
  if (typeof node.fact === 'string' && node.fact.trim() !== '')
    checkFact(node.fact, [...path, 'fact'], check);
  if (typeof node.operator === 'string' && node.operator.trim() !== '') {
    const known = checkOperator(node.operator);
    if (!known.ok) {
      problems.error(
        'unknown-operator',
        `Rule "${ruleId}" uses unknown operator "${node.operator}"${
          known.suggestion
            ? `; did you mean "${known.suggestion}"?`
            : `; operators: ${KNOWN_OPERATORS.join(', ')}.`
        }`,
        tree.at([...path, 'operator']),
      );
    }
  }
  checkPath(node.path, [...path, 'path'], check);
  if (isRecord(node.value)) checkPath(node.value.path, [...path, 'value', 'path'], check);
  // `value: { fact: other }` compares with another fact, which must be visible too.
  if (isRecord(node.value) && typeof node.value.fact === 'string') {
    checkFact(node.value.fact, [...path, 'value', 'fact'], check);
  }
}

function checkPath(value: unknown, path: Path, { tree, problems, ruleId }: ConditionCheck): void {
  if (value === undefined) return;
  const reason = typeof value === 'string' ? jsonPathProblem(value) : 'it must be text';
  if (reason === undefined) return;
  problems.error(
    'bad-json-path',
    `Rule "${ruleId}" has path ${JSON.stringify(value)}, which is not a JSONPath: ${reason}.`,
    tree.at(path),
  );
}

function checkFact(fact: string, path: Path, check: ConditionCheck): void {
  const { tree, problems, ruleId, scope } = check;
  if (!scope) return;
  if (FORBIDDEN_KEYS.has(fact)) {
    problems.error(
      'forbidden-key',
      `Rule "${ruleId}" reads fact "${fact}", a name that has a special meaning in JavaScript objects; rename the attribute.`,
      tree.at(path),
      { key: fact },
    );
    return;
  }
  const visible = RULE_FACTS[scope];
  if (visible.includes(fact)) return;
  const owner = scopeOfFact(fact);
  if (owner) {
    problems.error(
      'fact-scope',
      `Rule "${ruleId}" has scope ${scope} but reads "${fact}", a ${owner}-level fact; ${
        scope === 'software'
          ? 'software rules are judged once per product and version and cannot see the host; use scope: host'
          : `use scope: ${owner}`
      }.`,
      tree.at(path),
      {
        rule: ruleId,
        scope,
        fact,
        owner,
        advice:
          scope === 'software'
            ? { zh: '软件级规则对每个产品和版本只判定一次，看不到计算机；请改用 scope: host', en: '' }
            : { zh: `请改用 scope: ${owner}`, en: '' },
      },
    );
    return;
  }
  const suggestion = closest(fact, visible);
  // Software rules may read any attribute a scanner passes on, so only a near-miss is an error there.
  if (scope === 'software' && suggestion === undefined) return;
  problems.error(
    'unknown-fact',
    suggestion
      ? `Rule "${ruleId}" reads unknown fact "${fact}"; did you mean "${suggestion}"?`
      : `Rule "${ruleId}" reads unknown fact "${fact}"; scope ${scope} has: ${visible.join(', ')}.`,
    tree.at(path),
    {
      rule: ruleId,
      fact,
      hint: suggestion
        ? { zh: `，是不是想写 "${suggestion}"？`, en: '' }
        : { zh: `；scope ${scope} 可用的事实：${visible.join(', ')}。`, en: '' },
    },
  );
}
