import type { Problem, ProblemParams, SourceLocation } from './model.js';

/** Formats a location as `file:line:column` (parts that are unknown are left out). */
export function formatLocation(location: SourceLocation): string {
  let text = location.file ?? '';
  if (location.line !== undefined) {
    text += `${text ? ':' : ''}${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  if (location.key) text += `${text ? ' ' : ''}[${location.key}]`;
  return text;
}

/** One line per problem: `file:line:col  error  message  (code)`. */
export function formatProblem(problem: Problem): string {
  const where = formatLocation(problem);
  return `${where ? `${where}  ` : ''}${problem.severity}  ${problem.message}  (${problem.code})`;
}

/** Base class of every error zhengban throws on purpose. It always carries located problems. */
export class ZhengbanError extends Error {
  readonly code: string;
  readonly problems: Problem[];
  /** What the message was made from, for its zh-CN text by `code` (problemText). */
  readonly params?: ProblemParams;

  constructor(message: string, problems: Problem[] = [], code = 'zhengban.error', params?: ProblemParams) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.problems = problems;
    if (params) this.params = params;
  }
}

/** A policy that cannot be used: every problem found, each with file:line:column. */
export class PolicyError extends ZhengbanError {
  constructor(problems: Problem[], message?: string) {
    super(
      message ??
        `${problems.length} problem${problems.length === 1 ? '' : 's'} in policy:\n${problems.map(formatProblem).join('\n')}`,
      problems,
      'policy.invalid',
    );
  }
}

/** An input (inventory, units file) that is not the expected format at all, or cannot be read. */
export class InputError extends ZhengbanError {
  readonly file?: string;

  constructor(
    message: string,
    location: SourceLocation & { source?: string } = {},
    code = 'input.invalid',
    params?: ProblemParams,
  ) {
    super(
      message,
      [
        {
          ...location,
          message,
          severity: 'error',
          code,
          ...(params ? { params } : {}),
          source: location.source ?? 'input',
          fatal: true,
        },
      ],
      code,
      params,
    );
    this.file = location.file;
  }
}

/** A wrong command line or API call. `code` and `params` word it in zh-CN (problemText). */
export class UsageError extends ZhengbanError {
  constructor(message: string, detail?: { code: string; params: ProblemParams }) {
    super(message, [], detail?.code ?? 'usage', detail?.params);
  }
}
