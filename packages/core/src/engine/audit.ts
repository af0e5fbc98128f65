/**
 * `audit()`: run scanners over their inputs and the auditor over what they yield, in one call.
 * Inputs are read one after another (each host is judged as it streams past); a scanner that fails
 * becomes a located problem naming it (runScanner), and the audit goes on with the other inputs.
 */
import type { Logger } from '../logger.js';
import type { ComplianceReport, HostInventory, IsoDate, Policy, UnitInfo } from '../model.js';
import type { Scanner } from '../plugins.js';
import { runScanner } from '../scan-runner.js';
import type { FindingHistory } from './campaign-dates.js';
import { createAuditor } from './pipeline/auditor.js';

export interface AuditOptions {
  policy: Policy;
  sources: Array<{ scanner: Scanner; input: string; label?: string }>;
  units?: UnitInfo[];
  asOf?: IsoDate;
  logger?: Logger;
  signal?: AbortSignal;
  /** Called for every host as it is read (progress display). */
  onHost?: (host: HostInventory) => void;
  toolVersion?: string;
  /** The open failures of an earlier report (`findingHistory(before)`): see AuditorOptions.since. */
  since?: FindingHistory;
}

export async function audit(options: AuditOptions): Promise<ComplianceReport> {
  const auditor = createAuditor(options.policy, {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.units ? { units: options.units } : {}),
    ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
    ...(options.since ? { since: options.since } : {}),
  });
  for (const source of options.sources) {
    if (options.signal?.aborted) break;
    const run = runScanner(source.scanner, source.input, {
      ...(source.label ? { label: source.label } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for await (const host of run.hosts) {
      auditor.add(host);
      options.onHost?.(host);
    }
    auditor.addInput(run.summary, run.problems);
  }
  return auditor.finish();
}
