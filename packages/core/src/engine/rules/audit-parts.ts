/**
 * The parts one audit shares among its findings and judgements, made fresh for every audit and
 * handed round in its context: nothing worded under one policy reaches another audit's report,
 * even in one process (a server, a test run), and nothing grows with the audits a process runs.
 */
import { OsSpellings } from './host-judge.js';
import { InstallationTraces } from './installation-trace.js';
import { type LicensingParts, VerdictWordings } from './licensing-findings.js';
import { type RuleParts, RuleWordings } from './rule-findings.js';
import { SharedParts } from './shared-parts.js';

export interface AuditParts extends LicensingParts, RuleParts {
  readonly osSpellings: OsSpellings;
}

export function newAuditParts(): AuditParts {
  return {
    shared: new SharedParts(),
    traces: new InstallationTraces(),
    verdicts: new VerdictWordings(),
    ruleWords: new RuleWordings(),
    osSpellings: new OsSpellings(),
  };
}
