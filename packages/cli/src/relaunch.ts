/**
 * `zhengban audit` runs in a Node process with a larger young generation. An audit allocates a few
 * hundred bytes per inventory record that live only until the record is judged, and each finding's
 * text lives until it is written; with V8's default young generation (16 MiB semi-spaces) much of
 * that outlives it, is copied into the old generation and collected there, next to the ~1 GB a
 * province's computers occupy. With 64 MiB semi-spaces the 100 000-computer benchmark took 154 s
 * instead of 232 s (user CPU 141 s instead of 269 s; docs/performance.md). Node reads heap flags
 * only when it starts, so the command relaunches itself once with the flag, unless it (or
 * ZHENGBAN_NO_RELAUNCH=1) is already given or a debugger is attached (`--inspect`). The parent only waits: signals go to the child, whose
 * exit code or signal becomes its own.
 */
import { spawn } from 'node:child_process';

export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';
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
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, script, ...argv], {
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
