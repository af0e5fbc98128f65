/**
 * What every format agrees on about a report: a finding's effective status, the order findings are
 * listed in, how they group by unit and host, and the short texts for a waiver and for evidence.
 */
import type { ComplianceReport, Evidence, Finding, Locale, ResultStatus, Severity } from '@zhengban/core';
import { effectiveStatus, formatLocation } from '@zhengban/core';
import { t } from './messages.js';

/** A finding's status as shown: `waived` when a waiver applies, else the raw status. */
export type EffectiveStatus = ResultStatus | 'waived';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
export const STATUSES: readonly EffectiveStatus[] = ['fail', 'error', 'warn', 'waived', 'skip', 'pass'];

/** Rule families, in the order JUnit lists them; a rule id's first segment names its family. */
export const RULE_FAMILIES = [
  'licensing',
  'requirements',
  'forbidden',
  'unauthorised',
  'preferences',
  'custom',
] as const;

export { effectiveStatus };

/** Findings a person must act on or see: fail, error, warn, and waived ones (never hidden). */
export function needsAttention(finding: Finding): boolean {
  return finding.waiver !== undefined || ['fail', 'error', 'warn'].includes(finding.status);
}

export function ruleFamily(rule: string): string {
  const dot = rule.indexOf('.');
  return dot === -1 ? rule : rule.slice(0, dot);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Units in statistics-table order (the report's `units`), then units only findings name (in code
 * point order), then findings with no unit.
 */
function unitRank(report: ComplianceReport): (unit: string | undefined) => [number, string] {
  const order = new Map(report.units.map((stats, index) => [stats.unit, index] as const));
  return (unit) => {
    if (unit === undefined) return [order.size + 1, ''];
    return [order.get(unit) ?? order.size, unit];
  };
}

/** Findings by unit, then host (unit-wide findings first), then severity, status, rule and id. */
export function sortFindings(
  report: ComplianceReport,
  findings: readonly Finding[] = report.findings,
): Finding[] {
  const rank = unitRank(report);
  return [...findings].sort((a, b) => {
    const [ua, na] = rank(a.subject.unit);
    const [ub, nb] = rank(b.subject.unit);
    return (
      ua - ub ||
      compareText(na, nb) ||
      compareText(a.subject.host ?? '', b.subject.host ?? '') ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      STATUSES.indexOf(effectiveStatus(a)) - STATUSES.indexOf(effectiveStatus(b)) ||
      compareText(a.rule, b.rule) ||
      compareText(a.id, b.id)
    );
  });
}

export interface HostGroup {
  /** undefined for findings about the unit as a whole. */
  host: string | undefined;
  findings: Finding[];
}

export interface UnitGroup {
  /** undefined for fleet-wide findings. */
  unit: string | undefined;
  hosts: HostGroup[];
}

/** Sorted findings grouped by unit, then host. */
export function groupFindings(report: ComplianceReport, findings = report.findings): UnitGroup[] {
  const groups: UnitGroup[] = [];
  for (const finding of sortFindings(report, findings)) {
    let unit = groups.at(-1);
    if (!unit || unit.unit !== finding.subject.unit) {
      unit = { unit: finding.subject.unit, hosts: [] };
      groups.push(unit);
    }
    let host = unit.hosts.at(-1);
    if (!host || host.host !== finding.subject.host) {
      host = { host: finding.subject.host, findings: [] };
      unit.hosts.push(host);
    }
    host.findings.push(finding);
  }
  return groups;
}

/**
 * A product id with its catalogue name, `WPS Office 专业版（wps-office-pro）`, when the report carries
 * the name (report.products); the id alone otherwise.
 */
export function productLabel(report: ComplianceReport, id: string | undefined): string {
  if (id === undefined) return '';
  const name = report.products?.find((product) => product.id === id)?.name;
  return name === undefined || name === id ? id : `${name}（${id}）`;
}

export function unitName(unit: string | undefined, locale: Locale): string {
  return unit ?? t('finding.fleetLevel', locale);
}

export function hostName(host: string | undefined, locale: Locale): string {
  return host ?? t('finding.unitLevel', locale);
}

/** Number of findings per effective status. */
export function countByStatus(findings: readonly Finding[]): Record<EffectiveStatus, number> {
  const counts: Record<EffectiveStatus, number> = { fail: 0, error: 0, warn: 0, waived: 0, skip: 0, pass: 0 };
  for (const finding of findings) counts[effectiveStatus(finding)] += 1;
  return counts;
}

/** `justification (approved by …; ticket …; expires …)`, or '' when not waived. */
export function waiverText(finding: Finding, locale: Locale): string {
  const waiver = finding.waiver;
  if (!waiver) return '';
  return t('finding.waiverText', locale, {
    justification: waiver.justification,
    approvedBy: waiver.approvedBy,
    ticket: waiver.ticket,
    expires: waiver.expires,
  });
}

/** One evidence item as `file:line [key]`, else its source and detail. */
export function evidenceText(evidence: Evidence): string {
  const where = formatLocation(evidence);
  return where || [evidence.source, evidence.detail].filter(Boolean).join(': ');
}

export function evidenceList(finding: Finding): string {
  return finding.evidence.map(evidenceText).join('; ');
}

/** `product`, or the installation's name when the catalogue product is not known. */
export function subjectSoftware(finding: Finding): string {
  return finding.subject.software?.name ?? finding.subject.product ?? '';
}
