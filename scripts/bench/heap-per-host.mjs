#!/usr/bin/env node
/**
 * The live heap an audit keeps per computer, measured by counters instead of a clock:
 * `node --expose-gc scripts/bench/heap-per-host.mjs --hosts 3000 [--seed 42] [--out DIR]` (after
 * `pnpm build`) generates the benchmark's fleet (generate-fleet.mjs), streams its inventory.csv
 * through the built csv scanner into one auditor as the CLI does, and prints one JSON line:
 *   heapPerHost        bytes of live heap after ingestion (two full collections) per computer, over
 *                      the heap measured after the policy was loaded; this is what grows with a province
 *   preparedPerHost    the same once finishStream() has prepared the report (totals, licence position),
 *                      the phase where the 100 000-host audit peaks
 *   hosts, records, installations, titleVariants, customRuleReferences: the store's own counters,
 *                      to tell a smaller heap from an audit that kept less
 * Collections, not timing, so the figure is the same on a busy machine; heap-per-host.test.ts holds
 * it under a bound in `pnpm test`.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureFleet } from './generate-fleet.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const built = (pkg) => join(ROOT, 'packages', pkg, 'dist', 'index.js');

/** Live heap after the garbage is gone: two collections, as one can leave what the other freed. */
function liveHeap() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

export async function measureHeapPerHost({ hosts, seed, out }) {
  if (typeof globalThis.gc !== 'function') throw new Error('run node with --expose-gc');
  const { createAuditor, loadPolicy, runScanner } = await import(built('core'));
  const { builtinResolver } = await import(built('rules'));
  const { getScanner, readUnitsFile } = await import(built('scanners'));
  const fleet = await ensureFleet({ seed, hosts, out });

  const policy = loadPolicy(fleet.policy, { resolvers: [builtinResolver] });
  const { units } = await readUnitsFile(fleet.units);
  const before = liveHeap();

  const auditor = createAuditor(policy, { units });
  const run = runScanner(getScanner('csv'), fleet.inventory, { label: 'csv:inventory.csv' });
  for await (const host of run.hosts) auditor.add(host);
  auditor.addInput(run.summary, run.problems);
  const ingested = liveHeap();

  // The findings are left unread: wording them holds nothing per computer, and the counters below
  // are final once the report is prepared.
  const { report } = await auditor.finishStream();
  const prepared = liveHeap();

  const stats = report.stats ?? {};
  return {
    hosts: stats.hosts,
    records: stats.records,
    installations: stats.installations,
    titleVariants: stats.titleVariants,
    customRuleReferences: stats.customRuleReferences,
    heapPerHost: Math.round((ingested - before) / stats.hosts),
    preparedPerHost: Math.round((prepared - before) / stats.hosts),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      hosts: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: join(ROOT, '.bench') },
    },
  });
  const result = await measureHeapPerHost({
    hosts: Number.parseInt(values.hosts, 10),
    seed: Number.parseInt(values.seed, 10),
    out: resolve(values.out),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
