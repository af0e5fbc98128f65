/**
 * The public plugin contracts (after Rollup plugins and ESLint formatters): a plugin is a plain typed
 * object with a required `name`; factories take options and return one; `defineScanner` and
 * `defineReporter` exist only for type inference.
 */
import type { Logger } from './logger.js';
import type { ComplianceReport, Finding, HostInventory, Locale, Problem, RuleMeta } from './model.js';

/** A problem as a plugin reports it; `source` defaults to the plugin's name. */
export type ProblemInput = Omit<Problem, 'source' | 'severity'> & {
  source?: string;
  severity?: Problem['severity'];
};

export interface ScanContext {
  logger: Logger;
  /** Aborted on Ctrl-C or by the caller: stop yielding and return. */
  signal: AbortSignal;
  /**
   * Report a record that could not be read, with its location; the scan goes on. Counted as
   * `rejected` unless `severity` is `info` or `warning` and `rejects: false` is given.
   */
  problem(problem: ProblemInput & { rejects?: boolean }): void;
  /**
   * Count records that were read correctly but are not installed products (updates, system
   * components, merged twins), so that `read = accepted + rejected` holds.
   */
  ignore(count?: number, reason?: string): void;
}

/**
 * A scanner reads one input (a file, a folder, `local` for this machine, or anything the plugin
 * understands) and yields one HostInventory per computer, as it goes.
 */
export interface Scanner {
  name: string;
  /** One line for `--help` and error messages. */
  description?: string;
  scan(input: string, ctx: ScanContext): AsyncIterable<HostInventory>;
}

export interface ReporterContext {
  locale: Locale;
  /** Descriptions of every rule in the report, by id, so reporters never import rules. */
  rulesMeta: Record<string, RuleMeta>;
  /** Colour output allowed (console: TTY and no NO_COLOR). */
  color: boolean;
  logger: Logger;
  /** Reporter-specific options (e.g. csv `table: findings`). */
  options: Record<string, unknown>;
  /**
   * Aborted on Ctrl-C / SIGTERM: a render that takes seconds lets the event loop turn now and then
   * and stops (throws) once it is aborted, so the run ends at once instead of after the render.
   */
  signal?: AbortSignal;
}

/**
 * A reporter turns a report into text or bytes. It is pure: the caller decides where they go.
 */
export interface Reporter {
  name: string;
  /** File extension without a dot (`html`, `xlsx`), used for default file names. */
  extension: string;
  /** True when the output is bytes (xlsx) and must not go to a terminal. */
  binary?: boolean;
  render(report: ComplianceReport, ctx: ReporterContext): string | Uint8Array | Promise<string | Uint8Array>;
  /**
   * Optional: the same output written piece by piece while the findings stream out of the auditor
   * (`auditor.finishStream()`), for reports too large to hold. `report.findings` is empty; the
   * writer gets the findings group by group, in report order. The text of `start()` + every
   * `findings()` + `end()` must equal `render()` of the whole report. The CLI uses it when every
   * report asked for has it; otherwise it collects the findings and calls `render`.
   */
  stream?(report: ComplianceReport, ctx: ReporterContext): ReportWriter;
}

/** A reporter's streaming form (see Reporter.stream). Each method returns the text to append. */
export interface ReportWriter {
  /** Everything before the first finding. */
  start(): string;
  /** One group of findings (a unit's, a host's, the fleet's), in report order. */
  findings(group: readonly Finding[]): string;
  /** Everything after the last finding; `report.rules` and `report.stats` are final by now. */
  end(): string;
}

export function defineScanner<T extends Scanner>(scanner: T): T {
  return scanner;
}

export function defineReporter<T extends Reporter>(reporter: T): T {
  return reporter;
}

/**
 * A source of policy files for `extends` entries with a scheme, e.g. `builtin:cn-gov-baseline`.
 * @zhengban/rules provides the `builtin` one; core imports no package of ours.
 */
export interface PolicySourceResolver {
  scheme: string;
  /** The file's text and a display name for error locations, or undefined if unknown. */
  read(name: string): { filename: string; text: string } | undefined;
  /** Names available, for "did you mean" and `policy list`. */
  list?(): string[];
}
