// @zhengban/core — public API. Everything exported here is the stable contract.

export { CANONICAL_EDITIONS, canonicalEdition, editionFromName } from './editions.js';
export {
  formatLocation,
  formatProblem,
  InputError,
  PolicyError,
  UsageError,
  ZhengbanError,
} from './errors.js';
export { createLogger, type Logger, type LoggerOptions, type LogLevel, silentLogger } from './logger.js';
export * from './model.js';
export * from './plugins.js';
export { pluginFailure, runScanner, type ScanRun, type ScanRunOptions } from './scan-runner.js';
export {
  parseVersionRange,
  type RangeOperator,
  type RangeParseResult,
  satisfiesRange,
  type VersionComparator,
  type VersionRange,
  widenRange,
} from './versions/range.js';
// policy loading (packages/core/src/policy/)
export { type LoadPolicyOptions, loadPolicy, parsePolicy } from './policy/load-policy.js';
export { policyJsonSchema } from './policy/policy-schema.js';
export { registerPolicyResolver } from './policy/policy-sources.js';
export { RULE_FACTS } from './policy/rule-facts.js';
export { SEVERITY_OUTCOMES } from './policy/policy-values.js';
// version schemes and ranges (packages/core/src/versions/)
export {
  type ConcreteScheme,
  compareVersions,
  detectScheme,
  type ParsedVersion,
  type ParseResult as VersionParseResult,
  parseVersion,
} from './versions/scheme.js';
// engine (packages/core/src/engine/)
