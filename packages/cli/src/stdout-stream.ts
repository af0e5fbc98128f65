/**
 * The process's stdout as the CLI writes reports to it. Three faults must end the command the way
 * a full disk ends a report file, not with an unhandled 'error' stack trace and exit 1:
 *
 * - stdout redirected to a file or a device (`> report.json`, `>/dev/full`): Node writes those
 *   with one `writeSync` per chunk and drops a short write's rest; here every byte is written or
 *   the write throws an OutputError (磁盘空间不足 for ENOSPC);
 * - a pipe whose reader went away (`| head -c100`): EPIPE is StdoutClosed, which ends the command
 *   quietly with exit 2 (the report was not delivered whole, but nobody is there to read why);
 * - a slow pipe (`| cat`, `| ssh …`): `write` returning false is waited out until 'drain', so a
 *   streamed report never queues up in memory (see `writeToStream`).
 */
import { fstatSync, writeSync } from 'node:fs';
import type { Locale } from '@zhengban/core';
import { OutputError } from './atomic-output.js';
import type { OutputStream } from './cli-io.js';
import { msg } from './messages.js';

/** stdout was closed by its reader (EPIPE): stop writing, say nothing, exit 2. */
export class StdoutClosed extends Error {
  constructor() {
    super('stdout closed');
    this.name = 'StdoutClosed';
  }
}

/** The error a failed stdout write becomes. */
export function stdoutFailure(locale: Locale, error: unknown): Error {
  if (error instanceof StdoutClosed || error instanceof OutputError) return error;
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return new StdoutClosed();
  return OutputError.of(locale, msg(locale, 'stdoutName'), error);
}

/** Writes every byte to `fd` with blocking writes, continuing after short ones. */
type WriteSync = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

export function writeAllSync(fd: number, bytes: Uint8Array, write: WriteSync = writeSync): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = write(fd, bytes, offset, bytes.length - offset);
    if (written <= 0) throw Object.assign(new Error('ENOSPC: no bytes written'), { code: 'ENOSPC' });
    offset += written;
  }
}

function fdIsFileOrDevice(fd: number): boolean {
  try {
    // bigint: a plain fstatSync of a pipe here (Node 20.20) broke every module resolved after it
    // ("Cannot find module 'logform'" from winston): it shares the stat buffer module loading uses.
    const stats = fstatSync(fd, { bigint: true });
    return stats.isFile() || stats.isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * stdout for the bin. A file or (non-terminal) device is written synchronously, every byte; a pipe,
 * socket or terminal goes through `process.stdout`, whose asynchronous errors are recorded (never
 * unhandled) and thrown by the next write or by `drained()`.
 */
export function processStdout(locale: Locale): OutputStream & { lateError(): Error | undefined } {
  const stream = process.stdout;
  if (!stream.isTTY && fdIsFileOrDevice(1)) {
    return {
      isTTY: false,
      write(chunk) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        try {
          writeAllSync(1, bytes);
        } catch (error) {
          throw stdoutFailure(locale, error);
        }
        return true;
      },
      lateError: () => undefined,
    };
  }
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= stdoutFailure(locale, error);
  });
  return {
    isTTY: stream.isTTY === true,
    write(chunk) {
      if (failure) throw failure;
      return stream.write(chunk);
    },
    drained() {
      if (failure) return Promise.reject(failure);
      return new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          stream.off('error', onError);
          resolve();
        };
        const onError = () => {
          stream.off('drain', onDrain);
          reject(failure);
        };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    },
    lateError: () => failure,
  };
}

/**
 * Writes to a stream and, when it says it is full (`write` returned false), waits until it drains:
 * through its `drained()` when it has one, else its 'drain' event when it is an EventEmitter.
 */
export async function writeToStream(
  locale: Locale,
  stream: OutputStream,
  chunk: string | Uint8Array,
): Promise<void> {
  try {
    const accepted = stream.write(chunk);
    if (accepted !== false) return;
    if (stream.drained) {
      await stream.drained();
      return;
    }
    const emitter = stream as Partial<NodeJS.EventEmitter>;
    if (typeof emitter.once !== 'function' || typeof emitter.off !== 'function') return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        emitter.off!('error', onError);
        resolve();
      };
      const onError = (error: unknown) => {
        emitter.off!('drain', onDrain);
        reject(error);
      };
      emitter.once!('drain', onDrain);
      emitter.once!('error', onError);
    });
  } catch (error) {
    throw stdoutFailure(locale, error);
  }
}
