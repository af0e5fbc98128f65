// Runs the custom scanner the way the CLI does (through core's runScanner) and prints what it read.
import { formatProblem, runScanner } from '@zhengban/core';
import { assetScanner } from './asset-scanner.js';

const input = process.argv[2] ?? new URL('./sample-assets.json', import.meta.url).pathname;
const run = runScanner(assetScanner(), input);
for await (const host of run.hosts) {
  console.log(
    `${host.id} (${host.unit ?? '-'}, ${host.os?.name ?? '-'}): ${host.software.map((r) => r.name).join(', ')}`,
  );
}
for (const problem of run.problems) console.error(formatProblem(problem));
console.log(JSON.stringify(run.summary));
