/**
 * The `--input KIND:PATH` list: parsed and resolved to scanners before any work starts (so a typo
 * or a missing file is a usage error at once), then scanned one after the other with progress,
 * problems counted per input, and Ctrl-C honoured between and inside inputs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type HostInventory,
  InputError,
  type InputSummary,
  type Problem,
  problemText,
  runScanner,
  type Scanner,
  UsageError,
} from '@zhengban/core';
import type { CliContext } from './cli-io.js';
import { builtinScanner, type SourceOptions, splitInputQuery } from './input-options.js';
import { throwIfInterrupted, untilInterrupted } from './interrupt.js';
import { msg } from './messages.js';
import { isBuiltinScanner, loadScanner } from './plugin-loader.js';
import { splitPluginSpec } from './plugin-spec.js';
import { createScanProgress } from './scan-progress.js';

export interface ScanSource {
  scanner: Scanner;
  /** What the scanner reads: an absolute path, `local`, or the text a custom scanner understands. */
  input: string;
  /** `KIND:PATH` as the user wrote it, shown in the report's inputs. */
  label: string;
}

/** Resolves every `--input` spec; throws UsageError / InputError naming the bad one. */
export async function resolveSources(
  ctx: CliContext,
  specs: readonly string[],
  options: SourceOptions = {},
): Promise<ScanSource[]> {
  if (specs.length === 0) throw new UsageError(msg(ctx.locale, 'needInput'));
  const sources: ScanSource[] = [];
  for (const raw of specs) {
    const spec = splitPluginSpec(raw);
    if (spec.target === undefined || spec.target === '' || spec.kind === '') {
      throw new UsageError(msg(ctx.locale, 'badInputSpec', { spec: raw }));
    }
    const builtin = isBuiltinScanner(spec.kind);
    const { target, query } = builtin
      ? splitInputQuery(spec.target, ctx.io.cwd)
      : { target: spec.target, query: '' };
    const scanner = builtin
      ? builtinScanner(ctx, spec.kind, raw, query, options)
      : await loadScanner(spec.kind, ctx.io.cwd, ctx.locale);
    let input = target;
    if (input !== 'local' && (builtin || isPathLike(input))) {
      input = resolve(ctx.io.cwd, input);
      if (builtin && !existsSync(input)) {
        throw new InputError(msg(ctx.locale, 'inputMissing', { path: target }), { file: target });
      }
    }
    sources.push({ scanner, input, label: raw });
  }
  return sources;
}

/** Custom scanners get a resolved path when the input looks like one, else the text as written. */
function isPathLike(input: string): boolean {
  return /^(?:\.{1,2}[\\/]|[\\/]|[A-Za-z]:[\\/])/.test(input) || /\.[A-Za-z0-9]{1,5}$/.test(input);
}

/** Called once per input after it is fully read, before the next input starts. */
export type InputDone = (summary: InputSummary, problems: Problem[]) => unknown;

/**
 * Every host of every source, in order, with progress on stderr. An input that yields no computer
 * and fails (a fatal problem, or only rejected records) is an InputError: the run stops with exit 2
 * and names the input. Ctrl-C (the io signal) stops it with Interrupted.
 */
export async function* scanHosts(
  ctx: CliContext,
  sources: readonly ScanSource[],
  onInput: InputDone,
  /** Puts a host in its unit (the hosts file) before it goes on. */
  assignUnit?: (host: HostInventory) => void,
): AsyncGenerator<HostInventory> {
  const signal = ctx.io.signal ?? new AbortController().signal;
  const progress = createScanProgress(ctx, sources.length);
  try {
    for (const source of sources) {
      throwIfInterrupted(signal);
      progress.startInput(source.label);
      const run = runScanner(source.scanner, source.input, {
        label: source.label,
        logger: ctx.logger,
        signal,
      });
      for await (const host of untilInterrupted(run.hosts, signal)) {
        progress.host(host.software.length);
        assignUnit?.(host);
        yield host;
      }
      throwIfInterrupted(signal);
      progress.finishInput(run.summary);
      failIfUnreadable(ctx, run.summary, run.problems);
      await onInput(run.summary, run.problems);
    }
  } finally {
    progress.stop();
  }
}

function failIfUnreadable(ctx: CliContext, summary: InputSummary, problems: readonly Problem[]): void {
  if (summary.hosts > 0) return;
  const fatal = problems.find((problem) => problem.fatal);
  const onlyRejected = summary.accepted === 0 && summary.rejected > 0;
  if (!fatal && !onlyRejected) return;
  const first = fatal ?? problems.find((problem) => problem.severity === 'error') ?? problems[0];
  const message = msg(ctx.locale, 'inputUnreadable', {
    source: summary.source,
    message: first ? problemText(first, ctx.locale) : '',
  });
  // The scanner's message already names the file and line; the error is not located again.
  throw new InputError(message, {
    file: first?.file ?? summary.source,
    source: first?.source ?? summary.scanner,
  });
}
