/**
 * `zhengban merge A.json B.json … [--out merged.json]`: reports of audits over disjoint sets of
 * computers (one per county or job runner) combined into the report one audit over all of them would
 * give (core's mergeReports re-runs licence allocation over the union). Written as JSON, atomically.
 */
import { resolve } from 'node:path';
import { mergeReports, UsageError } from '@zhengban/core';
import { createReporterContext, getReporter } from '@zhengban/reporters';
import { OutputSet } from '../atomic-output.js';
import { type CliContext, displayPath, note } from '../cli-io.js';
import { EXIT_OK } from '../exit-codes.js';
import { msg } from '../messages.js';
import { refuseOutputsOverInputs } from '../output-overlap.js';
import { combineReports, readReport } from '../report-file.js';
import { writeToStream } from '../stdout-stream.js';

/** Findings rendered per write: a few MB of text at a time. */
const FINDINGS_PER_WRITE = 2000;

export async function mergeCommand(
  ctx: CliContext,
  files: string[],
  options: { out?: string },
): Promise<number> {
  if (files.length < 2) throw new UsageError(msg(ctx.locale, 'mergeNeedsTwo'));
  const outPath =
    options.out === undefined || options.out === '-' ? undefined : resolve(ctx.io.cwd, options.out);
  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
  try {
    if (outPath) {
      const reports = files.map((name) => ({ path: resolve(ctx.io.cwd, name), label: name }));
      refuseOutputsOverInputs(ctx.locale, [{ path: outPath, label: options.out! }], reports);
    }
    const file = outPath ? await outputs.prepareFile(outPath) : undefined;
    const [first, second, ...rest] = files.map((name) => readReport(ctx, name));
    const merged = combineReports(ctx, () => mergeReports(first!, second!, ...rest));
    // Written in parts (the json reporter's stream), so a merged province over V8's longest string
    // (~512 MiB) is written too; the bytes are render's.
    const writer = getReporter('json')!.stream!(
      merged,
      createReporterContext(merged, { locale: ctx.locale, logger: ctx.logger }),
    );
    const write = (text: string) =>
      file ? file.append(text) : writeToStream(ctx.locale, ctx.io.stdout, text);
    await write(writer.start());
    for (let at = 0; at < merged.findings.length; at += FINDINGS_PER_WRITE)
      await write(writer.findings(merged.findings.slice(at, at + FINDINGS_PER_WRITE)));
    await write(writer.end());
    if (file && outPath) {
      await file.commit();
      const path = displayPath(ctx, outPath);
      note(ctx, msg(ctx.locale, 'merged', { count: files.length, path, computers: merged.totals.computers }));
    }
    return EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}
