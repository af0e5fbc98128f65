/**
 * Small pieces of the report the auditor assembles: the facts custom rules of host, unit and fleet
 * scope see (read in record-facts.ts), the rule descriptions, and the merging of two findings about
 * one subject.
 */
import type { Finding, Policy, RuleMeta } from '../model.js';
import { sortEvidence } from './rules/finding-factory.js';
import { builtinRuleMeta } from './rules/rule-catalog.js';

export function pick(facts: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) if (facts[n] !== undefined) out[n] = facts[n];
  return out;
}

/** Two findings with one id (the same subject reached twice) become one with all the evidence. */
export function dedupe(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const existing = byId.get(f.id);
    if (!existing) byId.set(f.id, f);
    else existing.evidence = sortEvidence([...existing.evidence, ...f.evidence]);
  }
  return byId.size === findings.length ? findings : [...byId.values()];
}

/** Descriptions of the rules the policy can fire, plus any other built-in rule seen in the findings. */
export function rulesMeta(policy: Policy, seenRules: Iterable<string> = []): RuleMeta[] {
  const metas = new Map<string, RuleMeta>();
  const ids = [
    'licensing.unlicensed',
    'licensing.expired',
    'licensing.version',
    'licensing.edition',
    ...policy.requirements.classes.map((c) => `requirements.missing.${c}`),
    'requirements.edition',
    ...(policy.requirements.activation.required ? ['requirements.activation'] : []),
    'forbidden.product',
    'forbidden.pattern',
    'unauthorised',
    'versions.unparseable',
    'waivers.expired',
  ];
  for (const id of ids) metas.set(id, builtinRuleMeta(id)!);
  for (const d of policy.preferences.domestic) {
    metas.set(
      `preferences.domestic.${d.class}`,
      builtinRuleMeta(`preferences.domestic.${d.class}`, d.outcome.severity)!,
    );
  }
  for (const rule of policy.rules) {
    metas.set(`custom.${rule.id}`, {
      id: `custom.${rule.id}`,
      description: rule.description ?? rule.message,
      helpUri: 'docs/semantics.md#custom-rules',
      defaultSeverity: rule.outcome.severity,
    });
  }
  for (const id of seenRules)
    if (!metas.has(id)) {
      const meta = builtinRuleMeta(id);
      if (meta) metas.set(id, meta);
    }
  return [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
