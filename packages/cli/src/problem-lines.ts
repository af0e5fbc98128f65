/**
 * How problems and errors look on stderr: `file:line:col  message`, paths relative to the working
 * folder, one line per problem; a stack trace only with --verbose.
 */
import {
  formatLocation,
  InputError,
  PolicyError,
  type Problem,
  problemText,
  UsageError,
  ZhengbanError,
} from '@zhengban/core';
import { type CliContext, displayPath, say } from './cli-io.js';
import { EXIT_ERROR, EXIT_INTERRUPTED } from './exit-codes.js';
import { Interrupted } from './interrupt.js';
import { msg } from './messages.js';
import { StdoutClosed } from './stdout-stream.js';

/** `file:line:col  message` (the location part left out when unknown). */
export function formatProblemLine(ctx: CliContext, problem: Problem): string {
  const where = formatLocation({
    ...problem,
    ...(problem.file ? { file: displayPath(ctx, problem.file) } : {}),
  });
  const text = problemText(problem, ctx.locale);
  return where ? `${where}  ${text}` : text;
}

/** The policy linter's warnings under a header (`策略有 2 个警告:`), one located line each. */
export function reportPolicyWarnings(ctx: CliContext, warnings: readonly Problem[]): void {
  if (warnings.length === 0) return;
  say(ctx, `zhengban: ${msg(ctx.locale, 'policyWarnings', { count: warnings.length })}`);
  for (const warning of warnings) say(ctx, formatProblemLine(ctx, warning));
}

/** An error's own message in the reader's language (by its code and params, else as thrown). */
function errorText(ctx: CliContext, error: ZhengbanError): string {
  return problemText({ code: error.code, message: error.message, params: error.params }, ctx.locale);
}

/**
 * Prints an error the way a user can act on it and returns the exit code. `command` is the
 * command line prefix for the `--help` hint (e.g. `zhengban audit`).
 */
export function reportError(ctx: CliContext, error: unknown, command: string): number {
  const prefix = `zhengban: ${msg(ctx.locale, 'errorPrefix')}`;
  // The reader of stdout went away (`| head`): nobody reads an explanation; the report is not whole.
  if (error instanceof StdoutClosed) return EXIT_ERROR;
  if (error instanceof Interrupted) {
    say(ctx, msg(ctx.locale, 'interrupted'));
    return EXIT_INTERRUPTED;
  }
  if (error instanceof UsageError) {
    say(ctx, `${prefix}: ${errorText(ctx, error)}`);
    say(ctx, msg(ctx.locale, 'helpHint', { command }));
  } else if (error instanceof PolicyError) {
    say(ctx, `${prefix}: ${msg(ctx.locale, 'policyProblems', { count: error.problems.length })}`);
    for (const problem of error.problems) say(ctx, formatProblemLine(ctx, problem));
  } else if (error instanceof InputError) {
    // A located input error reads like a policy problem: `file:line:col  message`.
    const problem = error.problems[0];
    const where =
      problem?.line !== undefined ? `${formatProblemLine(ctx, { ...problem, message: '' }).trim()}  ` : '';
    say(ctx, `${prefix}: ${where}${errorText(ctx, error)}`);
  } else if (error instanceof ZhengbanError) {
    say(ctx, `${prefix}: ${errorText(ctx, error)}`);
    for (const problem of error.problems) say(ctx, formatProblemLine(ctx, problem));
  } else {
    const message = error instanceof Error ? error.message : String(error);
    say(ctx, `${prefix}: ${msg(ctx.locale, 'internalError', { message })}`);
    if (!ctx.verbose) say(ctx, msg(ctx.locale, 'verboseHint'));
  }
  if (ctx.verbose && error instanceof Error && error.stack) say(ctx, error.stack);
  return EXIT_ERROR;
}
