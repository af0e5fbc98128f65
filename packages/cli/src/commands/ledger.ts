/**
 * `zhengban ledger export`: the merged ledger (YAML `entitlements:` and `ledger:` sheets, every file
 * the policy extends) written back to an XLSX in the ledger sheet's own columns, so an office can
 * keep working in Excel and point `ledger:` at the file again.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ledgerRowLosses, UsageError } from '@zhengban/core';
import { renderLedgerWorkbook } from '@zhengban/reporters';
import { OutputSet, writeFileAtomic } from '../atomic-output.js';
import { type CliContext, displayPath, note, say } from '../cli-io.js';
import { EXIT_OK } from '../exit-codes.js';
import { msg } from '../messages.js';
import { isoDate } from '../option-values.js';
import { loadPolicyFile } from '../policy-files.js';
import { formatProblemLine } from '../problem-lines.js';

export interface LedgerExportOptions {
  policy?: string;
  out?: string;
  asOf?: string;
  force?: boolean;
}

/** Today as the machine's calendar says it, `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export async function ledgerExportCommand(ctx: CliContext, options: LedgerExportOptions): Promise<number> {
  if (options.policy === undefined) {
    throw new UsageError(msg(ctx.locale, 'missingMandatoryOption', { option: '--policy <file>' }));
  }
  if (options.out === undefined) {
    throw new UsageError(msg(ctx.locale, 'missingMandatoryOption', { option: '--out <file>' }));
  }
  if (!/\.xlsx$/i.test(options.out)) {
    throw new UsageError(msg(ctx.locale, 'ledgerExportNotXlsx', { path: options.out }));
  }
  const asOf = isoDate(ctx.locale, options.asOf);
  const policy = loadPolicyFile(ctx, options.policy);
  for (const problem of policy.problems ?? []) say(ctx, formatProblemLine(ctx, problem));
  const path = resolve(ctx.io.cwd, options.out);
  if (existsSync(path) && !options.force) {
    throw new UsageError(msg(ctx.locale, 'outputExists', { path: options.out }));
  }
  const bytes = await renderLedgerWorkbook(policy.entitlements, {
    policyName: policy.metadata.name,
    asOf: asOf ?? policy.settings.asOf ?? today(),
    locale: ctx.locale,
  });
  const outputs = new OutputSet(ctx.locale, ctx.io.signal);
  try {
    await writeFileAtomic(outputs, path, bytes);
  } finally {
    await outputs.discardAll();
  }
  for (const entitlement of policy.entitlements) {
    const losses = ledgerRowLosses(entitlement);
    if (losses.length > 0)
      say(ctx, msg(ctx.locale, 'ledgerExportLoss', { id: entitlement.id, keys: losses.join(', ') }));
  }
  note(
    ctx,
    msg(ctx.locale, 'ledgerExported', {
      path: displayPath(ctx, path),
      count: policy.entitlements.length,
    }),
  );
  return EXIT_OK;
}
