/**
 * Running a local command for live scans: always `execFile` with an argument array, never a shell
 * string, so nothing in a value can be interpreted by a shell. Injectable, so live scanning is tested
 * with recorded outputs.
 */
import { execFile } from 'node:child_process';

export interface CommandResult {
  stdout: Uint8Array;
  /** 0 on success. */
  exitCode: number;
  stderr?: string;
}

/** Runs `file` with `args` and resolves with its output; must not reject for a non-zero exit. */
export type CommandRunner = (file: string, args: readonly string[]) => Promise<CommandResult>;

export const execFileRunner: CommandRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true, timeout: 10 * 60 * 1000 },
      (error, stdout, stderr) => {
        const code = (error as (NodeJS.ErrnoException & { code?: unknown }) | null)?.code;
        resolve({
          stdout: stdout ?? new Uint8Array(),
          stderr: stderr?.toString('utf8') ?? (error ? String(error.message) : ''),
          exitCode: error ? (typeof code === 'number' ? code : 127) : 0,
        });
      },
    );
  });
