/**
 * One timed run of the real CLI: `node packages/cli/dist/bin.js audit … --report json:…` spawned in the
 * fleet's folder with relative paths (so two fleets' reports name their inputs alike), under
 * `/usr/bin/time -v` for the peak RSS, with a heap limit and a wall-clock timeout so that a slow or
 * memory-hungry engine cannot take the shared machine down with it. Reads `stats` from the report
 * without parsing the whole (possibly multi-GB) JSON.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const TIME = '/usr/bin/time';

/**
 * Runs the audit. Returns `{ ok, seconds, peakRssMiB, exitCode, reason?, report }` where `report` is
 * the JSON report's path. `timeoutSeconds` kills the process group; `heapMiB` caps the V8 heap.
 */
export async function zhengbanRun({
  dir,
  policy = 'policy.yaml',
  report = 'report.json',
  timeoutSeconds,
  heapMiB,
}) {
  const args = [
    `--max-old-space-size=${heapMiB}`,
    CLI_BIN,
    'audit',
    '--policy',
    policy,
    '--units',
    'units.csv',
    '--input',
    'csv:inventory.csv',
    '--report',
    `json:${report}`,
    '--fail-on',
    'never',
    '--quiet',
  ];
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const argv = timed ? ['-v', process.execPath, ...args] : args;
  const started = performance.now();
  const child = spawn(command, argv, { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 19));
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    // Our own process group only (spawned detached): /usr/bin/time and the node it runs.
    process.kill(-child.pid, 'SIGKILL');
  }, timeoutSeconds * 1000);
  const exitCode = await new Promise((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakRssMiB = rss ? Number(rss[1]) / 1024 : null;
  const result = {
    ok: false,
    seconds,
    peakRssMiB,
    exitCode,
    report: join(dir, report),
    rssMeasuredBy: timed ? TIME : null,
  };
  if (timedOut) return { ...result, reason: `stopped after ${timeoutSeconds} s (time budget)` };
  const inner = /Exit status: (\d+)/.exec(stderr);
  const status = inner ? Number(inner[1]) : exitCode;
  if (status !== 0 || /Command terminated by signal/.test(stderr)) {
    const oom = /heap out of memory|Reached heap limit/i.test(stderr);
    const reason = oom
      ? `out of memory (V8 heap limit ${heapMiB} MiB)`
      : `exit status ${status}: ${lastLines(stderr)}`;
    return { ...result, reason };
  }
  return { ...result, ok: true, stats: await reportStats(join(dir, report)) };
}

function lastLines(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() && !/^\t/.test(line))
    .slice(-3)
    .join(' | ')
    .slice(0, 400);
}

/**
 * `report.stats` found by scanning the file for `"stats": {…}` (a flat object of numbers), chunk by
 * chunk with an overlap, so a report larger than a JS string can hold is still read.
 */
export async function reportStats(file) {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(8 << 20);
    let carry = '';
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return undefined;
      const text = carry + buffer.toString('latin1', 0, bytesRead);
      const match = /"stats":\s*(\{[^{}]*\})/.exec(text);
      if (match) return JSON.parse(match[1]);
      carry = text.slice(-4096);
    }
  } finally {
    await handle.close();
  }
}
