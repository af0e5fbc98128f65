/**
 * A render of a large report (xlsx, html: seconds of synchronous work) lets the event loop turn
 * between its steps, so a Ctrl-C or SIGTERM is delivered while it runs, and stops at the next step
 * once `ctx.signal` is aborted. The loop turns at most every few tens of milliseconds, so a render
 * is not slowed by it, and the output does not depend on it.
 */

/** Work between two turns of the event loop; a signal is heard within about this long. */
const TURN_EVERY_MS = 50;

/** A function to await between steps: it turns the loop when due and throws once `signal` aborted. */
export function renderSteps(signal: AbortSignal | undefined): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (signal === undefined || performance.now() - last < TURN_EVERY_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
    signal.throwIfAborted();
  };
}
