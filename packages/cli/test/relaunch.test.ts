import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  EXPOSE_GC_FLAG,
  NO_PRETENURING_FLAG,
  shouldRelaunch,
  YOUNG_GENERATION_FLAG,
} from '../src/relaunch.js';
import { FIXTURES, scratch } from './helpers/paths.js';
import { describeBuilt, spawnCli } from './helpers/spawn-cli.js';

vi.setConfig({ testTimeout: 120_000 });

describe('shouldRelaunch', () => {
  it('relaunches audit only, once, and never over a flag the user gave', () => {
    expect(shouldRelaunch(['audit', '--policy', 'p.yaml'], [], {})).toBe(true);
    expect(shouldRelaunch(['--locale', 'en', '-q', 'audit'], [], {})).toBe(true);
    expect(shouldRelaunch(['--locale', 'audit', 'catalog'], [], {})).toBe(false);
    expect(shouldRelaunch(['policy', 'validate', 'audit'], [], {})).toBe(false);
    expect(shouldRelaunch(['catalog'], [], {})).toBe(false);
    expect(shouldRelaunch(['audit'], [], { ZHENGBAN_RELAUNCHED: '1' })).toBe(false);
    expect(shouldRelaunch(['audit'], [], { ZHENGBAN_NO_RELAUNCH: '1' })).toBe(false);
    expect(shouldRelaunch(['audit'], ['--max-semi-space-size=32'], {})).toBe(false);
    expect(shouldRelaunch(['audit'], [], { NODE_OPTIONS: '--max-semi-space-size=16 --trace-gc' })).toBe(
      false,
    );
    expect(shouldRelaunch(['audit'], ['--max-old-space-size=3072'], {})).toBe(true);
    expect(shouldRelaunch(['audit'], ['--inspect-brk'], {})).toBe(false);
  });
});

describeBuilt('zhengban audit (built) runs with a larger young generation', () => {
  const audit = (input: string) => [
    'audit',
    '--policy',
    'policies/small.yaml',
    '--input',
    `./plugins/flags-scanner.mjs:${input}`,
    '--report',
    'json:-',
  ];

  it('relaunches itself with the flag, keeping the flags it was started with', async () => {
    const input = join(scratch(), 'marker');
    const result = await spawnCli(audit(input), { cwd: FIXTURES });
    expect(result.code).toBe(0);
    const seen = JSON.parse(readFileSync(`${input}.flags.json`, 'utf8'));
    expect(seen).toEqual({
      execArgv: [YOUNG_GENERATION_FLAG, NO_PRETENURING_FLAG, EXPOSE_GC_FLAG],
      relaunched: '1',
    });
    // The report still reaches stdout through the parent.
    expect(JSON.parse(result.stdout).stats.hosts).toBe(0);
  });
});
