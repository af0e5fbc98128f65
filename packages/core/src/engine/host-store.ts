/**
 * What the auditor keeps per computer while hosts stream in: which products (version, edition) it
 * has with their evidence and activation evidence, which titles it has (as ids), and the few records
 * that judgement needs later (forbidden hits; unrecognised ones when they are judged; custom-rule
 * tuples). Never the raw records: memory follows hosts and distinct titles.
 *
 * The same host id may arrive several times (two scanners, non-contiguous CSV rows): everything is
 * merged, and every choice between two observations is made by value, not by arrival order.
 */
import type { Evidence, HostInventory, OsInfo, Product, RecordAttributes, SoftwareRecord } from '../model.js';
import {
  type Activation,
  ActivationPool,
  hasActivation,
  NO_ACTIVATION,
  newActivation,
  noteActivation,
  withUnique,
  writable,
} from './activation-facts.js';
import { type CustomOccurrence, type CustomRefSource, CustomRefs } from './custom-refs.js';
import { EvidenceCodes } from './evidence-codes.js';
import { ownCopy, StringPool } from './own-strings.js';
import { recordFact } from './record-facts.js';
import type { Recogniser, Recognition } from './rules/recogniser.js';
import { compareRef, makeRef, note } from './software-refs.js';
import type { SoftwareRule } from './software-rules.js';
import { EMPTY_IDS, type IdSet, mergeIds, type TitleRegistry } from './title-registry.js';
import { LIVE_SLOTS, type TitleVariant, VariantRegistry } from './title-variants.js';

export { type Activation, NO_ACTIVATION, newActivation } from './activation-facts.js';
export { installationKey, type SoftwareFactSource, softwareFact } from './record-facts.js';
export { smallerRef } from './software-refs.js';

export interface SoftwareRef {
  name: string;
  version?: string;
  publisher?: string;
  edition?: string;
}

export interface InstallationState {
  product: Product;
  version?: string;
  edition?: string;
  /** The installation as read (the smallest spelling when several records merged). */
  software: SoftwareRef;
  evidence: Evidence[];
  /** How it was recognised, for the trace. */
  recognition: string;
  activation: Activation;
  os: boolean;
  /**
   * installationKey(product.id, version, edition), when the store made it (its kind's, already
   * hashed): judging looks installations up by it three times per host.
   */
  key?: string;
}

/**
 * What every installation of one title variant shares (product, version, edition, the spelling as
 * read, how it was recognised): made once per variant, pointed at by each host that has it.
 */
export interface InstallKind {
  /** installationKey(product, version, edition): one installation per key and host. */
  key: string;
  product: Product;
  version: string | undefined;
  edition: string | undefined;
  software: SoftwareRef;
  recognition: string;
}

export interface Occurrence {
  software: SoftwareRef;
  product?: Product;
  evidence: Evidence[];
}

export interface HostState {
  id: string;
  /** Never changed in place: a host's one unit is a list shared by every host of that unit. */
  units: readonly string[];
  hostnames: readonly string[];
  os?: OsInfo;
  /** What judging recognised the OS as (null: nothing); asked once, when first judged. */
  osRecognition?: Recognition | null;
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
   * then dropped (`dropTitleSets`), a fifth of a province's store. `softwareCount` stays.
   */
  titles: IdSet;
  unrecognisedTitles: IdSet;
  /** The number of distinct titles on the host (the `softwareCount` fact). */
  softwareCount: number;
  /** Title id → the records matching a forbidden pattern (created on the first). */
  forbidden: Map<number, Occurrence> | undefined;
  /** Title id + version → unrecognised records, kept only when unrecognised software is judged. */
  unrecognised?: Map<string, Occurrence>;
  /** Custom software rules: which records met which tuple. */
  custom: CustomRefs;
  arrivals: number;
}

export interface HostStoreOptions {
  recogniser: Recogniser;
  titles: TitleRegistry;
  /** Keep unrecognised records for `unauthorised` findings. */
  keepUnrecognised: boolean;
  softwareRules: readonly SoftwareRule[];
}

function osScore(os: OsInfo): string {
  const known = [os.name, os.version, os.build, os.edition, os.id].filter(Boolean).length;
  return `${9 - known}\u0000${os.name}\u0000${os.version ?? ''}\u0000${os.build ?? ''}\u0000${os.edition ?? ''}\u0000${os.id ?? ''}`;
}

/** The host's OS with owned strings (it is kept for the whole run). */
function ownOs(os: OsInfo, strings: StringPool): OsInfo {
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

export class HostStore {
  readonly hosts = new Map<string, HostState>();
  /** Records without a usable name (counted, never silently dropped). */
  namelessRecords = 0;
  records = 0;
  /** Records × rules answered from a variant's cached verdicts (added to the memos' own hits). */
  ruleHits = 0;
  readonly variants: VariantRegistry;
  readonly evidenceCodes = new EvidenceCodes();
  /** Units, host names, KMS hosts, channels: few distinct values, one owned copy each. */
  private readonly strings = new StringPool();

  constructor(private readonly options: HostStoreOptions) {
    this.variants = new VariantRegistry(options.recogniser, options.titles, options.softwareRules);
    this.customSource = {
      titles: options.titles,
      variant: (id) => this.variants.byId(id),
      evidence: (code) => this.evidenceCodes.decode(code),
    };
  }

  add(host: HostInventory): void {
    const { titles, keepUnrecognised, softwareRules } = this.options;
    const variants = this.variants;
    const codes = this.evidenceCodes;
    let state = this.hosts.get(host.id);
    if (!state) {
      const id = ownCopy(host.id);
      // Every field in the literal (os ones too, set later or never): one hidden class for all hosts.
      state = {
        id,
        units: NO_TEXTS,
        hostnames: NO_TEXTS,
        os: undefined,
        osRecognition: undefined,
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
      this.hosts.set(id, state);
    }
    const strings = this.strings;
    state.arrivals++;
    state.units = this.listWith(state.units, strings.get(host.unit?.trim() || undefined));
    state.hostnames = this.listWith(state.hostnames, strings.get(host.hostname?.trim() || undefined));
    if (host.os?.name) {
      if (!state.os || osScore(host.os) < osScore(state.os)) state.os = ownOs(host.os, strings);
      state.osEvidence = withUnique(state.osEvidence, host.os.evidence);
      if (hasActivation(host.os.attributes)) {
        state.osActivation = writable(state.osActivation);
        noteActivation(state.osActivation, host.os.attributes, strings);
      }
    }

    const kinds = state.kinds;
    const evidencePairs = state.evidence;
    // Installation index by key, for a host with more installations than a scan should take.
    let byKey: Map<string, number> | undefined;
    const seen: number[] = [];
    const unrecognised: number[] = [];
    for (const record of host.software ?? []) {
      this.records++;
      let name = typeof record?.name === 'string' ? record.name.trim() : '';
      if (!name) {
        this.namelessRecords++;
        continue;
      }
      let publisher = record.publisher?.trim() || undefined;
      let version = record.version?.trim() || undefined;
      const editionRead = record.attributes?.edition;
      let variant = variants.find(name, publisher, version, editionRead);
      const fresh = variant === undefined;
      if (variant === undefined) variant = variants.add(name, publisher, version, editionRead);
      const titleId = variant.title;
      seen.push(titleId);
      const title = titles.get(titleId);
      // From here on the title's and variant's own copies, never the parser's views (own-strings.ts).
      name = title.name;
      publisher = title.publisher;
      version = variant.version;
      const recognition = variant.recognition;
      const evidence = record.evidence;
      if (title.forbidden >= 0) {
        state.forbidden ??= new Map();
        note(
          state.forbidden,
          titleId,
          name,
          publisher,
          version,
          recognition?.edition,
          evidence,
          recognition?.product,
        );
      }

      if (recognition) {
        variant.kind ??= {
          key: variant.installKey!,
          product: recognition.product,
          version: version || undefined,
          edition: recognition.edition || undefined,
          // Frozen: the findings about this installation on every host share it (shared-parts.ts).
          software: Object.freeze(makeRef(name, publisher, version, recognition.edition)),
          recognition: recognition.match.text,
        };
        const kind = variant.kind;
        let index = -1;
        if (byKey) index = byKey.get(kind.key) ?? -1;
        else {
          for (let i = 0; i < kinds.length; i++) {
            const other = kinds[i]!;
            if (other === kind || other.key === kind.key) {
              index = i;
              break;
            }
          }
          if (kinds.length >= LINEAR_LOOKUP_LIMIT) byKey = new Map(kinds.map((k, i) => [k.key, i]));
        }
        if (index < 0) {
          index = kinds.length;
          kinds.push(kind);
          byKey?.set(kind.key, index);
        } else if (
          kinds[index] !== kind &&
          compareRef(kinds[index]!.software, name, publisher, version, kind.edition) > 0
        ) {
          kinds[index] = kind;
        }
        if (evidence) evidencePairs.push(index, codes.encode(evidence));
        if (hasActivation(record.attributes)) {
          noteActivation(activationOf(state, index), record.attributes, strings);
        }
      } else {
        unrecognised.push(titleId);
        // Offering one version twice never changes the kept list, so once per variant is enough.
        if (!variant.versionNoted) {
          titles.noteVersion(titleId, version);
          variant.versionNoted = true;
        }
        if (state.unrecognised) {
          note(
            state.unrecognised,
            `${titleId}\u0000${version ?? ''}`,
            name,
            publisher,
            version,
            undefined,
            evidence,
            undefined,
          );
        }
      }
      if (softwareRules.length > 0) this.noteCustom(state, record, variant, fresh);
    }
    if (state.arrivals === 1) {
      // Arrays grown by push keep up to half their length spare; a host read in one piece (the usual
      // case) is copied once to its exact size. A host arriving in pieces keeps growing in place.
      state.kinds = kinds.slice();
      state.evidence = evidencePairs.slice();
      if (state.activations) state.activations = state.activations.slice();
      state.custom.trim();
    }
    // Activation facts repeat from host to host (the same status, the same KMS host): one frozen
    // object per combination, copied again if the host arrives once more with new facts.
    if (state.osActivation !== NO_ACTIVATION)
      state.osActivation = this.activationPool.shared(state.osActivation);
    const activations = state.activations;
    if (activations)
      for (let i = 1; i < activations.length; i += 2)
        activations[i] = this.activationPool.shared(activations[i] as Activation);
    state.titles = mergeIds(state.titles, seen).merged;
    state.softwareCount = state.titles.length;
    const merged = mergeIds(state.unrecognisedTitles, unrecognised);
    state.unrecognisedTitles = merged.merged;
    for (const titleId of merged.fresh) titles.noteHost(titleId, state.id);
  }

  /**
   * Puts the host's installations in installation-key order, once no add() can follow: judging sorts
   * them by key in each of its three passes, and a sorted list costs that sort one comparison per
   * installation. Evidence and activations keep their order within each installation.
   */
  putInKeyOrder(state: HostState): void {
    const kinds = state.kinds;
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
    const pairs = state.evidence;
    for (let i = 0; i < pairs.length; i += 2) pairs[i] = position[pairs[i]!]!;
    const activations = state.activations;
    if (activations)
      for (let i = 0; i < activations.length; i += 2) activations[i] = position[activations[i] as number]!;
  }

  /** Frees the host's title sets once the first judging pass is done with it (no add() after it). */
  dropTitleSets(state: HostState): void {
    state.titles = EMPTY_IDS;
    state.unrecognisedTitles = EMPTY_IDS;
  }

  /**
   * The host's catalogued installations as objects (fresh ones each call: judging folds and
   * annotates them), with their evidence decoded unless `withEvidence` is false (counting passes).
   * Insertion order; judging sorts them.
   */
  installationsOf(state: HostState, withEvidence = true): InstallationState[] {
    const items: InstallationState[] = new Array(state.kinds.length);
    for (let i = 0; i < state.kinds.length; i++) {
      const kind = state.kinds[i]!;
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
    const pairs = withEvidence ? state.evidence : [];
    for (let i = 0; i < pairs.length; i += 2)
      items[pairs[i]!]!.evidence.push(this.evidenceCodes.decode(pairs[i + 1]!));
    const activations = state.activations;
    if (activations)
      for (let i = 0; i < activations.length; i += 2)
        items[activations[i] as number]!.activation = activations[i + 1] as Activation;
    return items;
  }

  /**
   * The host's records of firing custom-rule tuples, grouped (custom-refs.ts). A recognised one is
   * spelled as `judged` spells the installation of its key (folding may have changed it), else as
   * the host's installation of that key was read.
   */
  customOccurrences(
    state: HostState,
    judged: ReadonlyMap<string, SoftwareRef>,
    keep: (rule: number, tuple: number) => boolean,
  ): CustomOccurrence[] {
    const spellingOf = (kind: InstallKind): SoftwareRef =>
      judged.get(kind.key) ?? state.kinds.find((k) => k.key === kind.key)?.software ?? kind.software;
    return state.custom.occurrences(this.customSource, spellingOf, keep);
  }

  /** `list` with `value` added when new, as a new list; one-value lists shared per value. */
  private listWith(list: readonly string[], value: string | undefined): readonly string[] {
    if (value === undefined || list.includes(value)) return list;
    if (list.length > 0) return [...list, value];
    let single = this.singletons.get(value);
    if (!single) {
      single = Object.freeze([value]);
      this.singletons.set(value, single);
    }
    return single;
  }

  private readonly singletons = new Map<string, readonly string[]>();
  private readonly customSource: CustomRefSource;
  private readonly activationPool = new ActivationPool();

  /** Remembers the record under each custom rule whose tuple fires (or cannot be judged). */
  private noteCustom(state: HostState, record: SoftwareRecord, variant: TitleVariant, fresh: boolean): void {
    const rules = this.options.softwareRules;
    if (!variant.live) this.variants.settle(variant);
    const live = variant.live;
    if (live) {
      if (!fresh) this.ruleHits += variant.answered;
      for (let k = 0; k < live.length; k += LIVE_SLOTS)
        this.noteLiveRule(state, record, variant, live, k, fresh);
    } else {
      for (const rule of rules) this.noteRule(state, record, variant, rule, fresh);
    }
  }

  /**
   * noteRule for the rule at `live[k]` of a settled variant, from what `live` holds: a title-only
   * rule's tuple, and a record rule (whose guard is known not to rule the record out) with the
   * tuple of records that carry none of its per-record facts.
   */
  private noteLiveRule(
    state: HostState,
    record: SoftwareRecord,
    variant: TitleVariant,
    live: Int32Array,
    k: number,
    fresh: boolean,
  ): void {
    const rule = this.options.softwareRules[live[k]!]!;
    const memo = rule.memo;
    let tuple = live[k + 1]!;
    if (tuple >= 0) {
      if (!fresh) memo.hits++;
    } else {
      const absent = readsNone(record, rule);
      const known = absent ? live[k + 2]! : -1;
      if (known >= 0) {
        tuple = known;
        memo.hits++;
      } else {
        tuple = recordTuple(record, variant, rule);
        if (absent) live[k + 2] = tuple;
      }
    }
    this.keepIfFiring(state, record, variant, rule, tuple);
  }

  private noteRule(
    state: HostState,
    record: SoftwareRecord,
    variant: TitleVariant,
    rule: SoftwareRule,
    fresh: boolean,
  ): void {
    const memo = rule.memo;
    let tuple: number;
    if (rule.recordSlots.length === 0) {
      tuple = variant.tuples[rule.index]!;
      if (!fresh) memo.hits++;
    } else {
      const guardTuple = variant.tuples[rule.index]!;
      if (guardTuple >= 0 && rule.guard!.isQuiet(guardTuple)) {
        if (!fresh) this.ruleHits++;
        return;
      }
      // Most records carry none of the facts a rule reads per record (no licence status, no install
      // date): their tuple is the variant's own, looked up once.
      const absent = readsNone(record, rule);
      const known = absent ? (variant.absentTuples?.[rule.index] ?? -1) : -1;
      if (known >= 0) {
        tuple = known;
        memo.hits++;
      } else {
        tuple = recordTuple(record, variant, rule);
        if (absent) {
          variant.absentTuples ??= new Int32Array(this.options.softwareRules.length).fill(-1);
          variant.absentTuples[rule.index] = tuple;
        }
      }
    }
    this.keepIfFiring(state, record, variant, rule, tuple);
  }

  /** A tuple already known not to fire needs no memory for this record. */
  private keepIfFiring(
    state: HostState,
    record: SoftwareRecord,
    variant: TitleVariant,
    rule: SoftwareRule,
    tuple: number,
  ): void {
    if (rule.memo.isQuiet(tuple)) return;
    const evidence = record.evidence ? this.evidenceCodes.encode(record.evidence) : Number.NaN;
    state.custom.push(rule.index, tuple, variant.id, evidence);
  }
}

/** True when the record carries none of the facts the rule reads per record. */
function readsNone(record: SoftwareRecord, rule: SoftwareRule): boolean {
  const facts = rule.memo.compiled.facts;
  for (const slot of rule.recordSlots) if (recordFact(record, facts[slot]!) !== undefined) return false;
  return true;
}

/** The rule's tuple for this record: the variant's title facts with the record's own filled in. */
function recordTuple(record: SoftwareRecord, variant: TitleVariant, rule: SoftwareRule): number {
  const facts = rule.memo.compiled.facts;
  const values = variant.templates[rule.index]!.slice();
  for (const slot of rule.recordSlots) values[slot] = recordFact(record, facts[slot]!);
  return rule.memo.idOfValues(values);
}

const NO_TEXTS: readonly string[] = Object.freeze([]);

/** Past this many installations on one host, looking one up by key uses a map, not a scan. */
const LINEAR_LOOKUP_LIMIT = 48;

/** The activation facts of installation `index` of the host, created on the first. */
function activationOf(state: HostState, index: number): Activation {
  state.activations ??= [];
  const pairs = state.activations;
  for (let i = 0; i < pairs.length; i += 2) {
    if (pairs[i] !== index) continue;
    pairs[i + 1] = writable(pairs[i + 1] as Activation);
    return pairs[i + 1] as Activation;
  }
  const activation = newActivation();
  pairs.push(index, activation);
  return activation;
}
