/** Judgement: findings, their subjects, waivers and explanations, and the rules they cite. */
import type { IsoDate, LocalText } from './common.js';
import type { Evidence } from './inventory.js';

/** Result states (after Kubernetes PolicyReport). `waived` is an overlay: see Finding.waiver. */
export type ResultStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

/** How grave a finding is: orders lists and maps to SARIF levels. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** What a finding is about. Every field that applies is filled. */
export interface FindingSubject {
  host?: string;
  unit?: string;
  /** Catalogue product id. */
  product?: string;
  /** Product class (os, office, antivirus, …). */
  class?: string;
  entitlement?: string;
  /** The installation as read. */
  software?: { name: string; version?: string; publisher?: string; edition?: string };
}

/** A waiver that applied to a finding. The finding keeps its raw status. */
export interface AppliedWaiver {
  id: string;
  justification: string;
  approvedBy?: string;
  ticket?: string;
  expires: IsoDate;
}

/** One step of a finding's explanation: evidence → product → rule → entitlement → waiver. */
export interface TraceStep {
  step: 'evidence' | 'recognition' | 'version' | 'edition' | 'rule' | 'entitlement' | 'waiver';
  detail: string;
}

export interface Finding {
  /** Stable across runs for the same rule and subject: used by diff and merge. */
  id: string;
  /** Stable rule id, e.g. `licensing.unlicensed`, `requirements.missing.office`, `custom.av-too-old`. */
  rule: string;
  status: ResultStatus;
  severity: Severity;
  subject: FindingSubject;
  message: LocalText;
  remediation?: LocalText;
  evidence: Evidence[];
  /**
   * For failures: detection date + remediationDays, capped by `settings.deadline`; carried over from
   * the earlier report when the audit ran with `--since` and the failure was open there.
   */
  deadline?: IsoDate;
  /** The as-of date of the earlier report where this failure was first open (`--since`); absent: this audit's. */
  firstSeen?: IsoDate;
  /** A failure still open (not waived) whose deadline is before the as-of date (逾期). */
  overdue?: true;
  /** Present when a waiver applies: the effective result is `waived`, `status` stays the raw one. */
  waiver?: AppliedWaiver;
  trace?: TraceStep[];
}

/** Description of a rule for reporters (after ESLint's rulesMeta). */
export interface RuleMeta {
  id: string;
  description: LocalText;
  /** Where the judgement is explained (docs/semantics.md anchor). */
  helpUri?: string;
  defaultSeverity: Severity;
}
