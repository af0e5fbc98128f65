/**
 * `zhengban policy validate | show | init | packs`: check a policy (every problem with
 * file:line:col, exit 2 on any), print it resolved, write a starter one, list the built-in packs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatLocation, type Policy, type PolicyLintWorld, type UnitInfo, UsageError } from '@zhengban/core';
import { listPacks } from '@zhengban/rules';
import { stringify } from 'yaml';
import { OutputSet } from '../atomic-output.js';
import { type CliContext, displayPath, note, say } from '../cli-io.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit-codes.js';
import { msg } from '../messages.js';
import { choice } from '../option-values.js';
import { refuseOutputsOverInputs } from '../output-overlap.js';
import { loadPolicyFile, loadUnitsFile } from '../policy-files.js';
import { starterPolicy } from '../policy-template.js';
import { formatProblemLine, reportPolicyWarnings } from '../problem-lines.js';
import { resolveSources, scanHosts } from '../scan-sources.js';
import { formatTable } from '../text-table.js';
import { ownSections } from './policy-own.js';

export interface PolicyValidateOptions {
  units?: string;
  input?: string[];
}

/**
 * Loads and lints the policy; with `--units` / `--input` also against the units and hosts that
 * exist. Exit 0 when clean, 1 when it loads with warnings, 2 on errors.
 */
export async function policyValidateCommand(
  ctx: CliContext,
  file: string,
  options: PolicyValidateOptions = {},
): Promise<number> {
  const world = await knownWorld(ctx, options);
  const policy = loadPolicyFile(ctx, file, world);
  // Ledger sheet rows that could not be read do not stop the policy, but validating is for finding them.
  const sheetProblems = policy.problems ?? [];
  for (const problem of sheetProblems) say(ctx, formatProblemLine(ctx, problem));
  const warnings = policy.warnings ?? [];
  reportPolicyWarnings(ctx, warnings);
  const params = {
    file,
    count: warnings.length,
    name: policy.metadata.name,
    version: policy.metadata.version ?? '',
    products: policy.catalog.products.length,
    rules: policy.rules.length,
    entitlements: policy.entitlements.length,
    waivers: policy.waivers.length,
    sources: policy.sources.map((source) => displayPath(ctx, source)).join(' → '),
  };
  const summary = msg(ctx.locale, warnings.length > 0 ? 'policyValidWithWarnings' : 'policyValid', params);
  ctx.io.stdout.write(`${summary}\n`);
  // A draft's licence models are still to be decided: said every time, until they are.
  for (const product of policy.catalog.products) {
    if (product.license !== 'unreviewed') continue;
    const location = product.location;
    const where = location
      ? formatLocation({ ...location, file: displayPath(ctx, location.file ?? '') })
      : '';
    say(ctx, msg(ctx.locale, 'unreviewedLicense', { where, id: product.id, name: product.name }));
  }
  if (sheetProblems.some((problem) => problem.severity === 'error')) {
    say(ctx, msg(ctx.locale, 'policyValidLedgerProblems', { count: sheetProblems.length }));
    return EXIT_ERROR;
  }
  return warnings.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Units (with parents) from the units file and the inventories, and every host id and name. */
async function knownWorld(
  ctx: CliContext,
  options: PolicyValidateOptions,
): Promise<PolicyLintWorld | undefined> {
  const inputs = options.input ?? [];
  if (options.units === undefined && inputs.length === 0) return undefined;
  const units: Array<Pick<UnitInfo, 'name' | 'parent'>> = [];
  if (options.units !== undefined) {
    const unitsFile = await loadUnitsFile(ctx, options.units);
    for (const problem of unitsFile.problems) say(ctx, formatProblemLine(ctx, problem));
    units.push(...unitsFile.units);
  }
  const hosts = new Set<string>();
  if (inputs.length > 0) {
    const sources = await resolveSources(ctx, inputs);
    const seenUnits = new Set<string>();
    for await (const host of scanHosts(ctx, sources, () => undefined)) {
      hosts.add(host.id);
      if (host.hostname) hosts.add(host.hostname);
      if (host.unit && !seenUnits.has(host.unit)) {
        seenUnits.add(host.unit);
        units.push({ name: host.unit });
      }
    }
  }
  return { units, ...(inputs.length > 0 ? { hosts: [...hosts] } : {}) };
}

export function policyShowCommand(
  ctx: CliContext,
  file: string,
  options: { format?: string; own?: boolean },
): number {
  const format = choice(ctx.locale, '--format', options.format, ['yaml', 'json'] as const, 'yaml');
  const policy = loadPolicyFile(ctx, file);
  const shown = options.own
    ? ownSections(ctx, policy)
    : withoutLocations({
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
  return JSON.parse(
    JSON.stringify(policy, (key, value) =>
      key === 'location' || key === 'warnings' || key === 'overrides' ? undefined : value,
    ),
  );
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
  if (options.units !== undefined) {
    const units = { path: resolve(ctx.io.cwd, options.units), label: options.units };
    refuseOutputsOverInputs(ctx.locale, [{ path, label: options.out }], [units]);
  }
  if (existsSync(path) && !options.force) {
    throw new UsageError(msg(ctx.locale, 'outputExists', { path: options.out }));
  }
  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
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
