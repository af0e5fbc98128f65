#!/usr/bin/env node
// `pnpm demo`: the README's first command. Runs the BUILT `zhengban` on the city example's
// acceptance snapshot (examples/city-2013/acceptance/), prints the statistics table and writes the
// HTML report to out/city-2013-acceptance.html. Findings do not fail the demo (--fail-on never).
// Until the snapshot exists it validates examples/city-2013/policy.yaml instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const example = join(root, 'examples', 'city-2013');
const snapshot = join(example, 'acceptance');
const rel = (path) => relative(root, path) || '.';

function zhengban(args) {
  console.error(`$ zhengban ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/**
 * Every input of the snapshot, in the order the example's README lists them: inventory.csv, the
 * other CSVs (the GBK one), then the windows/ and linux/ host folders.
 */
function snapshotInputs() {
  const names = readdirSync(snapshot);
  const csvs = names
    .filter((name) => name.endsWith('.csv'))
    .sort((a, b) => (a === 'inventory.csv' ? -1 : b === 'inventory.csv' ? 1 : a.localeCompare(b)));
  const inputs = csvs.map((name) => `csv:${rel(join(snapshot, name))}`);
  for (const kind of ['windows', 'linux']) {
    const path = join(snapshot, kind);
    if (existsSync(path) && statSync(path).isDirectory()) inputs.push(`${kind}:${rel(path)}`);
  }
  return inputs;
}

if (!existsSync(bin)) {
  console.error('zhengban is not built yet: run `pnpm build` first (packages/cli/dist/bin.js is missing).');
  process.exit(1);
}

const policy = join(example, 'policy.yaml');
if (!existsSync(policy)) {
  console.error(`The city example is missing: ${rel(policy)} does not exist.`);
  process.exit(1);
}

if (!existsSync(snapshot)) {
  console.error(`${rel(snapshot)} is not there yet; validating the example policy instead.`);
  process.exit(zhengban(['policy', 'validate', rel(policy)]));
}

const inputs = snapshotInputs();
if (inputs.length === 0) {
  console.error(`${rel(snapshot)} holds no inventory (no *.csv, windows/ or linux/).`);
  process.exit(1);
}
const units = join(example, 'units.csv');
const args = [
  'audit',
  '--policy',
  rel(policy),
  ...(existsSync(units) ? ['--units', rel(units)] : []),
  ...inputs.flatMap((input) => ['--input', input]),
  '--report',
  'console',
  '--report',
  'html:out/city-2013-acceptance.html',
  '--fail-on',
  'never',
];
// First the policy: its name and what it holds (products, licences, rules, waivers).
const validated = zhengban(['policy', 'validate', rel(policy)]);
if (validated !== 0) process.exit(validated);
process.exit(zhengban(args));
