/** Problems: every bad row, bad policy key and plugin failure, in one shape. */
import type { LocalText, ProblemParams, SourceLocation } from './common.js';

export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * One diagnostic shape for everything that goes wrong with input (after vfile-message):
 * a policy key at file:line:column, an unreadable CSV row, a scanner plugin that threw.
 */
export interface Problem extends SourceLocation {
  /** A plain sentence a non-programmer can act on. */
  message: string;
  severity: ProblemSeverity;
  /** Stable machine id, e.g. `policy.unknown-key`, `csv.column-count`, `plugin.failed`. */
  code: string;
  /**
   * The values the message was made from (a key name, a line count, …), so that `problemText`
   * words it from the zh-CN/en catalogue by `code`; `message` stays the English text. A value that
   * is itself words is given in both languages.
   */
  params?: ProblemParams;
  /** Who reported it: `policy`, a scanner name, a reporter name, `engine`. */
  source: string;
  /** The offending text, shortened, when it helps. */
  excerpt?: string;
  /** True when the problem stopped the whole input (not just one row). */
  fatal?: boolean;
  /**
   * The message in both locales, when whoever reported it wrote both (the policy linter does);
   * `message` is then the English text. Reporters and the CLI show the reader's locale.
   */
  text?: LocalText;
  /**
   * True when one file of a folder input could not be read at all (the other files were): the
   * audit says so in its exit code (docs/cli.md#exit-codes).
   */
  fileFailed?: boolean;
}
