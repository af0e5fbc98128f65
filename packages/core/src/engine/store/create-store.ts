/** The store an auditor keeps the fleet in (fleet-store.ts): compact, or the plain reference one. */
import { CompactStore } from './compact-store.js';
import type { FleetStore, StoreOptions } from './fleet-store.js';
import { ReferenceStore } from './reference-store.js';

export type StoreKind = 'compact' | 'reference';

export function createStore(kind: StoreKind, options: StoreOptions): FleetStore {
  return kind === 'reference' ? new ReferenceStore(options) : new CompactStore(options);
}
