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
import { EXIT_OK } from '../exit-codes.js';
import { throwIfInterrupted } from '../interrupt.js';
import { msg } from '../messages.js';
import { formatProblemLine } from '../problem-lines.js';
import { resolveSources, scanHosts } from '../scan-sources.js';

export interface ScanOptions {
  input?: string[];
  out?: string;
}

/** Problems printed to stderr per run; the rest are counted (they are in no report here). */
const SHOWN_PROBLEMS = 20;

export async function scanCommand(ctx: CliContext, options: ScanOptions): Promise<number> {
  const sources = await resolveSources(ctx, options.input ?? []);
  const outputs = new OutputSet(ctx.locale);
  try {
    const outPath =
      options.out === undefined || options.out === '-' ? undefined : resolve(ctx.io.cwd, options.out);
    const file = outPath ? await outputs.prepareFile(outPath) : undefined;
    const problems: Problem[] = [];
    let hostCount = 0;
    let records = 0;
    async function* counted(): AsyncGenerator<HostInventory> {
      for await (const host of scanHosts(ctx, sources, (_summary, found) => problems.push(...found))) {
        hostCount++;
        records += host.software.length;
        yield host;
      }
    }
    for await (const line of writeInventoryLines(counted())) {
      if (file) await file.append(line);
      else ctx.io.stdout.write(line);
    }
    throwIfInterrupted(ctx.io.signal);
    if (file && outPath) {
      await file.commit();
      const path = displayPath(ctx, outPath);
      note(ctx, msg(ctx.locale, 'wroteInventory', { path, hosts: hostCount, records }));
    }
    for (const problem of problems.slice(0, SHOWN_PROBLEMS)) say(ctx, formatProblemLine(ctx, problem));
    if (problems.length > SHOWN_PROBLEMS) say(ctx, `… +${problems.length - SHOWN_PROBLEMS}`);
    return EXIT_OK;
  } finally {
    await outputs.discardAll();
  }
}
