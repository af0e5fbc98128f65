/**
 * A relaunched audit (relaunch.ts) must end when its parent does, however that parent ended
 * (SIGKILL, a closed terminal) and whatever the child is doing. Two watchers:
 *
 * - on the main thread, once a second: the parent is gone → stop as if interrupted (temp files
 *   removed, exit 130);
 * - on a worker thread, which runs even while the main thread is busy in synchronous code (a report
 *   rendering, a plugin spinning): the parent is gone → SIGTERM to this process at once (handled
 *   as soon as the main thread is free), and SIGKILL if it is still alive `graceMs` later.
 *
 * Linux's PR_SET_PDEATHSIG would do this in one line, but Node does not expose it.
 */
import { Worker } from 'node:worker_threads';

const WATCHER = `
const { workerData } = require('node:worker_threads');
const { parent, graceMs } = workerData;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  try { process.kill(process.pid, 'SIGTERM'); } catch {}
  setTimeout(() => { try { process.kill(process.pid, 'SIGKILL'); } catch {} }, graceMs);
}, 500);
`;

/** Watches the parent process; `onOrphaned` runs on the main thread when it is gone. */
export function dieWithParent(onOrphaned: () => void, graceMs = 10_000): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) onOrphaned();
  }, 1000).unref();
  const worker = new Worker(WATCHER, { eval: true, workerData: { parent, graceMs } });
  worker.unref();
}
