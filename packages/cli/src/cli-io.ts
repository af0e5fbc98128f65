/**
 * Where the CLI reads and writes: the real process by default, captured streams in tests and for
 * programs that embed the command.
 */
import { isAbsolute, relative } from 'node:path';
import type { Locale, Logger } from '@zhengban/core';
import { printableLines } from './printable.js';

/** The part of a writable stream the CLI uses. */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  /** True for a terminal: enables the progress bar and colour, forbids binary reports on stdout. */
  isTTY?: boolean;
  /**
   * After `write` returned false: resolves once the stream takes more (a Node stream's 'drain'),
   * rejects when it failed. Streams without it are waited for through their 'drain' event when they
   * are EventEmitters, else not at all.
   */
  drained?(): Promise<void>;
  /** A terminal's width in columns (Node sets it on a TTY); the console report fits it. */
  columns?: number;
}

export interface CliIo {
  /** Reports (one at most) and command output. */
  stdout: OutputStream;
  /** Progress, messages and errors. */
  stderr: OutputStream;
  /** Relative paths are resolved against it; default `process.cwd()`. */
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * Cancels a running audit or scan like Ctrl-C (exit 130). The bin wires SIGINT/SIGTERM to it;
   * an embedding program may pass its own.
   */
  signal?: AbortSignal;
}

/** What every command gets: the io, the locale, the logger and the global flags. */
export interface CliContext {
  io: CliIo;
  locale: Locale;
  logger: Logger;
  quiet: boolean;
  verbose: boolean;
}

export function defaultIo(partial: Partial<CliIo> = {}): CliIo {
  return {
    stdout: partial.stdout ?? process.stdout,
    stderr: partial.stderr ?? process.stderr,
    cwd: partial.cwd ?? process.cwd(),
    env: partial.env ?? process.env,
    ...(partial.signal ? { signal: partial.signal } : {}),
  };
}

/**
 * Writes one line to stderr (messages, never report content). Messages quote inputs (a CSV header,
 * a file name found in a folder), so control and bidi characters are shown escaped, never obeyed.
 */
export function say(ctx: CliContext, line: string): void {
  ctx.io.stderr.write(`${printableLines(line)}\n`);
}

/** Writes one line to stderr unless --quiet. */
export function note(ctx: CliContext, line: string): void {
  if (!ctx.quiet) say(ctx, line);
}

/** A path relative to the working folder when it is inside it, else as given. */
export function displayPath(ctx: CliContext, path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(ctx.io.cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
