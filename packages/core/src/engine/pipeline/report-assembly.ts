/**
 * The report as it stands before its findings are read: totals, units, licence position,
 * unrecognised titles, problems, rules and the audit's counters. The finding pass completes it.
 */
import type { ComplianceReport, EntitlementPosition, InputSummary, Problem, UnitInfo } from '../../model.js';
import type { CampaignDates } from '../campaign-dates.js';
import { rulesMeta } from '../report-parts.js';
import { purchaseFields } from '../rules/purchases.js';
import type { AuditSetup } from './audit-setup.js';
import type { Counted } from './count-pass.js';
import type { FirstPass } from './first-pass.js';
import type { ScopeFindings } from './scope-rules.js';

/** Version of @zhengban/core written into reports (a test keeps it equal to package.json). */
export const CORE_VERSION = '0.1.0';

export interface ReportInput {
  first: FirstPass;
  counted: Counted;
  scope: ScopeFindings;
  units: readonly UnitInfo[];
  positions: EntitlementPosition[];
  inputs: readonly InputSummary[];
  /** The auditor's problems (inputs, addProblems), then the engine's own. */
  problems: readonly Problem[];
  engineProblems: readonly Problem[];
  basis: ComplianceReport['mergeBasis'];
  campaign: CampaignDates;
}

export function assembleReport(setup: AuditSetup, input: ReportInput): ComplianceReport {
  const { policy, options, titles, allowlist } = setup;
  const mandatory = policy.requirements.classes;
  const { first, counted, units, campaign } = input;
  const byUnit = first.byUnit;
  const unitNames = units.map((u) => u.name);
  const stats = auditStats(setup, input);
  return {
    schemaVersion: 1,
    tool: { name: 'zhengban', version: options.toolVersion ?? CORE_VERSION },
    policy: {
      name: policy.metadata.name,
      ...(policy.metadata.version ? { version: policy.metadata.version } : {}),
      ...(policy.metadata.owner ? { owner: policy.metadata.owner } : {}),
      sources: [...policy.sources],
    },
    asOf: setup.asOf,
    generatedAt: new Date().toISOString(),
    inputs: [...input.inputs],
    totals: counted.totals,
    units: counted.unitRows,
    entitlements: input.positions,
    findings: [],
    unrecognised:
      policy.settings.unrecognised === 'ignore' && !allowlist
        ? []
        : titles.unrecognised(byUnit && ((id) => byUnit.unitsOf(id, unitNames))),
    // The policy linter's warnings first: a mistake in the policy explains numbers below it.
    problems: [
      ...(policy.warnings ?? []),
      ...(policy.problems ?? []),
      ...input.problems,
      ...input.engineProblems,
    ],
    rules: rulesMeta(policy),
    products: policy.catalog.products.map((product) => ({ id: product.id, name: product.name })),
    classes: [...mandatory],
    ...purchaseFields(policy, mandatory),
    ...(input.basis ? { mergeBasis: input.basis } : {}),
    stats,
    // Present from the start (streamed tables choose their columns by it), final once read.
    ...(campaign.active ? { campaign: campaign.status(counted.unitRows.map((row) => row.unit)) } : {}),
  };
}

/** `report.stats`: what the audit counted, for people tuning it (docs/performance.md). */
function auditStats(setup: AuditSetup, { first, scope }: ReportInput): Record<string, number> {
  const { recogniser } = setup;
  const store = setup.store.counts();
  return {
    hosts: first.states.length,
    hostArrivals: first.states.reduce((n, h) => n + h.arrivals, 0),
    records: store.records,
    installations: first.installationCount,
    distinctTitles: setup.titles.titles.length,
    // Titles grouped as parts of the operating system (docs/semantics.md#system-components):
    // with the unrecognised list they are the raw count of titles no other product claimed.
    systemComponentTitles: store.systemComponentTitles,
    recognitionLookups: recogniser.stats.lookups,
    recognitionMemoHits: recogniser.stats.hits,
    recognitionDistinct: recogniser.stats.distinct,
    customRuleRuns: scope.runs,
    customRuleMemoHits: scope.memoHits + store.ruleHits,
    titleVariants: store.titleVariants,
    customRuleReferences: store.customRuleReferences,
    activationJudged: first.activation.activationJudged,
    activationSkipped: first.activation.activationSkipped,
    ...first.share.stats(),
  };
}
