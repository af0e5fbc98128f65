/**
 * The ReporterContext a reporter renders with. The CLI builds one per run; library users call
 * `createReporterContext(report)` and get zh-CN, no colour and no logging.
 */
import type { ComplianceReport, Locale, Logger, ReporterContext, RuleMeta } from '@zhengban/core';
import { silentLogger } from '@zhengban/core';

export interface ReporterContextOptions {
  /** Default zh-CN. */
  locale?: Locale;
  /** Colour in console output; the CLI passes `stdout.isTTY && !NO_COLOR`. Default false. */
  color?: boolean;
  logger?: Logger;
  /** Reporter-specific options (e.g. `{ table: 'findings' }` for csv). */
  options?: Record<string, unknown>;
  /** Extra or overriding rule descriptions; the report's own `rules` come first. */
  rulesMeta?: Record<string, RuleMeta>;
  /** Ctrl-C for a long render (ReporterContext.signal). */
  signal?: AbortSignal;
}

/** Rule descriptions by id: the report's `rules`, then `extra` over them. Keyed data from input,
 * so the map has no prototype. */
export function rulesMetaOf(
  report: ComplianceReport,
  extra?: Record<string, RuleMeta>,
): Record<string, RuleMeta> {
  const meta: Record<string, RuleMeta> = Object.create(null);
  for (const rule of report.rules) meta[rule.id] = rule;
  if (extra) for (const id of Object.keys(extra)) meta[id] = extra[id]!;
  return meta;
}

export function createReporterContext(
  report: ComplianceReport,
  options: ReporterContextOptions = {},
): ReporterContext {
  return {
    locale: options.locale ?? 'zh-CN',
    color: options.color ?? false,
    logger: options.logger ?? silentLogger,
    options: options.options ?? {},
    rulesMeta: rulesMetaOf(report, options.rulesMeta),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
