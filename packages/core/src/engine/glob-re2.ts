/**
 * Globs compiled to RE2 (re2js), the linear-time engine regexes already use, so that no glob can
 * backtrack: `*a*a*a*a*a*b` over a long name costs time linear in the name, and globs see the
 * whole name (no cut at 512 characters that a padded name could use to dodge `*crack`).
 *
 * The glob language is the one policies have used (picomatch with `bash: true, dot: true`):
 * `*` and `**` any run of characters (also `/`: product names are not paths), `?` one character
 * other than `/`, `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`, POSIX classes (`[[:digit:]]`), `{a,b}`
 * alternatives (nested), `\x` a literal x, and the extglobs `@(a|b)`, `?(a)`, `+(a)`, `*(a)`.
 * A negated extglob `!(…)` cannot be written without backtracking and is refused; so are
 * unbalanced brackets.
 */
import { RE2JS } from 're2js';

export class GlobSyntaxError extends Error {}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E',
  punct: '!-/:-@\\[-`{-~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** A character as a literal in RE2 syntax (RE2 allows escaping only punctuation). */
function literal(char: string): string {
  return /[\\^$.|?*+()[\]{}/-]/.test(char) ? `\\${char}` : char;
}

/** `[…]` starting at `start` (the `[`): its RE2 class and the index after `]`. */
function bracket(glob: string, start: number): [string, number] {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < glob.length) {
    const char = glob[i]!;
    if (char === ']' && !first) return [`[${negate ? '^' : ''}${body}]`, i + 1];
    first = false;
    if (char === '[' && glob[i + 1] === ':') {
      const end = glob.indexOf(':]', i + 2);
      const name = end < 0 ? undefined : glob.slice(i + 2, end);
      const cls = name === undefined ? undefined : POSIX_CLASSES[name];
      if (cls === undefined) throw new GlobSyntaxError(`unknown character class "${glob.slice(i, end + 2)}"`);
      body += cls;
      i = end + 2;
      continue;
    }
    if (char === '\\' && i + 1 < glob.length) {
      body += literal(glob[i + 1]!);
      i += 2;
      continue;
    }
    body += char === '-' ? '-' : literal(char);
    i++;
  }
  throw new GlobSyntaxError(`"[" at position ${start + 1} is never closed`);
}

const EXTGLOB: Record<string, string> = { '@': '', '?': '?', '+': '+', '*': '*' };

/** Translates `glob` from `start` until `stop` (a `}` or `)` closing a group, or the end). */
function translate(glob: string, start: number, stop: string | undefined): [string, number] {
  let out = '';
  let i = start;
  while (i < glob.length) {
    const char = glob[i]!;
    if (stop?.includes(char)) return [out, i];
    if (glob[i + 1] === '(' && (char in EXTGLOB || char === '!')) {
      if (char === '!') throw new GlobSyntaxError('"!(…)" (a negated extglob) is not supported; use a regex');
      const [alternatives, end] = group(glob, i + 2, ')', '|');
      out += `(?:${alternatives})${EXTGLOB[char]}`;
      i = end;
      continue;
    }
    switch (char) {
      case '*':
        while (glob[i + 1] === '*') i++;
        out += '.*';
        break;
      case '?':
        out += '[^/]';
        break;
      case '[': {
        const [cls, end] = bracket(glob, i);
        out += cls;
        i = end;
        continue;
      }
      case '{': {
        const [alternatives, end] = group(glob, i + 1, '}', ',');
        out += `(?:${alternatives})`;
        i = end;
        continue;
      }
      case '\\':
        if (i + 1 < glob.length) {
          out += literal(glob[i + 1]!);
          i += 2;
          continue;
        }
        out += '\\\\';
        break;
      case ']':
      case '}':
      case ')':
        throw new GlobSyntaxError(`unbalanced "${char}" at position ${i + 1}`);
      default:
        out += literal(char);
    }
    i++;
  }
  if (stop !== undefined) throw new GlobSyntaxError(`"${stop[0] === '}' ? '{' : '('}" is never closed`);
  return [out, i];
}

/** `{a,b}` / `@(a|b)` bodies from `start`: alternatives joined with `|`, and the index after the closer. */
function group(glob: string, start: number, closer: string, separator: string): [string, number] {
  const alternatives: string[] = [];
  let i = start;
  while (true) {
    const [part, end] = translate(glob, i, closer + separator);
    alternatives.push(part);
    if (end >= glob.length) throw new GlobSyntaxError(`"${closer === '}' ? '{' : '('}" is never closed`);
    i = end + 1;
    if (glob[end] === closer) return [alternatives.join('|'), i];
  }
}

/** The RE2 source of a glob, anchored at both ends. Throws GlobSyntaxError. */
export function globToRe2Source(glob: string): string {
  const [body] = translate(glob, 0, undefined);
  // `\/?` like picomatch: a trailing slash does not change a match.
  return `^(?:${body})/?$`;
}

/** A compiled glob. Throws GlobSyntaxError for a glob that is malformed or cannot run linearly. */
export function compileGlob(glob: string, caseSensitive: boolean): RE2JS {
  return RE2JS.compile(globToRe2Source(glob), caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
}
