/**
 * The findings of an audit, produced in report order one group at a time — a unit's own findings,
 * then each of its computers, then the fleet's — so that memory holds one host's findings, never a
 * province's. Each group is worded, waived, merged by id and sorted exactly as one list of every
 * finding would be: the report order (compareFindings) sorts by unit, then host, so groups never
 * interleave; expired-waiver warnings come last because their counts span every group.
 */
import type { CustomRule, Finding, UnitStats } from '../../model.js';
import type { CompiledRule } from '../custom-rules.js';
import { hostFacts } from '../record-facts.js';
import { dedupe, pick } from '../report-parts.js';
import { compareFindings } from '../rules/finding-factory.js';
import { type HostFindingContext, hostFindings } from '../rules/host-findings.js';
import type { JudgedHost } from '../rules/host-judge.js';
import { customFinding } from '../rules/rule-findings.js';
import type { SoftwareRuleFindings } from '../rules/software-rule-findings.js';
import type { WaiverBook } from '../rules/waivers.js';

export interface FindingStreamInput {
  /** Units in report order, each with its computers sorted by id (judged as they are read). */
  units: ReadonlyArray<{ row: UnitStats | undefined; name: string; hosts: Iterable<JudgedHost> }>;
  /** Findings about a unit as a whole (domestic shares, unit-scope custom rules), by unit name. */
  unitFindings: ReadonlyMap<string, Finding[]>;
  /** Findings about the fleet as a whole (fleet-scope custom rules). */
  fleetFindings: Finding[];
  context: HostFindingContext;
  software: SoftwareRuleFindings;
  hostRules: readonly CompiledRule[];
  unauthorisedByHost: ReadonlyMap<string, number>;
  waivers: WaiverBook;
  unitRank: Map<string, number>;
  /** Campaign dates (first seen, carried deadline, overdue), applied after waivers. */
  stamp?: (finding: Finding) => Finding;
  /** Called for each finding that leaves the stream (rule ids for the report's rule list, counters). */
  onFinding(finding: Finding): void;
  /** Counts every custom-rule evaluation. */
  onRuleRun(): void;
}

export async function* findingStream(input: FindingStreamInput): AsyncGenerator<Finding[]> {
  const order = compareFindings(input.unitRank);
  const finish = (group: Finding[]): Finding[] => {
    const waived = dedupe(input.waivers.apply(group));
    const out = (input.stamp ? waived.map(input.stamp) : waived).sort(order);
    for (const f of out) input.onFinding(f);
    return out;
  };
  for (const unit of input.units) {
    const own = input.unitFindings.get(unit.name);
    if (own && own.length > 0) yield finish(own);
    for (const host of unit.hosts) {
      const group = hostFindings(host, input.context);
      for (const f of input.software.forHost(host)) group.push(f);
      for (const f of await hostRuleFindings(host, input)) group.push(f);
      if (group.length > 0) yield finish(group);
    }
  }
  const last = finish([...input.fleetFindings, ...input.waivers.expiredFindings()]);
  if (last.length > 0) yield last;
}

async function hostRuleFindings(host: JudgedHost, input: FindingStreamInput): Promise<Finding[]> {
  if (input.hostRules.length === 0) return [];
  const facts = hostFacts(host, input.unauthorisedByHost.get(host.id) ?? 0);
  const findings: Finding[] = [];
  for (const compiled of input.hostRules) {
    input.onRuleRun();
    const verdict = compiled.evaluateNow?.(facts) ?? (await compiled.evaluate(facts));
    const rule: CustomRule = compiled.rule;
    const f = customFinding(
      rule,
      verdict,
      { host: host.id, unit: host.unit },
      pick(facts, compiled.facts),
      input.context.deadlines,
      input.context.parts,
    );
    if (f) findings.push(f);
  }
  return findings;
}
