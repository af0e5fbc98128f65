/**
 * `zhengban audit`: policy + inputs → report(s) → exit code. Everything that can be wrong with the
 * command line, the policy, the units file or the output paths is found before the first scan.
 */
import { createAuditor, UsageError } from '@zhengban/core';
import { OutputSet } from '../atomic-output.js';
import { type CliContext, note } from '../cli-io.js';
import { EXIT_FINDINGS, EXIT_OK, FAIL_ON_LEVELS, type FailOn, findingsAtOrAbove } from '../exit-codes.js';
import { throwIfInterrupted } from '../interrupt.js';
import { msg } from '../messages.js';
import { choice, isoDate } from '../option-values.js';
import { loadPolicyFile, loadUnitsFile } from '../policy-files.js';
import { collectBetweenPhases } from '../relaunch.js';
import { ReportOutputs } from '../report-outputs.js';
import { resolveSources, scanHosts } from '../scan-sources.js';
import { CLI_VERSION } from '../version.js';

export interface AuditOptions {
  policy?: string;
  input: string[];
  units?: string;
  report: string[];
  asOf?: string;
  failOn?: string;
  /** Put mergeBasis into the report (for `zhengban merge`). */
  mergeable?: boolean;
  /** Put the rectification plan into the report. */
  plan?: boolean;
  /** Put the 明细表 (one row per computer and mandatory class) into the report. */
  details?: boolean;
}

export async function auditCommand(ctx: CliContext, options: AuditOptions): Promise<number> {
  // Checked here rather than by commander, so that an unknown flag is reported before this.
  if (options.policy === undefined) {
    throw new UsageError(msg(ctx.locale, 'missingMandatoryOption', { option: '--policy <file>' }));
  }
  const failOn = choice<FailOn>(ctx.locale, '--fail-on', options.failOn, FAIL_ON_LEVELS, 'fail');
  const asOf = isoDate(ctx.locale, options.asOf);
  const sources = await resolveSources(ctx, options.input);
  const reports = await ReportOutputs.plan(ctx, options.report);
  const policy = loadPolicyFile(ctx, options.policy);
  const units = options.units === undefined ? undefined : await loadUnitsFile(ctx, options.units);

  const outputs = new OutputSet(ctx.locale);
  try {
    await reports.prepare(outputs);
    const auditor = createAuditor(policy, {
      ...(asOf ? { asOf } : {}),
      logger: ctx.logger,
      ...(units ? { units: units.units } : {}),
      toolVersion: CLI_VERSION,
      ...(options.mergeable ? { mergeable: true } : {}),
      ...(options.plan ? { plan: true } : {}),
      ...(options.details ? { details: true } : {}),
    });
    if (units) await auditor.addInput(units.summary, units.problems);
    const hosts = scanHosts(ctx, sources, (summary, problems) => auditor.addInput(summary, problems));
    for await (const host of hosts) auditor.add(host);
    collectBetweenPhases();
    // Findings are worded while the reports are written (a province's never exist at once).
    const streamed = await auditor.finishStream();
    collectBetweenPhases();
    throwIfInterrupted(ctx.io.signal);
    let counted = 0;
    await reports.writeStreamed(streamed, outputs, (group) => {
      counted += findingsAtOrAbove(group, failOn);
    });

    const rejected = streamed.report.inputs.reduce((sum, input) => sum + input.rejected, 0);
    if (rejected > 0) note(ctx, msg(ctx.locale, 'problemsInInputs', { rejected }));
    if (counted > 0) note(ctx, msg(ctx.locale, 'exitSummary', { count: counted, level: failOn }));
    return counted > 0 ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}
