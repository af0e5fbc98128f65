/**
 * merge over the bundled city example's shards, shards audited under different contents of one
 * policy file, and hostile report files.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

vi.setConfig({ testTimeout: 60_000 });
const CITY = fileURLToPath(new URL('../../../examples/city-2013/', import.meta.url));

async function shard(cwd: string, policy: string, input: string, out: string, extra: string[] = []) {
  const result = await runCli(
    ['audit', '--policy', policy, ...extra, '--input', input, '--report', `json:${out}`, '--mergeable', '-q'],
    { cwd },
  );
  expect(result.code, result.stderr).toBeLessThan(2);
}

describe('merge', () => {
  it('accepts the city example split by register (waivers.expired names a host in every shard)', async () => {
    const dir = scratch();
    const units = ['--units', 'units.csv'];
    await shard(CITY, 'policy.yaml', 'csv:baseline/inventory.csv', join(dir, 'a.json'), units);
    await shard(CITY, 'policy.yaml', 'csv:baseline/inventory-counties-gbk.csv', join(dir, 'b.json'), units);
    const result = await runCli(['merge', 'a.json', 'b.json', '--out', 'm.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(merged.totals.computers).toBe(a.totals.computers + b.totals.computers);
  });

  it('refuses shards audited under different contents of the same policy file', async () => {
    const dir = scratch();
    copyFileSync(join(FIXTURES, 'policies', 'small.yaml'), join(dir, 'policy.yaml'));
    await shard(FIXTURES, join(dir, 'policy.yaml'), 'csv:inventory/small.csv', join(dir, 'a.json'));
    const text = readFileSync(join(dir, 'policy.yaml'), 'utf8').replace('seats: 10', 'seats: 500');
    writeFileSync(join(dir, 'policy.yaml'), text);
    await shard(FIXTURES, join(dir, 'policy.yaml'), 'csv:inventory/counties-gbk.csv', join(dir, 'b.json'));
    const result = await runCli(['merge', 'a.json', 'b.json'], { cwd: dir });
    expect(result.code).toBe(2);
    // The content differs, not the name: both shards say small.yaml, with different fingerprints.
    expect(result.stderr).toMatch(/第 2 份报告.*使用的策略是.*\([0-9a-f]{12}\).*\([0-9a-f]{12}\)/);
    expect(result.stdout).toBe('');
  });

  it('names a hostile report instead of failing with an internal error', async () => {
    const dir = scratch();
    await shard(FIXTURES, 'policies/small.yaml', 'csv:inventory/small.csv', join(dir, 'a.json'));
    const good = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8'));
    const cases: [string, unknown, string][] = [
      ['findings-null.json', { ...good, findings: [null] }, 'findings[0]'],
      [
        'subject-string.json',
        { ...good, findings: [{ ...good.findings[0], subject: 'x' }] },
        'findings[0].subject',
      ],
      [
        'seats.json',
        { ...good, mergeBasis: { ...good.mergeBasis, seats: [{ host: 1 }] } },
        'mergeBasis.seats[0]',
      ],
      ['units.json', { ...good, units: [{ unit: 'x' }] }, 'units[0].computers'],
    ];
    for (const [name, data, field] of cases) {
      writeFileSync(join(dir, name), JSON.stringify(data));
      for (const args of [
        ['merge', 'a.json', name],
        ['diff', 'a.json', name],
      ]) {
        const result = await runCli(args, { cwd: dir });
        expect(result.code, `${args.join(' ')}`).toBe(2);
        expect(result.stderr).toContain(`${name} 不是 zhengban 的 JSON 报告（${field}`);
        expect(result.stderr).not.toContain('内部错误');
      }
    }
    // Deeper than the shape check: still an input error, not an internal one.
    await shard(FIXTURES, 'policies/small.yaml', 'csv:inventory/counties-gbk.csv', join(dir, 'b.json'));
    const other = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    const deep = { ...other, units: other.units.map((u: object) => ({ ...u, classes: { os: 'x' } })) };
    writeFileSync(join(dir, 'deep.json'), JSON.stringify(deep));
    const result = await runCli(['merge', 'a.json', 'deep.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('内部错误');
    expect(result.stderr).not.toContain('disjoint');
  });
});
