/**
 * Strings the auditor keeps for the whole run must own their characters. A field read by a parser is
 * usually a V8 "sliced string": a view into the chunk of the file it came from. Keeping one such
 * view (a host id as a Map key, a title's name, a version) keeps its whole chunk of text alive, so
 * memory would follow the file instead of hosts and titles. Every
 * string stored beyond the current record goes through `ownCopy` (once per host or distinct value,
 * never per record) or through a `StringPool`.
 */

/**
 * A copy that does not point into its source. A JSON round trip is the one way to get a fresh flat
 * string (V8 has no "copy string" operation; slicing a concatenation gives another sliced view), and
 * it comes back one byte per character when the text is Latin-1 (host ids, versions), where the
 * parser's views of a file holding Chinese are two. Lone surrogates survive it (escaped, then read).
 */
export function ownCopy(text: string): string;
export function ownCopy(text: string | undefined): string | undefined;
export function ownCopy(text: string | undefined): string | undefined {
  return text === undefined ? undefined : (JSON.parse(JSON.stringify(text)) as string);
}

/** Interns values that repeat across hosts (units, KMS hosts, channels, editions): one owned copy each. */
export class StringPool {
  private readonly pool = new Map<string, string>();

  get(text: string): string;
  get(text: string | undefined): string | undefined;
  get(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    let owned = this.pool.get(text);
    if (owned === undefined) {
      owned = ownCopy(text);
      this.pool.set(owned, owned);
    }
    return owned;
  }
}
