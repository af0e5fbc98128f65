/**
 * A host's installations while one inventory of it is read: one per installation key, of the
 * smallest spelling seen (rules/dedupe.ts), found by key in the host's list of kinds.
 */
import type { InstallKind } from '../model/installation.js';
import { spelledSmaller } from '../rules/dedupe.js';

/** Past this many installations on one host, looking one up by key uses a map, not a scan. */
const LINEAR_LOOKUP_LIMIT = 48;

export class KindIndex {
  /** Made once a host has more installations than a scan should take. */
  private byKey: Map<string, number> | undefined;

  constructor(private readonly kinds: InstallKind[]) {}

  /** The index of the host's installation of `kind`'s key, added when new. */
  place(kind: InstallKind): number {
    const kinds = this.kinds;
    let index = -1;
    if (this.byKey) index = this.byKey.get(kind.key) ?? -1;
    else {
      for (let i = 0; i < kinds.length; i++) {
        const other = kinds[i]!;
        if (other === kind || other.key === kind.key) {
          index = i;
          break;
        }
      }
      if (kinds.length >= LINEAR_LOOKUP_LIMIT) this.byKey = new Map(kinds.map((k, i) => [k.key, i]));
    }
    if (index < 0) {
      index = kinds.length;
      kinds.push(kind);
      this.byKey?.set(kind.key, index);
    } else if (kinds[index] !== kind && spelledSmaller(kind.software, kinds[index]!.software)) {
      kinds[index] = kind;
    }
    return index;
  }
}
