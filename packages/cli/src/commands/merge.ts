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
import { readReport } from '../report-file.js';
import { writeToStream } from '../stdout-stream.js';

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
    const merged = mergeReports(first!, second!, ...rest);
    const json = getReporter('json')!;
    const text = await json.render(
      merged,
      createReporterContext(merged, { locale: ctx.locale, logger: ctx.logger }),
    );
    if (file && outPath) {
      await file.commit(text);
      const path = displayPath(ctx, outPath);
      note(ctx, msg(ctx.locale, 'merged', { count: files.length, path, computers: merged.totals.computers }));
    } else {
      await writeToStream(ctx.locale, ctx.io.stdout, text);
    }
    return EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}
