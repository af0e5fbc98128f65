/**
 * Outputs must not land on inputs: `--input csv:a.csv --report csv:a.csv` would replace the
 * inventory with the report, `--report markdown:policy.yaml` the policy, and two reports to one
 * path would leave only the last. Checked before any scanning, so nothing is lost (exit 2).
 * Files are compared by identity (device and inode, so a symlink or a hard link to an input is
 * caught too), paths that do not exist yet by their resolved path; an output inside an input
 * folder is refused as well (the next scan of that folder would read the report as inventory).
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type Locale, UsageError } from '@zhengban/core';
import { followSymlink } from './atomic-output.js';
import { msg } from './messages.js';

export interface NamedPath {
  /** Absolute path. */
  path: string;
  /** As the user wrote it (for the message). */
  label: string;
}

function identity(path: string): { key: string; folder: boolean } | undefined {
  try {
    const stats = statSync(path, { bigint: true });
    return { key: `${stats.dev}:${stats.ino}`, folder: stats.isDirectory() };
  } catch {
    return undefined;
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function overlaps(output: string, input: string): boolean {
  const out = resolve(followSymlink(output));
  const inp = resolve(followSymlink(input));
  if (out === inp) return true;
  const outId = identity(out);
  const inId = identity(inp);
  if (outId && inId && outId.key === inId.key) return true;
  // A report written into a folder that is read as input, or a csv:DIR/ over input files.
  if (inId?.folder && isInside(inp, out)) return true;
  if (outId?.folder && isInside(out, inp)) return true;
  return false;
}

/** The inputs of an audit or scan that are files or folders: `--input` paths, policy files, units. */
export function inputPaths(
  sources: readonly { input: string; label: string }[],
  others: readonly (NamedPath | undefined)[] = [],
): NamedPath[] {
  const paths = sources
    .filter((source) => isAbsolute(source.input))
    .map((source) => ({ path: source.input, label: source.label }));
  return [...paths, ...others.filter((other): other is NamedPath => other !== undefined)];
}

/** Throws a UsageError when an output is an input or lies in an input folder, or two outputs meet. */
export function refuseOutputsOverInputs(
  locale: Locale,
  outputs: readonly NamedPath[],
  inputs: readonly NamedPath[],
): void {
  for (const output of outputs) {
    for (const input of inputs) {
      if (overlaps(output.path, input.path)) {
        throw new UsageError(msg(locale, 'outputOverInput', { output: output.label, input: input.label }));
      }
    }
  }
  for (let i = 0; i < outputs.length; i++) {
    for (let j = i + 1; j < outputs.length; j++) {
      if (overlaps(outputs[i]!.path, outputs[j]!.path)) {
        throw new UsageError(
          msg(locale, 'outputsCollide', { first: outputs[i]!.label, second: outputs[j]!.label }),
        );
      }
    }
  }
}
