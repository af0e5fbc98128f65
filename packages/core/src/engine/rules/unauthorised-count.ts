/**
 * The 未授权安装（套） column of the statistics table: how many installations a unit runs without the
 * right to — every non-waived installation with a failing licensing (no seat, expired, wrong version
 * or edition), forbidden (activators, cracks) or unauthorised (allowlist, unrecognised) finding.
 * An installation with several such findings (a forbidden product whose name also matches a
 * forbidden pattern) counts once. docs/semantics.md#unauthorised-count.
 */
import type { Finding } from '../../model.js';

/** The rules whose failure means an installation is used without the right to. */
export function countsAsUnauthorised(rule: string): boolean {
  return rule.startsWith('licensing.') || rule.startsWith('forbidden.') || rule === 'unauthorised';
}

/**
 * One installation as its findings name it: a recognised product by (host, product, version) — a
 * forbidden.pattern finding on a recognised product spells the record, not the installation, so
 * the edition is left out — an unrecognised title by (host, name, publisher, version).
 */
function installationOf(finding: Finding): string {
  const s = finding.subject;
  const software = s.software;
  return s.product !== undefined
    ? `p\u0000${s.host ?? ''}\u0000${s.product}\u0000${software?.version ?? ''}`
    : `t\u0000${s.host ?? ''}\u0000${software?.name ?? ''}\u0000${software?.publisher ?? ''}\u0000${software?.version ?? ''}`;
}

/** Whether a finding makes its installation count as unauthorised (waived ones do not). */
function counted(finding: Finding): boolean {
  return finding.status === 'fail' && !finding.waiver && countsAsUnauthorised(finding.rule);
}

/** Unauthorised installations among findings (already waived), per unit; findings of no unit are left out. */
export function unauthorisedByUnit(findings: Iterable<Finding>): Map<string, number> {
  const seen = new Set<string>();
  const byUnit = new Map<string, number>();
  for (const finding of findings) {
    if (!counted(finding) || finding.subject.unit === undefined) continue;
    const key = installationOf(finding);
    if (seen.has(key)) continue;
    seen.add(key);
    byUnit.set(finding.subject.unit, (byUnit.get(finding.subject.unit) ?? 0) + 1);
  }
  return byUnit;
}

/** Unauthorised installations among one computer's findings (already waived). */
export function unauthorisedInstallations(findings: readonly Finding[]): number {
  const seen = new Set<string>();
  for (const finding of findings) if (counted(finding)) seen.add(installationOf(finding));
  return seen.size;
}
