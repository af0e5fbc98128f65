/**
 * json: the report itself, with a fixed key order — the order of `properties` in the published
 * JSON Schema (schema/report.schema.json); keys the schema leaves open (class names, evidence
 * labels) follow in code point order. So two runs over the same data give byte-identical files.
 */
import type { ComplianceReport, Reporter } from '@zhengban/core';
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

/** A copy of `value` whose objects list their keys in schema order. */
function ordered(value: unknown, node: SchemaNode | undefined): unknown {
  const schema = resolve(node);
  if (Array.isArray(value)) return value.map((item) => ordered(item, schema?.items));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const known = schema?.properties ?? {};
  const open = typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const keys = [
    ...Object.keys(known).filter((key) => Object.hasOwn(source, key)),
    ...Object.keys(source)
      .filter((key) => !Object.hasOwn(known, key))
      .sort(codePointOrder),
  ];
  // No prototype: a key like `__proto__` from an inventory stays an ordinary key.
  const out: Record<string, unknown> = Object.create(null);
  for (const key of keys) {
    if (source[key] === undefined) continue;
    out[key] = ordered(source[key], Object.hasOwn(known, key) ? known[key] : open);
  }
  return out;
}

/** JSON text of the report, two-space indented, keys in schema order, ending in a newline. */
export function renderJson(report: ComplianceReport): string {
  // JSON.stringify writes lone surrogates as `\udxxx` escapes, so the text is valid UTF-8 JSON.
  return `${JSON.stringify(ordered(report, ROOT), null, 2)}\n`;
}

export function jsonReporter(): Reporter {
  return { name: 'json', extension: 'json', render: (report) => renderJson(report) };
}
