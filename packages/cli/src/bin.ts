#!/usr/bin/env node
// The `zhengban` executable: process argv and streams into `run`, Ctrl-C / SIGTERM into its signal.
import { run } from './run.js';

const controller = new AbortController();
let signals = 0;
const onSignal = (): void => {
  signals++;
  // A second Ctrl-C means "now": the first one is already removing temp files.
  if (signals > 1) process.exit(130);
  controller.abort();
  // A plugin stuck in native code cannot hold the process forever.
  setTimeout(() => process.exit(130), 5000).unref();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

run(process.argv.slice(2), { signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
    if (code === 130) process.exit(130);
  },
  (error: unknown) => {
    process.stderr.write(`zhengban: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
