/**
 * `zhengban audit` runs in a Node process with a larger young generation. An audit allocates a few
 * hundred bytes per inventory record that live only until the record is judged, and each finding's
 * text lives until it is written; with V8's default young generation (16 MiB semi-spaces) much of
 * that outlives it, is copied into the old generation and collected there, next to the ~1 GB a
 * province's computers occupy. With 64 MiB semi-spaces the 100 000-computer benchmark took 154 s
 * instead of 232 s (user CPU 141 s instead of 269 s; docs/performance.md). Node reads heap flags
 * only when it starts, so the command relaunches itself once with the flags below, unless
 * --max-semi-space-size (or ZHENGBAN_NO_RELAUNCH=1) is already given or a debugger is attached
 * (`--inspect`). The parent only waits: signals go to the child, whose exit code or signal becomes
 * its own.
 */
import { spawn } from 'node:child_process';

export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';
/** Lets the relaunched audit ask for one full collection between its phases (collectBetweenPhases). */
export const EXPOSE_GC_FLAG = '--expose-gc';
/**
 * V8 "pretenures" an allocation site (allocates its objects straight into the old generation) when
 * most of the objects it made were still alive at a collection. Preparing the report judges every
 * computer with the same code that later words the findings, and at the full collection after it
 * V8 marked 17 of 29 sampled sites long-lived (--trace-pretenuring-statistics); from then on every
 * judged computer and worded finding went straight to the old generation, ~100 MB/s, freed only by
 * full collections every few seconds: 1.0–1.3 GiB instead of ~0.6, and 15–40 % slower. At 100 000
 * computers that happened in 4 of 14 runs before collectBetweenPhases and in 3 of 4 runs with it;
 * with this flag in none (docs/performance.md). The audit's long-lived data is copied out of the
 * young generation once instead, which measured no slower.
 */
export const NO_PRETENURING_FLAG = '--no-allocation-site-pretenuring';
/** Set in the relaunched child's environment. */
export const RELAUNCHED = 'ZHENGBAN_RELAUNCHED';

/** True when this process should hand the command to a relaunched child. */
export function shouldRelaunch(
  argv: readonly string[],
  execArgv: readonly string[],
  env: Record<string, string | undefined>,
): boolean {
  if (env[RELAUNCHED] === '1' || env.ZHENGBAN_NO_RELAUNCH === '1') return false;
  if (commandOf(argv) !== 'audit') return false;
  const given = (flags: readonly string[]) => flags.some((flag) => flag.startsWith('--max-semi-space-size'));
  // Under a debugger the command stays in the process being debugged.
  if (execArgv.some((flag) => flag.startsWith('--inspect'))) return false;
  return !given(execArgv) && !given((env.NODE_OPTIONS ?? '').split(/\s+/));
}

/** The command word: the first argument that is neither an option nor the value of `--locale`. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--locale') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Runs `script argv` in a child Node with the flag; this process ends as the child ends. */
export function relaunch(script: string, argv: readonly string[]): void {
  const flags = [YOUNG_GENERATION_FLAG, NO_PRETENURING_FLAG, EXPOSE_GC_FLAG];
  const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED]: '1' },
  });
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`zhengban: cannot start ${process.execPath}: ${error.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 2);
  });
}

/**
 * One full collection, when the process was started with --expose-gc (the relaunched audit is):
 * called when every inventory is read (reading leaves ~50 MiB of dead objects in the old generation
 * at 100 000 computers, which preparing would otherwise grow past: its peak 530 → 514 MiB), and
 * once the report is prepared and before it is written. Preparing judges every computer and
 * allocates seats over the whole fleet; at 100 000 computers that leaves ~150 MiB of dead objects in
 * the old generation and ~55 MiB of dead large arrays, and V8, having just grown its limits, would
 * otherwise carry them through the whole write (old generation ~320 MiB against ~190 MiB live).
 * Costs a fraction of a second; without the flag it does nothing.
 */
export function collectBetweenPhases(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
