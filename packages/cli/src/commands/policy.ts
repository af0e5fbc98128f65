/**
 * `zhengban policy validate | show | init | packs`: check a policy (every problem with
 * file:line:col, exit 2 on any), print it resolved, write a starter one, list the built-in packs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { editionRestrictionProblems, type Policy, UsageError } from '@zhengban/core';
import { listPacks } from '@zhengban/rules';
import { stringify } from 'yaml';
import { OutputSet } from '../atomic-output.js';
import { type CliContext, displayPath, note, say } from '../cli-io.js';
import { EXIT_OK } from '../exit-codes.js';
import { msg } from '../messages.js';
import { choice } from '../option-values.js';
import { loadPolicyFile, loadUnitsFile } from '../policy-files.js';
import { starterPolicy } from '../policy-template.js';
import { formatProblemLine } from '../problem-lines.js';
import { formatTable } from '../text-table.js';

export function policyValidateCommand(ctx: CliContext, file: string): number {
  const policy = loadPolicyFile(ctx, file);
  ctx.io.stdout.write(
    `${msg(ctx.locale, 'policyValid', {
      file,
      name: policy.metadata.name,
      version: policy.metadata.version ?? '',
      products: policy.catalog.products.length,
      rules: policy.rules.length,
      entitlements: policy.entitlements.length,
      waivers: policy.waivers.length,
      sources: policy.sources.map((source) => displayPath(ctx, source)).join(' → '),
    })}\n`,
  );
  // Valid, but an edition restriction that can never match covers or refuses nothing: said, located.
  for (const problem of editionRestrictionProblems(policy)) say(ctx, formatProblemLine(ctx, problem));
  return EXIT_OK;
}

export function policyShowCommand(ctx: CliContext, file: string, options: { format?: string }): number {
  const format = choice(ctx.locale, '--format', options.format, ['yaml', 'json'] as const, 'yaml');
  const policy = loadPolicyFile(ctx, file);
  const shown = withoutLocations({
    ...policy,
    sources: policy.sources.map((source) => displayPath(ctx, source)),
  });
  ctx.io.stdout.write(
    format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : stringify(shown, { lineWidth: 0 }),
  );
  return EXIT_OK;
}

/** The policy as a reader wants it: `location` fields (file:line of every item) left out. */
function withoutLocations(policy: Policy): unknown {
  return JSON.parse(JSON.stringify(policy, (key, value) => (key === 'location' ? undefined : value)));
}

export interface PolicyInitOptions {
  units?: string;
  out?: string;
  name?: string;
  force?: boolean;
}

export async function policyInitCommand(ctx: CliContext, options: PolicyInitOptions): Promise<number> {
  const unitsFile = options.units === undefined ? undefined : await loadUnitsFile(ctx, options.units);
  for (const problem of unitsFile?.problems ?? []) say(ctx, formatProblemLine(ctx, problem));
  const text = starterPolicy({
    name: options.name ?? 'agency-policy',
    units: unitsFile?.units ?? [],
    locale: ctx.locale,
  });
  if (options.out === undefined || options.out === '-') {
    ctx.io.stdout.write(text);
    return EXIT_OK;
  }
  const path = resolve(ctx.io.cwd, options.out);
  if (existsSync(path) && !options.force) {
    throw new UsageError(msg(ctx.locale, 'outputExists', { path: options.out }));
  }
  const outputs = new OutputSet(ctx.locale);
  try {
    const file = await outputs.prepareFile(path);
    await file.commit(text);
  } finally {
    await outputs.discardAll();
  }
  const units = unitsFile?.units.length ?? 0;
  note(ctx, msg(ctx.locale, 'policyInitWritten', { path: displayPath(ctx, path), units }));
  return EXIT_OK;
}

export function policyPacksCommand(ctx: CliContext): number {
  const packs = listPacks();
  if (packs.length === 0) {
    say(ctx, msg(ctx.locale, 'noPacks'));
    return EXIT_OK;
  }
  ctx.io.stdout.write(
    formatTable(packs.map((pack) => [`builtin:${pack.name}`, pack.kind, pack.description])),
  );
  return EXIT_OK;
}
