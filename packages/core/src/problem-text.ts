/**
 * Problems in the reader's language. A problem keeps its English `message` (library users and the
 * JSON report read it) and carries a stable `code` with the `params` it was made from; the words a
 * person sees come from the zh-CN catalogue by code (problem-texts/), with `{name}` placeholders
 * filled from the params. English is the message itself.
 *
 * Tolerant by design: a code without a catalogue entry, or an entry naming a param the problem did
 * not bring, shows the English message, so a problem added on another branch is never lost, only
 * untranslated until its entry is written (problem-texts.test.ts lists such codes).
 */
import type { Locale, LocalText, Problem, ProblemParam } from './model.js';
import { INPUT_PROBLEM_TEXTS } from './problem-texts/input-problems.js';
import { OTHER_PROBLEM_TEXTS } from './problem-texts/other-problems.js';
import { POLICY_PROBLEM_TEXTS } from './problem-texts/policy-problems.js';

const ZH: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  POLICY_PROBLEM_TEXTS,
  INPUT_PROBLEM_TEXTS,
  OTHER_PROBLEM_TEXTS,
);

/** Words in both languages, for a param that is itself text (a hint, a description). */
export const bilingual = (zh: string, en: string): LocalText => ({ zh, en });

function paramText(value: ProblemParam, locale: Locale): string {
  if (typeof value === 'object') return locale === 'en' ? value.en : value.zh;
  return String(value);
}

/** True when the zh-CN catalogue has a text for `code`. */
export function hasProblemText(code: string): boolean {
  return Object.hasOwn(ZH, code);
}

/** Every code the catalogue has a zh-CN text for. */
export function problemTextCodes(): string[] {
  return Object.keys(ZH).sort();
}

/** The problem's text in `locale`: the catalogue's words with its params, else its message. */
export function problemText(
  problem: Pick<Problem, 'code' | 'message' | 'params' | 'text'>,
  locale: Locale,
): string {
  // Written in both languages by whoever reported it (the policy linter): used as it is.
  if (problem.text) return (locale === 'en' ? problem.text.en : problem.text.zh) || problem.message;
  if (locale === 'en') return problem.message;
  const template = Object.hasOwn(ZH, problem.code) ? ZH[problem.code]! : undefined;
  if (template === undefined) return problem.message;
  const params = problem.params ?? {};
  let complete = true;
  // `{name}` must be given; `{?name}` may be left out (e.g. `skipped` when a scanner goes on).
  const text = template.replace(/\{(\??)(\w+)\}/g, (_, optional: string, name: string) => {
    if (!Object.hasOwn(params, name)) {
      if (optional === '') complete = false;
      return '';
    }
    return paramText(params[name]!, locale);
  });
  return complete ? text : problem.message;
}
