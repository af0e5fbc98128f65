/**
 * Runs one scanner over one input (after Rollup's PluginDriver): builds the ScanContext, counts
 * what was read, and turns a plugin that throws into a located problem naming the plugin, so the
 * rest of the audit goes on.
 */
import { ZhengbanError } from './errors.js';
import { type Logger, silentLogger } from './logger.js';
import type { HostInventory, InputSummary, Problem } from './model.js';
import type { ProblemInput, ScanContext, Scanner } from './plugins.js';

export interface ScanRun {
  /** The hosts, as the scanner yields them. */
  hosts: AsyncIterable<HostInventory>;
  /** Final counts; complete once `hosts` has been iterated to the end. */
  summary: InputSummary;
  /** Problems reported so far (rows rejected, plugin failures). */
  problems: Problem[];
}

export interface ScanRunOptions {
  /** Label for the input in the report, e.g. `csv:inventory.csv`; default `name:input`. */
  label?: string;
  logger?: Logger;
  signal?: AbortSignal;
  /** Called for every problem as it happens (progress display, streaming logs). */
  onProblem?: (problem: Problem) => void;
  /** Keep at most this many problems in memory per input (counts stay exact); default 10 000. */
  maxProblems?: number;
}

/** Runs `scanner.scan(input)` with counting and error capture. Iterate `hosts` once. */
export function runScanner(scanner: Scanner, input: string, options: ScanRunOptions = {}): ScanRun {
  const summary: InputSummary = {
    source: options.label ?? `${scanner.name}:${input}`,
    scanner: scanner.name,
    hosts: 0,
    read: 0,
    accepted: 0,
    rejected: 0,
    ignored: 0,
  };
  const problems: Problem[] = [];
  const maxProblems = options.maxProblems ?? 10_000;
  let dropped = 0;
  const logger = options.logger ?? silentLogger;

  const record = (problem: Problem): void => {
    options.onProblem?.(problem);
    if (problems.length < maxProblems) problems.push(problem);
    else dropped++;
  };

  const ctx: ScanContext = {
    logger,
    signal: options.signal ?? new AbortController().signal,
    problem(input: ProblemInput & { rejects?: boolean }) {
      const { rejects, ...rest } = input;
      const problem: Problem = {
        ...rest,
        severity: rest.severity ?? 'error',
        source: rest.source ?? scanner.name,
      };
      const counts = rejects ?? problem.severity === 'error';
      if (counts) {
        summary.rejected++;
        summary.read++;
      }
      record(problem);
    },
    ignore(count = 1) {
      summary.ignored += count;
      summary.accepted += count;
      summary.read += count;
    },
  };

  async function* hosts(): AsyncGenerator<HostInventory> {
    try {
      for await (const host of scanner.scan(input, ctx)) {
        summary.hosts++;
        summary.accepted += host.software.length;
        summary.read += host.software.length;
        yield host;
        if (ctx.signal.aborted) break;
      }
    } catch (error) {
      if (ctx.signal.aborted && isAbortError(error)) return;
      record(pluginFailure(scanner.name, input, error));
    } finally {
      if (dropped > 0) {
        problems.push({
          message: `${dropped} more problems in this input were counted but not listed`,
          severity: 'info',
          code: 'input.problems-truncated',
          params: { count: dropped },
          source: scanner.name,
        });
      }
    }
  }

  return { hosts: hosts(), summary, problems };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'ABORT_ERR');
}

/** A thrown error as a problem: our own errors keep their locations, others name the plugin. */
export function pluginFailure(plugin: string, input: string, error: unknown): Problem {
  if (error instanceof ZhengbanError && error.problems.length > 0) {
    const first = error.problems[0]!;
    return { ...first, source: first.source === 'input' ? plugin : first.source, fatal: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `scanner "${plugin}" failed on ${input}: ${message}`,
    severity: 'error',
    code: 'plugin.failed',
    params: { plugin, input, reason: message },
    source: plugin,
    file: input,
    fatal: true,
  };
}
