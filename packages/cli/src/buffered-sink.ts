/**
 * Streamed report text on its way to a file or stdout. Text is encoded straight into one of two
 * 512 KiB buffers: one is filled while the other is being written, so rendering never waits for
 * the disk and the disk never waits for rendering, and no buffer is allocated per host group. (A
 * Buffer per group, kept alive while the previous write was in flight, was promoted to the old
 * generation; their off-heap memory then waited for a full collection, so resident memory grew with
 * the report. One write per host group would also be one system call per computer.)
 */
import type { PendingFile } from './atomic-output.js';

const BUFFER_BYTES = 1 << 19;
const encoder = new TextEncoder();

/**
 * A temp file, or a writer to a stream (stdout) that resolves once the stream can take more: the
 * sink waits for it, so a slow reader holds rendering back instead of the whole report queueing in
 * memory.
 */
type Target = PendingFile | ((chunk: Uint8Array) => Promise<void>);

export class BufferedSink {
  private filling = Buffer.allocUnsafe(BUFFER_BYTES);
  private spare = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** The write of `spare` in progress. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly target: Target) {}

  async add(text: string): Promise<void> {
    let rest = text;
    while (rest.length > 0) {
      // encodeInto stops before a character that does not fit, and says how much it took.
      const { read, written } = encoder.encodeInto(rest, this.filling.subarray(this.used));
      this.used += written;
      rest = read === rest.length ? '' : rest.slice(read);
      if (rest.length > 0 || this.used > BUFFER_BYTES - 4) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    const bytes = this.filling.subarray(0, this.used);
    if (typeof this.target === 'function') {
      // A stream may hold the chunk until it drains: give it a copy, the buffer is reused.
      this.used = 0;
      await this.target(Buffer.from(bytes));
      return;
    }
    // `spare` is free once its write is done; a failed write is thrown here or by drain().
    await this.writing;
    [this.filling, this.spare] = [this.spare, this.filling];
    this.used = 0;
    const write = this.target.append(bytes);
    write.catch(() => {});
    this.writing = write;
  }

  /** Everything added is written. */
  async drain(): Promise<void> {
    await this.flush();
    await this.writing;
  }
}
