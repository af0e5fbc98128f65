/**
 * `zhengban scan`: run the scanners once and keep the normalised inventory (JSON Lines), which
 * `audit --input inventory:FILE` reads back — scan once, judge many times. Lines are streamed to
 * the temp file as hosts arrive, so memory does not grow with the inventory.
 */
import { resolve } from 'node:path';
import type { HostInventory, Problem } from '@zhengban/core';
import { writeInventoryLines } from '@zhengban/scanners';
import { OutputSet } from '../atomic-output.js';
import { type CliContext, displayPath, note, say } from '../cli-io.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { loadHostUnits } from '../host-units.js';
import { throwIfInterrupted } from '../interrupt.js';
import { msg } from '../messages.js';
import { inputPaths, refuseOutputsOverInputs } from '../output-overlap.js';
import { loadUnitsFile } from '../policy-files.js';
import { formatProblemLine } from '../problem-lines.js';
import { resolveSources, scanHosts } from '../scan-sources.js';
import { writeToStream } from '../stdout-stream.js';

export interface ScanOptions {
  input: string[];
  out?: string;
  /** Units file: unit-named sub-folders, and its computer column puts computers in units. */
  units?: string;
  /** Hosts file: which unit each computer (or name pattern) belongs to. */
  hosts?: string;
}

/** Problems printed to stderr per run; the rest are counted (they are in no report here). */
const SHOWN_PROBLEMS = 20;

export async function scanCommand(ctx: CliContext, options: ScanOptions): Promise<number> {
  const units = options.units === undefined ? undefined : await loadUnitsFile(ctx, options.units);
  const hostUnits = await loadHostUnits(ctx, options.hosts, units?.hosts ?? []);
  const unitNames = [...(units?.units.map((unit) => unit.name) ?? []), ...(hostUnits?.map.unitNames() ?? [])];
  const sources = await resolveSources(ctx, options.input, { units: unitNames });
  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
  try {
    const outPath =
      options.out === undefined || options.out === '-' ? undefined : resolve(ctx.io.cwd, options.out);
    if (outPath)
      refuseOutputsOverInputs(ctx.locale, [{ path: outPath, label: options.out! }], inputPaths(sources));
    const file = outPath ? await outputs.prepareFile(outPath) : undefined;
    const problems: Problem[] = [];
    let hostCount = 0;
    let records = 0;
    async function* counted(): AsyncGenerator<HostInventory> {
      const hosts = scanHosts(
        ctx,
        sources,
        (_summary, found) => problems.push(...found),
        hostUnits ? (host) => hostUnits.assign(host) : undefined,
      );
      for await (const host of hosts) {
        hostCount++;
        records += host.software.length;
        yield host;
      }
    }
    for await (const line of writeInventoryLines(counted())) {
      if (file) await file.append(line);
      else await writeToStream(ctx.locale, ctx.io.stdout, line);
    }
    throwIfInterrupted(ctx.io.signal);
    if (file && outPath) {
      await file.commit();
      const path = displayPath(ctx, outPath);
      note(ctx, msg(ctx.locale, 'wroteInventory', { path, hosts: hostCount, records }));
    }
    if (units) problems.unshift(...units.problems);
    if (hostUnits) problems.unshift(...hostUnits.problems);
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) say(ctx, formatProblemLine(ctx, problem));
    if (problems.length > SHOWN_PROBLEMS) say(ctx, `… +${problems.length - SHOWN_PROBLEMS}`);
    const filesFailed = problems.filter((problem) => problem.fileFailed).length;
    if (filesFailed > 0) {
      note(ctx, msg(ctx.locale, 'inputFileFailed', { count: filesFailed }));
      return EXIT_ERROR;
    }
    return EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}
