/**
 * Collects the problems of one policy load: every file, every problem, each with file:line:column,
 * so the author fixes them all in one go instead of one per run.
 */
import type { LocalText, Problem, ProblemParams, SourceLocation } from '../model.js';

export class ProblemList {
  readonly items: Problem[] = [];

  /**
   * Records an error at a location. `code` is the part after `policy.` (e.g. `unknown-key`);
   * `params` are what the zh-CN text of the code (problem-texts/policy-problems.ts) is filled with.
   */
  error(code: string, message: string, location: SourceLocation, params?: ProblemParams): void {
    this.items.push({
      ...location,
      message,
      severity: 'error',
      code: `policy.${code}`,
      source: 'policy',
      ...(params ? { params } : {}),
    });
  }

  /** Records a warning worded in both locales (`message` is the English one). */
  warn(code: string, text: LocalText, location: SourceLocation): void {
    this.items.push({
      ...location,
      message: text.en,
      text,
      severity: 'warning',
      code: `policy.${code}`,
      source: 'policy',
    });
  }

  /** The problems by file (in the order files were read), then by line and column. */
  sorted(): Problem[] {
    const fileOrder = new Map<string | undefined, number>();
    for (const problem of this.items)
      if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
    return [...this.items].sort(
      (a, b) =>
        fileOrder.get(a.file)! - fileOrder.get(b.file)! ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
  }

  get count(): number {
    return this.items.length;
  }
}
