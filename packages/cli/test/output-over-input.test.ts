/**
 * An output that would replace an input (the inventory, the policy, the units file, a shard being
 * merged) or another output is refused before any scanning, with exit 2 and both names; the inputs
 * are left untouched.
 */
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

function workspace() {
  const dir = scratch();
  for (const name of ['small.csv', 'units.csv'])
    copyFileSync(join(FIXTURES, 'inventory', name), join(dir, name));
  copyFileSync(join(FIXTURES, 'policies', 'small.yaml'), join(dir, 'policy.yaml'));
  return dir;
}

const audit = ['audit', '--policy', 'policy.yaml', '--units', 'units.csv', '--input', 'csv:small.csv'];

describe('outputs over inputs', () => {
  it.each([
    ['the inventory', ['--report', 'csv:small.csv'], 'small.csv'],
    ['the policy', ['--report', 'markdown:policy.yaml'], 'policy.yaml'],
    ['the units file', ['--report', 'json:units.csv'], 'units.csv'],
  ])('audit refuses a report over %s', async (_what, report, victim) => {
    const dir = workspace();
    const before = readFileSync(join(dir, victim!), 'utf8');
    const result = await runCli([...audit, ...report], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`会覆盖或写入输入`);
    expect(result.stderr).toContain(victim);
    expect(readFileSync(join(dir, victim!), 'utf8')).toBe(before);
  });

  it('audit refuses a report through a symlink to the inventory, and two reports to one path', async () => {
    const dir = workspace();
    symlinkSync(join(dir, 'small.csv'), join(dir, 'link.json'));
    const linked = await runCli([...audit, '--report', 'json:link.json'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('输出 json:link.json 会覆盖或写入输入 csv:small.csv');
    const twice = await runCli([...audit, '--report', 'json:r.txt', '--report', 'markdown:./r.txt'], {
      cwd: dir,
    });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('两个输出写到同一位置: json:r.txt 和 markdown:./r.txt');
  });

  it('scan, merge and policy init refuse the same', async () => {
    const dir = workspace();
    const scan = await runCli(['scan', '--input', 'csv:small.csv', '--out', 'small.csv'], { cwd: dir });
    expect(scan.code).toBe(2);
    writeFileSync(join(dir, 'a.json'), '{}');
    const merge = await runCli(['merge', 'a.json', 'policy.yaml', '--out', 'a.json'], { cwd: dir });
    expect(merge.code).toBe(2);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{}');
    const init = await runCli(['policy', 'init', '--units', 'units.csv', '--out', 'units.csv', '--force'], {
      cwd: dir,
    });
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('units.csv');
  });
});

describe('replacing an earlier report', () => {
  it('keeps its permissions and a symlink stays a symlink to the replaced file', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'private.json'), 'old');
    chmodSync(join(dir, 'private.json'), 0o600);
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync(join(dir, 'target.json'), join(dir, 'via-link.json'));
    const result = await runCli(
      [...audit, '--report', 'json:private.json', '--report', 'json:via-link.json'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(1);
    expect(statSync(join(dir, 'private.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'private.json'), 'utf8')).schemaVersion).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'target.json'), 'utf8')).schemaVersion).toBe(1);
    expect(lstatSync(join(dir, 'via-link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'via-link.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'target.json'), 'utf8'),
    );
  });
});
