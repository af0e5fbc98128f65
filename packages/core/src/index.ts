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
// policy loading (packages/core/src/policy/)
// engine (packages/core/src/engine/)
