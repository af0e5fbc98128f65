/** Runs the CLI in-process with captured stdout/stderr. */
import { run } from '@zhengban/cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as raw bytes (binary reports). */
  stdoutBytes: Buffer;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  /** The terminal's width on a TTY stdout. */
  stdoutColumns?: number;
  stderrIsTTY?: boolean;
  signal?: AbortSignal;
}

function capture(isTTY: boolean, columns?: number) {
  const chunks: Buffer[] = [];
  return {
    chunks,
    stream: {
      isTTY,
      ...(columns === undefined ? {} : { columns }),
      write(chunk: string | Uint8Array) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
        return true;
      },
    },
  };
}

export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const out = capture(options.stdoutIsTTY ?? false, options.stdoutColumns);
  const err = capture(options.stderrIsTTY ?? false);
  const code = await run(argv, {
    stdout: out.stream,
    stderr: err.stream,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { ZHENGBAN_LOG: 'silent' },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const stdoutBytes = Buffer.concat(out.chunks);
  return {
    code,
    stdout: stdoutBytes.toString('utf8'),
    stderr: Buffer.concat(err.chunks).toString('utf8'),
    stdoutBytes,
  };
}
