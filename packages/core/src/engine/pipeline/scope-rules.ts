/**
 * Pass 3, the custom rules: software-rule verdicts settled now (host rules run as the stream passes
 * each host); a unit's and the fleet's findings are few and made here, with the domestic-share
 * findings of each unit and the fleet's expiring entitlements.
 */
import type { EntitlementPosition, Finding } from '../../model.js';
import { fleetFacts, unitFacts } from '../record-facts.js';
import { pick } from '../report-parts.js';
import { expiringFindings } from '../rules/expiry-findings.js';
import type { HostFindingContext } from '../rules/host-findings.js';
import { customFinding, domesticFindings } from '../rules/rule-findings.js';
import { SoftwareRuleFindings } from '../rules/software-rule-findings.js';
import { ruleCounters } from '../software-rules.js';
import type { AuditSetup } from './audit-setup.js';
import type { Counted } from './count-pass.js';
import type { FirstPass } from './first-pass.js';

export interface ScopeFindings {
  software: SoftwareRuleFindings;
  unitFindings: Map<string, Finding[]>;
  fleetFindings: Finding[];
  /** Custom-rule evaluations so far (the stream adds the host rules'), and memo hits. */
  runs: number;
  memoHits: number;
}

export async function scopeRulePass(
  setup: AuditSetup,
  ctx: HostFindingContext,
  first: FirstPass,
  counted: Counted,
  positions: EntitlementPosition[],
): Promise<ScopeFindings> {
  const { policy, deadlines, parts } = setup;
  const mandatory = policy.requirements.classes;
  const software = await SoftwareRuleFindings.prepare(first.osHosts, setup.softwareRules, setup.store, ctx);
  const counters = ruleCounters(setup.softwareRules);
  let runs = counters.runs;
  const unitFindings = new Map<string, Finding[]>();
  for (const row of counted.unitRows) unitFindings.set(row.unit, domesticFindings(row, policy, deadlines));
  for (const compiled of setup.custom.unit) {
    for (const row of counted.unitRows) {
      const facts = unitFacts(row, mandatory);
      runs++;
      const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
      const seen = pick(facts, compiled.facts);
      const f = customFinding(compiled.rule, verdict, { unit: row.unit }, seen, deadlines, parts);
      if (f) unitFindings.get(row.unit)!.push(f);
    }
  }
  const fleetFindings: Finding[] = expiringFindings(positions, policy, deadlines);
  for (const compiled of setup.custom.fleet) {
    const facts = fleetFacts(counted.totals, mandatory, counted.unitRows.length);
    runs++;
    const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
    const f = customFinding(compiled.rule, verdict, {}, pick(facts, compiled.facts), deadlines, parts);
    if (f) fleetFindings.push(f);
  }
  return { software, unitFindings, fleetFindings, runs, memoHits: counters.hits };
}
