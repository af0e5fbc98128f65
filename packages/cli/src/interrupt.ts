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
 * Lets the event loop turn once (a signal arriving during synchronous work such as rendering a
 * report is only delivered then), and throws Interrupted when the run was aborted meanwhile.
 */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfInterrupted(signal);
}

/**
 * Iterates `source` but stops as soon as `signal` aborts, even when the source is stuck waiting
 * (a plugin that ignores its AbortSignal cannot hold the command hostage).
 */
export async function* untilInterrupted<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  throwIfInterrupted(signal);
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    while (true) {
      // A fresh abort promise per step, its listener removed after it: racing every step against
      // one long-lived promise would leave a reaction holding each step's value (every host
      // inventory of the run) on that promise until the end.
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(new Interrupted());
        signal.addEventListener('abort', onAbort, { once: true });
      });
      aborted.catch(() => undefined);
      let next: IteratorResult<T>;
      try {
        next = await Promise.race([iterator.next(), aborted]);
      } finally {
        if (onAbort) signal.removeEventListener('abort', onAbort);
      }
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
      throwIfInterrupted(signal);
    }
  } finally {
    // Not awaited: a stuck generator only settles once its pending step does.
    if (!finished) iterator.return?.()?.catch(() => undefined);
  }
}
