/**
 * Ctrl-C / SIGTERM: the bin turns the signal into an AbortSignal; long work checks it and stops,
 * and the command unwinds (removing temp files) with exit code 130.
 */

/** Thrown when the run's signal is aborted; `run` turns it into exit code 130. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Interrupted();
}

/**
 * Iterates `source` but stops as soon as `signal` aborts, even when the source is stuck waiting
 * (a plugin that ignores its AbortSignal cannot hold the command hostage).
 */
export async function* untilInterrupted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  throwIfInterrupted(signal);
  const iterator = source[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Interrupted());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  let finished = false;
  try {
    while (true) {
      const next = await Promise.race([iterator.next(), aborted]);
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
      throwIfInterrupted(signal);
    }
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    // Not awaited: a stuck generator only settles once its pending step does.
    if (!finished) iterator.return?.()?.catch(() => undefined);
  }
}
