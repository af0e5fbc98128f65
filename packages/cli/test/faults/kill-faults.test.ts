/**
 * Killing the built `zhengban` mid-audit never leaves a half-written report: SIGTERM unwinds like
 * Ctrl-C (exit 130, temp files removed, the previous report untouched); SIGKILL cannot be caught, so
 * the previous report must still be intact because reports are only ever renamed into place.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { FIXTURES, scratch } from '../helpers/paths.js';
import { describeBuilt, signalMidAudit } from '../helpers/spawn-cli.js';

const cwd = FIXTURES;
vi.setConfig({ testTimeout: 120_000 });
const PREVIOUS = '{"previous":"report from yesterday"}\n';

async function killMidAudit(signal: NodeJS.Signals) {
  const dir = scratch();
  const marker = join(dir, 'input');
  mkdirSync(join(dir, 'out'));
  writeFileSync(join(dir, 'out', 'report.json'), PREVIOUS);
  const result = await signalMidAudit(signal, { cwd, marker, report: `json:${dir}/out/report.json` });
  return { result, out: join(dir, 'out') };
}

describeBuilt('faults: the process is killed mid-audit', () => {
  it('SIGTERM: exit 130, the previous report untouched, no temp file left', async () => {
    const { result, out } = await killMidAudit('SIGTERM');
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('已中断：扫描已停止，未写入任何报告。');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out)).toEqual(['report.json']);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(PREVIOUS);
  });

  it('SIGKILL: the previous report is still whole (only a temp file may be left beside it)', async () => {
    const { result, out } = await killMidAudit('SIGKILL');
    expect(result.signal).toBe('SIGKILL');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(PREVIOUS);
    for (const name of readdirSync(out))
      expect(name === 'report.json' || /^report\.json\.tmp-\d+-[0-9a-f]{8}$/.test(name)).toBe(true);
  });
});
