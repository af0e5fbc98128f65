/**
 * The shape a JSON report must have before diff or merge trust it: every field they read, with
 * its type. A file that fails names the first field that is wrong (`findings[3].subject`), so a
 * hand-edited, truncated or hostile report is "not a zhengban report" with a place, never an
 * internal TypeError from deep inside a merge.
 */

type Check = (value: unknown) => boolean;

const isObject: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isArray: Check = Array.isArray;
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);

/** Field name → check, for one object. */
type Shape = Record<string, Check>;

function firstBadField(value: unknown, shape: Shape, at: string): string | undefined {
  if (!isObject(value)) return at;
  const record = value as Record<string, unknown>;
  for (const [field, check] of Object.entries(shape)) {
    if (!Object.hasOwn(record, field) ? !check(undefined) : !check(record[field])) return `${at}.${field}`;
  }
  return undefined;
}

function firstBadItem(list: unknown, shape: Shape, at: string): string | undefined {
  if (!Array.isArray(list)) return at;
  for (let i = 0; i < list.length; i++) {
    const bad = firstBadField(list[i], shape, `${at}[${i}]`);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

const LOCAL_TEXT: Check = (value) => isObject(value) && isString((value as { zh?: unknown }).zh);

const FINDING: Shape = {
  id: isString,
  rule: isString,
  status: isString,
  severity: isString,
  subject: isObject,
  message: LOCAL_TEXT,
  evidence: isArray,
};

const CLASS_STATS: Shape = { installed: isNumber, genuine: isNumber, domestic: isNumber, missing: isNumber };

/** Per-class counts: every value an object of counts (the merge adds them up). */
function firstBadClasses(unitList: unknown, at: string): string | undefined {
  const list = unitList as { classes: Record<string, unknown> }[];
  for (let i = 0; i < list.length; i++) {
    for (const [cls, stats] of Object.entries(list[i]!.classes)) {
      const bad = firstBadField(stats, CLASS_STATS, `${at}[${i}].classes.${cls}`);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

const UNIT: Shape = {
  unit: isString,
  computers: isNumber,
  classes: isObject,
  unauthorised: optional(isNumber),
};

const SEAT: Shape = {
  id: isString,
  host: isString,
  unit: isString,
  product: isString,
  software: isObject,
  evidence: isArray,
};

/** The first bad field of a finding (`findings[3].subject`), checked as the finding is read. */
export const badFinding = (item: unknown, index: number): string | undefined =>
  firstBadField(item, FINDING, `findings[${index}]`);

/** The first bad field of a merge basis seat, checked as the seat is read. */
export const badSeat = (item: unknown, index: number): string | undefined =>
  firstBadField(item, SEAT, `mergeBasis.seats[${index}]`);

/**
 * What the reader already found in the findings and seats it checked one by one as they streamed
 * by (and may not have kept whole): the first bad field of each list, if any.
 */
export interface CheckedLists {
  findings: string | undefined;
  seats: string | undefined;
}

/**
 * The first field of `data` that a zhengban report does not have as it should, or undefined.
 * `checked`: the findings and seats were checked as they were read (badFinding, badSeat).
 */
export function badReportField(data: unknown, checked?: CheckedLists): string | undefined {
  const top = firstBadField(
    data,
    {
      schemaVersion: (value) => value === 1,
      asOf: isString,
      tool: isObject,
      policy: (value) => firstBadField(value, { name: isString, sources: isArray }, 'policy') === undefined,
      totals: isObject,
      inputs: isArray,
      units: isArray,
      findings: isArray,
      entitlements: optional(isArray),
      unrecognised: optional(isArray),
      problems: optional(isArray),
      rules: optional(isArray),
      classes: optional(isArray),
      mergeBasis: optional(isObject),
    },
    '',
  );
  if (top !== undefined) return top.replace(/^\./, '') || 'the top level';
  const report = data as Record<string, unknown>;
  const bad =
    (checked ? checked.findings : firstBadItem(report.findings, FINDING, 'findings')) ??
    firstBadItem(report.units, UNIT, 'units') ??
    firstBadClasses(report.units, 'units') ??
    firstBadField(report.totals, { computers: isNumber, classes: isObject }, 'totals') ??
    firstBadItem(report.inputs, { source: isString }, 'inputs');
  if (bad !== undefined) return bad;
  if (report.mergeBasis === undefined) return undefined;
  return (
    firstBadField(
      report.mergeBasis,
      { policy: isObject, units: isArray, waiverClock: isString, seats: isArray },
      'mergeBasis',
    ) ??
    (checked
      ? checked.seats
      : firstBadItem((report.mergeBasis as { seats: unknown }).seats, SEAT, 'mergeBasis.seats'))
  );
}
