/**
 * Helpers for the policy tests: fixture paths, a test-double `builtin` resolver serving a small
 * baseline (the real one comes from @zhengban/rules), and a way to catch PolicyError problems.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Policy, PolicyError, type PolicySourceResolver, type Problem } from '@zhengban/core';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const BAD_INPUT = fileURLToPath(new URL('../bad-input/policy/', import.meta.url));
export const EXAMPLE = `${FIXTURES}policy-example.yaml`;

/** Serves `builtin:cn-gov-baseline` from test/fixtures/policy/test-baseline.yaml. */
export const testBuiltins: PolicySourceResolver = {
  scheme: 'builtin',
  read(name) {
    if (name !== 'cn-gov-baseline') return undefined;
    return {
      filename: 'builtin:cn-gov-baseline',
      text: readFileSync(`${FIXTURES}policy/test-baseline.yaml`, 'utf8'),
    };
  },
  list: () => ['cn-gov-baseline'],
};

/** The problems a load throws; fails the test when it does not throw a PolicyError. */
export function problemsOf(load: () => Policy): Problem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof PolicyError) return error.problems;
    throw error;
  }
  throw new Error('expected the policy to be rejected, but it loaded');
}

/** `line:column message` per problem, for compact exact assertions. */
export function located(problems: Problem[]): string[] {
  return problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
}
