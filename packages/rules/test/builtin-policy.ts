/**
 * Test helper: a built-in file loaded through the real policy loader with the real `builtin:` resolver,
 * so the tests see exactly what a user's `extends: [builtin:…]` gets.
 */
import { type Policy, parsePolicy } from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';

export function loadBuiltin(name: string): Policy {
  const file = builtinResolver.read(name);
  if (!file) throw new Error(`builtin:${name} is not shipped`);
  return parsePolicy(file.text, { filename: file.filename, resolvers: [builtinResolver] });
}
