/**
 * A host as the compact store keeps it: the fields judging reads (StoredHost) plus its
 * installations as shared kinds with (index, code) pairs of evidence and activation, its titles as
 * id sets, and its occurrences. Memory follows hosts and distinct titles, never records.
 */
import type { Evidence, OsInfo, RecordAttributes } from '../../model.js';
import { type Activation, NO_ACTIVATION, newActivation, writable } from '../activation-facts.js';
import { CustomRefs } from '../custom-refs.js';
import type { EvidenceCodes } from '../evidence-codes.js';
import type { StoredHost } from '../model/host.js';
import type { InstallationState, InstallKind } from '../model/installation.js';
import type { Occurrence } from '../model/occurrence.js';
import type { StringPool } from '../own-strings.js';
import type { Recognition } from '../rules/recogniser.js';
import { EMPTY_IDS, type IdSet } from '../title-registry.js';

export interface CompactHost extends StoredHost {
  units: readonly string[];
  hostnames: readonly string[];
  os: OsInfo | undefined;
  osEvidence: Evidence[];
  osActivation: Activation;
  /**
   * The catalogued installations, compact (installationsOf() gives them as objects): one kind per
   * installation — of the smallest spelling seen, so merging never depends on order —
   */
  kinds: InstallKind[];
  /** (installation index, evidence code) pairs in arrival order (evidence-codes.ts), */
  evidence: number[];
  /** and (installation index, activation) pairs for those whose records said anything about it. */
  activations: (number | Activation)[] | undefined;
  /**
   * Every title (name, publisher) on the host, sorted ids, and the titles no product recognised on
   * it: needed while hosts arrive (a title is counted once per host) and by the first judging pass;
   * then released (a fifth of a province's store). `softwareCount` stays.
   */
  titles: IdSet;
  unrecognisedTitles: IdSet;
  softwareCount: number;
  /** Title id → the records matching a forbidden pattern (created on the first). */
  forbidden: Map<number, Occurrence> | undefined;
  /** Title id + version → unrecognised records, kept only when unrecognised software is judged. */
  unrecognised: Map<string, Occurrence> | undefined;
  /** Custom software rules: which records met which tuple. */
  custom: CustomRefs;
  arrivals: number;
}

const NO_TEXTS: readonly string[] = Object.freeze([]);

/** A host seen for the first time; `id` must be an owned copy (own-strings.ts). */
export function newCompactHost(id: string, keepUnrecognised: boolean): CompactHost {
  // Every field in the literal (os ones too, set later or never): one hidden class for all hosts.
  return {
    id,
    units: NO_TEXTS,
    hostnames: NO_TEXTS,
    os: undefined,
    osRecognition: undefined as Recognition | null | undefined,
    osEvidence: [],
    osActivation: NO_ACTIVATION,
    kinds: [],
    evidence: [],
    activations: undefined,
    titles: EMPTY_IDS,
    unrecognisedTitles: EMPTY_IDS,
    softwareCount: 0,
    forbidden: undefined,
    custom: new CustomRefs(),
    arrivals: 0,
    unrecognised: keepUnrecognised ? new Map() : undefined,
  };
}

/** The host's OS with owned strings (it is kept for the whole run). */
export function ownOs(os: OsInfo, strings: StringPool): OsInfo {
  const owned: OsInfo = { ...os, name: strings.get(os.name) };
  if (os.version !== undefined) owned.version = strings.get(os.version);
  if (os.build !== undefined) owned.build = strings.get(os.build);
  if (os.edition !== undefined) owned.edition = strings.get(os.edition);
  if (os.id !== undefined) owned.id = strings.get(os.id);
  if (os.attributes) {
    const attributes: RecordAttributes = {};
    for (const [key, value] of Object.entries(os.attributes))
      attributes[strings.get(key)] = typeof value === 'string' ? strings.get(value) : value;
    owned.attributes = attributes;
  }
  return owned;
}

/** The activation facts of installation `index` of the host, created on the first. */
export function activationOf(host: CompactHost, index: number): Activation {
  host.activations ??= [];
  const pairs = host.activations;
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i] !== index) continue;
    pairs[i + 1] = writable(pairs[i + 1] as Activation);
    return pairs[i + 1] as Activation;
  }
  const activation = newActivation();
  pairs.push(index, activation);
  return activation;
}

/**
 * Puts the host's installations in installation-key order, once no add() can follow: judging sorts
 * them by key in each of its passes, and a sorted list costs that sort one comparison per
 * installation. Evidence and activations keep their order within each installation.
 */
export function putInKeyOrder(host: CompactHost): void {
  const kinds = host.kinds;
  let sorted = true;
  for (let i = 1; i < kinds.length && sorted; i++) if (kinds[i - 1]!.key > kinds[i]!.key) sorted = false;
  if (sorted) return;
  // Reordered in place: the host's list is old by now, and a new one per host would leave 100 000
  // old lists for a full collection at the run's peak. The copies here die young.
  const before = kinds.slice();
  const order = before.map((_, i) => i).sort((a, b) => (before[a]!.key < before[b]!.key ? -1 : 1));
  const position = new Int32Array(kinds.length);
  for (let i = 0; i < order.length; i++) {
    position[order[i]!] = i;
    kinds[i] = before[order[i]!]!;
  }
  const pairs = host.evidence;
  for (let i = 0; i < pairs.length; i += 2) pairs[i] = position[pairs[i]!]!;
  const activations = host.activations;
  if (activations)
    for (let i = 0; i < activations.length; i += 2) activations[i] = position[activations[i] as number]!;
}

/** The host's installations as fresh objects, evidence decoded unless `withEvidence` is false. */
export function installationsOf(
  host: CompactHost,
  codes: EvidenceCodes,
  withEvidence: boolean,
): InstallationState[] {
  const items: InstallationState[] = new Array(host.kinds.length);
  for (let i = 0; i < host.kinds.length; i++) {
    const kind = host.kinds[i]!;
    items[i] = {
      product: kind.product,
      version: kind.version,
      edition: kind.edition,
      software: kind.software,
      evidence: [],
      recognition: kind.recognition,
      activation: NO_ACTIVATION,
      os: false,
      key: kind.key,
    };
  }
  const pairs = withEvidence ? host.evidence : [];
  for (let i = 0; i < pairs.length; i += 2) items[pairs[i]!]!.evidence.push(codes.decode(pairs[i + 1]!));
  const activations = host.activations;
  if (activations)
    for (let i = 0; i < activations.length; i += 2)
      items[activations[i] as number]!.activation = activations[i + 1] as Activation;
  return items;
}
