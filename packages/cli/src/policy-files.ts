/**
 * Loading the files an audit is judged by — the policy (with `builtin:` packs from @zhengban/rules)
 * and the units file — with a missing file named as such rather than as a read error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, loadPolicy, type Policy, type PolicyLintWorld } from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';
import { readUnitsFile } from '@zhengban/scanners';
import type { CliContext } from './cli-io.js';
import { msg } from './messages.js';

/**
 * The policy at `file` (relative to the working folder), `extends` resolved, linted against
 * `world` when given (units and hosts that exist). Throws PolicyError; warnings are in `warnings`.
 */
export function loadPolicyFile(ctx: CliContext, file: string, world?: PolicyLintWorld): Policy {
  const path = resolve(ctx.io.cwd, file);
  if (!existsSync(path)) {
    throw new InputError(msg(ctx.locale, 'policyMissing', { path: file }), { file, source: 'policy' });
  }
  return loadPolicy(path, { resolvers: [builtinResolver], ...(world ? { world } : {}) });
}

export type UnitsFile = Awaited<ReturnType<typeof readUnitsFile>>;

/** The units file (编制人数 per unit); its bad rows are problems, a missing file is an InputError. */
export async function loadUnitsFile(ctx: CliContext, file: string): Promise<UnitsFile> {
  const path = resolve(ctx.io.cwd, file);
  if (!existsSync(path)) {
    throw new InputError(msg(ctx.locale, 'unitsMissing', { path: file }), { file, source: 'units' });
  }
  const read = await readUnitsFile(path);
  // Inputs are labelled as the user wrote them, like `csv:inventory.csv`.
  return { ...read, summary: { ...read.summary, source: `units:${file}` } };
}
