/**
 * Pass 5, the findings in report order, worded as they are read (finding-stream.ts); the plan and
 * the 明细表 gather from the same stream. Once read to the end the report is completed: the rules
 * seen, custom-rule runs, plan, details and campaign status.
 */
import type { ComplianceReport, EntitlementPosition, Finding, UnitInfo } from '../../model.js';
import type { CampaignDates } from '../campaign-dates.js';
import { DetailsCollector } from '../details-collector.js';
import { PlanCollector } from '../plan/plan-collector.js';
import { rulesMeta } from '../report-parts.js';
import type { HostFindingContext } from '../rules/host-findings.js';
import type { JudgedHost } from '../rules/host-judge.js';
import { WaiverBook } from '../rules/waivers.js';
import type { AuditSetup } from './audit-setup.js';
import type { Counted } from './count-pass.js';
import { findingStream } from './finding-stream.js';
import type { FirstPass } from './first-pass.js';
import type { JudgeAgain } from './judge-again.js';
import type { ScopeFindings } from './scope-rules.js';

export interface FindingPassInput {
  ctx: HostFindingContext;
  first: FirstPass;
  judged: JudgeAgain;
  counted: Counted;
  scope: ScopeFindings;
  units: readonly UnitInfo[];
  positions: EntitlementPosition[];
  clock: Date;
  campaign: CampaignDates;
  /** When `finishStream` began, for the closing log line. */
  started: number;
}

export async function* findingPass(
  setup: AuditSetup,
  report: ComplianceReport,
  input: FindingPassInput,
): AsyncGenerator<Finding[]> {
  const { policy, options } = setup;
  const { first, counted, campaign } = input;
  const plan = options.plan ? new PlanCollector() : undefined;
  const details = options.details
    ? new DetailsCollector(policy.requirements.classes, input.positions)
    : undefined;
  function* judgedHosts(indices: readonly number[]): Generator<JudgedHost> {
    for (const i of indices) {
      const host = input.judged(i, 'with-evidence');
      plan?.addHost(host);
      details?.addHost(host);
      yield host;
    }
  }
  const hostsByUnit = indicesByUnit(first.hostUnits);
  const rows = new Map(counted.unitRows.map((row) => [row.unit, row]));
  const seenRules = new Set<string>();
  let findingCount = 0;
  let runs = input.scope.runs;
  yield* findingStream({
    units: input.units.map((u) => ({
      name: u.name,
      row: rows.get(u.name),
      hosts: judgedHosts(hostsByUnit.get(u.name) ?? []),
    })),
    unitFindings: input.scope.unitFindings,
    fleetFindings: input.scope.fleetFindings,
    context: input.ctx,
    software: input.scope.software,
    hostRules: setup.custom.host,
    unauthorisedByHost: counted.unauthorisedByHost,
    waivers: new WaiverBook(policy.waivers, input.clock),
    unitRank: new Map(input.units.map((u, i) => [u.name, i])),
    ...(campaign.active ? { stamp: (finding: Finding) => campaign.stamp(finding) } : {}),
    onFinding(finding) {
      seenRules.add(finding.rule);
      findingCount++;
      plan?.addFinding(finding);
      details?.addFinding(finding);
    },
    onRuleRun() {
      runs++;
    },
  });
  report.stats!.customRuleRuns = runs;
  report.rules = rulesMeta(policy, seenRules);
  if (plan) report.plan = plan.plan(policy, setup.asOf, input.positions, counted.unitRows);
  if (details) report.details = details.rows;
  if (report.campaign) report.campaign = campaign.status(counted.unitRows.map((row) => row.unit));
  setup.logger.debug(
    `audit finished: ${first.states.length} hosts, ${findingCount} findings in ${Date.now() - input.started} ms`,
  );
}

/** Host indices per unit, in host order. */
function indicesByUnit(hostUnits: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < hostUnits.length; i++) {
    const list = out.get(hostUnits[i]!);
    if (list) list.push(i);
    else out.set(hostUnits[i]!, [i]);
  }
  return out;
}
