/**
 * `zhengban diff BEFORE.json AFTER.json`: reads two JSON reports (as `--report json:FILE` writes
 * them) and prints the progress between them.
 */
import type { CliContext } from '../cli-io.js';
import { DIFF_FORMATS, type DiffFormat, renderDiff } from '../diff/render-diff.js';
import { diffKeeps, diffReports } from '../diff/report-diff.js';
import { EXIT_OK } from '../exit-codes.js';
import { choice } from '../option-values.js';
import { combineReports, readReport } from '../report-file.js';

export function diffCommand(
  ctx: CliContext,
  before: string,
  after: string,
  options: { format?: string },
): number {
  const format = choice<DiffFormat>(ctx.locale, '--format', options.format, DIFF_FORMATS, 'console');
  const read = (file: string) => readReport(ctx, file, { keepFinding: diffKeeps });
  const [from, to] = [read(before), read(after)];
  const diff = combineReports(ctx, () => diffReports(from, to, { before, after }));
  ctx.io.stdout.write(renderDiff(diff, format, ctx.locale));
  return EXIT_OK;
}
