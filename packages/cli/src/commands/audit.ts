/**
 * `zhengban audit`: policy + inputs → report(s) → exit code. Everything that can be wrong with the
 * command line, the policy, the units file or the output paths is found before the first scan.
 */
import { resolve } from 'node:path';
import { createAuditor, findingHistory, localDate, UsageError } from '@zhengban/core';
import { OutputSet } from '../atomic-output.js';
import { type CliContext, note, say } from '../cli-io.js';
import {
  EXIT_ERROR,
  EXIT_FINDINGS,
  EXIT_OK,
  FAIL_ON_LEVELS,
  type FailOn,
  findingsAtOrAbove,
} from '../exit-codes.js';
import { loadHostUnits } from '../host-units.js';
import { throwIfInterrupted } from '../interrupt.js';
import { msg } from '../messages.js';
import { choice, isoDate } from '../option-values.js';
import { inputPaths, refuseOutputsOverInputs } from '../output-overlap.js';
import { loadPolicyFile, loadUnitsFile } from '../policy-files.js';
import { formatProblemLine, reportPolicyWarnings } from '../problem-lines.js';
import { collectBetweenPhases } from '../relaunch.js';
import { readReport } from '../report-file.js';
import { ReportOutputs } from '../report-outputs.js';
import { resolveSources, scanHosts } from '../scan-sources.js';
import { SeenNames } from '../seen-names.js';
import { CLI_VERSION } from '../version.js';

export interface AuditOptions {
  policy?: string;
  /** Absent when no --input was given (commander shows no `(default: [])` in help then). */
  input?: string[];
  units?: string;
  /** Hosts file: which unit each computer (or name pattern) belongs to. */
  hosts?: string;
  report?: string[];
  asOf?: string;
  failOn?: string;
  /** Put mergeBasis into the report (for `zhengban merge`). */
  mergeable?: boolean;
  /** Put the rectification plan into the report. */
  plan?: boolean;
  /** Put the 明细表 (one row per computer and mandatory class) into the report. */
  details?: boolean;
  /** An earlier phase's JSON report: first-seen dates and deadlines carry over (overdue findings). */
  since?: string;
  /** `unit`: reports given with a folder path are written one per unit, with an index. */
  split?: string;
}

const SPLIT_BY = ['unit'] as const;

export async function auditCommand(ctx: CliContext, options: AuditOptions): Promise<number> {
  // Checked here rather than by commander, so that an unknown flag is reported before this.
  if (options.policy === undefined) {
    throw new UsageError(msg(ctx.locale, 'missingMandatoryOption', { option: '--policy <file>' }));
  }
  const failOn = choice<FailOn>(ctx.locale, '--fail-on', options.failOn, FAIL_ON_LEVELS, 'fail');
  const asOf = isoDate(ctx.locale, options.asOf);
  const units = options.units === undefined ? undefined : await loadUnitsFile(ctx, options.units);
  const hostUnits = await loadHostUnits(ctx, options.hosts, units?.hosts ?? [], options.units);
  const unitNames = [...(units?.units.map((unit) => unit.name) ?? []), ...(hostUnits?.map.unitNames() ?? [])];
  const sources = await resolveSources(ctx, options.input ?? [], { units: unitNames });
  const split =
    options.split === undefined ? undefined : choice(ctx.locale, '--split', options.split, SPLIT_BY, 'unit');
  const reports = await ReportOutputs.plan(ctx, options.report ?? [], { splitByUnit: split === 'unit' });
  // Linted against the units file too; the warnings go to stderr now and into report.problems.
  const policy = loadPolicyFile(ctx, options.policy, {
    ...(units ? { units: units.units } : {}),
    ...(asOf ? { asOf } : {}),
  });
  reportPolicyWarnings(ctx, policy.warnings ?? []);
  // Policy files by path (`builtin:…` and other scheme sources are not files).
  const policyFiles = policy.sources
    .filter((source) => !/^[A-Za-z][A-Za-z0-9+.-]+:(?![\\/])/.test(source))
    .map((source) => ({ path: resolve(ctx.io.cwd, source), label: source }));
  const fileInput = (file: string | undefined) =>
    file === undefined ? undefined : { path: resolve(ctx.io.cwd, file), label: file };
  refuseOutputsOverInputs(
    ctx.locale,
    reports.paths,
    inputPaths(sources, [
      ...policyFiles,
      fileInput(options.units),
      fileInput(options.hosts),
      fileInput(options.since),
    ]),
  );
  const since =
    options.since === undefined ? undefined : sinceHistory(ctx, options.since, asOf ?? policy.settings.asOf);

  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
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
      ...(since ? { since } : {}),
      ...(split === 'unit' ? { unitBreakdown: true } : {}),
    });
    if (units) await auditor.addInput(units.summary, units.problems);
    let filesFailed = 0;
    const hosts = scanHosts(
      ctx,
      sources,
      (summary, problems) => {
        // A file of a folder that could not be read is said on stderr at once, not only in the report.
        for (const problem of problems) {
          if (!problem.fileFailed) continue;
          filesFailed++;
          say(ctx, formatProblemLine(ctx, problem));
        }
        return auditor.addInput(summary, problems);
      },
      hostUnits ? (host) => hostUnits.assign(host) : undefined,
    );
    const seen = new SeenNames();
    for await (const host of hosts) {
      seen.add(host);
      auditor.add(host);
    }
    const hostsLine = hostUnits?.inputLine();
    if (hostsLine) await auditor.addInput(hostsLine.summary, hostsLine.problems);
    // Now that the computers are known, the names the policy gives them are checked too — unless
    // this audit is one shard of a fleet (--mergeable): its computers are only some of the fleet's,
    // so a name the policy gives a computer of another shard is no mistake.
    if (!options.mergeable) {
      const added = seen.newWarnings(
        policy,
        loadPolicyFile(ctx, options.policy, { ...seen.world(units?.units), ...(asOf ? { asOf } : {}) }),
      );
      reportPolicyWarnings(ctx, added);
      auditor.addProblems(added);
    }
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
    if (filesFailed > 0) {
      note(ctx, msg(ctx.locale, 'inputFileFailed', { count: filesFailed }));
      return EXIT_ERROR;
    }
    return counted > 0 ? EXIT_FINDINGS : EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}

/** The open failures of the earlier phase's report; a report as of a later date than this audit is refused. */
function sinceHistory(ctx: CliContext, file: string, asOf: string | undefined) {
  const before = readReport(ctx, file);
  const today = asOf ?? localDate(new Date());
  if (before.asOf > today)
    throw new UsageError(msg(ctx.locale, 'sinceAfterAsOf', { path: file, before: before.asOf, asOf: today }));
  return findingHistory(before);
}
