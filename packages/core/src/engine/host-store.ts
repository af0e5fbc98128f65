/**
 * What the auditor keeps per computer while hosts stream in: which products (version, edition) it
 * has with their evidence and activation evidence, which titles it has (as ids), and the few records
 * that judgement needs later (forbidden hits; unrecognised ones when they are judged; custom-rule
 * tuples). Never the raw records: memory follows hosts and distinct titles.
 *
 * The same host id may arrive several times (two scanners, non-contiguous CSV rows): everything is
 * merged, and every choice between two observations is made by value, not by arrival order.
 */
import type {
  Evidence,
  HostInventory,
  LicenseStatus,
  OsInfo,
  Product,
  RecordAttributes,
  SoftwareRecord,
} from '../model.js';
import { CustomRefs } from './custom-refs.js';
import { ownCopy, StringPool } from './own-strings.js';
import type { Recogniser } from './recogniser.js';
import { recordFact } from './record-facts.js';
import type { SoftwareRule } from './software-rules.js';
import { EMPTY_IDS, type IdSet, mergeIds, type TitleRegistry } from './title-registry.js';
import { type TitleVariant, VariantRegistry, variantKey } from './title-variants.js';

export { installationKey, type SoftwareFactSource, softwareFact } from './record-facts.js';

export interface SoftwareRef {
  name: string;
  version?: string;
  publisher?: string;
  edition?: string;
}

export interface Activation {
  statuses: LicenseStatus[];
  kmsHosts: string[];
  channels: string[];
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
}

export interface Occurrence {
  software: SoftwareRef;
  product?: Product;
  evidence: Evidence[];
}

export interface HostState {
  id: string;
  units: string[];
  hostnames: string[];
  os?: OsInfo;
  osEvidence: Evidence[];
  osActivation: Activation;
  installations: Map<string, InstallationState>;
  /** Every title (name, publisher) on the host, sorted ids. */
  titles: IdSet;
  /** Titles no product recognised on this host, sorted ids. */
  unrecognisedTitles: IdSet;
  /** Title id → the records matching a forbidden pattern. */
  forbidden: Map<number, Occurrence>;
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

const cmp = (a?: string, b?: string): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** The smaller of two spellings of one installation, so merging never depends on order. */
export function smallerRef(a: SoftwareRef, b: SoftwareRef): SoftwareRef {
  return compareRef(a, b.name, b.publisher, b.version, b.edition) <= 0 ? a : b;
}

function compareRef(
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
function makeRef(name: string, publisher?: string, version?: string, edition?: string): SoftwareRef {
  if (version) {
    if (publisher) return edition ? { name, version, publisher, edition } : { name, version, publisher };
    return edition ? { name, version, edition } : { name, version };
  }
  if (publisher) return edition ? { name, publisher, edition } : { name, publisher };
  return edition ? { name, edition } : { name };
}

function osScore(os: OsInfo): string {
  const known = [os.name, os.version, os.build, os.edition, os.id].filter(Boolean).length;
  return `${9 - known}\u0000${os.name}\u0000${os.version ?? ''}\u0000${os.build ?? ''}\u0000${os.edition ?? ''}\u0000${os.id ?? ''}`;
}

const addUnique = <T>(list: T[], value: T | undefined): void => {
  if (value !== undefined && value !== '' && !list.includes(value)) list.push(value);
};

function noteActivation(
  activation: Activation,
  attributes: RecordAttributes | undefined,
  strings: StringPool,
): void {
  if (!attributes) return;
  const status = attributes.licenseStatus;
  if (status !== undefined && (status as string) !== '' && !activation.statuses.includes(status))
    activation.statuses.push(strings.get(status) as LicenseStatus);
  if (typeof attributes.kmsHost === 'string') {
    const kms = attributes.kmsHost.trim();
    if (kms !== '' && !activation.kmsHosts.includes(kms)) activation.kmsHosts.push(strings.get(kms));
  }
  if (typeof attributes.channel === 'string' && attributes.channel !== '') {
    if (!activation.channels.includes(attributes.channel))
      activation.channels.push(strings.get(attributes.channel));
  }
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

export const newActivation = (): Activation => ({ statuses: [], kmsHosts: [], channels: [] });

/**
 * The activation of installations whose records carried no activation facts (most of them): one
 * shared, frozen object instead of an object and three arrays per installation.
 */
export const NO_ACTIVATION: Activation = Object.freeze({
  statuses: Object.freeze([]) as unknown as LicenseStatus[],
  kmsHosts: Object.freeze([]) as unknown as string[],
  channels: Object.freeze([]) as unknown as string[],
});

/** True when a record's attributes say anything about activation. */
const hasActivation = (attributes: RecordAttributes | undefined): boolean =>
  attributes !== undefined &&
  ((attributes.licenseStatus !== undefined && (attributes.licenseStatus as string) !== '') ||
    (typeof attributes.kmsHost === 'string' && attributes.kmsHost.trim() !== '') ||
    (typeof attributes.channel === 'string' && attributes.channel !== ''));

export class HostStore {
  readonly hosts = new Map<string, HostState>();
  /** Records without a usable name (counted, never silently dropped). */
  namelessRecords = 0;
  records = 0;
  /** Records × rules answered from a variant's cached verdicts (added to the memos' own hits). */
  ruleHits = 0;
  readonly variants: VariantRegistry;
  /** Units, host names, KMS hosts, channels: few distinct values, one owned copy each. */
  private readonly strings = new StringPool();

  constructor(private readonly options: HostStoreOptions) {
    this.variants = new VariantRegistry(options.recogniser, options.titles, options.softwareRules);
  }

  add(host: HostInventory): void {
    const { titles, keepUnrecognised, softwareRules } = this.options;
    const variants = this.variants;
    let state = this.hosts.get(host.id);
    if (!state) {
      const id = ownCopy(host.id);
      state = {
        id,
        units: [],
        hostnames: [],
        osEvidence: [],
        osActivation: newActivation(),
        installations: new Map(),
        titles: EMPTY_IDS,
        unrecognisedTitles: EMPTY_IDS,
        forbidden: new Map(),
        custom: new CustomRefs(),
        arrivals: 0,
      };
      if (keepUnrecognised) state.unrecognised = new Map();
      this.hosts.set(id, state);
    }
    const strings = this.strings;
    state.arrivals++;
    addUnique(state.units, strings.get(host.unit?.trim() || undefined));
    addUnique(state.hostnames, strings.get(host.hostname?.trim() || undefined));
    if (host.os?.name) {
      if (!state.os || osScore(host.os) < osScore(state.os)) state.os = ownOs(host.os, strings);
      if (host.os.evidence) state.osEvidence.push(host.os.evidence);
      noteActivation(state.osActivation, host.os.attributes, strings);
    }

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
      const key = variantKey(name, publisher, version, editionRead);
      let variant = variants.find(key);
      const fresh = variant === undefined;
      if (variant === undefined)
        variant = variants.add(key, titles.idOf(name, publisher), version, editionRead);
      const titleId = variant.title;
      seen.push(titleId);
      const title = titles.get(titleId);
      // From here on the title's and variant's own copies, never the parser's views (own-strings.ts).
      name = title.name;
      publisher = title.publisher;
      version = variant.version;
      const recognition = variant.recognition;
      const edition = recognition?.edition;
      const evidence = record.evidence;
      if (title.forbidden >= 0)
        note(state.forbidden, titleId, name, publisher, version, edition, evidence, recognition?.product);

      let target: InstallationState | number = titleId;
      if (recognition) {
        const key = variant.installKey!;
        let installation = state.installations.get(key);
        if (!installation) {
          // One object per variant, not per installation: every host with it shares it.
          variant.software ??= makeRef(name, publisher, version, edition);
          // All fields in the literal (undefined when absent): one hidden class, no property store.
          installation = {
            product: recognition.product,
            version: version || undefined,
            edition: edition || undefined,
            software: variant.software,
            // Sized to its first element: most installations are seen once, and an array grown
            // from empty reserves 17 slots.
            evidence: evidence ? [evidence] : [],
            recognition: recognition.match.text,
            activation: NO_ACTIVATION,
            os: false,
          };
          state.installations.set(key, installation);
        } else {
          if (compareRef(installation.software, name, publisher, version, edition) > 0) {
            variant.software ??= makeRef(name, publisher, version, edition);
            installation.software = variant.software;
          }
          if (evidence) installation.evidence.push(evidence);
        }
        if (hasActivation(record.attributes)) {
          if (installation.activation === NO_ACTIVATION) installation.activation = newActivation();
          noteActivation(installation.activation, record.attributes, strings);
        }
        target = installation;
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
      if (softwareRules.length > 0) this.noteCustom(state, record, variant, fresh, target, version);
    }
    state.titles = mergeIds(state.titles, seen).merged;
    const merged = mergeIds(state.unrecognisedTitles, unrecognised);
    state.unrecognisedTitles = merged.merged;
    for (const titleId of merged.fresh) titles.noteHost(titleId, state.id);
  }

  /** Remembers the record under each custom rule whose tuple fires (or cannot be judged). */
  private noteCustom(
    state: HostState,
    record: SoftwareRecord,
    variant: TitleVariant,
    fresh: boolean,
    target: InstallationState | number,
    version: string | undefined,
  ): void {
    const rules = this.options.softwareRules;
    if (!variant.live) this.variants.settle(variant);
    const live = variant.live;
    if (live) {
      if (!fresh) this.ruleHits += variant.answered;
      for (let k = 0; k < live.length; k++)
        this.noteRule(state, record, variant, rules[live[k]!]!, fresh, target, version);
    } else {
      for (const rule of rules) this.noteRule(state, record, variant, rule, fresh, target, version);
    }
  }

  private noteRule(
    state: HostState,
    record: SoftwareRecord,
    variant: TitleVariant,
    rule: SoftwareRule,
    fresh: boolean,
    target: InstallationState | number,
    version: string | undefined,
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
      const values = variant.templates[rule.index]!.slice();
      const facts = memo.compiled.facts;
      for (const slot of rule.recordSlots) values[slot] = recordFact(record, facts[slot]!);
      tuple = memo.idOfValues(values);
    }
    // A tuple already known not to fire needs no memory for this record.
    if (!memo.isQuiet(tuple)) state.custom.push(rule.index, tuple, target, version, record.evidence);
  }
}

/** Adds one record to the occurrence of its key (created on first sight). */
function note<K>(
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
