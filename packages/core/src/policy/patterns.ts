/**
 * String patterns as policies write them: a bare string (exact), `{exact|glob|regex: text,
 * caseSensitive?}`, or a list of those. Every glob and regex is compiled here once so that a
 * mistake is reported at its line:column when the policy loads, not when the first inventory
 * happens to reach it. Regexes use RE2 syntax (re2js): matching is linear in the input, so no
 * pattern can backtrack catastrophically; RE2 rejects backreferences and lookaround.
 */
import { RE2JS } from 're2js';
import { compileGlob } from '../engine/glob-re2.js';
import type { Pattern } from '../model.js';
import { isRecord } from './policy-values.js';
import type { Path, PolicyTree } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';
import { describePath, pathText } from './schema-walker.js';

const KINDS = ['exact', 'glob', 'regex'] as const;

/** Reads one pattern or a list of them; undefined when absent or unusable (problems recorded). */
export function readPatterns(
  value: unknown,
  tree: PolicyTree,
  path: Path,
  problems: ProblemList,
): Pattern[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value)
    ? value.map((item, index) => [item, [...path, index]] as const)
    : [[value, path] as const];
  const patterns: Pattern[] = [];
  for (const [item, itemPath] of items) {
    const pattern = readPattern(item, tree, itemPath, problems);
    if (pattern) patterns.push(pattern);
  }
  return patterns;
}

function readPattern(
  value: unknown,
  tree: PolicyTree,
  path: Path,
  problems: ProblemList,
): Pattern | undefined {
  if (typeof value === 'string') {
    return { kind: 'exact', value, caseSensitive: false, location: tree.at(path) };
  }
  if (!isRecord(value)) return undefined;
  const given = KINDS.filter((kind) => typeof value[kind] === 'string');
  if (given.length !== 1) {
    problems.error(
      'bad-pattern',
      given.length === 0
        ? `${describePath(path)} needs one of exact, glob or regex.`
        : `${describePath(path)} gives ${given.join(' and ')}; a pattern has exactly one of exact, glob or regex (use a list for several).`,
      tree.at(path),
      {
        name: pathText(path),
        given:
          given.length === 0
            ? { zh: '没有给出其中任何一个', en: '' }
            : { zh: `同时给出了 ${given.join(' 和 ')}`, en: '' },
      },
    );
    return undefined;
  }
  const kind = given[0]!;
  const text = value[kind] as string;
  const caseSensitive = typeof value.caseSensitive === 'boolean' ? value.caseSensitive : kind === 'regex';
  const reason = compileError(kind, text, caseSensitive);
  if (reason !== undefined) {
    problems.error(
      kind === 'regex' ? 'bad-regex' : 'bad-glob',
      kind === 'regex'
        ? `Regex ${JSON.stringify(text)} is not valid RE2 syntax: ${reason} (RE2 has no backreferences or lookaround).`
        : `Glob ${JSON.stringify(text)} is not valid: ${reason}.`,
      tree.at([...path, kind]),
      { pattern: JSON.stringify(text), reason },
    );
    return undefined;
  }
  return { kind, value: text, caseSensitive, location: tree.at(path) };
}

/** Why the pattern does not compile, or undefined when it does. */
function compileError(kind: Pattern['kind'], text: string, caseSensitive: boolean): string | undefined {
  try {
    if (kind === 'regex') RE2JS.compile(text, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
    // An unbalanced `[`, `{` or `(` is a mistake, not a literal character.
    else if (kind === 'glob') compileGlob(text, caseSensitive);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^error parsing regexp: /, '');
  }
}
