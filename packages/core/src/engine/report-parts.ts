/**
 * Small pieces of the report the auditor assembles: the facts custom rules of host, unit and fleet
 * scope see, the rule descriptions, and the merging of two findings about one subject.
 */
import type { Finding, Policy, RuleMeta } from '../model.js';
import { sortEvidence } from './rules/finding-factory.js';
import type { JudgedHost } from './rules/host-judge.js';
import { builtinRuleMeta } from './rules/rule-catalog.js';

export function pick(facts: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) if (facts[n] !== undefined) out[n] = facts[n];
  return out;
}

export function hostFacts(host: JudgedHost, unauthorisedCount: number): Record<string, unknown> {
  const products = [...new Set(host.installations.map((i) => i.state.product.id))].sort();
  const categories = [...new Set(host.installations.map((i) => i.state.product.category))].sort();
  return {
    host: host.id,
    hostname: host.hostname,
    unit: host.unit,
    osName: host.os?.name,
    osId: host.os?.id,
    osVersion: host.os?.version,
    osEdition: host.osRecognition?.edition ?? host.os?.edition,
    softwareCount: host.state.softwareCount,
    products,
    categories,
    unauthorisedCount,
  };
}

export function scopeFacts(
  stats: {
    computers: number;
    unauthorised: number;
    classes: Record<string, { missing: number }>;
    rates: { genuine: Record<string, number | null>; domestic: Record<string, number | null> };
  },
  mandatory: readonly string[],
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const genuineRates: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(stats.rates.genuine)) if (k !== 'overall') genuineRates[k] = v;
  const missing: Record<string, number> = {};
  for (const cls of mandatory) missing[cls] = stats.classes[cls]?.missing ?? 0;
  return {
    ...extra,
    computers: stats.computers,
    unauthorised: stats.unauthorised,
    genuineRate: stats.rates.genuine.overall ?? null,
    genuineRates,
    domesticRates: { ...stats.rates.domestic },
    missing,
  };
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
