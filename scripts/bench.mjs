#!/usr/bin/env node
/**
 * `pnpm bench` — the province-scale benchmark (issue 8). On one generated inventory per fleet size it
 * measures (1) parse-only: read + Papa Parse as the csv scanner does, the ceiling; (2) zhengban: the
 * real CLI, CSV → JSON report, with peak RSS and memo hit rates; (3) naive: json-rules-engine run once
 * per record with the same custom rules, on a sample, extrapolated. Then 20 vs 200 custom rules, and
 * the same report for the same hosts in another order. Prints the figures; writes them to
 * .bench/results.json. Fleets are cached in .bench/ by seed and size.
 *
 *   pnpm bench                       N = 10 000 and 100 000
 *   pnpm bench --quick               N = 2 000 (a smoke run)
 *   pnpm bench --hosts 10000 --seed 7 --sample 200000 --budget 540 --heap 3072
 *
 * The zhengban runs share one wall-clock budget (`--budget` seconds, default 480) so the whole bench
 * ends within 10 minutes here; a run that cannot fit is skipped or stopped, and the output says so.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { customRules } from './bench/fleet-policy.mjs';
import { DEFAULT_OUT, ensureFleet } from './bench/generate-fleet.mjs';
import { naiveRun } from './bench/naive.mjs';
import { parseInChild } from './bench/parse-only.mjs';
import { sameReport } from './bench/report-compare.mjs';
import { CLI_BIN, zhengbanRun } from './bench/zhengban-run.mjs';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '10000,100000' },
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    sample: { type: 'string', default: '100000' },
    budget: { type: 'string', default: '480' },
    heap: { type: 'string', default: '3072' },
    'check-hosts': { type: 'string', default: '2000' },
    out: { type: 'string', default: DEFAULT_OUT },
  },
});
const sizes = (values.quick ? '2000' : values.hosts).split(',').map((n) => Number.parseInt(n, 10));
const seed = Number.parseInt(values.seed, 10);
const sample = Number.parseInt(values.sample, 10);
const heapMiB = Number.parseInt(values.heap, 10);
const checkHosts = values.quick ? 2000 : Number.parseInt(values['check-hosts'], 10);
const budgetEnd = performance.now() + Number.parseFloat(values.budget) * 1000;
const log = (line) => process.stderr.write(`${line}\n`);
const remaining = () => Math.max(0, (budgetEnd - performance.now()) / 1000);

if (!existsSync(CLI_BIN)) {
  log(`bench: ${CLI_BIN} is missing; run \`pnpm build\` first`);
  process.exit(2);
}

const results = {
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
  },
  seed,
  runs: [],
};

/** Predicts a zhengban run's seconds from the last one, linear in records. */
let lastRate;
async function audit(fleet, policy, report) {
  const predicted = lastRate ? fleet.meta.rows / lastRate : 0;
  if (predicted > remaining()) {
    return {
      ok: false,
      reason: `skipped: ${fleet.meta.rows} records at the last measured ${Math.round(lastRate)} records/s need ~${Math.round(predicted)} s, the budget has ${Math.round(remaining())} s left`,
    };
  }
  if (remaining() < 5) return { ok: false, reason: 'skipped: time budget used up' };
  const run = await zhengbanRun({
    dir: fleet.dir,
    policy,
    report,
    timeoutSeconds: Math.ceil(remaining()),
    heapMiB,
  });
  if (run.ok) lastRate = fleet.meta.rows / run.seconds;
  return run;
}

const memo = (stats) => ({
  recognition: stats?.recognitionLookups ? stats.recognitionMemoHits / stats.recognitionLookups : null,
  customRules: stats
    ? stats.customRuleMemoHits / Math.max(1, stats.customRuleMemoHits + stats.customRuleRuns)
    : null,
});

for (const hosts of sizes) {
  const fleet = await ensureFleet({ seed, hosts, out: values.out, log });
  const rows = fleet.meta.rows;
  log(
    `N=${hosts}: ${rows} records, ${(fleet.meta.bytes / 2 ** 20).toFixed(0)} MiB${fleet.cached ? ' (cached)' : ''}`,
  );
  const parse = parseInChild('reader', fleet.inventory);
  const papa = parseInChild('papa', fleet.inventory);
  log(
    `  parse-only ${(rows / parse.seconds).toFixed(0)} records/s (the scanner's reader; Papa Parse alone ${(rows / papa.seconds).toFixed(0)})`,
  );
  const naive = await naiveRun(fleet.inventory, customRules(20), Math.min(sample, rows));
  log(`  naive ${naive.recordsPerSecond.toFixed(0)} records/s on ${naive.records} records`);
  const run = await audit(fleet, 'policy.yaml', 'report.json');
  log(
    `  zhengban ${run.ok ? `${(rows / run.seconds).toFixed(0)} records/s, peak RSS ${run.peakRssMiB?.toFixed(0)} MiB` : run.reason}`,
  );
  results.runs.push({
    hosts,
    records: rows,
    bytes: fleet.meta.bytes,
    parse,
    papa,
    naive,
    zhengban: run,
    memo: memo(run.stats),
  });
}

// 20 vs 200 custom rules, and host order, on one smaller fleet (a ratio and an equality: N-independent).
const check = await ensureFleet({ seed, hosts: checkHosts, out: values.out, log });
const shuffled = await ensureFleet({ seed, hosts: checkHosts, shuffle: true, out: values.out, log });
const main = results.runs.find((run) => run.hosts === checkHosts);
const rules20 = main ? main.zhengban : await audit(check, 'policy.yaml', 'report.json');
const rules200 = await audit(check, 'policy-200.yaml', 'report-200.json');
const reordered = await audit(shuffled, 'policy.yaml', 'report.json');
results.rules = {
  hosts: checkHosts,
  records: check.meta.rows,
  rules20,
  rules200,
  ratio: rules20.ok && rules200.ok ? rules200.seconds / rules20.seconds : null,
};
results.order =
  rules20.ok && reordered.ok
    ? { hosts: checkHosts, ...sameReport(join(check.dir, 'report.json'), join(shuffled.dir, 'report.json')) }
    : { hosts: checkHosts, same: null, detail: rules20.reason ?? reordered.reason };

printSummary(results);
writeFileSync(join(values.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

function printSummary(r) {
  const out = [];
  const fmt = (n) =>
    n === null || n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-US');
  const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)} %`);
  out.push(
    `zhengban benchmark — ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ${r.machine.memGiB} GiB, node ${r.machine.node}, seed ${r.seed}`,
  );
  out.push('');
  out.push(
    '| hosts | records | parse-only rec/s† | Papa Parse rec/s | zhengban rec/s | naive rec/s* | zb/parse | zb/Papa | zb/naive | peak RSS MiB | memo hits (recognition / rules) |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const run of r.runs) {
    const zb = run.zhengban.ok ? run.records / run.zhengban.seconds : null;
    const parse = run.records / run.parse.seconds;
    const papa = run.records / run.papa.seconds;
    out.push(
      `| ${fmt(run.hosts)} | ${fmt(run.records)} | ${fmt(parse)} | ${fmt(papa)} | ${zb ? fmt(zb) : `not measured: ${run.zhengban.reason}`} | ${fmt(run.naive.recordsPerSecond)} | ${zb ? pct(zb / parse) : '—'} | ${zb ? pct(zb / papa) : '—'} | ${zb ? `${(zb / run.naive.recordsPerSecond).toFixed(1)}×` : '—'} | ${fmt(run.zhengban.peakRssMiB)} | ${pct(run.memo.recognition)} / ${pct(run.memo.customRules)} |`,
    );
  }
  out.push('');
  out.push(
    "† parse-only: the csv scanner's own reader (readCsvBatches), every row split into its fields, nothing else — the same parser the audit runs; Papa Parse: its Parser over whole 1 MiB blocks.",
  );
  out.push(
    `* naive: json-rules-engine \`engine.run()\` once per record, 20 rules, measured on the first ${fmt(r.runs[0]?.naive.records)} records of each file and extrapolated (records/s).`,
  );
  const rr = r.rules;
  out.push(
    `Rules: ${fmt(rr.hosts)} hosts (${fmt(rr.records)} records): 20 rules ${rr.rules20.ok ? `${rr.rules20.seconds.toFixed(1)} s` : rr.rules20.reason}, 200 rules ${rr.rules200.ok ? `${rr.rules200.seconds.toFixed(1)} s` : rr.rules200.reason}; ratio ${rr.ratio ? `${rr.ratio.toFixed(2)}×` : '—'} (target ≤ 2×).`,
  );
  out.push(
    `Host order: ${fmt(r.order.hosts)} hosts, ordered vs shuffled file: ${r.order.same === true ? 'same report' : r.order.same === false ? 'DIFFERENT reports' : 'not compared'} (${r.order.detail}).`,
  );
  out.push('', 'Targets (issue 8):', ...targets(r).map((t) => `- ${t}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

function targets(r) {
  const big = r.runs.at(-1);
  const small = r.runs.length > 1 ? r.runs[0] : undefined;
  const lines = [];
  const verdict = (ok) => (ok === null ? 'NOT MEASURED' : ok ? 'met' : 'NOT MET');
  const zb = big?.zhengban.ok ? big.records / big.zhengban.seconds : null;
  const parse = big ? big.records / big.parse.seconds : null;
  lines.push(
    `${big?.hosts} hosts: zhengban ≥ 50 % of parse-only: ${verdict(zb === null ? null : zb >= 0.5 * parse)}`,
  );
  lines.push(
    `${big?.hosts} hosts: zhengban ≥ 25× naive: ${verdict(zb === null ? null : zb >= 25 * big.naive.recordsPerSecond)}`,
  );
  const rss = big?.zhengban.ok ? big.zhengban.peakRssMiB : null;
  lines.push(`${big?.hosts} hosts: peak RSS ≤ 1 GiB: ${verdict(rss === null ? null : rss <= 1024)}`);
  if (small) {
    const smallRss = small.zhengban.ok ? small.zhengban.peakRssMiB : null;
    lines.push(
      `peak RSS at ${big.hosts} ≤ 2× at ${small.hosts}: ${verdict(rss === null || smallRss === null ? null : rss <= 2 * smallRss)}`,
    );
  }
  lines.push(
    `200 custom rules ≤ 2× the time of 20: ${verdict(r.rules.ratio === null ? null : r.rules.ratio <= 2)}`,
  );
  lines.push(`same report whatever the host order: ${verdict(r.order.same)}`);
  return lines;
}
