/**
 * Reads policy YAML safely and keeps where every value was written.
 *
 * Policies are untrusted input, so before and while parsing we bound the work: a size limit checked
 * before parsing, a nesting limit checked on the token stream (yaml's recursive composer would
 * otherwise overflow the stack, and its pretty error printer can exhaust memory, on `[[[[…`), an
 * alias-expansion limit (a "billion laughs" file fails after a few dozen expansions instead of
 * allocating gigabytes), and keys such as `__proto__` are rejected. The result is plain data built
 * from `Object.create(null)` objects plus a map from each value's path to its file:line:column.
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import type { SourceLocation } from '../model.js';
import { bilingual } from '../problem-text.js';
import { yamlErrorText } from '../problem-texts/yaml-errors.js';
import type { ProblemList } from './problem-list.js';

/** A path into the policy data: keys and list indexes. */
export type Path = readonly (string | number)[];

export interface PolicyTree {
  file: string;
  /** The data: null-prototype objects, arrays, strings, numbers, booleans, null. */
  root: unknown;
  /** Where the value at `path` was written. */
  at(path: Path): SourceLocation;
  /** Where the key of the value at `path` was written (the value itself for list items). */
  keyAt(path: Path): SourceLocation;
}

export interface YamlLimits {
  maxBytes: number;
  /** Deepest nesting of mappings and lists. */
  maxDepth: number;
  /** Alias dereferences allowed in one file, counting those inside expanded aliases. */
  maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 64,
  maxAliasCount: 100,
};

/** Keys that could reach an object prototype if a consumer ever copied the data naively. */
/** Names that must never become object keys or fact names: they reach JavaScript object internals. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** yaml's lexer marks some positions with control tokens that are not source text. */
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

const pathKey = (path: Path): string => path.join('\u0001');

/** Formats a byte count as `10.0 MB` / `512 KB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Parses one policy file. Returns undefined (with problems recorded) when the text cannot be used at
 * all: too large, too deeply nested, not valid YAML, or an alias bomb.
 */
export function readPolicyYaml(
  text: string,
  file: string,
  problems: ProblemList,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): PolicyTree | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    problems.error(
      'too-large',
      `Policy file is ${formatBytes(bytes)}, more than the ${formatBytes(limits.maxBytes)} limit; a policy this large is almost certainly not a policy (raise maxBytes if it really is).`,
      { file },
      { size: formatBytes(bytes), limit: formatBytes(limits.maxBytes) },
    );
    return undefined;
  }
  const lineCounter = new LineCounter();
  const locate = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const tooDeepAt = findExcessiveNesting(text, limits.maxDepth);
  if (tooDeepAt !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineCounter.addNewLine(i + 1);
    problems.error(
      'too-deep',
      `The policy nests lists or mappings more than ${limits.maxDepth} levels deep; no policy needs that, so it is refused.`,
      { file, ...locate(tooDeepAt) },
      { max: limits.maxDepth },
    );
    return undefined;
  }

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const code =
        error.code === 'DUPLICATE_KEY'
          ? 'duplicate-key'
          : error.code === 'TAB_AS_INDENT'
            ? 'tab-indent'
            : 'yaml-syntax';
      const where = locate(error.pos[0]);
      const detail = firstSentence(error.message);
      const message =
        code === 'duplicate-key'
          ? `Duplicate key ${JSON.stringify(keyTextAt(text, error.pos[0]))}: a key may appear only once in a mapping.`
          : code === 'tab-indent'
            ? 'Tabs are not allowed for indentation in YAML; indent with spaces.'
            : `YAML syntax error: ${detail}.`;
      problems.error(
        code,
        message,
        { file, ...where },
        {
          key: code === 'duplicate-key' ? JSON.stringify(keyTextAt(text, error.pos[0])) : '',
          detail,
          // The library words its errors in English only: Chinese comes from the error's code.
          ...(code === 'yaml-syntax' ? { reason: bilingual(yamlErrorText(error.code), detail) } : {}),
        },
      );
    }
    return undefined;
  }

  const values = new Map<string, SourceLocation>();
  const keys = new Map<string, SourceLocation>();
  const nodeLocation = (node: Node | null | undefined, fallback: SourceLocation): SourceLocation => {
    if (!node?.range) return fallback;
    const start = locate(node.range[0]);
    // Block collections end after their last newline; point at the last character written instead.
    let endOffset = node.range[1];
    while (endOffset > node.range[0] && /\s/.test(text[endOffset - 1]!)) endOffset--;
    const end = locate(endOffset);
    return { file, ...start, endLine: end.line, endColumn: end.column };
  };
  const rootLocation: SourceLocation = { file, line: 1, column: 1 };

  let aliases = 0;
  let aborted = false;
  const convert = (
    node: Node | null | undefined,
    path: Path,
    depth: number,
    location: SourceLocation,
  ): unknown => {
    if (aborted) return null;
    values.set(pathKey(path), location);
    if (depth > limits.maxDepth) {
      aborted = true;
      problems.error(
        'too-deep',
        `The policy nests lists or mappings more than ${limits.maxDepth} levels deep (through aliases); it is refused.`,
        location,
        { max: limits.maxDepth },
      );
      return null;
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      aliases++;
      if (aliases > limits.maxAliasCount) {
        aborted = true;
        problems.error(
          'alias-bomb',
          `Too many YAML aliases: expanding them needs more than ${limits.maxAliasCount} alias references, which is how an "alias bomb" (billion laughs) attack works; write the values out instead.`,
          location,
          { max: limits.maxAliasCount },
        );
        return null;
      }
      const target = node.resolve(doc as Document);
      return convert(target, path, depth + 1, location);
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemNode = item as Node;
        const itemLocation = nodeLocation(itemNode, location);
        keys.set(pathKey([...path, index]), itemLocation);
        return convert(itemNode, [...path, index], depth + 1, itemLocation);
      });
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyLocation = nodeLocation(keyNode, location);
        const key = isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') {
          problems.error(
            'bad-key',
            'Keys must be plain words or numbers, not lists, mappings or empty.',
            keyLocation,
            {},
          );
          continue;
        }
        const name = String(key);
        if (FORBIDDEN_KEYS.has(name)) {
          problems.error(
            'forbidden-key',
            `Key "${name}" is not allowed: it has a special meaning in JavaScript objects and could be used to tamper with the program.`,
            keyLocation,
            { key: name },
          );
          continue;
        }
        const childPath = [...path, name];
        keys.set(pathKey(childPath), keyLocation);
        const valueNode = pair.value as Node | null;
        object[name] = convert(valueNode, childPath, depth + 1, nodeLocation(valueNode, keyLocation));
      }
      return object;
    }
    return null;
  };

  const root = convert(
    doc.contents as Node | null,
    [],
    0,
    nodeLocation(doc.contents as Node | null, rootLocation),
  );
  if (aborted) return undefined;
  const at = (path: Path): SourceLocation => {
    for (let length = path.length; length >= 0; length--) {
      const found = values.get(pathKey(path.slice(0, length)));
      if (found) return found;
    }
    return rootLocation;
  };
  return {
    file,
    root,
    at,
    keyAt: (path) => keys.get(pathKey(path)) ?? at(path),
  };
}

/**
 * Scans yaml's token stream (linear, non-recursive) for nesting deeper than `maxDepth`: flow
 * brackets plus block-sequence / explicit-key indicators stacked on one line (`- - - - x`).
 * Returns the offset where the limit is crossed.
 */
function findExcessiveNesting(text: string, maxDepth: number): number | undefined {
  let offset = 0;
  let flowDepth = 0;
  let indicatorsOnLine = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') flowDepth++;
    else if (token === ']' || token === '}') flowDepth = Math.max(0, flowDepth - 1);
    else if (token === '-' || token === '?') indicatorsOnLine++;
    else if (token === '\n' || token === '\r\n') indicatorsOnLine = 0;
    if (flowDepth + indicatorsOnLine > maxDepth) return offset;
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return undefined;
}

/** The key text starting at `offset` (for duplicate-key messages). */
function keyTextAt(text: string, offset: number): string {
  const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const key = line.split(':')[0]?.trim() ?? '';
  return key.replace(/^["']|["']$/g, '');
}

/** yaml's messages sometimes carry a code excerpt after the first line; keep the sentence. */
function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '').replace(/ at line \d+, column \d+$/, '');
}
