// @zhengban/core — public API. Everything exported here is the stable contract.

export { BoundedReadError, readRegularFile, readRegularFileSync } from './bounded-read.js';
export { CANONICAL_EDITIONS, canonicalEdition, editionFromName } from './editions.js';
export { type AuditOptions, audit } from './engine/audit.js';
export {
  CampaignDates,
  type FindingHistory,
  findingHistory,
} from './engine/campaign-dates.js';
export { explain } from './engine/explain.js';
export { FLEET_FACTS, HOST_FACTS, SOFTWARE_FACTS, UNIT_FACTS } from './engine/model/facts.js';
export { ownCopy } from './engine/own-strings.js';
export { describeMatch } from './engine/patterns.js';
export { type Auditor, type AuditorOptions, CORE_VERSION, createAuditor } from './engine/pipeline/auditor.js';
export { buildPlan, isPlanFinding, type PlanInput } from './engine/plan/build-plan.js';
export { ledgerAfterPlan } from './engine/plan/plan-ledger.js';
export { installationKey, type UncoveredInstallation } from './engine/plan/plan-licences.js';
// engine (packages/core/src/engine/)
export {
  type Allocation,
  type AllocationOptions,
  type AllocationVerdicts,
  allocateSeats,
  allocateVerdicts,
  type Blocker,
  type BlockReason,
  type CoverageOutcome,
  type CoverageVerdict,
  compareEntitlements,
  entitlementStatus,
  type InstallationCoverage,
  type LicensableInstallation,
  type SeatDemand,
} from './engine/rules/allocation.js';
export { EDITION_UNREACHABLE, editionRestrictionProblems } from './engine/rules/edition-restrictions.js';
export { daysBetween, localDate } from './engine/rules/finding-factory.js';
export { UNASSIGNED_UNIT } from './engine/rules/host-judge.js';
export { licenseAt, needsEntitlement } from './engine/rules/licence-model.js';
export {
  createRecogniser,
  type RecogniseInput,
  type Recogniser,
  type Recognition,
  type RecognitionMatch,
} from './engine/rules/recogniser.js';
export { isSystemComponent, recognitionShare } from './engine/rules/recognition-share.js';
export { builtinRuleMeta, builtinRules } from './engine/rules/rule-catalog.js';
export { applyWaivers, effectiveStatus } from './engine/rules/waivers.js';
export {
  formatLocation,
  formatProblem,
  InputError,
  PolicyError,
  UsageError,
  ZhengbanError,
} from './errors.js';
export { createLogger, type Logger, type LoggerOptions, type LogLevel, silentLogger } from './logger.js';
// merging reports of disjoint host sets (packages/core/src/merge/)
export { type MergeBasisInput, mergeBasis } from './merge/merge-basis.js';
export { mergeReports } from './merge/merge-reports.js';
export * from './model.js';
export * from './plugins.js';
export {
  LEDGER_COLUMNS,
  type LedgerColumn,
  type LedgerField,
} from './policy/ledger-sheet/ledger-columns.js';
export {
  LEDGER_DATE_FIELDS,
  ledgerRowLosses,
  ledgerRowValues,
} from './policy/ledger-sheet/ledger-row.js';
// policy loading (packages/core/src/policy/)
export type { PolicyLintWorld } from './policy/lint/lint-policy.js';
export { type LoadPolicyOptions, loadPolicy, parsePolicy } from './policy/load-policy.js';
export { DEFAULT_BULLETIN } from './policy/policy-defaults.js';
export { policyJsonSchema } from './policy/policy-schema.js';
export { registerPolicyResolver } from './policy/policy-sources.js';
export { bilingual, hasProblemText, problemText, problemTextCodes } from './problem-text.js';
export { pluginFailure, runScanner, type ScanRun, type ScanRunOptions } from './scan-runner.js';
export { unitReport } from './split/unit-report.js';
export {
  parseVersionRange,
  type RangeOperator,
  type RangeParseResult,
  satisfiesRange,
  type VersionComparator,
  type VersionRange,
  widenRange,
} from './versions/range.js';
// version schemes and ranges (packages/core/src/versions/)
export {
  type ConcreteScheme,
  compareVersions,
  detectScheme,
  type ParsedVersion,
  type ParseResult as VersionParseResult,
  parseVersion,
} from './versions/scheme.js';
