/**
 * mergeReports: reports of audits over DISJOINT host sets (one per county, job runner or machine),
 * same policy and date, combined into the report one audit over all the hosts would give — same
 * totals, rates, licence position and findings (docs/performance.md#scale-out).
 *
 * What is simply combined: inputs, unit counts, host-level findings, the unrecognised list, problems.
 * What is re-judged over the union: licence allocation (a seat pool shared by two counties is filled
 * in one fleet-wide order, from every report's seat demands in `mergeBasis`), and from it the
 * licensing findings, the genuine counts and rates, the licence position; then the domestic-share
 * findings of each unit, the expiring-licence warnings and the waivers (an expired waiver's count
 * spans all shards).
 */
import { createHash } from 'node:crypto';
import { expiringFindings } from '../engine/rules/expiry-findings.js';
import { compareFindings, deadlineSettings } from '../engine/rules/finding-factory.js';
import { domesticFindings } from '../engine/rules/rule-findings.js';
import { unauthorisedByUnit } from '../engine/rules/unauthorised-count.js';
import {
  earlier,
  IDLE_UNIT,
  idleUnitProblems,
  nearUnit,
  UNLISTED_UNIT,
  unlistedUnitProblem,
} from '../engine/rules/unit-problems.js';
import { nestRows } from '../engine/rules/unit-tree.js';
import { applyWaivers } from '../engine/rules/waivers.js';
import { UsageError } from '../errors.js';
import type { ComplianceReport, Finding, MergeBasis, Policy, Problem } from '../model.js';
import { mergeProblems, mergeRuleMeta, mergeStats, mergeUnrecognised } from './merge-lists.js';
import { mergedUnitOrder, mergeUnitRows, totalsOf, unitRanks } from './merge-statistics.js';
import { installationSubjectKey, LICENSING_RULES, reallocateSeats } from './seat-reallocation.js';

/**
 * Merges two or more reports of disjoint host sets. Throws a UsageError naming the report when they
 * cannot be merged: different policy or date, no merge basis, or a host present in two of them.
 */
export function mergeReports(
  a: ComplianceReport,
  b: ComplianceReport,
  ...more: ComplianceReport[]
): ComplianceReport {
  const reports = [a, b, ...more];
  const bases = checkMergeable(reports);
  const policy = bases[0]!.policy;
  const asOf = a.asOf;
  const deadlines = deadlineSettings(asOf, policy.settings.remediationDays);

  const demands = bases.flatMap((basis) => basis.seats);
  const realloc = reallocateSeats(demands, policy, asOf, deadlines);

  const units = mergedUnitOrder(bases[0]!.units, policy, reports);
  const rows = mergeUnitRows(units, reports, policy, realloc.genuineDelta);

  // Findings: everything host-level from the shards, except what the merge re-judges.
  // A finding that is not about a host (a unit or fleet rule) may be in every report: keep it once.
  const kept = new Map<string, Finding>();
  for (const report of reports) {
    for (const finding of report.findings) {
      if (kept.has(finding.id)) continue;
      if (finding.rule === 'waivers.expired' || finding.rule === 'licensing.expiring') continue;
      if (finding.rule.startsWith('preferences.domestic.') && finding.subject.host === undefined) continue;
      const s = finding.subject;
      if (
        LICENSING_RULES.has(finding.rule) &&
        realloc.replaced.has(installationSubjectKey(s.host, s.product, s.software))
      )
        continue;
      kept.set(finding.id, unwaived(finding));
    }
  }
  // An expiring entitlement's warning names the installations it covers, known only over the union.
  const fresh = [...realloc.findings, ...expiringFindings(realloc.positions, policy, deadlines)];
  for (const row of rows) fresh.push(...domesticFindings(row, policy, deadlines));
  const waived = applyWaivers([...kept.values(), ...fresh], policy.waivers, new Date(bases[0]!.waiverClock));
  const findings = dedupe([...waived.findings, ...waived.expired]).sort(compareFindings(unitRanks(units)));
  // Unauthorised installations follow the merged licensing findings (a seat pool two shards both
  // drew on leaves some installations without a seat): counted again from the merged findings.
  const unauthorised = unauthorisedByUnit(findings);
  for (const row of rows) row.unauthorised = unauthorised.get(row.unit) ?? 0;
  // Subtotals once every count of their rows is final.
  nestRows(rows, policy.requirements.classes);
  const totals = totalsOf(rows, policy);

  // Whether a unit of the units file has computers is known only over every shard.
  const computers = new Map(rows.map((row) => [row.unit, row.computers]));
  const problems: Problem[] = mergeProblems(reports, {
    codes: [IDLE_UNIT, UNLISTED_UNIT],
    problems: [...idleUnitProblems(bases[0]!.units, units, computers), ...unlistedUnits(reports, computers)],
  });
  const wider = policy.rules.filter((r) => r.scope === 'unit' || r.scope === 'fleet');
  if (wider.length > 0) {
    problems.push({
      message: `custom rules of unit or fleet scope (${wider.map((r) => r.id).join(', ')}) were judged per report, not over the merged fleet`,
      severity: 'warning',
      code: 'merge.custom-scope',
      params: { rules: wider.map((r) => r.id).join(', ') },
      source: 'merge',
    });
  }

  const basis: MergeBasis = {
    policy,
    units: bases[0]!.units,
    waiverClock: bases[0]!.waiverClock,
    seats: realloc.seats,
  };
  return {
    schemaVersion: 1,
    tool: { ...a.tool },
    policy: { ...a.policy, sources: [...a.policy.sources] },
    asOf,
    generatedAt: new Date().toISOString(),
    inputs: reports.flatMap((r) => r.inputs),
    totals,
    units: rows,
    entitlements: realloc.positions,
    findings,
    unrecognised: mergeUnrecognised(reports),
    problems,
    rules: mergeRuleMeta(reports),
    classes: [...a.classes],
    // From the ledger alone, which every shard shares.
    ...(a.purchases ? { purchases: a.purchases } : {}),
    ...(a.currency ? { currency: a.currency } : {}),
    ...(a.products ? { products: a.products.map((product) => ({ ...product })) } : {}),
    stats: mergeStats(reports),
    mergeBasis: basis,
  };
}

function checkMergeable(reports: readonly ComplianceReport[]): MergeBasis[] {
  const first = reports[0]!;
  const bases: MergeBasis[] = [];
  let firstPolicy: string | undefined;
  const hostOwner = new Map<string, number>();
  reports.forEach((report, index) => {
    const sources = report.inputs.map((i) => i.source).join(', ');
    const label = `report ${index + 1} (${sources || 'no inputs'})`;
    const labelText = { zh: `第 ${index + 1} 份报告（${sources || '没有输入'}）`, en: label };
    if (report.schemaVersion !== first.schemaVersion)
      throw new UsageError(
        `${label} has schemaVersion ${report.schemaVersion}, report 1 has ${first.schemaVersion}`,
        {
          code: 'merge.schema-version',
          params: { report: labelText, version: report.schemaVersion, first: first.schemaVersion },
        },
      );
    if (report.asOf !== first.asOf)
      throw new UsageError(
        `${label} speaks for ${report.asOf}, report 1 for ${first.asOf}: only audits of one date merge`,
        { code: 'merge.other-date', params: { report: labelText, asOf: report.asOf, first: first.asOf } },
      );
    if (!report.mergeBasis) {
      throw new UsageError(
        `${label} has no mergeBasis (the seat demands merging needs); audit it again with \`zhengban audit --mergeable\` (createAuditor(policy, { mergeable: true }))`,
        { code: 'merge.no-basis', params: { report: labelText } },
      );
    }
    // The policy is identified by what it says (its resolved content), not by its name or path:
    // one policy file edited between two shards' audits is two policies.
    const fingerprint = policyFingerprint(report.mergeBasis.policy);
    firstPolicy ??= fingerprint;
    if (fingerprint !== firstPolicy) {
      throw new UsageError(
        `${label} was audited with policy ${report.policy.name} ${report.policy.version ?? ''} (content ${fingerprint.slice(0, 12)}), report 1 with ${first.policy.name} ${first.policy.version ?? ''} (content ${firstPolicy.slice(0, 12)}): only audits under one policy merge`,
        {
          code: 'merge.other-policy',
          params: {
            report: labelText,
            policy:
              `${report.policy.name} ${report.policy.version ?? ''} (${fingerprint.slice(0, 12)})`.trim(),
            first: `${first.policy.name} ${first.policy.version ?? ''} (${firstPolicy.slice(0, 12)})`.trim(),
          },
        },
      );
    }
    for (const host of hostsOf(report)) {
      const owner = hostOwner.get(host);
      if (owner !== undefined && owner !== index) {
        throw new UsageError(
          `host ${host} is in report ${owner + 1} and report ${index + 1}: merged reports must cover disjoint hosts (audit it once)`,
          { code: 'merge.overlapping-host', params: { host, first: owner + 1, second: index + 1 } },
        );
      }
      hostOwner.set(host, index);
    }
    bases.push(report.mergeBasis);
  });
  return bases;
}

/**
 * The hosts a report audited (its seat demands and host findings). A `waivers.expired` finding
 * names the host its waiver was written for, which comes from the policy, not the inventory: every
 * shard carries it, whichever shard has that computer.
 */
function hostsOf(report: ComplianceReport): Set<string> {
  const hosts = new Set<string>();
  for (const seat of report.mergeBasis?.seats ?? []) hosts.add(seat.host);
  for (const finding of report.findings)
    if (finding.subject.host !== undefined && finding.rule !== 'waivers.expired')
      hosts.add(finding.subject.host);
  return hosts;
}

/**
 * A hash of the resolved policy's content: keys sorted, where each part was written (`location`)
 * and which files it came from (`sources`, paths differ between machines) left out.
 */
export function policyFingerprint(policy: Policy): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value === null || typeof value !== 'object') return value;
    // Prototype-less: a report read from a file may carry a `__proto__` key.
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      if (key === 'location' || key === 'sources') continue;
      out[key] = canonical((value as Record<string, unknown>)[key]);
    }
    return out;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(policy)))
    .digest('hex');
}

/** A finding without the waiver overlay its report applied (waivers are applied again over the merge). */
function unwaived(finding: Finding): Finding {
  if (!finding.waiver) return finding;
  const { waiver: _applied, ...raw } = finding;
  const trace = raw.trace ? [...raw.trace] : undefined;
  if (trace && trace[trace.length - 1]?.step === 'waiver') trace.pop();
  return trace ? { ...raw, trace } : raw;
}

/** Units read from inventories but not in the units file, over every shard (unit-problems.ts). */
function unlistedUnits(reports: readonly ComplianceReport[], computers: Map<string, number>): Problem[] {
  const where = new Map<string, Problem | undefined>();
  for (const report of reports)
    for (const p of report.problems)
      if (p.code === UNLISTED_UNIT && p.excerpt !== undefined)
        where.set(p.excerpt, earlier(where.get(p.excerpt), p) as Problem | undefined);
  const fileUnits = reports[0]!.mergeBasis!.units;
  return [...where].map(([unit, at]) =>
    unlistedUnitProblem(unit, computers.get(unit) ?? 0, at, nearUnit(fileUnits, unit)),
  );
}

/** Two findings with one id (the same subject reached from two reports) become one, as the auditor does. */
function dedupe(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const existing = byId.get(f.id);
    if (!existing) byId.set(f.id, f);
    else if (existing.evidence !== f.evidence) existing.evidence = [...existing.evidence, ...f.evidence];
  }
  return [...byId.values()];
}
