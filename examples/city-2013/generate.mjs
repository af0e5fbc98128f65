#!/usr/bin/env node
/**
 * Writes the city-2013 example's input files and its expected numbers, deterministically (seeded
 * random streams, no clock): `node examples/city-2013/generate.mjs [--out DIR]`. The files are
 * committed, so users never need to run this; edit the generator and rerun it to change the example.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsPerRule, judge } from './generator/bookkeeping.mjs';
import { expectedJson, expectedMarkdown } from './generator/expected-md.mjs';
import { acceptanceFleet, baselineFleet } from './generator/fleet.mjs';
import { policyYaml } from './generator/policy-yaml.mjs';
import { unitsCsv } from './generator/units.mjs';
import { inventoryCsv } from './generator/write-csv.mjs';
import { linuxEvidenceFiles } from './generator/write-linux.mjs';
import { windowsEvidenceFiles } from './generator/write-windows.mjs';

export const SNAPSHOTS = [
  { folder: 'baseline', asOf: '2013-06-30' },
  { folder: 'acceptance', asOf: '2013-12-20' },
];

/** Every file of the example as { path (relative), bytes }, and the bookkeeping per snapshot. */
export function buildExample() {
  const baseline = baselineFleet();
  const fleets = { baseline, acceptance: acceptanceFleet(baseline) };
  const files = [
    { path: 'units.csv', bytes: Buffer.from(unitsCsv()) },
    { path: 'policy.yaml', bytes: Buffer.from(policyYaml()) },
  ];
  const results = {};
  for (const { folder, asOf } of SNAPSHOTS) {
    const fleet = fleets[folder];
    files.push({
      path: `${folder}/inventory.csv`,
      bytes: inventoryCsv(
        fleet.filter((h) => !h.county),
        'utf8-bom',
      ),
    });
    files.push({
      path: `${folder}/inventory-counties-gbk.csv`,
      bytes: inventoryCsv(
        fleet.filter((h) => h.county),
        'gbk',
      ),
    });
    for (const host of fleet) {
      const evidence =
        host.evidence === 'windows'
          ? windowsEvidenceFiles(host)
          : host.evidence === 'linux'
            ? linuxEvidenceFiles(host)
            : [];
      for (const file of evidence)
        files.push({ path: `${folder}/${host.evidence}/${host.id}/${file.name}`, bytes: file.bytes });
    }
    results[folder] = judge(fleet, asOf);
  }
  files.push({
    path: 'EXPECTED.md',
    bytes: Buffer.from(expectedMarkdown(results.baseline, results.acceptance)),
  });
  files.push({
    path: 'expected.json',
    bytes: Buffer.from(expectedJson(results.baseline, results.acceptance)),
  });
  return { files, results };
}

function main() {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = resolve(outAt >= 0 ? args[outAt + 1] : dirname(fileURLToPath(import.meta.url)));
  const { files, results } = buildExample();
  for (const { folder } of SNAPSHOTS) rmSync(join(out, folder), { recursive: true, force: true });
  let bytes = 0;
  for (const file of files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.bytes);
    bytes += file.bytes.length;
  }
  console.log(`wrote ${files.length} files (${(bytes / 1024).toFixed(0)} KiB) to ${out}`);
  for (const { folder } of SNAPSHOTS) {
    const r = results[folder];
    const rate = r.totals.rates.genuine.overall;
    const findings = Object.entries(findingsPerRule(r.findings)).map(([rule, c]) => `${rule} ${c.total}`);
    console.log(
      `${folder}: ${r.totals.computers} computers, overall genuine rate ${(100 * rate).toFixed(1)} %; ${findings.join(', ')}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
