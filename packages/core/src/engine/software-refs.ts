/**
 * Spellings of software as read (SoftwareRef): compared field by field so that, when several
 * spellings of one installation or title meet on a host, the smallest is kept whatever the order
 * they arrived in; and the occurrences of forbidden or unrecognised titles built from records.
 */
import type { Evidence, Product } from '../model.js';
import type { Occurrence, SoftwareRef } from './host-store.js';

const cmp = (a?: string, b?: string): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** The smaller of two spellings of one installation, so merging never depends on order. */
export function smallerRef(a: SoftwareRef, b: SoftwareRef): SoftwareRef {
  return compareRef(a, b.name, b.publisher, b.version, b.edition) <= 0 ? a : b;
}

export function compareRef(
  a: SoftwareRef,
  name: string,
  publisher?: string,
  version?: string,
  edition?: string,
): number {
  return (
    cmp(a.name, name) || cmp(a.publisher, publisher) || cmp(a.version, version) || cmp(a.edition, edition)
  );
}

/** One literal per combination of fields (same key order as ever): no property store is grown. */
export function makeRef(name: string, publisher?: string, version?: string, edition?: string): SoftwareRef {
  if (version) {
    if (publisher) return edition ? { name, version, publisher, edition } : { name, version, publisher };
    return edition ? { name, version, edition } : { name, version };
  }
  if (publisher) return edition ? { name, publisher, edition } : { name, publisher };
  return edition ? { name, edition } : { name };
}

/** Adds one record to the occurrence of its key (created on first sight). */
export function note<K>(
  map: Map<K, Occurrence>,
  key: K,
  name: string,
  publisher: string | undefined,
  version: string | undefined,
  edition: string | undefined,
  evidence: Evidence | undefined,
  product: Product | undefined,
): void {
  const existing = map.get(key);
  if (existing) {
    if (compareRef(existing.software, name, publisher, version, edition) > 0) {
      existing.software = makeRef(name, publisher, version, edition);
    }
    if (evidence) existing.evidence.push(evidence);
    return;
  }
  const occurrence: Occurrence = {
    software: makeRef(name, publisher, version, edition),
    evidence: evidence ? [evidence] : [],
  };
  if (product) occurrence.product = product;
  map.set(key, occurrence);
}
