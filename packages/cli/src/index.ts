// @zhengban/cli — the `zhengban` command, also callable in-process.

export type { CliIo, OutputStream } from './cli-io.js';
export { type DiffFormat, renderDiff } from './diff/render-diff.js';
export type { DiffFinding, RateChange, ReportDiff, ReportSide, RuleCounts } from './diff/report-diff.js';
export { diffReports } from './diff/report-diff.js';
export { EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, type FailOn } from './exit-codes.js';
export { starterPolicy } from './policy-template.js';
export { run } from './run.js';
