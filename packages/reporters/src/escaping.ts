/**
 * Every string in a report may come from an untrusted inventory or policy (a software name is
 * whatever an installer wrote). Each output context has one escaping function here; formats call
 * them on every report string and never concatenate raw text.
 */

/** Lone UTF-16 surrogates: not encodable in UTF-8, so every format replaces them with U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** C0 controls except tab/LF/CR, DEL and C1 controls: invalid in XML 1.0, parse errors in HTML. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Every C0/C1 control, tab and newlines included: for one-line terminal and table cells. */
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates, marks): U+202E turns
 * `exe.txt` into `txt.exe` on screen, so a name could read as something else in a terminal or a
 * rendered markdown table. Shown as U+FFFD wherever a name is printed.
 */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, lone surrogates): one of
 * them in any name makes an XML part not well-formed — an xlsx that Excel refuses to open.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Unicode noncharacters (U+FDD0–U+FDEF and the last two code points of every plane): never text,
 * so a name holding one was made to break something (U+FFFE reads as a byte-order mark swapped).
 * Shown as U+FFFD wherever a name is printed as text.
 */
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

export function replaceLoneSurrogates(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value in HTML (and SVG inside HTML). Controls and bidi controls become U+FFFD. */
export function escapeHtml(value: string): string {
  return replaceLoneSurrogates(value)
    .replace(CONTROL, '\uFFFD')
    .replace(BIDI_CONTROL, '\uFFFD')
    .replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * Text that can go into any XML 1.0 document: every character XML forbids becomes `replacement`
 * (lone surrogates become U+FFFD). For XML written by a library (exceljs), which escapes markup
 * but passes these characters through.
 */
export function xmlSafeText(value: string, replacement = '\uFFFD'): string {
  return replaceLoneSurrogates(value).replace(XML_INVALID, replacement);
}

/**
 * Report text a page script sets as `textContent` (html findings data): the characters escapeHtml
 * replaces are replaced the same way, so a drawn row reads like a written one; nothing is escaped
 * because textContent never parses markup.
 */
export function htmlTextValue(value: string): string {
  return replaceLoneSurrogates(value).replace(CONTROL, '\uFFFD').replace(BIDI_CONTROL, '\uFFFD');
}

/** Text or attribute value in XML 1.0: characters XML forbids are removed, the rest escaped. */
export function escapeXml(value: string): string {
  return xmlSafeText(value, '')
    .replace(CONTROL, '')
    .replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * One line for a terminal: escape sequences and other controls could recolour or rewrite the
 * screen, so every control character (and every bidi control and noncharacter) becomes U+FFFD.
 */
export function sanitiseTerminal(value: string): string {
  return replaceLoneSurrogates(value)
    .replace(ANY_CONTROL, '\uFFFD')
    .replace(BIDI_CONTROL, '\uFFFD')
    .replace(NONCHARACTER, '\uFFFD');
}

/**
 * A GitHub-flavoured markdown table cell: `|` would split the cell, backticks open code, `*_[]`
 * emphasis and links, HTML would render; newlines end the row.
 */
export function escapeMarkdownCell(value: string): string {
  return replaceLoneSurrogates(value)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(ANY_CONTROL, '\uFFFD')
    .replace(BIDI_CONTROL, '\uFFFD')
    .replace(NONCHARACTER, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, (char) => `\\${char}`);
}
