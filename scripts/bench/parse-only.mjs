/**
 * The ceiling, two ways, each reading and CSV-parsing the inventory and doing nothing else:
 *
 * - `readerOnly`: the csv scanner's own reader (`readCsvBatches` from @zhengban/scanners: 64 KiB
 *   reads, streaming UTF-8 decoding, lines cut at their breaks, Papa Parse for lines with quotes),
 *   every row split into all its fields and counted — the same parser zhengban runs, so the ratio
 *   the issue asks for is taken against it;
 * - `parseOnly`: Papa Parse's low-level `Parser` over whole 1 MiB blocks (the scanner's parser before
 *   it cut lines itself), kept as the library's own figure.
 *
 * Whatever zhengban adds on top is recognition, judgement, aggregation and the report.
 */
import { spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const requireFromScanners = createRequire(
  fileURLToPath(new URL('../../packages/scanners/package.json', import.meta.url)),
);
const Papa = requireFromScanners('papaparse');

const CHUNK_BYTES = 1024 * 1024;
const SCANNERS = new URL('../../packages/scanners/dist/index.js', import.meta.url);

/** Reads `file` with the csv scanner's reader, splitting every row; returns `{ rows, fields, seconds }`. */
export async function readerOnly(file) {
  const { readCsvBatches } = await import(SCANNERS.href);
  const started = performance.now();
  let rows = 0;
  let fields = 0;
  for await (const batch of readCsvBatches(file)) {
    if ('rows' in batch) {
      rows += batch.rows.length;
      for (const row of batch.rows) fields += row.length;
      continue;
    }
    for (let i = 0; i < batch.count; i++) {
      const row =
        batch.parsed?.get(i) ?? batch.text.slice(batch.starts[i], batch.ends[i]).split(batch.delimiter);
      fields += row.length;
      rows++;
    }
  }
  return { rows: rows - 1, fields, seconds: (performance.now() - started) / 1000 };
}

/** Parses `file`; returns `{ rows, seconds }` (rows without the header). */
export async function parseOnly(file) {
  const started = performance.now();
  const handle = await open(file, 'r');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parser;
  let pending = '';
  let rows = 0;
  const feed = (text, last) => {
    if (!parser) {
      const firstBreak = text.indexOf('\n');
      const headerLine = firstBreak < 0 ? text : text.slice(0, firstBreak);
      parser = new Papa.Parser({
        delimiter: ',',
        newline: headerLine.endsWith('\r') ? '\r\n' : '\n',
        quoteChar: '"',
      });
    }
    const result = parser.parse(text, 0, !last);
    rows += result.data.length;
    pending = last ? '' : text.slice(result.meta.cursor);
  };
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      const text = decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
      if (text) feed(pending + text, false);
    }
    const rest = decoder.decode();
    if (pending + rest) feed(pending + rest, true);
  } finally {
    await handle.close();
  }
  return { rows: rows - 1, seconds: (performance.now() - started) / 1000 };
}

/**
 * Each measure in a fresh Node process, so that neither runs in the heap and compiled code the other
 * left behind (as zhengban's own run does).
 */
export function parseInChild(mode, file) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`parse-only ${mode} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, file] = process.argv.slice(2);
  const measure = mode === 'reader' ? readerOnly : mode === 'papa' ? parseOnly : undefined;
  if (!measure || !file) {
    process.stderr.write('usage: node scripts/bench/parse-only.mjs reader|papa FILE\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(await measure(file))}\n`);
}
