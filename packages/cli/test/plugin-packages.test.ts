/**
 * Plugins named by package: an ESM-only package (`exports` with only `import`) loads; a name that
 * climbs out of node_modules (`x/../../../outside/notpkg`) is not a package and loads nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackageSpecifier } from '../src/package-resolve.js';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const REPORTER = `export default { name: 'esm-only', extension: 'txt', render: (r) => 'computers=' + r.totals.computers + '\\n' };\n`;

function project() {
  const dir = scratch();
  const pkg = join(dir, 'node_modules', 'esm-only-reporter');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: 'esm-only-reporter', type: 'module', exports: { '.': { import: './index.js' } } }),
  );
  writeFileSync(join(pkg, 'index.js'), REPORTER);
  // A module outside node_modules that a crafted name would reach.
  mkdirSync(join(dir, 'outside'), { recursive: true });
  writeFileSync(join(dir, 'outside', 'notpkg.js'), `${REPORTER.replace('esm-only', 'outside')}`);
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'x', 'package.json'), JSON.stringify({ name: 'x' }));
  return dir;
}

const audit = (dir: string, report: string) =>
  runCli(
    [
      'audit',
      '--policy',
      join(FIXTURES, 'policies/small.yaml'),
      '--input',
      `csv:${join(FIXTURES, 'inventory/small.csv')}`,
      '--report',
      report,
      '--fail-on',
      'never',
      '-q',
    ],
    { cwd: dir },
  );

describe('plugins named by package', () => {
  it('an ESM-only package (exports only for import) loads', async () => {
    const result = await audit(project(), 'esm-only-reporter');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('computers=3\n');
  });

  it('a name that climbs out of its package is not a package', async () => {
    const dir = project();
    const result = await audit(dir, 'x/../../outside/notpkg');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(parsePackageSpecifier('x/../../../outside/notpkg')).toBeUndefined();
    expect(parsePackageSpecifier('@org/pkg/sub/path')).toEqual({ name: '@org/pkg', subpath: './sub/path' });
    expect(parsePackageSpecifier('@org/../x')).toBeUndefined();
  });
});
