/**
 * `--split unit`: every report given with a folder path becomes one report per unit of the
 * statistics table (unitReport: only that unit's computers; a unit without computers too), the
 * whole fleet's report beside them, and an index (index.html and index.xlsx) linking them all.
 * Children of a parent unit are written in the parent's folder (unit-file-names.ts). Every file is
 * written atomically.
 */
import { join } from 'node:path';
import { type ComplianceReport, type Reporter, type ReporterContext, unitReport } from '@zhengban/core';
import {
  renderCsvTables,
  renderSplitIndexHtml,
  renderSplitIndexXlsx,
  type SplitIndexEntry,
  t,
} from '@zhengban/reporters';
import { type OutputSet, writeFileAtomic } from './atomic-output.js';
import { throwIfInterrupted } from './interrupt.js';
import { unitPaths } from './unit-file-names.js';

export interface SplitTarget {
  folder: string;
  reporter: Reporter;
  ctx: ReporterContext;
  signal?: AbortSignal;
}

/** Writes one target folder; returns how many unit reports it holds. */
export async function writeSplitReports(
  report: ComplianceReport,
  target: SplitTarget,
  outputs: OutputSet,
): Promise<number> {
  const { folder, reporter, ctx } = target;
  const paths = unitPaths(report.units, ctx.locale);
  const write = async (relative: string, whole: ComplianceReport): Promise<string> => {
    if (target.signal) throwIfInterrupted(target.signal);
    // A csv folder holds every table: a unit's tables go into a folder of its own.
    if (reporter.name === 'csv') {
      for (const [name, content] of Object.entries(renderCsvTables(whole, ctx)))
        await writeFileAtomic(outputs, join(folder, relative, name), content);
      return `${relative}/`;
    }
    const file = `${relative}.${reporter.extension}`;
    await writeFileAtomic(outputs, join(folder, file), await reporter.render(whole, ctx));
    return file;
  };
  const entries: SplitIndexEntry[] = [];
  for (const row of report.units) {
    const own = unitReport(report, row.unit)!;
    const href = await write(paths.get(row.unit)!, own);
    entries.push({ unit: row.unit, ...(row.parent ? { parent: row.parent } : {}), href, report: own });
  }
  const wholeHref = await write(t('split.wholeName', ctx.locale), report);
  await writeFileAtomic(
    outputs,
    join(folder, 'index.html'),
    renderSplitIndexHtml(report, entries, wholeHref, ctx),
  );
  await writeFileAtomic(
    outputs,
    join(folder, 'index.xlsx'),
    await renderSplitIndexXlsx(report, entries, wholeHref, ctx),
  );
  return entries.length;
}
