/**
 * Readers for the small value types of a policy: dates, severity words, texts, editions, string
 * lists. Each returns the normalised value, or undefined after recording a located problem (wrong
 * types were already reported by the schema walker, so they are skipped silently here).
 */
import { CANONICAL_EDITIONS, canonicalEdition } from '../editions.js';
import type { IsoDate, LocalText, Outcome, Severity } from '../model.js';
import { bilingual } from '../problem-text.js';
import { rangeFaultText } from '../problem-texts/range-faults.js';
import { parseVersionRange } from '../versions/range.js';
import type { Path, PolicyTree } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';
import { describePath, pathText } from './schema-walker.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 2013-02-30). */
export function isRealDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date value: `YYYY-MM-DD` text, or a Date (YAML 1.1 timestamps, or data built in code), taken
 * as its UTC calendar day.
 */
export function readDate(
  value: unknown,
  tree: PolicyTree,
  path: Path,
  problems: ProblemList,
): IsoDate | undefined {
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    problems.error('bad-date', `${describePath(path)} is not a valid date.`, tree.at(path), {
      name: pathText(path),
      value: '',
    });
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (!ISO_DATE.test(value)) {
    problems.error(
      'bad-date',
      `${describePath(path)} must be a date written YYYY-MM-DD, not "${value}".`,
      tree.at(path),
      { name: pathText(path), value: { zh: `，不能是 "${value}"`, en: value } },
    );
    return undefined;
  }
  if (!isRealDate(value)) {
    problems.error(
      'impossible-date',
      `${describePath(path)} is ${value}, a day that does not exist.`,
      tree.at(path),
      { name: pathText(path), value },
    );
    return undefined;
  }
  return value;
}

/** A version range, checked for syntax (comparison happens per scheme in the engine). */
export function readRange(
  value: unknown,
  tree: PolicyTree,
  path: Path,
  problems: ProblemList,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseVersionRange(value);
  if (parsed.ok) return value.trim();
  const en = `Version range "${value}" is not valid: ${parsed.reason}.`;
  if (parsed.wildcard) {
    const { version, meant } = parsed.wildcard;
    const zh = `版本范围“${value}”无效：版本号“${version}”带通配符，请写成 ${meant}。`;
    problems.errorText('bad-range', { zh, en }, tree.at(path));
  } else
    problems.error('bad-range', en, tree.at(path), {
      range: value,
      reason: parsed.reason,
      why: bilingual(rangeFaultText(parsed.fault), parsed.reason),
    });
  return undefined;
}

/** What each severity word of the format means. */
export const SEVERITY_OUTCOMES: Readonly<Record<string, Outcome>> = {
  fail: { status: 'fail', severity: 'high' },
  warn: { status: 'warn', severity: 'medium' },
  critical: { status: 'fail', severity: 'critical' },
  high: { status: 'fail', severity: 'high' },
  medium: { status: 'fail', severity: 'medium' },
  low: { status: 'fail', severity: 'low' },
  info: { status: 'warn', severity: 'info' as Severity },
};

/** A severity word as an Outcome; `fallback` when absent (an unknown word was reported by the schema). */
export function readOutcome(value: unknown, fallback: keyof typeof SEVERITY_OUTCOMES): Outcome {
  const outcome = typeof value === 'string' ? SEVERITY_OUTCOMES[value] : undefined;
  return { ...(outcome ?? SEVERITY_OUTCOMES[fallback]!) };
}

/** A text: one string for both locales, or `{zh, en}`. */
export function readLocalText(value: unknown): LocalText | undefined {
  if (typeof value === 'string') return { zh: value, en: value };
  if (isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string') {
    return { zh: value.zh, en: value.en };
  }
  return undefined;
}

/** Strings of a `string | string[]` value; non-strings are skipped (already reported). */
export function readStrings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string');
}

/** Editions canonicalised (`专业版` → Professional); an unknown word is a problem naming the known ones. */
export function readEditions(
  value: unknown,
  tree: PolicyTree,
  path: Path,
  problems: ProblemList,
): string[] | undefined {
  const words = readStrings(value);
  if (!words) return undefined;
  const editions: string[] = [];
  words.forEach((word, index) => {
    const canonical = canonicalEdition(word);
    if (canonical) {
      if (!editions.includes(canonical)) editions.push(canonical);
      return;
    }
    const at = typeof value === 'string' ? path : [...path, index];
    problems.error(
      'unknown-edition',
      `Unknown edition "${word}"; known editions: ${CANONICAL_EDITIONS.join(', ')} (and their Chinese and vendor spellings).`,
      tree.at(at),
      { edition: word, known: CANONICAL_EDITIONS.join(', ') },
    );
  });
  return editions;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A plain (null-prototype) deep copy of free-form data such as rule conditions. */
export function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainCopy);
  if (isRecord(value)) {
    const copy: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value)) copy[key] = plainCopy(value[key]);
    return copy;
  }
  return value;
}
