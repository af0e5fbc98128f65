/**
 * Signals that arrive while a report that cannot stream is being rendered (seconds of synchronous
 * work at a large fleet), and a relaunched audit whose parent is killed outright. Each must end
 * with exit 130 and the previous report untouched — never a new report written after the signal —
 * and never leave a child process running.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { FIXTURES, scratch } from '../helpers/paths.js';
import { BIN, describeBuilt } from '../helpers/spawn-cli.js';

vi.setConfig({ testTimeout: 120_000 });
const PREVIOUS = 'report from yesterday\n';

function waitFor(path: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (existsSync(path)) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`${path} never appeared`));
      }
    }, 25);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signalWhileRendering(signal: NodeJS.Signals) {
  const dir = scratch();
  mkdirSync(join(dir, 'out'));
  const report = join(dir, 'out', 'report.txt');
  writeFileSync(report, PREVIOUS);
  const child = spawn(
    process.execPath,
    [
      BIN,
      'audit',
      '--policy',
      'policies/small.yaml',
      '--input',
      'csv:inventory/small.csv',
      '--report',
      `./plugins/busy-reporter.mjs:${report}`,
    ],
    {
      cwd: FIXTURES,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ZHENGBAN_LOG: 'error', BUSY_REPORTER_MARKER: report },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await waitFor(`${report}.rendering`);
  child.kill(signal);
  const code = await closed;
  return { code, stderr, out: join(dir, 'out'), report };
}

describeBuilt('faults: a signal while a report renders', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal}: exit 130, the previous report kept, no temp file`, async () => {
      const { code, stderr, out, report } = await signalWhileRendering(signal);
      expect(code).toBe(130);
      expect(stderr).toContain('已中断');
      expect(readFileSync(report, 'utf8')).toBe(PREVIOUS);
      expect(readdirSync(out).sort()).toEqual(['report.txt', 'report.txt.rendering']);
    });
  }
});

describeBuilt('faults: the parent of a relaunched audit is killed outright', () => {
  it('the child ends too, even when it is stuck in synchronous code', async () => {
    const marker = join(scratch(), 'input');
    const parent = spawn(
      process.execPath,
      [
        BIN,
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        `./plugins/spinning-scanner.mjs:${marker}`,
        '--report',
        'json:-',
      ],
      { cwd: FIXTURES, env: { PATH: process.env.PATH, ZHENGBAN_LOG: 'error' }, stdio: 'ignore' },
    );
    await waitFor(`${marker}.started`);
    const childPid = Number(readFileSync(`${marker}.started`, 'utf8'));
    expect(childPid).not.toBe(parent.pid);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while (isAlive(childPid) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const alive = isAlive(childPid);
    if (alive) process.kill(childPid, 'SIGKILL');
    expect(alive).toBe(false);
  });
});
