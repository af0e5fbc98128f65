/**
 * `zhengban audit` runs in a Node process with a larger young generation. An audit allocates a few
 * hundred bytes per inventory record that live only until the record is judged, and each finding's
 * text lives until it is written; with V8's default young generation (16 MiB semi-spaces) much of
 * that outlives it, is copied into the old generation and collected there, next to everything a
 * province's computers occupy: copied once and collected by full collections, which walk the whole
 * store each time. With 64 MiB semi-spaces it dies young instead (docs/performance.md). Node reads
 * heap flags only when it starts, so the command relaunches itself once with the flags below, unless
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
 * V8 could mark most of those sites long-lived (--trace-pretenuring-statistics shows it); from then
 * on every judged computer and worded finding went straight to the old generation, freed only by
 * full collections: the peak nearly doubled and the audit slowed, in some runs and not others, which
 * made the peak a matter of luck. With this flag the audit's long-lived data is copied out of the
 * young generation once instead, and the peak is the same in every run (docs/performance.md).
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
 * called when every inventory is read (reading leaves dead objects in the old generation, which
 * preparing, the run's peak, would otherwise be added to), and once the report is prepared and
 * before it is written. Preparing judges every computer and allocates seats over the whole fleet,
 * which leaves dead objects and dead large arrays in the old generation, and V8, having just grown
 * its limits, would otherwise carry them through the whole write. One collection at each of these
 * two points is cheap beside the audit; without the flag it does nothing.
 */
export function collectBetweenPhases(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
