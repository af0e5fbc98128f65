/**
 * The policy linter: what a file says that is valid but cannot work as written — a waiver, scope
 * or rule condition that can match nothing, a ledger line that contradicts itself, a value of the
 * wrong type for its fact, a class no product has. Each is a located warning in both locales with
 * the word meant, so a policy author's mistake is named instead of silently changing the numbers.
 *
 * Only the author's own files are linted (not `builtin:` packs, which an author cannot edit), but
 * each against the merged policy: a waiver in the county's file may name a rule of the province's.
 */
import type { Policy, Problem } from '../../model.js';
import { mappings, text } from '../layer-context.js';
import { isRecord } from '../policy-values.js';
import type { PolicyTree } from '../policy-yaml.js';
import { ProblemList } from '../problem-list.js';
import { lintRules } from './lint-conditions.js';
import { type LintContext, lintContext, type PolicyLintWorld } from './lint-context.js';
import { lintEntitlements, lintWaivers } from './lint-ledger.js';
import { checkClassName, checkUnitName, type Owner } from './lint-names.js';

export type { PolicyLintWorld } from './lint-context.js';

/** Lints the author's files (their parsed trees) against the merged policy and the world. */
export function lintPolicy(
  trees: readonly PolicyTree[],
  policy: Policy,
  world: PolicyLintWorld = {},
): Problem[] {
  const warnings = new ProblemList();
  for (const tree of trees) {
    if (!isRecord(tree.root)) continue;
    const context = lintContext(tree, warnings, policy, world);
    const root = tree.root;
    lintClasses(root, context);
    lintEntitlements(root.entitlements, context);
    lintWaivers(root.waivers, context);
    lintRules(root.rules, context);
    for (const [unit, path] of mappings(root.units, ['units'])) {
      const name = text(unit.name);
      if (name) checkUnitName(context, { zh: '单位清单', en: 'The units list' }, name, [...path, 'name']);
    }
  }
  return warnings.sorted();
}

function lintClasses(root: Record<string, unknown>, context: LintContext): void {
  const requirements = isRecord(root.requirements) ? root.requirements : {};
  const classList = (value: unknown, path: string[], owner: Owner): void => {
    if (!Array.isArray(value)) return;
    value.forEach((cls, index) => {
      if (typeof cls === 'string') checkClassName(context, owner, cls, [...path, index]);
    });
  };
  classList(requirements.classes, ['requirements', 'classes'], {
    zh: 'requirements.classes 中',
    en: 'requirements.classes',
  });
  if (isRecord(requirements.activation))
    classList(requirements.activation.classes, ['requirements', 'activation', 'classes'], {
      zh: 'requirements.activation.classes 中',
      en: 'requirements.activation.classes',
    });
  if (isRecord(requirements.editions)) {
    for (const cls of Object.keys(requirements.editions)) {
      const path = ['requirements', 'editions', cls];
      if (context.classes.has(cls)) continue;
      // The key is what is wrong: point at it, not at its value.
      const keyed = { ...context, tree: { ...context.tree, at: context.tree.keyAt } };
      checkClassName(keyed, { zh: 'requirements.editions 中', en: 'requirements.editions' }, cls, path);
    }
  }
  const preferences = isRecord(root.preferences) ? root.preferences : {};
  for (const [target, path] of mappings(preferences.domestic, ['preferences', 'domestic'])) {
    const cls = text(target.class);
    if (cls) checkClassName(context, { zh: '国产化目标', en: 'A domestic target' }, cls, [...path, 'class']);
  }
}
