/** Little types every other model file uses: locales, bilingual texts, dates, source locations. */

/** Locales every user-facing text is available in. zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** A text in both locales. Policy authors may give a plain string; the loader fills both from it. */
export interface LocalText {
  zh: string;
  en: string;
}

/** A value a problem's message is made from: data as it is, or words in both languages. */
export type ProblemParam = string | number | LocalText;

export type ProblemParams = Record<string, ProblemParam>;

/** An ISO calendar date, `YYYY-MM-DD`. Dates are compared as strings, never through time zones. */
export type IsoDate = string;

/**
 * Where something was read: a file with line (and column), a registry key, a JSON pointer.
 * Lines and columns are 1-based.
 */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A registry key path, a JSON pointer or another logical address inside the file. */
  key?: string;
}
