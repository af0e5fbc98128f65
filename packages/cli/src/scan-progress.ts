/**
 * Progress of a scan on stderr: a cli-progress bar on a terminal (inputs done, computers scanned,
 * records per second), one plain line per finished input otherwise, nothing with --quiet.
 */
import type { InputSummary } from '@zhengban/core';
import cliProgress from 'cli-progress';
import { type CliContext, note } from './cli-io.js';
import { msg } from './messages.js';
import { printable } from './printable.js';

export interface ScanProgress {
  startInput(label: string): void;
  host(records: number): void;
  finishInput(summary: InputSummary): void;
  stop(): void;
}

export function createScanProgress(ctx: CliContext, inputs: number): ScanProgress {
  if (ctx.quiet) return { startInput() {}, host() {}, finishInput() {}, stop() {} };
  if (ctx.io.stderr.isTTY && !ctx.io.env.CI) return barProgress(ctx, inputs);
  return {
    startInput() {},
    host() {},
    finishInput(summary) {
      note(ctx, msg(ctx.locale, 'inputDone', inputCounts(summary)));
    },
    stop() {},
  };
}

export function inputCounts(summary: InputSummary): Record<string, string | number> {
  return {
    source: summary.source,
    hosts: summary.hosts,
    read: summary.read,
    accepted: summary.accepted,
    rejected: summary.rejected,
    ignored: summary.ignored,
  };
}

function barProgress(ctx: CliContext, inputs: number): ScanProgress {
  const bar = new cliProgress.SingleBar({
    format: msg(ctx.locale, 'progressFormat'),
    stream: ctx.io.stderr as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
    fps: 8,
    barsize: 20,
  });
  const started = Date.now();
  let hosts = 0;
  let records = 0;
  let done = 0;
  const finished: InputSummary[] = [];
  const payload = (label: string) => ({
    hosts,
    label,
    speed: Math.round(records / Math.max((Date.now() - started) / 1000, 0.001)),
  });
  let label = '';
  bar.start(inputs, 0, payload(label));
  return {
    startInput(next) {
      label = printable(next);
      bar.update(done, payload(label));
    },
    host(count) {
      hosts++;
      records += count;
      bar.update(done, payload(label));
    },
    finishInput(summary) {
      done++;
      finished.push(summary);
      bar.update(done, payload(label));
    },
    stop() {
      bar.stop();
      // The bar clears itself; what each input gave stays on screen.
      for (const summary of finished) note(ctx, msg(ctx.locale, 'inputDone', inputCounts(summary)));
      finished.length = 0;
    },
  };
}
