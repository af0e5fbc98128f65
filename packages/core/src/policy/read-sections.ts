/**
 * Reads the judgement sections of one file: `requirements`, `preferences`, `forbidden`, `rules`
 * and `settings`. Only what the file says is kept (no defaults), so that merging can let a later
 * file win key by key.
 */
import type {
  BulletinSettings,
  CustomRule,
  DomesticTarget,
  ForbiddenPattern,
  PolicySettings,
  RuleScope,
} from '../model.js';
import { IdRegistry, type LayerContext, mappings, text } from './layer-context.js';
import type { PolicyLayer } from './layer-types.js';
import { readPatterns } from './patterns.js';
import { DEFAULT_BULLETIN } from './policy-defaults.js';
import {
  isRecord,
  plainCopy,
  readDate,
  readEditions,
  readLocalText,
  readOutcome,
  readStrings,
} from './policy-values.js';
import { checkRuleConditions } from './rule-conditions.js';

export function readRequirements(
  value: unknown,
  { tree, problems }: LayerContext,
): PolicyLayer['requirements'] {
  const section = isRecord(value) ? value : {};
  const requirements: PolicyLayer['requirements'] = {
    editions: Object.create(null),
    activation: { kmsHosts: [] },
  };
  const classes = readStrings(section.classes);
  if (classes) requirements.classes = classes;
  if (isRecord(section.editions)) {
    for (const [productClass, rule] of Object.entries(section.editions)) {
      if (!isRecord(rule)) continue;
      const path = ['requirements', 'editions', productClass];
      const entry: PolicyLayer['requirements']['editions'][string] = { location: tree.keyAt(path) };
      const allow = readEditions(rule.allow, tree, [...path, 'allow'], problems);
      if (allow) entry.allow = allow;
      const deny = readEditions(rule.deny, tree, [...path, 'deny'], problems);
      if (deny) entry.deny = deny;
      requirements.editions[productClass] = entry;
    }
  }
  if (isRecord(section.activation)) {
    const { activation } = section;
    if (typeof activation.required === 'boolean') requirements.activation.required = activation.required;
    requirements.activation.kmsHosts = readStrings(activation.kmsHosts) ?? [];
    const activationClasses = readStrings(activation.classes);
    if (activationClasses) requirements.activation.classes = activationClasses;
  }
  return requirements;
}

export function readPreferences(value: unknown, context: LayerContext): DomesticTarget[] {
  const section = isRecord(value) ? value : {};
  const classes = new IdRegistry('domestic target for class', context);
  const targets: DomesticTarget[] = [];
  for (const [item, path] of mappings(section.domestic, ['preferences', 'domestic'])) {
    const productClass = text(item.class);
    if (!productClass || typeof item.target !== 'number' || !classes.claim(productClass, [...path, 'class']))
      continue;
    targets.push({
      class: productClass,
      target: item.target,
      outcome: readOutcome(item.severity, 'warn'),
      location: context.tree.keyAt(path),
    });
  }
  return targets;
}

export function readForbidden(value: unknown, context: LayerContext): PolicyLayer['forbidden'] {
  const { tree, problems, references } = context;
  const section = isRecord(value) ? value : {};
  const forbidden: PolicyLayer['forbidden'] = { products: [], patterns: [] };
  if (section.mode === 'report' || section.mode === 'allowlist') forbidden.mode = section.mode;
  forbidden.products = readStrings(section.products) ?? [];
  forbidden.products.forEach((id, index) => {
    references.push({ id, from: 'forbidden.products', location: tree.at(['forbidden', 'products', index]) });
  });
  for (const [item, path] of mappings(section.patterns, ['forbidden', 'patterns'])) {
    if (item.name === undefined && item.publisher === undefined) {
      problems.error(
        'empty-match',
        'A forbidden pattern needs name or publisher (or both).',
        tree.keyAt(path),
        { what: { zh: '禁用软件的匹配条件需要 name 或 publisher（或两者都有）', en: '' } },
      );
      continue;
    }
    const pattern: ForbiddenPattern = { location: tree.keyAt(path) };
    const name = readPatterns(item.name, tree, [...path, 'name'], problems);
    if (name) pattern.name = name;
    const publisher = readPatterns(item.publisher, tree, [...path, 'publisher'], problems);
    if (publisher) pattern.publisher = publisher;
    const reason = text(item.reason);
    if (reason) pattern.reason = reason;
    forbidden.patterns.push(pattern);
  }
  return forbidden;
}

export function readRules(value: unknown, context: LayerContext): CustomRule[] {
  const { tree, problems } = context;
  const ids = new IdRegistry('rule id', context);
  const rules: CustomRule[] = [];
  for (const [item, path] of mappings(value, ['rules'])) {
    const given = text(item.id);
    // A rule without an id (reported by the schema) still has its conditions checked in this pass.
    const id = given ?? `#${Number(path[path.length - 1]) + 1}`;
    const unique = given !== undefined && ids.claim(given, [...path, 'id']);
    const scope = text(item.scope) as RuleScope | undefined;
    const validScope = scope && ['software', 'host', 'unit', 'fleet'].includes(scope) ? scope : undefined;
    checkRuleConditions(item.conditions, tree, [...path, 'conditions'], problems, id, validScope);
    const message = readLocalText(item.message);
    if (!unique || !validScope || !isRecord(item.conditions) || !message) continue;
    const rule: CustomRule = {
      id,
      scope: validScope,
      outcome: readOutcome(item.severity, 'warn'),
      conditions: plainCopy(item.conditions) as Record<string, unknown>,
      message,
      location: tree.keyAt(path),
    };
    const remediation = readLocalText(item.remediation);
    if (remediation) rule.remediation = remediation;
    const description = readLocalText(item.description);
    if (description) rule.description = description;
    rules.push(rule);
  }
  return rules;
}

export function readSettings(value: unknown, { tree, problems }: LayerContext): Partial<PolicySettings> {
  const section = isRecord(value) ? value : {};
  const settings: Partial<PolicySettings> = {};
  const asOf = readDate(section.asOf, tree, ['settings', 'asOf'], problems);
  if (asOf) settings.asOf = asOf;
  if (typeof section.remediationDays === 'number' && Number.isInteger(section.remediationDays)) {
    settings.remediationDays = section.remediationDays;
  }
  const unrecognised = text(section.unrecognised);
  if (unrecognised === 'report' || unrecognised === 'unauthorised' || unrecognised === 'ignore') {
    settings.unrecognised = unrecognised;
  }
  if (typeof section.expiryWarningDays === 'number' && Number.isInteger(section.expiryWarningDays)) {
    settings.expiryWarningDays = section.expiryWarningDays;
  }
  const currency = text(section.currency);
  if (currency) settings.currency = currency;
  const deadline = readDate(section.deadline, tree, ['settings', 'deadline'], problems);
  if (deadline) settings.deadline = deadline;
  if (isRecord(section.bulletin)) settings.bulletin = readBulletin(section.bulletin);
  return settings;
}

/** `settings.bulletin`, each threshold the file leaves out taken from DEFAULT_BULLETIN (the schema checks types). */
function readBulletin(section: Record<string, unknown>): BulletinSettings {
  const praise = isRecord(section.praise) ? section.praise : {};
  const criticise = isRecord(section.criticise) ? section.criticise : {};
  const number = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);
  const bulletin: BulletinSettings = {
    praise: {
      genuineRate: number(praise.genuineRate, DEFAULT_BULLETIN.praise.genuineRate),
      outstanding: number(praise.outstanding, DEFAULT_BULLETIN.praise.outstanding),
    },
    criticise: {
      overdue: number(criticise.overdue, DEFAULT_BULLETIN.criticise.overdue),
      rateFell:
        typeof criticise.rateFell === 'boolean' ? criticise.rateFell : DEFAULT_BULLETIN.criticise.rateFell,
    },
  };
  if (typeof criticise.genuineRateBelow === 'number')
    bulletin.criticise.genuineRateBelow = criticise.genuineRateBelow;
  return bulletin;
}
