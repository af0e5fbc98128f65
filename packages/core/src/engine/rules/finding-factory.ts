/**
 * How every finding is built: a stable id from the rule and the subject (so diff and merge can pair
 * findings across runs), a deadline for failures, and a deterministic order.
 */
import { hash } from 'node:crypto';
import type {
  Evidence,
  Finding,
  FindingSubject,
  IsoDate,
  LocalText,
  ResultStatus,
  Severity,
  TraceStep,
} from '../../model.js';

/** `2013-07-31` + 15 → `2013-08-15`, computed on the calendar (no time zones involved). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates; negative when `to` is earlier), on the calendar. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar date a clock reading falls on, in local time (what the auditor's user sees). */
export function localDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Midnight local time of an ISO date: the default clock, so expiry is judged "as of" the audit date. */
export function dateAtLocalMidnight(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function findingId(rule: string, subject: FindingSubject, discriminator = ''): string {
  const s = subject.software;
  const parts = [
    rule,
    subject.unit ?? '',
    subject.host ?? '',
    subject.product ?? '',
    subject.class ?? '',
    subject.entitlement ?? '',
    s?.name ?? '',
    s?.publisher ?? '',
    s?.version ?? '',
    s?.edition ?? '',
    discriminator,
  ];
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 16);
}

export interface FindingDraft {
  rule: string;
  status: ResultStatus;
  severity: Severity;
  subject: FindingSubject;
  message: LocalText;
  remediation?: LocalText;
  evidence?: Evidence[];
  trace?: TraceStep[];
  /** Extra identity for findings whose subject alone is not unique (a waiver id, a pattern). */
  discriminator?: string;
}

export interface DeadlineSettings {
  readonly asOf: IsoDate;
  readonly remediationDays: number;
  /** The deadline of every failure judged under these settings: one date per audit. */
  readonly deadline: IsoDate;
}

/** Settings with their deadline worked out once (a province has a million failures to date). */
export function deadlineSettings(asOf: IsoDate, remediationDays: number): DeadlineSettings {
  return { asOf, remediationDays, deadline: addDays(asOf, remediationDays) };
}

export function makeFinding(draft: FindingDraft, settings: DeadlineSettings): Finding {
  const finding: Finding = {
    id: findingId(draft.rule, draft.subject, draft.discriminator),
    rule: draft.rule,
    status: draft.status,
    severity: draft.severity,
    subject: draft.subject,
    message: draft.message,
    evidence: sortEvidence(draft.evidence ?? []),
  };
  if (draft.remediation) finding.remediation = draft.remediation;
  if (draft.status === 'fail') finding.deadline = settings.deadline;
  if (draft.trace && draft.trace.length > 0) finding.trace = draft.trace;
  return finding;
}

const cmp = (a: string | number | undefined, b: string | number | undefined): number => {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
};

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (
    cmp(a.source, b.source) ||
    cmp(a.file, b.file) ||
    cmp(a.line, b.line) ||
    cmp(a.column, b.column) ||
    cmp(a.key, b.key) ||
    cmp(a.detail, b.detail)
  );
}

/** Evidence in a fixed order with exact duplicates (the same line read twice) removed. */
export function sortEvidence(evidence: readonly Evidence[]): Evidence[] {
  if (evidence.length < 2) return [...evidence];
  const sorted = [...evidence].sort(compareEvidence);
  return sorted.filter((e, i) => i === 0 || compareEvidence(e, sorted[i - 1]!) !== 0);
}

/** `csv:inventory.csv:12 [HKLM\…\{GUID}]`, for traces. */
export function describeEvidence(evidence: Evidence): string {
  let where = evidence.file ?? '';
  if (evidence.line !== undefined) where += `${where ? ':' : ''}${evidence.line}`;
  if (evidence.key) where += `${where ? ' ' : ''}[${evidence.key}]`;
  return `${evidence.source}${where ? ` ${where}` : ''}`;
}

/**
 * Order of findings: unit (in the report's unit order; unit-less last), host, rule, product, then
 * the installation and id so that equal keys never depend on input order. Expired-waiver warnings
 * come after all others: their counts are known only once every other finding has been judged, and
 * the report streams its findings in this order (finding-stream.ts).
 */
export function compareFindings(unitOrder: Map<string, number>): (a: Finding, b: Finding) => number {
  const rank = (unit: string | undefined) =>
    unit === undefined ? Number.MAX_SAFE_INTEGER : (unitOrder.get(unit) ?? Number.MAX_SAFE_INTEGER - 1);
  const last = (f: Finding) => (f.rule === 'waivers.expired' ? 1 : 0);
  return (a, b) =>
    last(a) - last(b) ||
    rank(a.subject.unit) - rank(b.subject.unit) ||
    cmp(a.subject.unit, b.subject.unit) ||
    cmp(a.subject.host ?? '', b.subject.host ?? '') ||
    cmp(a.rule, b.rule) ||
    cmp(a.subject.product ?? '', b.subject.product ?? '') ||
    cmp(a.subject.software?.name ?? '', b.subject.software?.name ?? '') ||
    cmp(a.subject.software?.version ?? '', b.subject.software?.version ?? '') ||
    cmp(a.id, b.id);
}
