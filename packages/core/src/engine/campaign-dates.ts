/**
 * Campaign dates of findings: when a failure was first seen, its deadline, and whether it is overdue.
 *
 * A deadline is detection date + remediation days (限期纠正), so a failure can only be overdue if it
 * was detected before this audit: `audit --since BEFORE.json` carries each failure's first-seen date
 * and deadline over from the earlier report, matched by the stable finding id. A policy's campaign
 * deadline (`settings.deadline`, e.g. the seed's 2013年底) caps every deadline, carried or new. A
 * failure still open (effective status `fail`, so not waived) whose deadline is before the as-of date
 * is overdue.
 */
import type { CampaignStatus, ComplianceReport, Finding, IsoDate, PolicySettings } from '../model.js';
import { effectiveStatus } from './rules/waivers.js';

/** What an earlier report says of its open failures, by finding id. */
export interface FindingHistory {
  asOf: IsoDate;
  failures: ReadonlyMap<string, { firstSeen: IsoDate; deadline?: IsoDate }>;
}

/** The open failures of a report (effective status `fail`): a waived one starts its clock anew. */
export function findingHistory(report: Pick<ComplianceReport, 'asOf' | 'findings'>): FindingHistory {
  const failures = new Map<string, { firstSeen: IsoDate; deadline?: IsoDate }>();
  for (const finding of report.findings) {
    if (effectiveStatus(finding) !== 'fail') continue;
    failures.set(finding.id, {
      firstSeen: finding.firstSeen ?? report.asOf,
      ...(finding.deadline ? { deadline: finding.deadline } : {}),
    });
  }
  return { asOf: report.asOf, failures };
}

const earlier = (a: IsoDate, b: IsoDate | undefined): IsoDate => (b !== undefined && b < a ? b : a);

/** Stamps findings as they stream out of the auditor and counts the overdue ones per unit. */
export class CampaignDates {
  private readonly overdueByUnit = new Map<string, number>();
  private overdue = 0;
  private carried = 0;

  constructor(
    private readonly asOf: IsoDate,
    private readonly settings: Pick<PolicySettings, 'deadline' | 'bulletin'>,
    private readonly history?: FindingHistory,
  ) {}

  /** True when the report speaks of the campaign (an earlier report, a campaign deadline or bulletin). */
  get active(): boolean {
    return !!this.history || !!this.settings.deadline || !!this.settings.bulletin;
  }

  /** The finding with its carried first-seen date and deadline and its overdue flag (a copy when changed). */
  stamp(finding: Finding): Finding {
    if (finding.status !== 'fail') return finding;
    const before = this.history?.failures.get(finding.id);
    let deadline = before?.deadline ?? finding.deadline;
    if (deadline !== undefined) deadline = earlier(deadline, this.settings.deadline);
    const firstSeen = before && before.firstSeen < this.asOf ? before.firstSeen : undefined;
    const overdue = deadline !== undefined && deadline < this.asOf && effectiveStatus(finding) === 'fail';
    if (before) this.carried++;
    if (overdue) {
      this.overdue++;
      const unit = finding.subject.unit ?? '';
      this.overdueByUnit.set(unit, (this.overdueByUnit.get(unit) ?? 0) + 1);
    }
    if (deadline === finding.deadline && !firstSeen && !overdue) return finding;
    const stamped: Finding = { ...finding };
    if (deadline !== undefined) stamped.deadline = deadline;
    if (firstSeen) stamped.firstSeen = firstSeen;
    if (overdue) stamped.overdue = true;
    return stamped;
  }

  /** The report's campaign section once every finding has been stamped; units in report order. */
  status(unitOrder: readonly string[]): CampaignStatus {
    const status: CampaignStatus = {
      overdue: this.overdue,
      units: unitOrder.map((unit) => ({ unit, overdue: this.overdueByUnit.get(unit) ?? 0 })),
    };
    if (this.history) status.since = { asOf: this.history.asOf, carried: this.carried };
    if (this.settings.deadline) status.deadline = this.settings.deadline;
    if (this.settings.bulletin) status.bulletin = this.settings.bulletin;
    return status;
  }
}
