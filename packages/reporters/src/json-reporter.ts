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
  return JSON.stringify(ordered(finding, FINDING), null, 2).replaceAll('\n', FINDING_INDENT);
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
