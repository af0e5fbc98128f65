/** Small text clean-ups shared by the scanners. */

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/**
 * A field value as a user should see it: control characters (seen in DisplayVersion values, NULs
 * of multi-string values) turned into a space, surrounding space trimmed; empty → undefined.
 */
export function cleanValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).replace(CONTROL_CHARACTERS, ' ').trim();
  return text === '' ? undefined : text;
}

/** The first 120 characters of a line, for a problem's excerpt. */
export function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Longer software names are not software names (a broken export, a pasted document, a hostile
 * agent): rejected at their record, since every catalogue pattern is matched over a name, and over
 * a name of megabytes that would hold the audit up on one record. The CSV reader has the same bound.
 */
export const MAX_NAME_LENGTH = 1024;

/** Why a name is refused (as the end of a sentence), or undefined when it is fine. */
/** The same, in both languages (for a problem's `text`). */
export function overlongNameText(name: string): { zh: string; en: string } | undefined {
  const en = overlongName(name);
  if (en === undefined) return undefined;
  return { zh: `名称长 ${name.length} 个字符，超过 ${MAX_NAME_LENGTH}（不是软件名称）；已跳过`, en };
}

export function overlongName(name: string): string | undefined {
  return name.length > MAX_NAME_LENGTH
    ? `the name is ${name.length} characters long, more than ${MAX_NAME_LENGTH} (not a software name); skipped`
    : undefined;
}
