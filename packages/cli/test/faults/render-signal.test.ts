/**
 * A signal during one long render (the xlsx of a large report: seconds inside one reporter call)
 * is heard while the render runs, not after it: exit 130 well before the render would have ended,
 * the previous report kept, no temp file. The bound is measured here, from the same render run to
 * its end, not assumed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { beforeAll, expect, it, vi } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { BIN, describeBuilt } from '../helpers/spawn-cli.js';

vi.setConfig({ testTimeout: 180_000 });
const PREVIOUS = 'workbook from yesterday\n';
let dir = '';

/** Runs `zhengban render big.json --report SPEC`; `signalAfterMs` sends SIGTERM then. */
function render(spec: string, signalAfterMs?: number) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'render', 'big.json', '--report', spec], {
    cwd: dir,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ZHENGBAN_LOG: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let signalledAt: number | undefined;
  if (signalAfterMs !== undefined) {
    setTimeout(() => {
      signalledAt = performance.now();
      child.kill('SIGTERM');
    }, signalAfterMs);
  }
  return new Promise<{ code: number | null; ms: number; afterSignalMs: number | undefined; stderr: string }>(
    (resolve) =>
      child.on('close', (code) => {
        const now = performance.now();
        resolve({
          code,
          ms: now - started,
          afterSignalMs: signalledAt === undefined ? undefined : now - signalledAt,
          stderr,
        });
      }),
  );
}

let small: ComplianceReport;

beforeAll(async () => {
  dir = scratch('zhengban-render-signal-');
  await runCli([...SMALL_AUDIT, '--report', `json:${dir}/small.json`, '-q'], { cwd: FIXTURES });
  small = JSON.parse(readFileSync(join(dir, 'small.json'), 'utf8')) as ComplianceReport;
}, 60_000);

/** big.json: the small report's findings copied until there are at least `count` of them. */
function writeBigReport(count: number): void {
  const copies = Math.ceil(count / small.findings.length);
  const findings = Array.from({ length: copies }, (_, copy) =>
    small.findings.map((finding) => ({
      ...finding,
      id: `${finding.id}-${copy}`,
      subject: { ...finding.subject, host: `${finding.subject.host ?? 'PC'}-${copy}` },
    })),
  ).flat();
  writeFileSync(join(dir, 'big.json'), JSON.stringify({ ...small, findings }));
}

/**
 * How long the xlsx render of big.json takes here: the whole run less a run that only reads the
 * report and writes it as json. The report grows until the render is seconds long, so the test
 * means the same on a fast idle machine as on a loaded one.
 */
async function secondsLongRender(): Promise<{ readingMs: number; renderMs: number }> {
  let count = 30_000;
  for (;;) {
    writeBigReport(count);
    const whole = await render(`xlsx:${join(dir, 'full.xlsx')}`);
    expect(whole.code, whole.stderr).toBe(0);
    const reading = await render(`json:${join(dir, 'copy.json')}`);
    expect(reading.code, reading.stderr).toBe(0);
    const renderMs = whole.ms - reading.ms;
    if (renderMs > 3000 || count >= 480_000) return { readingMs: reading.ms, renderMs };
    count *= 2;
  }
}

describeBuilt('faults: a signal during one long render', () => {
  it('SIGTERM while the xlsx renders: exit 130 long before the render would end, the old report kept', async () => {
    mkdirSync(join(dir, 'out'));
    const { readingMs, renderMs } = await secondsLongRender();
    expect(renderMs, 'the xlsx render is seconds long').toBeGreaterThan(2000);

    const target = join(dir, 'out', 'report.xlsx');
    writeFileSync(target, PREVIOUS);
    const stopped = await render(`xlsx:${target}`, readingMs + renderMs * 0.25);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('已中断');
    // Heard within about a second, not after the three quarters of the render still to run.
    expect(stopped.afterSignalMs!).toBeLessThan(Math.min(renderMs * 0.5, 5000));
    expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.xlsx']);
  });
});
