/**
 * Spellings of software as read (SoftwareRef) made from records, and the occurrences of forbidden
 * or unrecognised titles they add up to (the smallest spelling kept: rules/dedupe.ts).
 */
import type { Evidence, Product } from '../model.js';
import type { Occurrence } from './model/occurrence.js';
import type { SoftwareRef } from './model/software-ref.js';
import { compareRef } from './rules/dedupe.js';

/** One literal per combination of fields (same key order as ever): no property store is grown. */
export function makeRef(name: string, publisher?: string, version?: string, edition?: string): SoftwareRef {
  if (version) {
    if (publisher) return edition ? { name, version, publisher, edition } : { name, version, publisher };
    return edition ? { name, version, edition } : { name, version };
  }
  if (publisher) return edition ? { name, publisher, edition } : { name, publisher };
  return edition ? { name, edition } : { name };
}

/**
 * A spelling many findings will point at (an installation kind's, an OS's, an unrecognised
 * variant's): frozen, so that no reader of one finding can change another's, and so that what
 * describes it may be cached by it (isSharedSpelling).
 */
export const sharedSpelling = (ref: SoftwareRef): SoftwareRef => Object.freeze(ref);

/** True for a spelling made by sharedSpelling (safe to key a cache of derived parts by). */
export const isSharedSpelling = (ref: SoftwareRef): boolean => Object.isFrozen(ref);

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
