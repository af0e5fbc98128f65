#!/usr/bin/env node
// The `zhengban` executable: process argv and streams into `run`, Ctrl-C / SIGTERM into its signal.
import { EXIT_ERROR, EXIT_INTERRUPTED } from './exit-codes.js';
import { localeFrom, msg } from './messages.js';
import { run } from './run.js';

const argv = process.argv.slice(2);
const controller = new AbortController();
let signals = 0;
let settled = false;
let stalled = false;

const onSignal = (): void => {
  signals++;
  // A second Ctrl-C means "now": the first one is already removing temp files.
  if (signals > 1) process.exit(EXIT_INTERRUPTED);
  controller.abort();
  // A plugin stuck in native code cannot hold the process forever.
  setTimeout(() => process.exit(EXIT_INTERRUPTED), 5000).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// The event loop ran dry while the command still waits: a plugin awaits something that can never
// happen. Unwind like an interrupt (temp files removed) but report it as the error it is.
process.on('beforeExit', () => {
  if (settled || stalled) return;
  stalled = true;
  process.stderr.write(`zhengban: ${msg(localeFrom(argv, process.env), 'stalled')}\n`);
  controller.abort();
});

run(argv, { signal: controller.signal }).then(
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
