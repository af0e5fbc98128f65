import { test } from 'vitest';
import { csvBatches } from '../src/csv/csv-stream.js';
test('probe', async () => {
  let t = performance.now(); let rows = 0; let batches = 0;
  for await (const b of csvBatches('/tmp/inv-1m.csv')) { rows += b.rows.length; batches++; if (batches < 4) console.log(b.rows.length, b.lines[0], b.lines.at(-1)); }
  console.log('batches', batches, rows, Math.round(performance.now() - t), 'ms');
}, 120000);
