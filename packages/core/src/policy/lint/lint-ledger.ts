/**
 * The ledger (`entitlements`) and `waivers` of one file, checked against the merged policy and the
 * world: scopes and waiver selectors that match nothing, waivers of rules that do not exist, and
 * ledger lines that contradict themselves (a disposed line marked active, a site licence with a
 * seat count, an OEM licence with no machine, a disposal dated after the audit).
 */
import { closest } from '../did-you-mean.js';
import { mappings, text } from '../layer-context.js';
import { isRecord, readStrings } from '../policy-values.js';
import type { Path } from '../policy-yaml.js';
import { type LintContext, warnAt } from './lint-context.js';
import { hintFor } from './lint-messages.js';
import { checkHostName, checkUnitName, type Owner } from './lint-names.js';

/** Each string of a `string | string[]` value with its path. */
function eachName(value: unknown, path: Path): Array<[string, Path]> {
  if (typeof value === 'string') return [[value, path]];
  if (!Array.isArray(value)) return [];
  return value.flatMap(
    (item, index): Array<[string, Path]> => (typeof item === 'string' ? [[item, [...path, index]]] : []),
  );
}

export function lintEntitlements(value: unknown, context: LintContext): void {
  for (const [item, path] of mappings(value, ['entitlements'])) {
    const id = text(item.id);
    if (id === undefined) continue;
    const owner: Owner = { zh: `授权“${id}”`, en: `Entitlement "${id}"` };
    const scope = isRecord(item.scope) ? item.scope : undefined;
    const listed = readStrings(scope?.units) ?? [];
    for (const [unit, at] of eachName(scope?.units, [...path, 'scope', 'units'])) {
      checkUnitName(context, owner, unit, at);
      checkParentScope(context, id, unit, listed, at);
    }
    for (const [host, at] of eachName(scope?.hosts, [...path, 'scope', 'hosts']))
      checkHostName(context, owner, host, at);
    checkContradictions(item, path, id, context);
  }
}

/** A scope naming a unit with child units covers the unit itself only; say so where it is written. */
function checkParentScope(
  context: LintContext,
  id: string,
  unit: string,
  listed: string[],
  path: Path,
): void {
  const missing = [...context.units]
    .filter(([name, parent]) => parent === unit && !listed.includes(name))
    .map(([name]) => name);
  if (missing.length === 0) return;
  warnAt(context, 'parent-scope', 'parentUnitScope', { id, name: unit, children: missing.join('、') }, path);
}

function checkContradictions(
  item: Record<string, unknown>,
  path: Path,
  id: string,
  context: LintContext,
): void {
  const type = text(item.type);
  const retired = isRecord(item.retired) ? item.retired : undefined;
  if (item.status === 'active' && retired) {
    warnAt(context, 'active-but-retired', 'activeButRetired', { id }, [...path, 'status']);
  }
  if (type === 'site' && typeof item.seats === 'number') {
    warnAt(context, 'site-with-seats', 'siteWithSeats', { id, seats: item.seats }, [...path, 'seats']);
  }
  const scope = isRecord(item.scope) ? item.scope : undefined;
  if (type === 'oem' && (readStrings(scope?.hosts) ?? []).length === 0) {
    warnAt(context, 'oem-without-hosts', 'oemWithoutHosts', { id }, [...path, 'type']);
  }
  // Without settings.asOf an audit speaks for today (unless --as-of says otherwise).
  const asOf = context.policy.settings.asOf ?? localToday();
  const date = retired?.date instanceof Date ? retired.date.toISOString().slice(0, 10) : text(retired?.date);
  if (asOf && date && date > asOf) {
    warnAt(context, 'retired-after-as-of', 'retiredAfterAsOf', { id, date, asOf }, [
      ...path,
      'retired',
      'date',
    ]);
  }
}

export function lintWaivers(value: unknown, context: LintContext): void {
  for (const [item, path] of mappings(value, ['waivers'])) {
    const id = text(item.id) ?? `#${Number(path[path.length - 1]) + 1}`;
    const owner: Owner = { zh: `豁免“${id}”`, en: `Waiver "${id}"` };
    const rule = text(item.rule);
    if (rule !== undefined) checkWaiverRule(context, id, rule, [...path, 'rule']);
    for (const [unit, at] of eachName(item.units, [...path, 'units']))
      checkUnitName(context, owner, unit, at);
    for (const [host, at] of eachName(item.hosts, [...path, 'hosts']))
      checkHostName(context, owner, host, at);
  }
}

/** A waiver's rule must be a rule id a finding can carry, or a dot-prefix of one. */
function checkWaiverRule(context: LintContext, id: string, rule: string, path: Path): void {
  const { ruleIds } = context;
  if (ruleIds.some((known) => known === rule || known.startsWith(`${rule}.`))) return;
  if (ruleIds.includes(`custom.${rule}`)) {
    warnAt(context, 'unknown-waiver-rule', 'customRuleWithoutPrefix', { id, rule }, path);
    return;
  }
  // `custom.remote-tool-max2` for `custom.remote-tool`: a known id the written one starts with.
  const stem = ruleIds.find((known) => rule.startsWith(known));
  const prefixes = new Set(
    ruleIds.flatMap((known) => known.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
  );
  warnAt(
    context,
    'unknown-waiver-rule',
    'unknownWaiverRule',
    { id, rule },
    path,
    hintFor(stem ?? closest(rule, prefixes)),
  );
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
