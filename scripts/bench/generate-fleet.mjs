#!/usr/bin/env node
/**
 * The deterministic fleet generator: `node scripts/bench/generate-fleet.mjs --hosts 10000 [--seed 42]
 * [--shuffle] [--out .bench]` writes, into `.bench/fleet-s<seed>-n<N>[-shuffled]/`:
 *   inventory.csv   one row per installation (the csv scanner's English headers), streamed
 *   units.csv       unit, staff, parent
 *   policy.yaml     extends builtin:cn-gov-baseline; every entitlement type; 20 custom rules
 *   policy-200.yaml the same policy with 200 custom rules
 *   meta.json       seed, hosts, rows, bytes, sha256 of inventory.csv; written last (cache marker)
 * Same seed and N → same bytes. A folder whose meta.json matches the generator's sources is reused.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { csvLine, hostRows, inventoryHeader, UNIT_COLUMNS } from './csv-text.mjs';
import { createFleet, fleetHosts } from './fleet.mjs';
import { fleetPolicy } from './fleet-policy.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT = resolve(HERE, '../../.bench');
const SOURCES = [
  'prng.mjs',
  'province.mjs',
  'software-mix.mjs',
  'fleet.mjs',
  'csv-text.mjs',
  'fleet-policy.mjs',
];

/** A fingerprint of the generator's own code: editing it invalidates cached fleets. */
function generatorFingerprint() {
  const hash = createHash('sha256');
  for (const file of SOURCES) hash.update(readFileSync(join(HERE, file)));
  return hash.digest('hex').slice(0, 16);
}

export function fleetDir(out, seed, hosts, shuffle) {
  return join(out, `fleet-s${seed}-n${hosts}${shuffle ? '-shuffled' : ''}`);
}

/**
 * Generates the fleet unless an up-to-date copy is cached. Returns the file paths and meta.
 * `log(text)` receives progress lines.
 */
export async function ensureFleet({ seed = 42, hosts, shuffle = false, out = DEFAULT_OUT, log = () => {} }) {
  const dir = fleetDir(out, seed, hosts, shuffle);
  const paths = {
    dir,
    inventory: join(dir, 'inventory.csv'),
    units: join(dir, 'units.csv'),
    policy: join(dir, 'policy.yaml'),
    policy200: join(dir, 'policy-200.yaml'),
    meta: join(dir, 'meta.json'),
  };
  const fingerprint = generatorFingerprint();
  if (existsSync(paths.meta)) {
    const meta = JSON.parse(readFileSync(paths.meta, 'utf8'));
    if (meta.fingerprint === fingerprint) return { ...paths, meta, cached: true };
  }
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const fleet = createFleet(seed, hosts, { shuffle });
  const { rows, bytes, sha256 } = await writeInventory(fleet, paths.inventory);
  writeFileSync(paths.units, unitsCsv(fleet));
  writeFileSync(paths.policy, fleetPolicy(fleet, { rules: 20 }));
  writeFileSync(paths.policy200, fleetPolicy(fleet, { rules: 200 }));
  const meta = { seed, hosts, shuffle, units: fleet.units.length, rows, bytes, sha256, fingerprint };
  writeFileSync(paths.meta, `${JSON.stringify(meta, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  log(
    `generated ${dir}: ${hosts} hosts, ${rows} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${seconds.toFixed(1)} s`,
  );
  return { ...paths, meta, cached: false };
}

/** Streams the inventory to `file` (via a temporary name), hashing as it goes. */
async function writeInventory(fleet, file) {
  const temporary = `${file}.partial`;
  const stream = createWriteStream(temporary);
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  let buffer = inventoryHeader();
  const flush = async () => {
    const chunk = Buffer.from(buffer, 'utf8');
    buffer = '';
    hash.update(chunk);
    bytes += chunk.length;
    if (!stream.write(chunk)) await new Promise((done) => stream.once('drain', done));
  };
  for (const host of fleetHosts(fleet)) {
    buffer += hostRows(host);
    rows += host.records.length;
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  await new Promise((done, fail) => stream.end((error) => (error ? fail(error) : done())));
  renameSync(temporary, file);
  return { rows, bytes, sha256: hash.digest('hex') };
}

function unitsCsv(fleet) {
  let text = csvLine(UNIT_COLUMNS);
  for (const unit of fleet.units) text += csvLine([unit.name, unit.staff, unit.parent]);
  return text;
}

async function main() {
  const { values } = parseArgs({
    options: {
      hosts: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '42' },
      shuffle: { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_OUT },
    },
  });
  const hosts = Number.parseInt(values.hosts, 10);
  const seed = Number.parseInt(values.seed, 10);
  if (!(hosts > 0) || !Number.isInteger(seed)) {
    process.stderr.write('usage: generate-fleet.mjs --hosts N [--seed S] [--shuffle] [--out DIR]\n');
    process.exit(2);
  }
  const result = await ensureFleet({
    seed,
    hosts,
    shuffle: values.shuffle,
    out: resolve(values.out),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify({ dir: result.dir, cached: result.cached, ...result.meta })}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
