import { readFileSync } from 'node:fs';
import { runScanner } from '@zhengban/core';
import { csvScanner } from './dist/index.js';
const file = '/tmp/inv-1m.csv';
for (let k = 0; k < 2; k++) {
  let t = performance.now();
  const text = readFileSync(file, 'utf8');
  const rows = text.split('\n').map((l) => l.split(','));
  const base = performance.now() - t;
  t = performance.now();
  const run = runScanner(csvScanner(), file);
  let n = 0;
  for await (const h of run.hosts) n += h.software.length;
  const ms = performance.now() - t;
  console.log(`baseline read+split ${rows.length} rows ${Math.round(base)} ms; csv scanner ${n} records ${Math.round(ms)} ms = ${Math.round((n / ms) * 1000)} rows/s; ratio ${(ms / base).toFixed(2)}; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
}
