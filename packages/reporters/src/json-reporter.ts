/**
 * json: the report itself, with a fixed key order — the order of `properties` in the published
 * JSON Schema (schema/report.schema.json); keys the schema leaves open (class names, evidence
 * labels) follow in code point order. So two runs over the same data give byte-identical files.
 * It streams (Reporter.stream): the text around the findings array is rendered once before and
 * once after them, each finding on its own as it arrives, with the same bytes as `render`.
 */
import type { ComplianceReport, Reporter, ReportWriter } from '@zhengban/core';
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
  /** The schema's property names, in schema order, and each as a JSON string. */
  keys: string[];
  quoted: Map<string, string>;
  known: Record<string, SchemaNode>;
  /** The node for keys the schema leaves open (additionalProperties), if any. */
  open: SchemaNode | undefined;
}

const NO_SCHEMA: SchemaNode = {};

/**
 * A schema node compiled for writing: its property names in order, each already quoted, and the
 * plans of its children made on first use — so writing a value looks nothing up by node (a province
 * report has ~60 M objects and values).
 */
interface Plan extends ObjectShape {
  /** The book it belongs to, which makes its children's plans. */
  book: PlanBook;
  node: SchemaNode;
  quotedKeys: string[];
  children: (Plan | undefined)[];
  items?: Plan;
  openPlan?: Plan;
  /**
   * What goes before key i's value at one indentation — `{` or `,`, the line break, the indent, the
   * quoted key and `: ` as one string — for the first key and the others: one piece per key
   * instead of four for the final join, made once per depth.
   * Indexed by the indentation's length (it is only ever spaces).
   */
  leads: (Leads | undefined)[];
  /** Text of shared frozen values written at this plan, by indentation length (writeShared). */
  shared: (WeakMap<object, string> | undefined)[];
}

interface Leads {
  first: string[];
  next: string[];
}

/** The lead strings of `plan` at `inner` (the indentation of its keys), by indentation. */
function leadsOf(plan: Plan, inner: string): Leads {
  let leads = plan.leads[inner.length];
  if (leads === undefined) {
    leads = {
      first: plan.quotedKeys.map((key) => `{\n${inner}${key}: `),
      next: plan.quotedKeys.map((key) => `,\n${inner}${key}: `),
    };
    plan.leads[inner.length] = leads;
  }
  return leads;
}

/**
 * The plans of one report's writing. One book per report, not per process: a plan keeps the text
 * of every shared frozen value it wrote (writeShared), which belongs to that report's findings.
 */
class PlanBook {
  private readonly plans = new Map<SchemaNode | undefined, Plan>();

  of(raw: SchemaNode | undefined): Plan {
    let plan = this.plans.get(raw);
    if (!plan) {
      plan = newPlan(raw, this);
      this.plans.set(raw, plan);
    }
    return plan;
  }
}

function newPlan(raw: SchemaNode | undefined, book: PlanBook): Plan {
  const node = (raw && resolve(raw)) ?? NO_SCHEMA;
  const known = node.properties ?? {};
  const open = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  const keys = Object.keys(known);
  const quotedKeys = keys.map((key) => JSON.stringify(key));
  return {
    book,
    node,
    keys,
    quoted: new Map(keys.map((key, i) => [key, quotedKeys[i]!])),
    known,
    open,
    quotedKeys,
    children: new Array(keys.length),
    leads: [],
    shared: [],
  };
}

const childPlan = (plan: Plan, i: number): Plan => {
  let child = plan.children[i];
  if (!child) {
    child = plan.book.of(plan.known[plan.keys[i]!]);
    plan.children[i] = child;
  }
  return child;
};

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

/** Characters JSON.stringify writes as escapes (lone surrogates included): other text is written as is. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `JSON.stringify(value, null, 2)` of `value` with every object's keys in schema order (keys the
 * schema leaves open after them, in code point order), written in one pass without copying.
 * Byte-for-byte what JSON.stringify gives for the reordered copy, array-index keys included.
 * Pieces are pushed onto `out` and joined once by the caller: a string built with `+=` is a rope,
 * flattened character by character when it is encoded, which a joined string never needs.
 */
function writeOrdered(value: unknown, plan: Plan, indent: string, out: string[]): void {
  if (typeof value === 'string') {
    if (NEEDS_ESCAPE.test(value)) out.push(JSON.stringify(value));
    else out.push('"', value, '"');
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Object.isFrozen(value)) {
    writeShared(value, plan, indent, out);
    return;
  }
  writeFresh(value, plan, indent, out);
}

/**
 * A frozen value is one the auditor shares among many findings (a remediation, a software
 * spelling, an entitlement's trace step — much of a province report's text): its text at one plan
 * and indentation is made once and kept as long as the value lives. Only a value frozen all the way
 * down is remembered; one holding something that could still change is written each time.
 */
function writeShared(value: object, plan: Plan, indent: string, out: string[]): void {
  let texts = plan.shared[indent.length];
  if (texts === undefined) {
    texts = new WeakMap();
    plan.shared[indent.length] = texts;
  }
  let text = texts.get(value);
  if (text === undefined) {
    const pieces: string[] = [];
    writeFresh(value, plan, indent, pieces);
    text = isDeeplyFrozen(value) ? pieces.join('') : NOT_SHARED;
    texts.set(value, text);
    if (text === NOT_SHARED) for (const piece of pieces) out.push(piece);
    else out.push(text);
    return;
  }
  if (text === NOT_SHARED) writeFresh(value, plan, indent, out);
  else out.push(text);
}

/** Marks a frozen value with something mutable inside (no value's JSON text is empty). */
const NOT_SHARED = '';

function isDeeplyFrozen(value: object): boolean {
  if (!Object.isFrozen(value)) return false;
  for (const item of Object.values(value))
    if (item !== null && typeof item === 'object' && !isDeeplyFrozen(item)) return false;
  return true;
}

function writeFresh(value: object, plan: Plan, indent: string, out: string[]): void {
  const inner = deeper(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    plan.items ??= plan.book.of(plan.node.items);
    const marks = marksOf(inner);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      out.push(i === 0 ? marks.openArray : marks.nextItem);
      if (omitted(item)) out.push('null');
      else writeOrdered(item, plan.items, inner, out);
    }
    out.push(marks.closeArray);
    return;
  }
  const source = value as Record<string, unknown>;
  const keys = plan.keys;
  let present = 0;
  for (let i = 0; i < keys.length; i++) if (Object.hasOwn(source, keys[i]!)) present++;
  let first = true;
  if (present === Object.keys(source).length) {
    // The common case: every key is one the schema lists (never an array index), in its order.
    const leads = leadsOf(plan, inner);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!Object.hasOwn(source, key)) continue;
      const item = source[key];
      if (omitted(item)) continue;
      out.push(first ? leads.first[i]! : leads.next[i]!);
      first = false;
      writeOrdered(item, childPlan(plan, i), inner, out);
    }
  } else {
    for (const key of keyOrder(source, plan)) {
      const item = source[key];
      if (omitted(item)) continue;
      const known = Object.hasOwn(plan.known, key);
      out.push(first ? '{\n' : ',\n', inner, known ? plan.quoted.get(key)! : JSON.stringify(key), ': ');
      first = false;
      if (known) writeOrdered(item, childPlan(plan, keys.indexOf(key)), inner, out);
      else {
        plan.openPlan ??= plan.book.of(plan.open);
        writeOrdered(item, plan.openPlan, inner, out);
      }
    }
  }
  out.push(first ? '{}' : marksOf(inner).closeObject);
}

/** The brackets and separators of arrays and objects whose items are indented by `inner`. */
interface Marks {
  openArray: string;
  nextItem: string;
  closeArray: string;
  closeObject: string;
}

/**
 * By the indentation's length (it is only ever spaces): made once per depth, not per value.
 * Process-wide on purpose: plain strings fixed by the depth alone, the same for every report.
 */
const marksByIndent: Marks[] = [];
const deeperByIndent: string[] = [];

/** `indent` and two more spaces, made once per depth. */
function deeper(indent: string): string {
  let inner = deeperByIndent[indent.length];
  if (inner === undefined) {
    inner = `${indent}  `;
    deeperByIndent[indent.length] = inner;
  }
  return inner;
}

function marksOf(inner: string): Marks {
  let marks = marksByIndent[inner.length];
  if (marks === undefined) {
    const outer = inner.slice(2);
    marks = {
      openArray: `[\n${inner}`,
      nextItem: `,\n${inner}`,
      closeArray: `\n${outer}]`,
      closeObject: `\n${outer}}`,
    };
    marksByIndent[inner.length] = marks;
  }
  return marks;
}

/**
 * The order JSON.stringify gives a copy built with the schema's keys first (in schema order) and
 * the others after them in code point order: array-index keys ("0", "17") first, numerically.
 */
function keyOrder(source: Record<string, unknown>, shape: ObjectShape): readonly string[] {
  const present: string[] = [];
  for (const key of shape.keys) if (Object.hasOwn(source, key)) present.push(key);
  const own = Object.keys(source);
  // The common case: every key is one the schema lists (never an array index).
  if (present.length === own.length) return present;
  const others = own.filter((key) => !Object.hasOwn(shape.known, key)).sort(codePointOrder);
  const all = [...present, ...others];
  const indices = all.filter(isArrayIndex);
  if (indices.length === 0) return all;
  return [...indices.sort((x, y) => Number(x) - Number(y)), ...all.filter((key) => !isArrayIndex(key))];
}

/** JSON text of the report, two-space indented, keys in schema order, ending in a newline. */
export function renderJson(report: ComplianceReport): string {
  return renderWith(report, new PlanBook());
}

function renderWith(report: ComplianceReport, book: PlanBook): string {
  // JSON.stringify writes lone surrogates as `\udxxx` escapes, so the text is valid UTF-8 JSON.
  const out: string[] = [];
  writeOrdered(report, book.of(ROOT), '', out);
  return `${out.join('')}\n`;
}

const FINDING = ROOT.properties?.findings?.items;
/** Where the findings array starts: a key at depth 1 is the only place a line starts like this. */
const FINDINGS_KEY = '\n  "findings": ';
/** Inside the findings array, each finding's lines are indented by two levels. */
const FINDING_INDENT = '\n    ';

const REPORT_KEYS = Object.keys(ROOT.properties ?? {});
/** Schema keys the report's text writes before `findings`. */
const BEFORE_FINDINGS = new Set(REPORT_KEYS.slice(0, REPORT_KEYS.indexOf('findings')));

/**
 * The report's text before its findings array, or after it (the array's own text left out). Each
 * side renders only the keys that stand on that side — schema keys in schema order, array-index
 * keys first, other keys last, as writeOrdered places them — so merge data (tens of megabytes,
 * after the findings) is rendered once, not with the head as well.
 */
function around(report: ComplianceReport, side: 'before' | 'after', book: PlanBook): string {
  const part: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(report)) {
    if (key === 'findings') continue;
    const before = BEFORE_FINDINGS.has(key) || isArrayIndex(key);
    if (before === (side === 'before')) part[key] = (report as unknown as Record<string, unknown>)[key];
  }
  part.findings = [];
  const text = renderWith(part as unknown as ComplianceReport, book);
  const open = text.indexOf(FINDINGS_KEY) + FINDINGS_KEY.length;
  // `[]`: the empty array the part was rendered with.
  return side === 'before' ? text.slice(0, open) : text.slice(open + 2);
}

export function jsonWriter(report: ComplianceReport): ReportWriter {
  let count = 0;
  const book = new PlanBook();
  const findingPlan = book.of(FINDING);
  return {
    start: () => around(report, 'before', book),
    findings(group) {
      const out: string[] = [];
      for (const finding of group) {
        out.push(count === 0 ? '[' : ',', FINDING_INDENT);
        writeOrdered(finding, findingPlan, '    ', out);
        count++;
      }
      return out.join('');
    },
    end: () => `${count === 0 ? '[]' : '\n  ]'}${around(report, 'after', book)}`,
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
