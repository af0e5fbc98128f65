/**
 * The memory a province audit needs grows with its computers, so the live heap kept per computer is
 * held under a bound in every `pnpm test`, by counters (heap after full collections), never by a
 * clock: a busy machine gives the same figure. heap-per-host.mjs streams a generated 3 000-computer
 * fleet's CSV through the built csv scanner into one auditor, in a child process started with
 * --expose-gc; docs/performance.md#heap-per-computer-in-ci says what it measures.
 *
 * Needs `pnpm build` (the child runs the packages' dist/); skips visibly without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const BUILT = ['core', 'rules', 'scanners'].map((pkg) => join(ROOT, 'packages', pkg, 'dist', 'index.js'));
const missing = BUILT.filter((file) => !existsSync(file));

const HOSTS = 3000;
const SEED = 42;
/** Records the generator writes for (seed 42, 3 000 hosts): the input is exactly the one measured. */
const RECORDS = 449_572;

/**
 * Measured on 2026-12-06 (Node 20): 10.1 KB a computer after ingestion, 10.5 KB once the report is
 * prepared. At 3 000 computers the titles' variants and rule tuples, shared by every computer, are
 * a large part of it (at 100 000 computers the store is ~2.3 KB a computer). The
 * bounds are 1.5× those figures: room for V8's own variation, not for another copy of every host.
 */
const HEAP_PER_HOST_BOUND = 15_000;
const PREPARED_PER_HOST_BOUND = 15_700;

/**
 * Today's store counters. They move when the catalogue, the rules or the folding of installations
 * change; far from them (±25 %) means the audit measured is not the one the bound was set for — a
 * smaller heap of a store that kept less would pass for an improvement.
 */
const TODAY = { installations: 116_176, titleVariants: 5_353, customRuleReferences: 23_474 };

interface HeapFigures {
  hosts: number;
  records: number;
  installations: number;
  titleVariants: number;
  customRuleReferences: number;
  heapPerHost: number;
  preparedPerHost: number;
}

const out = mkdtempSync(join(tmpdir(), 'zhengban-heap-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function measure(): HeapFigures {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      join(HERE, 'heap-per-host.mjs'),
      '--hosts',
      String(HOSTS),
      '--seed',
      String(SEED),
      '--out',
      out,
    ],
    { encoding: 'utf8', env: { ...process.env, ZHENGBAN_LOG: 'silent' } },
  );
  if (child.status !== 0) throw new Error(`heap-per-host.mjs exited ${child.status}:\n${child.stderr}`);
  return JSON.parse(child.stdout) as HeapFigures;
}

const name = 'live heap per computer of a 3 000-computer audit';
describe.skipIf(missing.length > 0)(
  missing.length > 0 ? `${name} — skipped: ${missing.join(', ')} missing (run pnpm build)` : name,
  () => {
    it('stays under its bound after ingestion and once the report is prepared', { timeout: 120_000 }, () => {
      const figures = measure();
      expect(figures.hosts).toBe(HOSTS);
      expect(figures.records).toBe(RECORDS);
      for (const [counter, today] of Object.entries(TODAY)) {
        const value = figures[counter as keyof typeof TODAY];
        expect(value, `${counter} ${value} is far from today's ${today}`).toBeGreaterThan(today * 0.75);
        expect(value, `${counter} ${value} is far from today's ${today}`).toBeLessThan(today * 1.25);
      }
      expect(
        figures.heapPerHost,
        `live heap after ingestion is ${figures.heapPerHost} bytes a computer, over the bound of ${HEAP_PER_HOST_BOUND}: something now keeps more per computer (a record, a parser's chunk, a per-host object)`,
      ).toBeLessThanOrEqual(HEAP_PER_HOST_BOUND);
      expect(
        figures.preparedPerHost,
        `live heap once the report is prepared is ${figures.preparedPerHost} bytes a computer, over the bound of ${PREPARED_PER_HOST_BOUND}`,
      ).toBeLessThanOrEqual(PREPARED_PER_HOST_BOUND);
    });
  },
);
