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
import type { SOFTWARE_FACTS, TupleMemo } from './custom-rules.js';
import type { Recogniser, Recognition } from './recogniser.js';
import { mergeIds, type TitleRegistry } from './title-registry.js';

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
  titles: Uint32Array;
  /** Titles no product recognised on this host, sorted ids. */
  unrecognisedTitles: Uint32Array;
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
  softwareRules: TupleMemo[];
}

export const installationKey = (product: string, version?: string, edition?: string): string =>
  `${product}\u0000${version ?? ''}\u0000${edition ?? ''}`;

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

function makeRef(name: string, publisher?: string, version?: string, edition?: string): SoftwareRef {
  const ref: SoftwareRef = { name };
  if (version) ref.version = version;
  if (publisher) ref.publisher = publisher;
  if (edition) ref.edition = edition;
  return ref;
}

function osScore(os: OsInfo): string {
  const known = [os.name, os.version, os.build, os.edition, os.id].filter(Boolean).length;
  return `${9 - known}\u0000${os.name}\u0000${os.version ?? ''}\u0000${os.build ?? ''}\u0000${os.edition ?? ''}\u0000${os.id ?? ''}`;
}

const addUnique = <T>(list: T[], value: T | undefined): void => {
  if (value !== undefined && value !== '' && !list.includes(value)) list.push(value);
};

function noteActivation(activation: Activation, attributes: RecordAttributes | undefined): void {
  if (!attributes) return;
  addUnique(activation.statuses, attributes.licenseStatus);
  if (typeof attributes.kmsHost === 'string')
    addUnique(activation.kmsHosts, attributes.kmsHost.trim() || undefined);
  if (typeof attributes.channel === 'string') addUnique(activation.channels, attributes.channel);
}

const newActivation = (): Activation => ({ statuses: [], kmsHosts: [], channels: [] });

export interface SoftwareFactSource {
  name: string;
  version?: string;
  publisher?: string;
  installDate?: string;
  arch?: string;
  source?: string;
  attributes?: RecordAttributes;
}

/**
 * The facts a software-scope custom rule sees for one record (or the OS), read on demand: a rule
 * reads two or three of them, so no fact object is built per record.
 */
export function softwareFact(
  record: SoftwareFactSource,
  recognition: Recognition | undefined,
  vendorId: () => string | undefined,
): (fact: string) => unknown {
  const product = recognition?.product;
  return (fact) => {
    switch (fact as (typeof SOFTWARE_FACTS)[number]) {
      case 'name':
        return record.name;
      case 'version':
        return record.version;
      case 'publisher':
        return record.publisher;
      case 'installDate':
        return record.installDate;
      case 'arch':
        return record.arch;
      case 'source':
        return record.source;
      case 'product':
        return product?.id;
      case 'category':
        return product?.category;
      case 'vendor':
        return product ? product.vendor : vendorId();
      case 'domestic':
        return product?.domestic;
      case 'license':
        return product?.license;
      case 'edition':
        return recognition?.edition ?? record.attributes?.edition;
      case 'licenseStatus':
        return record.attributes?.licenseStatus;
      case 'channel':
        return record.attributes?.channel;
      case 'kmsHost':
        return record.attributes?.kmsHost;
      case 'recognised':
        return product !== undefined;
      default:
        return record.attributes && Object.hasOwn(record.attributes, fact)
          ? record.attributes[fact]
          : undefined;
    }
  };
}

export class HostStore {
  readonly hosts = new Map<string, HostState>();
  /** Records without a usable name (counted, never silently dropped). */
  namelessRecords = 0;
  records = 0;

  constructor(private readonly options: HostStoreOptions) {}

  add(host: HostInventory): void {
    const { recogniser, titles, keepUnrecognised, softwareRules } = this.options;
    let state = this.hosts.get(host.id);
    if (!state) {
      state = {
        id: host.id,
        units: [],
        hostnames: [],
        osEvidence: [],
        osActivation: newActivation(),
        installations: new Map(),
        titles: new Uint32Array(0),
        unrecognisedTitles: new Uint32Array(0),
        forbidden: new Map(),
        custom: new CustomRefs(),
        arrivals: 0,
      };
      if (keepUnrecognised) state.unrecognised = new Map();
      this.hosts.set(host.id, state);
    }
    state.arrivals++;
    addUnique(state.units, host.unit?.trim() || undefined);
    addUnique(state.hostnames, host.hostname?.trim() || undefined);
    if (host.os?.name) {
      if (!state.os || osScore(host.os) < osScore(state.os)) state.os = host.os;
      if (host.os.evidence) state.osEvidence.push(host.os.evidence);
      noteActivation(state.osActivation, host.os.attributes);
    }

    const seen: number[] = [];
    const unrecognised: number[] = [];
    for (const record of host.software ?? []) {
      this.records++;
      const name = typeof record?.name === 'string' ? record.name.trim() : '';
      if (!name) {
        this.namelessRecords++;
        continue;
      }
      const publisher = record.publisher?.trim() || undefined;
      const version = record.version?.trim() || undefined;
      const titleId = titles.idOf(name, publisher);
      seen.push(titleId);
      const recognition = recogniser.recognise({
        name,
        publisher,
        version,
        edition: record.attributes?.edition,
      });
      const edition = recognition?.edition;
      const evidence = record.evidence;
      if (titles.get(titleId).forbidden >= 0)
        note(state.forbidden, titleId, name, publisher, version, edition, evidence, recognition?.product);

      let target: InstallationState | number = titleId;
      if (recognition) {
        const key = installationKey(recognition.product.id, version, edition);
        let installation = state.installations.get(key);
        if (!installation) {
          installation = {
            product: recognition.product,
            software: makeRef(name, publisher, version, edition),
            evidence: [],
            recognition: recognition.match.text,
            activation: newActivation(),
            os: false,
          };
          if (version) installation.version = version;
          if (edition) installation.edition = edition;
          state.installations.set(key, installation);
        } else if (compareRef(installation.software, name, publisher, version, edition) > 0) {
          installation.software = makeRef(name, publisher, version, edition);
        }
        if (evidence) installation.evidence.push(evidence);
        noteActivation(installation.activation, record.attributes);
        target = installation;
      } else {
        unrecognised.push(titleId);
        titles.noteVersion(titleId, version);
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
      if (softwareRules.length > 0)
        this.noteCustom(state, record, name, publisher, version, recognition, target);
    }
    state.titles = mergeIds(state.titles, seen).merged;
    const merged = mergeIds(state.unrecognisedTitles, unrecognised);
    state.unrecognisedTitles = merged.merged;
    for (const titleId of merged.fresh) titles.noteHost(titleId, host.id);
  }

  private noteCustom(
    state: HostState,
    record: SoftwareRecord,
    name: string,
    publisher: string | undefined,
    version: string | undefined,
    recognition: Recognition | undefined,
    target: InstallationState | number,
  ): void {
    const source: SoftwareFactSource = {
      name,
      publisher,
      version,
      installDate: record.installDate,
      arch: record.arch,
      source: record.source,
      attributes: record.attributes,
    };
    const fact = softwareFact(source, recognition, () => this.options.recogniser.vendorOf(publisher)?.id);
    this.options.softwareRules.forEach((memo, rule) => {
      const tuple = memo.idOf(fact);
      // A tuple already known not to fire needs no memory for this record.
      if (!memo.isQuiet(tuple)) state.custom.push(rule, tuple, target, version, record.evidence);
    });
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
