/**
 * The ceiling: read the inventory and CSV-parse it exactly as the csv scanner does (1 MiB reads,
 * streaming UTF-8 decoding, Papa Parse's low-level `Parser` with the sniffed delimiter, `"` quotes
 * and the file's newline, fed chunk by chunk with the unparsed tail carried over), and nothing else:
 * count the rows. Whatever zhengban adds on top is recognition, judgement and aggregation.
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const requireFromScanners = createRequire(
  fileURLToPath(new URL('../../packages/scanners/package.json', import.meta.url)),
);
const Papa = requireFromScanners('papaparse');

const CHUNK_BYTES = 1024 * 1024;

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
