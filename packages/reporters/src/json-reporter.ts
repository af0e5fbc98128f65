/**
 * json: the report itself, with a fixed key order — the order of `properties` in the published
 * JSON Schema (schema/report.schema.json); keys the schema leaves open (class names, evidence
 * labels) follow in code point order. So two runs over the same data give byte-identical files.
 * It streams (Reporter.stream): the text around the findings array is rendered once before and
 * once after them, each finding on its own as it arrives, with the same bytes as `render`.
 */
import type { ComplianceReport, Finding, Reporter, ReportWriter } from '@zhengban/core';
import reportSchema from '../schema/report.schema.json';

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  oneOf?: SchemaNode[];
}

const ROOT = reportSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let depth = 0; current?.$ref && depth < 8; depth++) {
    const name = current.$ref.replace('#/definitions/', '');
    current = Object.hasOwn(ROOT.definitions, name) ? ROOT.definitions[name] : undefined;
  }
  return current;
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface ObjectShape {
  /** The schema's property names, in schema order, and the same as JSON strings. */
  keys: string[];
  quoted: string[];
  known: Record<string, SchemaNode>;
  /** The node for keys the schema leaves open (additionalProperties), if any. */
  open: SchemaNode | undefined;
}

const shapes = new WeakMap<SchemaNode, ObjectShape>();
const NO_SCHEMA: SchemaNode = {};
const resolved = new WeakMap<SchemaNode, SchemaNode>();

function resolvedNode(node: SchemaNode | undefined): SchemaNode {
  if (!node) return NO_SCHEMA;
  let target = resolved.get(node);
  if (!target) {
    target = resolve(node) ?? NO_SCHEMA;
    resolved.set(node, target);
  }
  return target;
}

function shapeOf(node: SchemaNode): ObjectShape {
  let shape = shapes.get(node);
  if (!shape) {
    const known = node.properties ?? {};
    const open = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    const keys = Object.keys(known);
    shape = { keys, quoted: keys.map((key) => JSON.stringify(key)), known, open };
    shapes.set(node, shape);
  }
  return shape;
}

/** A canonical array index ("0", "17"): JSON.stringify writes such keys first, in numeric order. */
function isArrayIndex(key: string): boolean {
  if (key.length === 0 || key.length > 10) return false;
  if (key.length > 1 && key.charCodeAt(0) === 48) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}

const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * `JSON.stringify(value, null, 2)` of `value` with every object's keys in schema order (keys the
 * schema leaves open after them, in code point order), written in one pass without copying: the
 * report is walked once per write, and a province's report is written a finding at a time.
 * Byte-for-byte what JSON.stringify gives for the reordered copy, array-index keys included.
 */
function stringifyOrdered(value: unknown, node: SchemaNode | undefined, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const schema = resolvedNode(node);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      text += `${i === 0 ? '\n' : ',\n'}${inner}${omitted(item) ? 'null' : stringifyOrdered(item, schema.items, inner)}`;
    }
    return `${text}\n${indent}]`;
  }
  const source = value as Record<string, unknown>;
  const shape = shapeOf(schema);
  const own = Object.keys(source);
  // The common case: every key is one the schema lists (never an array index), written in its order.
  let text = '';
  let seen = 0;
  for (let i = 0; i < shape.keys.length; i++) {
    const key = shape.keys[i]!;
    if (!Object.hasOwn(source, key)) continue;
    seen++;
    const item = source[key];
    if (omitted(item)) continue;
    text += `${text === '' ? '{\n' : ',\n'}${inner}${shape.quoted[i]}: ${stringifyOrdered(item, shape.known[key], inner)}`;
  }
  if (seen === own.length) return text === '' ? '{}' : `${text}\n${indent}}`;
  return stringifyWithOpenKeys(source, shape, indent);
}

/** An object with keys the schema does not list: those follow in code point order (array indices first). */
function stringifyWithOpenKeys(source: Record<string, unknown>, shape: ObjectShape, indent: string): string {
  const { keys: schemaKeys, known, open } = shape;
  const inner = `${indent}  `;
  const present: string[] = [];
  for (const key of schemaKeys) if (Object.hasOwn(source, key)) present.push(key);
  const others = Object.keys(source).filter((key) => !Object.hasOwn(known, key));
  if (others.length > 0) present.push(...others.sort(codePointOrder));
  // The order JSON.stringify gives an object built with keys in `present` order.
  const indices = present.filter(isArrayIndex);
  const keys =
    indices.length === 0
      ? present
      : [...indices.sort((a, b) => Number(a) - Number(b)), ...present.filter((k) => !isArrayIndex(k))];
  let text = '';
  for (const key of keys) {
    const item = source[key];
    if (omitted(item)) continue;
    const child = Object.hasOwn(known, key) ? known[key] : open;
    text += `${text === '' ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: ${stringifyOrdered(item, child, inner)}`;
  }
  return text === '' ? '{}' : `${text}\n${indent}}`;
}

/** JSON text of the report, two-space indented, keys in schema order, ending in a newline. */
export function renderJson(report: ComplianceReport): string {
  // JSON.stringify writes lone surrogates as `\udxxx` escapes, so the text is valid UTF-8 JSON.
  return `${stringifyOrdered(report, ROOT, '')}\n`;
}

const FINDING = ROOT.properties?.findings?.items;
/** Where the findings array starts: a key at depth 1 is the only place a line starts like this. */
const FINDINGS_KEY = '\n  "findings": ';
/** Inside the findings array, each finding's lines are indented by two levels. */
const FINDING_INDENT = '\n    ';

/** The report's text before and after its findings array (whose own text is left out). */
function around(report: ComplianceReport): { before: string; after: string } {
  const text = renderJson({ ...report, findings: [] });
  const at = text.indexOf(FINDINGS_KEY);
  const open = at + FINDINGS_KEY.length;
  // `[]`: the empty array the report was rendered with.
  return { before: text.slice(0, open), after: text.slice(open + 2) };
}

/** One finding as it appears inside the report's findings array. */
function renderFinding(finding: Finding): string {
  return stringifyOrdered(finding, FINDING, '    ');
}

export function jsonWriter(report: ComplianceReport): ReportWriter {
  let count = 0;
  return {
    start: () => around(report).before,
    findings(group) {
      let text = '';
      for (const finding of group) {
        text += `${count === 0 ? '[' : ','}${FINDING_INDENT}${renderFinding(finding)}`;
        count++;
      }
      return text;
    },
    end: () => `${count === 0 ? '[]' : '\n  ]'}${around(report).after}`,
  };
}

export function jsonReporter(): Reporter {
  return {
    name: 'json',
    extension: 'json',
    render: (report) => renderJson(report),
    stream: (report) => jsonWriter(report),
  };
}
