/**
 * The streamed-report sink (buffered-sink.ts) fills one buffer while the other is written: what
 * reaches the file must be exactly the text added, in order, even when the disk is slow and reads
 * each buffer long after it was handed over, and when characters straddle buffer boundaries.
 */
import { describe, expect, it } from 'vitest';
import type { PendingFile } from '../src/atomic-output.js';
import { BufferedSink } from '../src/buffered-sink.js';

/** A file whose writes complete late and read their bytes only then (as a real write may). */
function slowFile(): { file: PendingFile; written: () => string } {
  const chunks: Buffer[] = [];
  const file = {
    append: (bytes: Uint8Array) =>
      new Promise<void>((done) =>
        setTimeout(() => {
          chunks.push(Buffer.from(bytes));
          done();
        }, 2),
      ),
  } as unknown as PendingFile;
  return { file, written: () => Buffer.concat(chunks).toString('utf8') };
}

describe('BufferedSink', () => {
  it('writes exactly the text added, across many buffers and split multi-byte characters', async () => {
    const { file, written } = slowFile();
    const sink = new BufferedSink(file);
    const pieces: string[] = [];
    for (let i = 0; i < 4000; i++) {
      // 3-byte Chinese, 4-byte emoji (a surrogate pair), ASCII, and now and then a 300 KB piece.
      const piece = i % 997 === 0 ? '正版😀'.repeat(40_000) : `{"host":"单位-${i}","ok":"✓😀"}\n`;
      pieces.push(piece);
      await sink.add(piece);
    }
    await sink.drain();
    const expected = pieces.join('');
    expect(Buffer.byteLength(expected)).toBeGreaterThan(3 * (1 << 19));
    expect(written()).toBe(expected);
  });

  it('throws a failed write at the next flush or at drain, never unhandled', async () => {
    const file = {
      append: () => Promise.reject(new Error('ENOSPC: no space left')),
    } as unknown as PendingFile;
    const sink = new BufferedSink(file);
    // 1 MiB: two buffers, so the second flush already meets the first write's failure.
    await expect(sink.add('x'.repeat(1 << 20))).rejects.toThrow('ENOSPC');
    const small = new BufferedSink(file);
    await small.add('short');
    await expect(small.drain()).rejects.toThrow('ENOSPC');
  });
});

describe('BufferedSink to a stream (stdout)', () => {
  it('waits for the stream to drain before handing it more (a slow pipe never queues the report)', async () => {
    let queued = 0;
    let maxQueued = 0;
    let received = 0;
    const sink = new BufferedSink(async (bytes) => {
      queued += bytes.length;
      maxQueued = Math.max(maxQueued, queued);
      // The reader takes each chunk a little later, like `| ssh` or a slow `| cat`.
      await new Promise((done) => setTimeout(done, 1));
      received += bytes.length;
      queued -= bytes.length;
    });
    const piece = 'x'.repeat(100_000);
    for (let i = 0; i < 100; i++) await sink.add(piece);
    await sink.drain();
    expect(received).toBe(100 * 100_000);
    // Never more than one buffer in flight, against 10 MB if writes were not waited for.
    expect(maxQueued).toBeLessThanOrEqual(1 << 19);
  });
});
