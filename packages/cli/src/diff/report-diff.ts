/**
 * Progress between two audits (campaign phases): findings fixed / new / still open, matched by
 * their stable id, and the change of every genuine and domestic rate per unit and class.
 *
 * A finding is "open" when its effective status is fail, error or warn; a waived, passing or
 * skipped finding is not. So a finding waived in AFTER counts as fixed, and one whose waiver
 * expired counts as new.
 */
import {
  type ComplianceReport,
  effectiveStatus,
  type Finding,
  type FindingSubject,
  type IsoDate,
  type LocalText,
  type Rates,
  type ResultStatus,
  type Severity,
} from '@zhengban/core';
import { type PlanProgress, planProgress } from './plan-progress.js';
import { type Bulletin, bulletin, rankUnits, type UnitProgress } from './unit-ranking.js';

export interface DiffFinding {
  id: string;
  rule: string;
  status: ResultStatus | 'waived';
  severity: Severity;
  subject: FindingSubject;
  message: LocalText;
}

export interface RateChange {
  /** Unit name; undefined for the totals row. */
  unit?: string;
  /** Product class, or `overall`. */
  class: string;
  kind: 'genuine' | 'domestic';
  before: number | null;
  after: number | null;
  /** after − before, as a fraction (0.125 = 12.5 percentage points); null when either is null. */
  change: number | null;
}

export interface RuleCounts {
  rule: string;
  fixed: number;
  new: number;
  stillOpen: number;
}

export interface ReportSide {
  file: string;
  asOf: IsoDate;
  policy: string;
  generatedAt?: string;
  computers: number;
  openFindings: number;
  /** Failures open past their deadline (逾期), as the report flags them (audit --since). */
  overdueFindings: number;
}

/** The result of `zhengban diff` (also its `--format json` output). */
export interface ReportDiff {
  before: ReportSide;
  after: ReportSide;
  fixed: DiffFinding[];
  new: DiffFinding[];
  stillOpen: DiffFinding[];
  byRule: RuleCounts[];
  /** Totals first, then units in AFTER's order (units only in BEFORE last); classes in report order. */
  rates: RateChange[];
  /** How much of BEFORE's rectification plan AFTER shows carried out (when BEFORE has a plan). */
  plan?: PlanProgress;
  /** AFTER's units ranked by progress (unit-ranking.ts). */
  ranking: UnitProgress[];
  /** Who is praised and who criticised, with reasons. */
  bulletin: Bulletin;
}

const OPEN: ReadonlySet<string> = new Set(['fail', 'error', 'warn']);

function isOpen(finding: Finding): boolean {
  return OPEN.has(effectiveStatus(finding));
}

/**
 * What diff reads of a report's finding, for readReport: only open findings count, and of them only
 * what is compared and shown (a province's evidence and traces are most of its report).
 */
export function diffKeeps(finding: Finding): Finding | undefined {
  if (!isOpen(finding)) return undefined;
  const { id, rule, status, severity, subject, message, overdue, waiver } = finding;
  return {
    id,
    rule,
    status,
    severity,
    subject,
    message,
    ...(overdue !== undefined ? { overdue } : {}),
    ...(waiver !== undefined ? { waiver } : {}),
  } as Finding;
}

function brief(finding: Finding): DiffFinding {
  return {
    id: finding.id,
    rule: finding.rule,
    status: effectiveStatus(finding),
    severity: finding.severity,
    subject: finding.subject,
    message: finding.message,
  };
}

function openById(report: ComplianceReport): Map<string, Finding> {
  const open = new Map<string, Finding>();
  for (const finding of report.findings) if (isOpen(finding)) open.set(finding.id, finding);
  return open;
}

function side(file: string, report: ComplianceReport, open: number): ReportSide {
  return {
    file,
    asOf: report.asOf,
    policy: report.policy.name,
    ...(report.generatedAt ? { generatedAt: report.generatedAt } : {}),
    computers: report.totals.computers,
    openFindings: open,
    overdueFindings: report.findings.filter((f) => f.overdue === true && effectiveStatus(f) === 'fail')
      .length,
  };
}

export function diffReports(
  before: ComplianceReport,
  after: ComplianceReport,
  files: { before: string; after: string },
): ReportDiff {
  const openBefore = openById(before);
  const openAfter = openById(after);
  const fixed = [...openBefore.values()].filter((finding) => !openAfter.has(finding.id)).map(brief);
  const added = [...openAfter.values()].filter((finding) => !openBefore.has(finding.id)).map(brief);
  const stillOpen = [...openAfter.values()].filter((finding) => openBefore.has(finding.id)).map(brief);
  const ranking = rankUnits(before, after);
  return {
    before: side(files.before, before, openBefore.size),
    after: side(files.after, after, openAfter.size),
    fixed,
    new: added,
    stillOpen,
    byRule: countByRule(fixed, added, stillOpen),
    rates: rateChanges(before, after),
    ...planField(before, openAfter),
    ranking,
    bulletin: bulletin(ranking, after),
  };
}

function planField(before: ComplianceReport, openAfter: Map<string, Finding>): { plan?: PlanProgress } {
  const progress = planProgress(before, new Set(openAfter.keys()));
  return progress ? { plan: progress } : {};
}

function countByRule(fixed: DiffFinding[], added: DiffFinding[], stillOpen: DiffFinding[]): RuleCounts[] {
  const counts = new Map<string, RuleCounts>();
  const bump = (list: DiffFinding[], field: 'fixed' | 'new' | 'stillOpen') => {
    for (const finding of list) {
      const entry = counts.get(finding.rule) ?? { rule: finding.rule, fixed: 0, new: 0, stillOpen: 0 };
      entry[field]++;
      counts.set(finding.rule, entry);
    }
  };
  bump(fixed, 'fixed');
  bump(added, 'new');
  bump(stillOpen, 'stillOpen');
  return [...counts.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/** Classes in the order the reports list them (AFTER first), then `overall`. */
function classOrder(before: ComplianceReport, after: ComplianceReport): string[] {
  const classes = [...new Set([...after.classes, ...before.classes])];
  return [...classes, 'overall'];
}

function rateRows(
  unit: string | undefined,
  before: Rates | undefined,
  after: Rates | undefined,
  classes: string[],
) {
  const rows: RateChange[] = [];
  for (const kind of ['genuine', 'domestic'] as const) {
    for (const cls of classes) {
      const was = before?.[kind]?.[cls];
      const now = after?.[kind]?.[cls];
      if (was === undefined && now === undefined) continue;
      const b = was ?? null;
      const a = now ?? null;
      rows.push({
        ...(unit !== undefined ? { unit } : {}),
        class: cls,
        kind,
        before: b,
        after: a,
        change: a === null || b === null ? null : a - b,
      });
    }
  }
  return rows;
}

function rateChanges(before: ComplianceReport, after: ComplianceReport): RateChange[] {
  const classes = classOrder(before, after);
  const rows = rateRows(undefined, before.totals.rates, after.totals.rates, classes);
  const beforeUnits = new Map(before.units.map((unit) => [unit.unit, unit]));
  const afterUnits = new Map(after.units.map((unit) => [unit.unit, unit]));
  const names = [...new Set([...afterUnits.keys(), ...beforeUnits.keys()])];
  for (const name of names) {
    rows.push(...rateRows(name, beforeUnits.get(name)?.rates, afterUnits.get(name)?.rates, classes));
  }
  return rows;
}
