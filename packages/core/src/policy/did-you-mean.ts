import type { LocalText } from '../model.js';

/**
 * "Did you mean …" suggestions for misspelt keys, ids and names (Levenshtein distance), so a policy
 * author sees `seats` when they typed `seat`.
 */

/** Edit distance between two strings (insertions, deletions, substitutions), capped for speed. */
export function editDistance(a: string, b: string, cap = 64): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
 * word's length (minimum 1, maximum 3 edits). Case differences count as half an edit.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const score =
      candidate.toLowerCase() === word.toLowerCase()
        ? 0.5
        : editDistance(word.toLowerCase(), candidate.toLowerCase(), limit);
    if (score <= limit && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** `; did you mean "x"?` (and its Chinese) or empty strings: a problem param. */
export function didYouMeanText(word: string, candidates: Iterable<string>): LocalText {
  const suggestion = closest(word, candidates);
  return suggestion === undefined
    ? { zh: '', en: '' }
    : { zh: `，是不是想写 "${suggestion}"？`, en: `; did you mean "${suggestion}"?` };
}

/**
 * The Chinese of an English hint tail built by this module's callers (`; did you mean "x"?`,
 * `; known: …`, `; available: …`, `.`), for a problem param; other text is kept as it is.
 */
export function hintText(en: string): LocalText {
  const suggestion = /^; did you mean (".+")\?$/.exec(en);
  if (suggestion) return { zh: `，是不是想写 ${suggestion[1]}？`, en };
  const list = /^; (known|available|allowed keys): (.*)\.$/.exec(en);
  if (list) return { zh: `；${list[1] === 'allowed keys' ? '可用的键' : '可用的有'}：${list[2]}。`, en };
  if (en === '.' || en === '') return { zh: '。', en };
  return { zh: en, en };
}

/** `; did you mean "x"?` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}
