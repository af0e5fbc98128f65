/**
 * Collects the problems of one policy load: every file, every problem, each with file:line:column,
 * so the author fixes them all in one go instead of one per run.
 */
import type { Problem, SourceLocation } from '../model.js';

export class ProblemList {
  readonly items: Problem[] = [];

  /** Records an error at a location. `code` is the part after `policy.` (e.g. `unknown-key`). */
  error(code: string, message: string, location: SourceLocation, excerpt?: string): void {
    const problem: Problem = { ...location, message, severity: 'error', code: `policy.${code}`, source: 'policy' };
    if (excerpt !== undefined) problem.excerpt = excerpt.length > 80 ? `${excerpt.slice(0, 77)}...` : excerpt;
    this.items.push(problem);
  }

  get count(): number {
    return this.items.length;
  }
}
