/**
 * The auditor: hosts stream in through `add()` (kept compact, see store/compact-store.ts); `finishStream()`
 * runs the passes — judge each host once (first-pass.ts), allocate licences over the fleet, count
 * (count-pass.ts), custom rules of unit and fleet scope (scope-rules.ts), the merge basis when asked
 * (merge-basis-pass.ts) — and returns the report (report-assembly.ts) with its findings still to
 * come: they are worded one unit and one host at a time as they are read (finding-pass.ts), so
 * memory follows computers, not findings. `finish()` reads them all into one ComplianceReport.
 * Everything is sorted, so the same inventory gives the same bytes whatever the order hosts
 * arrived in (only `generatedAt` differs).
 *
 * Both are async: json-rules-engine evaluates custom rules asynchronously.
 */
import { UsageError } from '../../errors.js';
import type {
  ComplianceReport,
  Finding,
  HostInventory,
  InputSummary,
  Policy,
  Problem,
  StreamedReport,
} from '../../model.js';
import { CampaignDates } from '../campaign-dates.js';
import { auditContext, setUpAudit } from './audit-setup.js';
import type { AuditorOptions } from './auditor-options.js';
import { countPass } from './count-pass.js';
import { findingPass } from './finding-pass.js';
import { firstPass } from './first-pass.js';
import { unitsAndProblems } from './fleet-problems.js';
import { judgeAgain } from './judge-again.js';
import { mergeBasisPass } from './merge-basis-pass.js';
import { assembleReport } from './report-assembly.js';
import { scopeRulePass } from './scope-rules.js';

export type { AuditorOptions } from './auditor-options.js';
export { CORE_VERSION } from './report-assembly.js';

export interface Auditor {
  /** One host inventory; the same host id may come again (merged). Synchronous and cheap. */
  add(host: HostInventory): void;
  /** Counts and problems of one input (scanner run), for `report.inputs` / `report.problems`. */
  addInput(summary: InputSummary, problems: Problem[]): void;
  /**
   * Problems of no input, for `report.problems` after the policy's own warnings: e.g. the policy
   * linter's checks against the hosts the inputs held (a waiver naming a computer none has).
   */
  addProblems(problems: readonly Problem[]): void;
  /** Judges everything and returns the report with every finding in it. Call once (or finishStream). */
  finish(): Promise<ComplianceReport>;
  /**
   * Judges everything and returns the report with its findings still to be read, group by group
   * (StreamedReport): for reports too large to hold, written by reporters that stream. Call once.
   */
  finishStream(): Promise<StreamedReport>;
}

export function createAuditor(policy: Policy, options: AuditorOptions = {}): Auditor {
  const setup = setUpAudit(policy, options);
  const inputs: InputSummary[] = [];
  const problems: Problem[] = [];
  let finished = false;

  async function finishStream(): Promise<StreamedReport> {
    if (finished) throw new UsageError('auditor.finish() may be called once');
    finished = true;
    const started = Date.now();
    const ctx = auditContext(setup);
    const first = firstPass(setup, ctx);
    const positions = first.demands.allocate(policy, setup.asOf);
    const judged = judgeAgain(first, ctx);
    const clock = setup.now();
    const { units, problems: engineProblems } = unitsAndProblems(setup, first);
    const counted = countPass(setup, ctx, first, judged, units, positions, clock);
    const scope = await scopeRulePass(setup, ctx, first, counted, positions);
    const basis = options.mergeable ? mergeBasisPass(setup, first.states.length, judged, clock) : undefined;
    const campaign = new CampaignDates(setup.asOf, policy.settings, options.since);
    const passes = { first, counted, scope, units, positions, campaign };
    const report = assembleReport(setup, { ...passes, inputs, problems, engineProblems, basis });
    const findings = findingPass(setup, report, { ...passes, ctx, judged, clock, started });
    return { report, findings };
  }

  return {
    add(host) {
      if (finished) throw new UsageError('auditor.add() after finish()');
      if (!host || typeof host.id !== 'string' || host.id.trim() === '') {
        problems.push({
          message: `a host inventory from scanner "${host?.scanner ?? '?'}" has no id and was not counted`,
          severity: 'error',
          code: 'engine.host-without-id',
          params: { scanner: host?.scanner ?? '?' },
          source: 'engine',
        });
        return;
      }
      setup.store.add(host);
    },
    addInput(summary, inputProblems) {
      inputs.push(summary);
      problems.push(...inputProblems);
    },
    addProblems(more) {
      if (finished) throw new UsageError('auditor.addProblems() after finish()');
      problems.push(...more);
    },
    finishStream,
    async finish() {
      const { report, findings } = await finishStream();
      const all: Finding[] = [];
      for await (const group of findings) for (const f of group) all.push(f);
      report.findings = all;
      return report;
    },
  };
}
