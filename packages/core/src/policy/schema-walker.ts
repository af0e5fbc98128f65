/**
 * Structural validation: walks the policy data along the published JSON Schema and reports every
 * mismatch as a located, plain sentence ("Unknown key "seat" in entitlement; did you mean "seats"?").
 *
 * Why not ajv at runtime: ajv reports JSON pointers and generic texts ("must NOT have additional
 * properties"), `anyOf` failures come back as one error per branch, and it generates code at
 * runtime. The policy schema uses a small subset of JSON Schema, so interpreting that subset here
 * keeps the published schema the single source of truth while the messages name the key, the
 * expected value and the closest allowed word. A test runs ajv over the same schema to prove the
 * schema itself is valid and accepts the example policy.
 */
import type { LocalText } from '../model.js';
import { didYouMean, didYouMeanText } from './did-you-mean.js';
import type { Path, PolicyTree } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';

/** The JSON Schema keywords this walker understands; others (description, format, …) are for editors. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  anyOf?: SchemaNode[];
  $defs?: Record<string, SchemaNode>;
}

type Kind = 'null' | 'array' | 'object' | 'string' | 'integer' | 'number' | 'boolean';

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as Kind;
  return 'object';
}

function admits(schema: SchemaNode, kind: Kind): boolean {
  const types = schema.type === undefined ? undefined : [schema.type].flat();
  if (types) return types.includes(kind) || (kind === 'integer' && types.includes('number'));
  if (schema.enum) return schema.enum.some((option) => kindOf(option) === kind);
  return true;
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'empty',
};

const TYPE_PHRASES_ZH: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  object: '映射（键: 值）',
  array: '列表',
  null: '空值',
};

/** What a schema node admits, in both languages (a problem param). */
function expectedText(schema: SchemaNode): LocalText {
  if (schema.enum) {
    const options = schema.enum.map((option) => JSON.stringify(option));
    return { zh: options.join(' 或 '), en: options.join(' or ') };
  }
  if (schema.format === 'date') return { zh: '日期（YYYY-MM-DD）', en: 'a date (YYYY-MM-DD)' };
  if (schema.type === undefined) return { zh: '一个值', en: 'a value' };
  const types = [schema.type].flat();
  return {
    zh: types.map((type) => TYPE_PHRASES_ZH[type] ?? type).join(' 或 '),
    en: types.map((type) => TYPE_PHRASES[type] ?? type).join(' or '),
  };
}

function joinTexts(texts: readonly LocalText[]): LocalText {
  return { zh: texts.map((text) => text.zh).join(' 或 '), en: texts.map((text) => text.en).join(' or ') };
}

/** What a value is, in both languages (a problem param). */
function gotText(value: unknown): LocalText {
  const kind = kindOf(value);
  if (kind === 'string') {
    const text = value as string;
    const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
    return { zh: `文本 ${shown}`, en: `text (${shown})` };
  }
  if (kind === 'integer' || kind === 'number') return { zh: `数字 ${value}`, en: `a number (${value})` };
  if (kind === 'boolean') return { zh: String(value), en: String(value) };
  if (kind === 'null') return { zh: '空值', en: 'empty' };
  return { zh: TYPE_PHRASES_ZH[kind]!, en: TYPE_PHRASES[kind]! };
}

/** describePath in both languages (a problem param). */
export function pathText(path: Path): LocalText {
  const last = path[path.length - 1];
  if (last === undefined) return { zh: '策略', en: describePath(path) };
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return {
      zh: parent === undefined ? `列表的第 ${last + 1} 项` : `"${parent}" 的第 ${last + 1} 项`,
      en: describePath(path),
    };
  }
  return { zh: `"${last}"`, en: describePath(path) };
}

function expected(schema: SchemaNode): string {
  if (schema.enum) return schema.enum.map((option) => JSON.stringify(option)).join(' or ');
  if (schema.format === 'date') return 'a date (YYYY-MM-DD)';
  if (schema.type === undefined) return 'a value';
  return [schema.type]
    .flat()
    .map((type) => TYPE_PHRASES[type] ?? type)
    .join(' or ');
}

function got(value: unknown): string {
  const kind = kindOf(value);
  if (kind === 'string') {
    const text = value as string;
    return `text (${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)})`;
  }
  if (kind === 'integer' || kind === 'number') return `a number (${value})`;
  if (kind === 'boolean') return String(value);
  if (kind === 'null') return 'empty';
  return TYPE_PHRASES[kind]!;
}

/** `"seats"` or `item 3 of "classes"`, for messages. */
export function describePath(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The policy';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `Item ${last + 1} of ${parent === undefined ? 'the list' : `"${parent}"`}`;
  }
  return `"${last}"`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Validates the data of one policy file against `schema`, recording every mismatch. */
export function validateShape(tree: PolicyTree, schema: SchemaNode, problems: ProblemList): void {
  const resolve = (node: SchemaNode): SchemaNode => {
    if (!node.$ref) return node;
    const name = node.$ref.replace('#/$defs/', '');
    const target = schema.$defs?.[name];
    if (!target) throw new Error(`policy schema: unknown $ref ${node.$ref}`);
    const { $ref: _ignored, ...siblings } = node;
    return resolve({ ...target, ...siblings, title: target.title ?? siblings.title });
  };

  const walk = (value: unknown, node: SchemaNode, path: Path): void => {
    const schemaNode = resolve(node);
    const kind = kindOf(value);
    const name = describePath(path);

    if (schemaNode.anyOf) {
      const branches = schemaNode.anyOf.map(resolve);
      const fitting = branches.filter((branch) => admits(branch, kind));
      const chosen = fitting[0];
      if (!chosen) {
        problems.error(
          'wrong-type',
          `${name} must be ${branches.map(expected).join(' or ')}, not ${got(value)}.`,
          tree.at(path),
          { name: pathText(path), expected: joinTexts(branches.map(expectedText)), got: gotText(value) },
        );
        return;
      }
      if (chosen.enum && !chosen.enum.includes(value) && branches.length > 1) {
        problems.error(
          'wrong-value',
          `${name} must be ${branches.map(expected).join(' or ')}, not ${got(value)}.`,
          tree.at(path),
          { name: pathText(path), expected: joinTexts(branches.map(expectedText)), got: gotText(value) },
        );
        return;
      }
      walk(value, { ...chosen, title: chosen.title ?? schemaNode.title }, path);
      return;
    }

    if (!admits(schemaNode, kind)) {
      problems.error(
        'wrong-type',
        `${name} must be ${expected(schemaNode)}, not ${got(value)}.`,
        tree.at(path),
        { name: pathText(path), expected: expectedText(schemaNode), got: gotText(value) },
      );
      return;
    }
    if (schemaNode.enum && !schemaNode.enum.includes(value)) {
      const options = schemaNode.enum.map(String);
      const message =
        options.length === 1
          ? `${name} must be "${options[0]}", not "${String(value)}".`
          : `${name} must be one of ${options.join(', ')}, not "${String(value)}"${didYouMean(String(value), options)}`;
      const hint = didYouMeanText(String(value), options);
      problems.error(
        'wrong-value',
        message.endsWith('?') || message.endsWith('.') ? message : `${message}.`,
        tree.at(path),
        {
          name: pathText(path),
          expected: {
            zh: options.length === 1 ? `"${options[0]}"` : `${options.join('、')} 之一`,
            en: options.length === 1 ? `"${options[0]}"` : `one of ${options.join(', ')}`,
          },
          got: { zh: `"${String(value)}"${hint.zh}`, en: `"${String(value)}"${hint.en}` },
        },
      );
      return;
    }
    if (kind === 'string') checkString(value as string, schemaNode, path, name);
    else if (kind === 'integer' || kind === 'number') checkNumber(value as number, schemaNode, path, name);
    else if (kind === 'array') checkArray(value as unknown[], schemaNode, path, name);
    else if (kind === 'object') checkObject(value as Record<string, unknown>, schemaNode, path);
  };

  const checkString = (value: string, node: SchemaNode, path: Path, name: string): void => {
    if (node.minLength !== undefined && value.trim().length < node.minLength) {
      problems.error('empty-value', `${name} must not be empty.`, tree.at(path), { name: pathText(path) });
    } else if (node.pattern && !new RegExp(node.pattern).test(value)) {
      problems.error(
        'bad-identifier',
        `${name} must be ${node.description ?? `text matching ${node.pattern}`}; "${value}" is not.`,
        tree.at(path),
        {
          name: pathText(path),
          expected: {
            zh: `符合 ${node.pattern} 的文本（${node.description ?? ''}）`,
            en: node.description ?? `text matching ${node.pattern}`,
          },
          value,
        },
      );
    }
  };

  const checkNumber = (value: number, node: SchemaNode, path: Path, name: string): void => {
    if (node.minimum !== undefined && value < node.minimum) {
      problems.error(
        'out-of-range',
        `${name} must be at least ${node.minimum}, not ${value}.`,
        tree.at(path),
        {
          name: pathText(path),
          bound: { zh: `不小于 ${node.minimum}`, en: `at least ${node.minimum}` },
          value,
        },
      );
    } else if (node.maximum !== undefined && value > node.maximum) {
      problems.error(
        'out-of-range',
        `${name} must be at most ${node.maximum}, not ${value}.`,
        tree.at(path),
        {
          name: pathText(path),
          bound: { zh: `不大于 ${node.maximum}`, en: `at most ${node.maximum}` },
          value,
        },
      );
    }
  };

  const checkArray = (value: unknown[], node: SchemaNode, path: Path, name: string): void => {
    if (node.minItems !== undefined && value.length < node.minItems) {
      problems.error('empty-list', `${name} must not be an empty list.`, tree.at(path), {
        name: pathText(path),
      });
    }
    const { items } = node;
    if (items) {
      value.forEach((item, index) => {
        walk(item, items, [...path, index]);
      });
    }
  };

  const checkObject = (value: Record<string, unknown>, node: SchemaNode, path: Path): void => {
    const title = node.title ?? 'this mapping';
    const properties = node.properties ?? {};
    const allowed = Object.keys(properties);
    for (const key of Object.keys(value)) {
      const property = properties[key];
      if (property) {
        walk(value[key], property, [...path, key]);
      } else if (node.additionalProperties === false) {
        const hint = didYouMean(key, allowed);
        problems.error(
          'unknown-key',
          hint
            ? `Unknown key "${key}" in ${title}${hint}`
            : `Unknown key "${key}" in ${title}; allowed keys: ${allowed.join(', ')}.`,
          tree.keyAt([...path, key]),
          {
            key,
            title,
            hint: hint
              ? didYouMeanText(key, allowed)
              : { zh: `；可用的键：${allowed.join(', ')}`, en: `; allowed keys: ${allowed.join(', ')}.` },
          },
        );
      } else if (typeof node.additionalProperties === 'object') {
        walk(value[key], node.additionalProperties, [...path, key]);
      }
    }
    for (const key of node.required ?? []) {
      if (!(key in value)) {
        problems.error(
          'missing-key',
          `${capitalise(title)} is missing the required key "${key}".`,
          path.length === 0 ? tree.at(path) : tree.keyAt(path),
          { key, title },
        );
      }
    }
  };

  walk(tree.root, schema, []);
}
