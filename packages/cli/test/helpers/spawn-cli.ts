/** Runs the BUILT CLI (`node packages/cli/dist/bin.js`) as a child process. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const hasBuild = existsSync(BIN);

/** `describe` over the built CLI; skipped with the reason in its title when dist/ is missing. */
export function describeBuilt(name: string, body: () => void): void {
  if (hasBuild) describe(name, body);
  else describe.skip(`${name} — skipped: packages/cli/dist/bin.js is missing (run pnpm build first)`, body);
}

export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd: string;
  /** Called with the child once it runs (e.g. to send SIGINT later). */
  onStart?: (child: ReturnType<typeof spawn>) => void;
}

export function spawnCli(args: string[], options: SpawnOptions): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ZHENGBAN_LOG: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    options.onStart?.(child);
  });
}

/**
 * Audits through the fixture `slow-scanner.mjs` (which touches `<marker>.started` once it runs and
 * then waits) and sends `signal` as soon as the scan has started: the way to interrupt an audit
 * mid-scan, for Ctrl-C and kill tests. `cwd` must be the fixtures folder.
 */
export async function signalMidAudit(
  signal: NodeJS.Signals,
  options: { cwd: string; marker: string; report: string },
): Promise<SpawnResult> {
  let timer: NodeJS.Timeout | undefined;
  const result = await spawnCli(
    [
      'audit',
      '--policy',
      'policies/small.yaml',
      '--input',
      `./plugins/slow-scanner.mjs:${options.marker}`,
      '--report',
      options.report,
    ],
    {
      cwd: options.cwd,
      onStart(child) {
        timer = setInterval(() => {
          if (existsSync(`${options.marker}.started`)) {
            clearInterval(timer);
            child.kill(signal);
          }
        }, 25);
      },
    },
  );
  clearInterval(timer);
  return result;
}
