/**
 * Reading a whole small file (a policy, a units file, a report for diff/merge) with two guards that
 * `stat().size` alone does not give: what is not a regular file is refused (`/dev/zero`, a FIFO, a
 * terminal report 0 bytes and never end), and the bytes actually read are capped (a file growing
 * while it is read cannot pass the cap either).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a bounded read failed: not a regular file, or more bytes than allowed. */
export class BoundedReadError extends Error {
  constructor(
    readonly reason: 'not-a-file' | 'too-large',
    readonly path: string,
    readonly limit: number,
    /** The file's size when stat already showed it over the limit. */
    readonly size?: number,
  ) {
    super(reason === 'not-a-file' ? `${path}: not a regular file` : `${path}: more than ${limit} bytes`);
    this.name = 'BoundedReadError';
  }
}

const CHUNK = 1 << 20;

function collect(path: string, maxBytes: number, readInto: (buffer: Buffer) => number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (true) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const read = readInto(buffer);
    if (read === 0) break;
    chunks.push(buffer.subarray(0, read));
    total += read;
    if (total > maxBytes) throw new BoundedReadError('too-large', path, maxBytes);
  }
  return Buffer.concat(chunks, total);
}

/** The bytes of the regular file at `path`, at most `maxBytes`; throws BoundedReadError or an errno error. */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new BoundedReadError('not-a-file', path, maxBytes);
    if (stats.size > maxBytes) throw new BoundedReadError('too-large', path, maxBytes, stats.size);
    return collect(path, maxBytes, (buffer) => readSync(fd, buffer, 0, buffer.length, null));
  } finally {
    closeSync(fd);
  }
}

/** Asynchronous readRegularFileSync. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BoundedReadError('not-a-file', path, maxBytes);
    if (stats.size > maxBytes) throw new BoundedReadError('too-large', path, maxBytes, stats.size);
    const chunks: Buffer[] = [];
    let total = 0;
    while (true) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new BoundedReadError('too-large', path, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
