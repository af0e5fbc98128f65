/**
 * The normalised inventory `zhengban scan` writes and the `inventory` scanner reads back: JSON Lines,
 * first line `{"format":"zhengban-inventory","version":1}`, then one HostInventory per line. It lets
 * an office collect once and audit many times, and merges inventories from different scanners.
 */
import {
  type HostInventory,
  InputError,
  type ScanContext,
  type Scanner,
  type SoftwareRecord,
} from '@zhengban/core';
import { excerpt } from '../common/clean-text.js';
import { openTextStream, readLines } from '../text/text-file.js';

export const INVENTORY_FORMAT = 'zhengban-inventory';
export const INVENTORY_VERSION = 1;

/** Writes the format: the header line, then one line per host; each string ends with `\n`. */
export async function* writeInventoryLines(hosts: AsyncIterable<HostInventory>): AsyncIterable<string> {
  yield `${JSON.stringify({ format: INVENTORY_FORMAT, version: INVENTORY_VERSION })}\n`;
  for await (const host of hosts) yield `${JSON.stringify(host)}\n`;
}

/** Lines longer than this are refused (a host with 10 000 programs is far below it). */
const MAX_LINE = 64 * 1024 * 1024;

export function inventoryScanner(): Scanner {
  return {
    name: 'inventory',
    description: 'a normalised inventory written by `zhengban scan` (JSON Lines)',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const { chunks } = await openTextStream(input, ctx.signal);
      let header = false;
      for await (const { text, line, tooLong } of readLines(chunks, MAX_LINE)) {
        if (ctx.signal.aborted) return;
        if (!header) {
          if (text.trim() === '') continue;
          checkHeader(text, input, line);
          header = true;
          continue;
        }
        if (text.trim() === '') continue;
        if (tooLong) {
          ctx.problem({
            message: `line ${line} is longer than ${MAX_LINE} characters`,
            code: 'inventory.line-too-long',
            params: { line, max: MAX_LINE },
            file: input,
            line,
            excerpt: excerpt(text),
          });
          continue;
        }
        const host = readHostLine(text, input, line, ctx);
        if (host) yield host;
      }
      if (!header)
        throw new InputError(
          `${input}: empty; expected a zhengban inventory (JSON Lines)`,
          { file: input, source: 'inventory' },
          'inventory.format',
          { file: input, detail: { zh: '文件为空', en: 'empty' } },
        );
    },
  };
}

function checkHeader(text: string, file: string, line: number): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const head = value as { format?: unknown; version?: unknown } | undefined;
  if (!head || typeof head !== 'object' || head.format !== INVENTORY_FORMAT) {
    throw new InputError(
      `${file}:${line}: not a zhengban inventory; the first line must be {"format":"${INVENTORY_FORMAT}","version":${INVENTORY_VERSION}}`,
      { file, line, source: 'inventory' },
      'inventory.format',
      {
        file,
        detail: { zh: `第一行须为 {"format":"${INVENTORY_FORMAT}","version":${INVENTORY_VERSION}}`, en: '' },
      },
    );
  }
  if (head.version !== INVENTORY_VERSION) {
    throw new InputError(
      `${file}:${line}: inventory format version ${String(head.version)} is not supported (this zhengban reads version ${INVENTORY_VERSION})`,
      { file, line, source: 'inventory' },
      'inventory.version',
      { file, version: String(head.version), supported: INVENTORY_VERSION },
    );
  }
}

/** Validates one host line; a bad host is one problem, a bad record inside a good host is one problem each. */
function readHostLine(text: string, file: string, line: number, ctx: ScanContext): HostInventory | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    ctx.problem({
      message: `line ${line} is not valid JSON (${(error as Error).message})`,
      code: 'inventory.json',
      params: { line, detail: (error as Error).message },
      file,
      line,
      excerpt: excerpt(text),
    });
    return undefined;
  }
  const host = value as Partial<HostInventory> | null;
  if (
    !host ||
    typeof host !== 'object' ||
    Array.isArray(host) ||
    typeof host.id !== 'string' ||
    host.id.trim() === '' ||
    !Array.isArray(host.software)
  ) {
    ctx.problem({
      message: `line ${line}: a host needs a non-empty "id" and a "software" array`,
      code: 'inventory.host',
      params: { line },
      file,
      line,
      excerpt: excerpt(text),
    });
    return undefined;
  }
  const software: SoftwareRecord[] = [];
  host.software.forEach((record: unknown, index) => {
    const problem = recordProblem(record);
    if (problem)
      ctx.problem({
        message: `line ${line}: software[${index}] ${problem}`,
        code: 'inventory.record',
        params: { line, index, detail: problem },
        file,
        line,
        key: `/software/${index}`,
      });
    else software.push(record as SoftwareRecord);
  });
  const result: HostInventory = {
    ...(host as HostInventory),
    software,
    scanner: typeof host.scanner === 'string' ? host.scanner : 'inventory',
  };
  return result;
}

function recordProblem(record: unknown): string | undefined {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'is not an object';
  const r = record as Partial<SoftwareRecord>;
  if (typeof r.name !== 'string' || r.name.trim() === '') return 'has no "name"';
  if (typeof r.source !== 'string') return 'has no "source"';
  if (!r.evidence || typeof r.evidence !== 'object' || typeof r.evidence.source !== 'string')
    return 'has no "evidence" with a "source"';
  for (const field of ['version', 'publisher', 'installDate', 'arch'] as const) {
    if (r[field] !== undefined && typeof r[field] !== 'string') return `has a "${field}" that is not text`;
  }
  return undefined;
}
