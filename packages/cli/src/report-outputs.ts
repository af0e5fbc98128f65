/**
 * The `--report FORMAT[:PATH]` list: resolved and checked before any scanning (unknown format, two
 * reports on stdout, a binary report on a terminal, an unwritable path), then rendered and written
 * atomically once the audit is done. `csv:DIR/` writes every csv table into DIR.
 */

import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type ComplianceReport,
  type Finding,
  type Reporter,
  type ReporterContext,
  type ReportWriter,
  type StreamedReport,
  UsageError,
} from '@zhengban/core';
import { createReporterContext, csvTableWriters, renderCsvTables } from '@zhengban/reporters';
import type { OutputSet, PendingFile } from './atomic-output.js';
import { BufferedSink } from './buffered-sink.js';
import { type CliContext, displayPath, note } from './cli-io.js';
import { checkpoint, throwIfInterrupted } from './interrupt.js';
import { msg } from './messages.js';
import { loadReporter } from './plugin-loader.js';
import { isFolderTarget, splitPluginSpec } from './plugin-spec.js';
import { writeSplitReports } from './split-outputs.js';
import { writeToStream } from './stdout-stream.js';

type Target = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'folder'; path: string };

interface PlannedReport {
  raw: string;
  format: string;
  reporter: Reporter;
  target: Target;
  file?: PendingFile;
}

export interface OutputOptions {
  /** `--split unit`: reports given with a folder path are written one per unit (split-outputs.ts). */
  splitByUnit?: boolean;
}

export class ReportOutputs {
  private constructor(
    private readonly ctx: CliContext,
    private readonly planned: PlannedReport[],
    private readonly options: OutputOptions,
  ) {}

  /** Resolves the reporters and checks the targets; nothing is created yet. */
  static async plan(
    ctx: CliContext,
    specs: readonly string[],
    options: OutputOptions = {},
  ): Promise<ReportOutputs> {
    const planned: PlannedReport[] = [];
    for (const raw of specs.length > 0 ? specs : ['console']) {
      const spec = splitPluginSpec(raw);
      if (spec.kind === '') throw new UsageError(msg(ctx.locale, 'badReportSpec', { spec: raw }));
      const reporter = await loadReporter(spec.kind, ctx.io.cwd, ctx.locale);
      planned.push({ raw, format: spec.kind, reporter, target: targetOf(ctx, spec.target) });
    }
    const toStdout = planned.filter((report) => report.target.kind === 'stdout');
    if (toStdout.length > 1) {
      const formats = toStdout.map((report) => report.format).join(', ');
      throw new UsageError(msg(ctx.locale, 'twoStdoutReports', { formats }));
    }
    for (const report of planned) {
      if (report.target.kind === 'stdout' && report.reporter.binary && ctx.io.stdout.isTTY) {
        throw new UsageError(msg(ctx.locale, 'binaryToTty', { format: report.format }));
      }
      if (report.target.kind === 'folder' && report.reporter.name !== 'csv' && !options.splitByUnit) {
        throw new UsageError(msg(ctx.locale, 'csvDirOnlyCsv', { spec: report.raw }));
      }
    }
    if (options.splitByUnit && !planned.some((report) => report.target.kind === 'folder'))
      throw new UsageError(msg(ctx.locale, 'splitNeedsFolder'));
    return new ReportOutputs(ctx, planned, options);
  }

  /** Every report path (files and csv folders), for the outputs-over-inputs check. */
  get paths(): { path: string; label: string }[] {
    return this.planned.flatMap((report) =>
      report.target.kind === 'stdout' ? [] : [{ path: report.target.path, label: report.raw }],
    );
  }

  /** Creates folders and opens every temp file: an unwritable path fails here, before scanning. */
  async prepare(outputs: OutputSet): Promise<void> {
    for (const report of this.planned) {
      if (report.target.kind === 'file') report.file = await outputs.prepareFile(report.target.path);
      else if (report.target.kind === 'folder') await outputs.prepareFolder(report.target.path);
    }
  }

  /**
   * Writes every report from an audit whose findings are still to come. When every report asked for
   * can stream (Reporter.stream: json), each finding group goes to every output as it is produced and
   * nothing holds all findings; otherwise the findings are collected and `write` renders them.
   * `onFindings` sees every group (the exit code is counted from it).
   */
  async writeStreamed(
    streamed: StreamedReport,
    outputs: OutputSet,
    onFindings: (group: readonly Finding[]) => void,
  ): Promise<void> {
    const { report } = streamed;
    const signal = this.ctx.io.signal;
    // A report split by unit needs every finding at once; so does any reporter that cannot stream.
    if (this.options.splitByUnit || !this.planned.every((planned) => planned.reporter.stream)) {
      const all: Finding[] = [];
      for await (const group of streamed.findings) {
        throwIfInterrupted(signal);
        onFindings(group);
        for (const finding of group) all.push(finding);
      }
      report.findings = all;
      await this.write(report, outputs);
      return;
    }
    const sinks: StreamSink[] = [];
    for (const planned of this.planned) {
      const ctx = this.reporterContext(report, planned);
      if (planned.target.kind === 'folder') {
        // `csv:DIR/`: every table its own file, each written as it streams.
        for (const [name, writer] of Object.entries(csvTableWriters(report, ctx))) {
          const file = await outputs.prepareFile(join(planned.target.path, name));
          sinks.push({ writer, file, out: new BufferedSink(file) });
        }
        continue;
      }
      const writer = planned.reporter.stream!(report, ctx);
      const file = planned.target.kind === 'file' ? planned.file : undefined;
      const stdout = (bytes: Uint8Array) => writeToStream(this.ctx.locale, this.ctx.io.stdout, bytes);
      sinks.push({ writer, file, out: new BufferedSink(file ?? stdout) });
    }
    for (const sink of sinks) await sink.out.add(sink.writer.start());
    for await (const group of streamed.findings) {
      throwIfInterrupted(signal);
      onFindings(group);
      for (const sink of sinks) await sink.out.add(sink.writer.findings(group));
    }
    for (const sink of sinks) await sink.out.add(sink.writer.end());
    for (const sink of sinks) {
      await sink.out.drain();
      await sink.file?.commit();
    }
    for (const planned of this.planned) {
      if (planned.target.kind === 'stdout') continue;
      note(this.ctx, msg(this.ctx.locale, 'wrote', { path: displayPath(this.ctx, planned.target.path) }));
    }
  }

  private reporterContext(report: ComplianceReport, planned: PlannedReport) {
    const toStdout = planned.target.kind === 'stdout';
    return createReporterContext(report, {
      locale: this.ctx.locale,
      color: toStdout && useColor(this.ctx),
      logger: this.ctx.logger,
      options: toStdout ? terminalColumns(this.ctx) : {},
      ...(this.ctx.io.signal ? { signal: this.ctx.io.signal } : {}),
    });
  }

  /** Renders every report; files are committed (renamed into place), then stdout is written. */
  async write(report: ComplianceReport, outputs: OutputSet): Promise<void> {
    const { ctx } = this;
    const signal = ctx.io.signal;
    let stdoutContent: string | Uint8Array | undefined;
    /** Rendered files, put in place only once every report is rendered (all or none on Ctrl-C). */
    const rendered: { file: PendingFile; content: string | Uint8Array }[] = [];
    const wrote: string[] = [];
    // A render may take seconds of synchronous work at a large fleet: a signal that arrived
    // meanwhile is looked at after every render step, before anything is put in place.
    for (const planned of this.planned) {
      await checkpoint(signal);
      const reporterCtx = this.reporterContext(report, planned);
      if (planned.target.kind === 'folder' && this.options.splitByUnit) {
        const folder = planned.target.path;
        const target = { folder, reporter: planned.reporter, ctx: reporterCtx, signal: ctx.io.signal };
        const count = await writeSplitReports(report, target, outputs);
        note(ctx, msg(ctx.locale, 'wroteSplit', { count, path: displayPath(ctx, folder) }));
        continue;
      }
      if (planned.target.kind === 'folder') {
        const folder = planned.target.path;
        const tables = await renderCsvTables(report, reporterCtx);
        for (const [name, content] of Object.entries(tables)) {
          rendered.push({ file: await outputs.prepareFile(join(folder, name)), content });
        }
        wrote.push(folder);
        continue;
      }
      const content = await renderHeard(planned.reporter, report, reporterCtx);
      if (planned.target.kind === 'stdout') stdoutContent = content;
      else {
        rendered.push({ file: planned.file!, content });
        wrote.push(planned.target.path);
      }
    }
    await checkpoint(signal);
    for (const { file, content } of rendered) await file.commit(content);
    for (const path of wrote) note(ctx, msg(ctx.locale, 'wrote', { path: displayPath(ctx, path) }));
    if (stdoutContent !== undefined) await writeToStream(ctx.locale, ctx.io.stdout, stdoutContent);
  }
}

interface StreamSink {
  writer: ReportWriter;
  /** The atomic temp file, committed at the end; undefined for stdout. */
  file: PendingFile | undefined;
  out: BufferedSink;
}

function targetOf(ctx: CliContext, target: string | undefined): Target {
  if (target === undefined || target === '' || target === '-') return { kind: 'stdout' };
  const path = resolve(ctx.io.cwd, target);
  if (isFolderTarget(target) || isExistingFolder(path)) return { kind: 'folder', path };
  return { kind: 'file', path };
}

function isExistingFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The width the console report fits: the terminal's columns, else `COLUMNS`, else none (the
 * reporter then assumes 80).
 */
function terminalColumns(ctx: CliContext): { columns?: number } {
  const { stdout, env } = ctx.io;
  if (stdout.isTTY && typeof stdout.columns === 'number' && stdout.columns > 0)
    return { columns: stdout.columns };
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? { columns: fromEnv } : {};
}

/** Colour on stdout: a terminal, unless NO_COLOR; FORCE_COLOR turns it on anywhere. */
function useColor(ctx: CliContext): boolean {
  const { env, stdout } = ctx.io;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stdout.isTTY === true;
}

/**
 * A render that stopped because the run was interrupted (it saw ctx.signal aborted, and threw
 * whatever it threw) is an interrupt (exit 130), not a reporter's failure.
 */
async function renderHeard(
  reporter: Reporter,
  report: ComplianceReport,
  ctx: ReporterContext,
): Promise<string | Uint8Array> {
  try {
    return await reporter.render(report, ctx);
  } catch (error) {
    throwIfInterrupted(ctx.signal);
    throw error;
  }
}
