#!/usr/bin/env node
// The `zhengban` executable: process argv and streams into `run`, Ctrl-C / SIGTERM / SIGHUP into its signal.
import { EXIT_ERROR, EXIT_INTERRUPTED } from './exit-codes.js';
import { localeFrom, msg } from './messages.js';
import { dieWithParent } from './parent-watch.js';
import { RELAUNCHED, relaunch, shouldRelaunch } from './relaunch.js';
import { run } from './run.js';
import { processStdout, StdoutClosed } from './stdout-stream.js';

const argv = process.argv.slice(2);
if (shouldRelaunch(argv, process.execArgv, process.env)) relaunch(process.argv[1]!, argv);
else main();

function main(): void {
  const controller = new AbortController();
  let signals = 0;
  let firstSignalAt = 0;
  let settled = false;
  let stalled = false;

  const onSignal = (): void => {
    signals++;
    // A second Ctrl-C means "now": the first one is already removing temp files. (A relaunched
    // child gets one Ctrl-C twice, from the terminal and from its parent: that is still one.)
    if (signals > 1 && Date.now() - firstSignalAt > 1000) process.exit(EXIT_INTERRUPTED);
    if (signals > 1) return;
    firstSignalAt = Date.now();
    controller.abort();
    // A plugin stuck in native code cannot hold the process forever.
    setTimeout(() => process.exit(EXIT_INTERRUPTED), 5000).unref();
  };
  // SIGHUP (the terminal closed) ends the run the same way: no half report, no temp file left.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // A relaunched child whose parent is gone (killed outright) stops as if interrupted.
  if (process.env[RELAUNCHED] === '1') dieWithParent(onSignal);

  // The event loop ran dry while the command still waits: a plugin awaits something that can never
  // happen. Unwind like an interrupt (temp files removed) but report it as the error it is.
  process.on('beforeExit', () => {
    if (settled || stalled) return;
    stalled = true;
    process.stderr.write(`zhengban: ${msg(localeFrom(argv, process.env), 'stalled')}\n`);
    controller.abort();
  });

  // A closed stderr (its reader gone) must not crash the run with an unhandled 'error' either.
  process.stderr.on('error', () => undefined);
  const stdout = processStdout(localeFrom(argv, process.env));
  // stdout failed after the command's last write (its reader went away while the rest was still
  // being flushed): the output is not whole, so the run is not a success (or a "findings" exit 1).
  process.on('exit', (code) => {
    const late = stdout.lateError();
    if (late === undefined || code === EXIT_INTERRUPTED || code === EXIT_ERROR) return;
    if (!(late instanceof StdoutClosed)) process.stderr.write(`zhengban: ${late.message}\n`);
    process.exitCode = EXIT_ERROR;
  });
  run(argv, { signal: controller.signal, stdout }).then(
    (code) => {
      settled = true;
      if (stalled) process.exitCode = EXIT_ERROR;
      else if (code === EXIT_INTERRUPTED) process.exit(EXIT_INTERRUPTED);
      else process.exitCode = code;
    },
    (error: unknown) => {
      settled = true;
      process.stderr.write(`zhengban: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
