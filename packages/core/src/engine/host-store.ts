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
  /** Custom software rules: rule index, tuple id and installation → the records. */
  custom: Map<string, { rule: number; tuple: number; occurrence: Occurrence }>;
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
  const d =
    cmp(a.name, b.name) ||
    cmp(a.publisher, b.publisher) ||
    cmp(a.version, b.version) ||
    cmp(a.edition, b.edition);
  return d <= 0 ? a : b;
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

/** The facts a software-scope custom rule sees for one record (or the OS). */
export function softwareFacts(
  software: {
    name: string;
    version?: string;
    publisher?: string;
    installDate?: string;
    arch?: string;
    source?: string;
  },
  attributes: RecordAttributes | undefined,
  recognition: Recognition | undefined,
  vendorId: string | undefined,
): Record<string, unknown> {
  const facts: Record<string, unknown> = Object.create(null);
  if (attributes)
    for (const [key, value] of Object.entries(attributes)) if (value !== undefined) facts[key] = value;
  const product = recognition?.product;
  const known: Record<(typeof SOFTWARE_FACTS)[number], unknown> = {
    name: software.name,
    version: software.version,
    publisher: software.publisher,
    installDate: software.installDate,
    arch: software.arch,
    source: software.source,
    product: product?.id,
    category: product?.category,
    vendor: product?.vendor ?? vendorId,
    domestic: product?.domestic,
    license: product?.license,
    edition: recognition?.edition ?? attributes?.edition,
    licenseStatus: attributes?.licenseStatus,
    channel: attributes?.channel,
    kmsHost: attributes?.kmsHost,
    recognised: product !== undefined,
  };
  for (const [key, value] of Object.entries(known)) facts[key] = value;
  return facts;
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
        custom: new Map(),
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
      const ref: SoftwareRef = { name };
      if (version) ref.version = version;
      if (publisher) ref.publisher = publisher;
      if (recognition?.edition) ref.edition = recognition.edition;
      const evidence = record.evidence ? [record.evidence] : [];
      if (titles.get(titleId).forbidden >= 0)
        merge(state.forbidden, titleId, ref, evidence, recognition?.product);

      let identity: string;
      if (recognition) {
        const key = installationKey(recognition.product.id, version, recognition.edition);
        identity = key;
        let installation = state.installations.get(key);
        if (!installation) {
          installation = {
            product: recognition.product,
            software: ref,
            evidence: [],
            recognition: recognition.match.text,
            activation: newActivation(),
            os: false,
          };
          if (version) installation.version = version;
          if (recognition.edition) installation.edition = recognition.edition;
          state.installations.set(key, installation);
        } else installation.software = smallerRef(installation.software, ref);
        installation.evidence.push(...evidence);
        noteActivation(installation.activation, record.attributes);
      } else {
        identity = `${titleId}\u0000${version ?? ''}`;
        unrecognised.push(titleId);
        titles.noteVersion(titleId, version);
        if (state.unrecognised) merge(state.unrecognised, identity, ref, evidence, undefined);
      }
      if (softwareRules.length > 0)
        this.noteCustom(state, record, name, publisher, version, recognition, identity);
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
    identity: string,
  ): void {
    const vendor = this.options.recogniser.vendorOf(publisher)?.id;
    const facts = softwareFacts(
      { ...record, name, publisher, version },
      record.attributes,
      recognition,
      vendor,
    );
    const ref: SoftwareRef = { name };
    if (version) ref.version = version;
    if (publisher) ref.publisher = publisher;
    if (recognition?.edition) ref.edition = recognition.edition;
    this.options.softwareRules.forEach((memo, rule) => {
      const tuple = memo.idOf(facts);
      const key = `${rule}\u0000${tuple}\u0000${identity}`;
      const entry = state.custom.get(key);
      if (entry) {
        entry.occurrence.software = smallerRef(entry.occurrence.software, ref);
        if (record.evidence) entry.occurrence.evidence.push(record.evidence);
      } else {
        const occurrence: Occurrence = { software: ref, evidence: record.evidence ? [record.evidence] : [] };
        if (recognition) occurrence.product = recognition.product;
        state.custom.set(key, { rule, tuple, occurrence });
      }
    });
  }
}

function merge<K>(
  map: Map<K, Occurrence>,
  key: K,
  ref: SoftwareRef,
  evidence: Evidence[],
  product?: Product,
): void {
  const existing = map.get(key);
  if (existing) {
    existing.software = smallerRef(existing.software, ref);
    existing.evidence.push(...evidence);
    return;
  }
  const occurrence: Occurrence = { software: ref, evidence: [...evidence] };
  if (product) occurrence.product = product;
  map.set(key, occurrence);
}
