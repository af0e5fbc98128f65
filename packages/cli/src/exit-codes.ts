/**
 * Exit codes (after ESLint): 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage,
 * policy, input or internal error, 130 interrupted (Ctrl-C / SIGTERM).
 */
import { effectiveStatus, type Finding } from '@zhengban/core';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INTERRUPTED = 130;

export type FailOn = 'fail' | 'warn' | 'never';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['fail', 'warn', 'never'];

/** Effective statuses that count at each level; waived findings never count. */
const COUNTED: Record<FailOn, ReadonlySet<string>> = {
  fail: new Set(['fail', 'error']),
  warn: new Set(['fail', 'error', 'warn']),
  never: new Set(),
};

/** Findings whose effective status is at or above the level. */
export function findingsAtOrAbove(findings: readonly Finding[], level: FailOn): number {
  const counted = COUNTED[level];
  let count = 0;
  for (const finding of findings) if (counted.has(effectiveStatus(finding))) count++;
  return count;
}
