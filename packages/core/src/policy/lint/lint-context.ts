/**
 * What the linter checks one file against: the merged policy (catalogue, classes, rules), what the
 * caller knows of the world (units from a units file, hosts from inventories), and the file's
 * located data so each warning lands on the exact value.
 */
import { builtinRules, className } from '../../engine/rules/rule-catalog.js';
import type { LocalText, Policy, UnitInfo } from '../../model.js';
import { DEFAULT_CLASSES } from '../policy-defaults.js';
import type { Path, PolicyTree } from '../policy-yaml.js';
import type { ProblemList } from '../problem-list.js';
import { type LintMessage, type LintParams, lintText } from './lint-messages.js';

/** What a policy is checked against besides itself (`policy validate --units --input`). */
export interface PolicyLintWorld {
  /** Units from a units file and from inventories (name, and parent when known). */
  units?: readonly Pick<UnitInfo, 'name' | 'parent'>[];
  /** Host ids and host names the inventories hold. */
  hosts?: readonly string[];
  /** The date the audit speaks for, when the caller knows it (`--as-of`); else the policy's or today. */
  asOf?: string;
}

export interface LintContext {
  tree: PolicyTree;
  warnings: ProblemList;
  policy: Policy;
  /** Product classes: every catalogue category plus the statutory three. */
  classes: ReadonlySet<string>;
  productIds: ReadonlySet<string>;
  /** Unit names known from the policy and the world; empty when nothing says which exist. */
  units: ReadonlyMap<string, string | undefined>;
  /** Units the merged policy's scopes and waivers name (to compare spellings when no list is known). */
  mentionedUnits: ReadonlySet<string>;
  /** Hosts in lower case; undefined when no inventory was given. */
  hosts: ReadonlySet<string> | undefined;
  hostNames: readonly string[];
  /** Every rule id a finding can carry (built-in families expanded per class, custom.<id>). */
  ruleIds: readonly string[];
  asOf: string | undefined;
}

export function lintContext(
  tree: PolicyTree,
  warnings: ProblemList,
  policy: Policy,
  world: PolicyLintWorld,
): LintContext {
  const classes = new Set<string>(DEFAULT_CLASSES);
  for (const product of policy.catalog.products) classes.add(product.category);
  const units = new Map<string, string | undefined>();
  for (const unit of [...policy.units, ...(world.units ?? [])])
    if (!units.has(unit.name) || unit.parent) units.set(unit.name, unit.parent);
  const mentioned = new Set<string>();
  for (const e of policy.entitlements) for (const unit of e.scope?.units ?? []) mentioned.add(unit);
  for (const w of policy.waivers) for (const unit of w.units ?? []) mentioned.add(unit);
  const ruleIds = Object.keys(builtinRules).filter(
    (id) => id !== 'requirements.missing' && id !== 'preferences.domestic',
  );
  for (const cls of policy.requirements.classes) ruleIds.push(`requirements.missing.${cls}`);
  for (const target of policy.preferences.domestic) ruleIds.push(`preferences.domestic.${target.class}`);
  for (const rule of policy.rules) ruleIds.push(`custom.${rule.id}`);
  return {
    tree,
    warnings,
    policy,
    classes,
    productIds: new Set(policy.catalog.products.map((product) => product.id)),
    units,
    hosts: world.hosts ? new Set(world.hosts.map((host) => host.toLowerCase())) : undefined,
    hostNames: world.hosts ?? [],
    mentionedUnits: mentioned,
    ruleIds,
    asOf: world.asOf ?? policy.settings.asOf,
  };
}

/** Records a warning at the value `path` points to. */
export function warnAt(
  context: LintContext,
  code: string,
  message: LintMessage,
  params: LintParams,
  path: Path,
  hint?: LocalText,
): void {
  context.warnings.warn(code, lintText(message, params, hint), context.tree.at(path));
}

/**
 * Records a note (severity `info`) at the value: something that may well be meant, but whose
 * consequence the author should know (a parent unit's scope does not reach its children).
 */
export function noteAt(
  context: LintContext,
  code: string,
  message: LintMessage,
  params: LintParams,
  path: Path,
): void {
  context.warnings.warn(code, lintText(message, params), context.tree.at(path), 'info');
}

/** Words for classes as authors write them in Chinese (`办公软件` is `office`). */
export function classFromWord(word: string, classes: ReadonlySet<string>): string | undefined {
  const trimmed = word.trim();
  for (const cls of classes) if (className(cls).zh === trimmed) return cls;
  return CHINESE_CLASS_WORDS[trimmed];
}

const CHINESE_CLASS_WORDS: Readonly<Record<string, string>> = {
  系统: 'os',
  操作系统: 'os',
  办公: 'office',
  办公软件: 'office',
  办公套件: 'office',
  杀毒: 'antivirus',
  杀毒软件: 'antivirus',
  防病毒: 'antivirus',
  防病毒软件: 'antivirus',
  安全软件: 'antivirus',
  浏览器: 'browser',
  压缩软件: 'archiver',
  解压缩软件: 'archiver',
  即时通讯: 'im',
  聊天软件: 'im',
  激活工具: 'activator',
  工具: 'tool',
  其他: 'other',
};
