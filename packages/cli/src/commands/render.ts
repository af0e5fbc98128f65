/**
 * `zhengban render REPORT.json --report FORMAT[:PATH]…`: a stored JSON report (an audit's, or one
 * `zhengban merge` wrote) rendered again in any format, e.g. the statistics form as xlsx for a
 * merged province. The report is read as written; nothing is judged again. `--split unit` writes
 * a pack per unit as `audit --split unit` does (split-outputs.ts). Exits 0, or 2 when the file is
 * not a zhengban report.
 */
import { OutputSet } from '../atomic-output.js';
import type { CliContext } from '../cli-io.js';
import { EXIT_OK } from '../exit-codes.js';
import { choice } from '../option-values.js';
import { readReport } from '../report-file.js';
import { ReportOutputs } from '../report-outputs.js';

export async function renderCommand(
  ctx: CliContext,
  file: string,
  options: { report?: string[]; split?: string },
): Promise<number> {
  const split =
    options.split === undefined ? undefined : choice(ctx.locale, '--split', options.split, ['unit'], 'unit');
  const reports = await ReportOutputs.plan(ctx, options.report ?? [], { splitByUnit: split === 'unit' });
  const report = readReport(ctx, file);
  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
  try {
    await reports.prepare(outputs);
    await reports.write(report, outputs);
    return EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}
