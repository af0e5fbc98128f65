/**
 * One unit's own report, cut from the whole fleet's (`zhengban audit --split unit`): its row of the
 * statistics table (which becomes its totals), its findings, the ledger lines scoped to it, its own
 * unrecognised software, and its campaign figures. Inputs, problems and rule descriptions stay as
 * they are: they speak of the files read, not of computers.
 *
 * A ledger line belongs to a unit's report when its scope names the unit or, in a report audited
 * with `unitBreakdown`, one of the unit's computers holds a seat of it; its figures stay the whole
 * line's (a pool shared with other units shows its full consumption). A report audited without
 * `unitBreakdown` cannot say which unrecognised software is on a unit's computers: the unit's report
 * lists none and carries a warning saying so.
 */
import type { ComplianceReport, Problem, Totals, UnrecognisedSoftware } from '../model.js';

export function unitReport(report: ComplianceReport, unit: string): ComplianceReport | undefined {
  const row = report.units.find((candidate) => candidate.unit === unit);
  if (!row) return undefined;
  const { unit: _name, parent: _parent, staff, ...stats } = row;
  const totals: Totals = { ...stats, ...(staff !== undefined ? { staff } : {}) };
  const problems: Problem[] = [...report.problems];
  const breakdown = report.unrecognised.length === 0 || report.unrecognised.some((entry) => entry.units);
  if (!breakdown)
    problems.push({
      message:
        'unrecognised software was counted for the whole fleet only, not per unit: see the whole report (audit with --split unit to count it per unit)',
      severity: 'warning',
      code: 'split.unrecognised-not-per-unit',
      source: 'split',
    });
  // A ledger line is the unit's when its scope names the unit or one of its computers holds a seat.
  const own = report.entitlements.filter(
    (position) =>
      position.scope?.units?.includes(unit) || position.units?.some((entry) => entry.unit === unit),
  );
  const result: ComplianceReport = {
    ...report,
    totals,
    units: [row],
    entitlements: own,
    findings: report.findings.filter((finding) => finding.subject.unit === unit),
    unrecognised: breakdown ? unrecognisedOf(report.unrecognised, unit) : [],
    problems,
  };
  delete result.mergeBasis;
  delete result.stats;
  if (report.campaign) {
    const overdue = report.campaign.units.find((entry) => entry.unit === unit)?.overdue ?? 0;
    result.campaign = { ...report.campaign, overdue, units: [{ unit, overdue }] };
  }
  return result;
}

function unrecognisedOf(list: readonly UnrecognisedSoftware[], unit: string): UnrecognisedSoftware[] {
  const out: UnrecognisedSoftware[] = [];
  for (const entry of list) {
    const mine = entry.units?.find((candidate) => candidate.unit === unit);
    if (!mine) continue;
    const { units: _units, ...rest } = entry;
    out.push({ ...rest, hosts: mine.hosts, sampleHosts: [...mine.sampleHosts] });
  }
  return out.sort((a, b) => b.hosts - a.hosts || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
