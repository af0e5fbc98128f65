/**
 * The fleet kept plainly — maps, arrays and the records' own objects, every fact derived again for
 * each record — as an oracle for the compact store: tests audit the same fleets through both and
 * compare the reports byte for byte (`createAuditor(policy, { store: 'reference' })`). What one
 * product on one host is, and which spelling or OS wins, comes from rules/dedupe.ts, as there.
 */
import type { Evidence, HostInventory, Product, SoftwareRecord } from '../../model.js';
import { hasActivation, NO_ACTIVATION, newActivation, noteActivation } from '../activation-facts.js';
import type { Activation } from '../model/activation.js';
import type { StoredHost } from '../model/host.js';
import type { InstallationState } from '../model/installation.js';
import type { CustomOccurrence, ForbiddenOccurrence, Occurrence } from '../model/occurrence.js';
import type { SoftwareRef } from '../model/software-ref.js';
import { installationKey, softwareFact } from '../record-facts.js';
import { moreCompleteOs, spelledSmaller } from '../rules/dedupe.js';
import { makeRef, note, sharedSpelling } from '../software-refs.js';
import type { FleetStore, StoreCounts, StoreOptions } from './fleet-store.js';

type Installation = Omit<InstallationState, 'key' | 'os'> & { key: string };

interface CustomRecord {
  rule: number;
  tuple: number;
  /** `i` + installation key, or `t` + title id and version: what one occurrence groups. */
  identity: string;
  product: Product | undefined;
  spelling: SoftwareRef;
  evidence: Evidence | undefined;
}

interface ReferenceHost extends StoredHost {
  units: string[];
  hostnames: string[];
  os: StoredHost['os'];
  osEvidence: Evidence[];
  osActivation: Activation;
  softwareCount: number;
  arrivals: number;
  titles: Set<number>;
  unrecognisedTitles: Set<number>;
  installations: Map<string, Installation>;
  forbidden: Map<number, Occurrence>;
  unrecognised: Map<string, Occurrence>;
  custom: CustomRecord[];
}

const own = (host: StoredHost): ReferenceHost => host as ReferenceHost;
const asIs = { get: (text: string) => text };

export class ReferenceStore implements FleetStore {
  private readonly hosts = new Map<string, ReferenceHost>();
  private records = 0;
  private namelessRecords = 0;
  /** Titles some record of which was recognised as a product of class `system`. */
  private readonly systemTitles = new Set<number>();

  constructor(private readonly options: StoreOptions) {}

  add(inventory: HostInventory): void {
    let host = this.hosts.get(inventory.id);
    if (!host) {
      host = {
        id: inventory.id,
        units: [],
        hostnames: [],
        os: undefined,
        osRecognition: undefined,
        osEvidence: [],
        osActivation: NO_ACTIVATION,
        softwareCount: 0,
        arrivals: 0,
        titles: new Set(),
        unrecognisedTitles: new Set(),
        installations: new Map(),
        forbidden: new Map(),
        unrecognised: new Map(),
        custom: [],
      };
      this.hosts.set(host.id, host);
    }
    host.arrivals++;
    const unit = inventory.unit?.trim();
    if (unit && !host.units.includes(unit)) host.units.push(unit);
    const hostname = inventory.hostname?.trim();
    if (hostname && !host.hostnames.includes(hostname)) host.hostnames.push(hostname);
    const os = inventory.os;
    if (os?.name) {
      if (!host.os || moreCompleteOs(os, host.os)) host.os = os;
      if (os.evidence && !host.osEvidence.includes(os.evidence)) host.osEvidence.push(os.evidence);
      host.osActivation = withFacts(host.osActivation, os.attributes);
    }
    for (const record of inventory.software ?? []) this.addRecord(host, record);
  }

  private addRecord(host: ReferenceHost, record: SoftwareRecord): void {
    this.records++;
    const name = typeof record?.name === 'string' ? record.name.trim() : '';
    if (!name) {
      this.namelessRecords++;
      return;
    }
    const { titles, recogniser } = this.options;
    const publisher = record.publisher?.trim() || undefined;
    const version = record.version?.trim() || undefined;
    const editionRead = record.attributes?.edition;
    const title = titles.get(titles.idOf(name, publisher));
    host.titles.add(title.id);
    host.softwareCount = host.titles.size;
    const recognition = recogniser.recognise({ name, publisher, version, edition: editionRead });
    const edition = recognition?.edition;
    if (recognition?.product.category === 'system') this.systemTitles.add(title.id);
    if (title.forbidden >= 0)
      note(
        host.forbidden,
        title.id,
        name,
        publisher,
        version,
        edition,
        record.evidence,
        recognition?.product,
      );
    let identity = `t${title.id}\u0000${version ?? ''}`;
    let spelling = sharedSpelling(makeRef(name, publisher, version));
    if (recognition) {
      const key = installationKey(recognition.product.id, version, edition);
      identity = `i${key}`;
      spelling = sharedSpelling(makeRef(name, publisher, version, edition));
      let installation = host.installations.get(key);
      if (!installation) {
        installation = {
          key,
          product: recognition.product,
          version,
          edition: edition || undefined,
          software: spelling,
          evidence: [],
          recognition: recognition.match.text,
          activation: NO_ACTIVATION,
        };
        host.installations.set(key, installation);
      } else if (spelledSmaller(spelling, installation.software)) {
        installation.software = spelling;
        installation.recognition = recognition.match.text;
      }
      if (record.evidence) installation.evidence.push(record.evidence);
      installation.activation = withFacts(installation.activation, record.attributes);
    } else {
      if (!host.unrecognisedTitles.has(title.id)) titles.noteHost(title.id, host.id);
      host.unrecognisedTitles.add(title.id);
      titles.noteVersion(title.id, version);
      if (this.options.keepUnrecognised)
        note(
          host.unrecognised,
          identity.slice(1),
          name,
          publisher,
          version,
          undefined,
          record.evidence,
          undefined,
        );
    }
    const fact = softwareFact(
      { ...record, name, publisher, version },
      recognition,
      () => recogniser.vendorOf(publisher)?.id,
    );
    for (const rule of this.options.softwareRules) {
      const tuple = rule.memo.idOfValues(rule.memo.compiled.facts.map(fact));
      host.custom.push({
        rule: rule.index,
        tuple,
        identity,
        product: recognition?.product,
        spelling,
        evidence: record.evidence,
      });
    }
  }

  sortedHosts(): StoredHost[] {
    return [...this.hosts.keys()].sort().map((id) => this.hosts.get(id)!);
  }

  host(id: string): StoredHost | undefined {
    return this.hosts.get(id);
  }

  installationsOf(host: StoredHost, withEvidence = true): InstallationState[] {
    return [...own(host).installations.values()]
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((i) => ({
        product: i.product,
        version: i.version,
        edition: i.edition,
        software: i.software,
        evidence: withEvidence ? [...i.evidence] : [],
        recognition: i.recognition,
        activation: i.activation,
        os: false,
        key: i.key,
      }));
  }

  forbiddenOf(host: StoredHost): ForbiddenOccurrence[] {
    return [...own(host).forbidden]
      .sort((a, b) => a[0] - b[0])
      .map(([title, occurrence]) => ({ title, occurrence }));
  }

  unrecognisedOf(host: StoredHost): Occurrence[] {
    return [...own(host).unrecognised]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([, occurrence]) => occurrence);
  }

  unrecognisedTitleCount(host: StoredHost): number {
    return own(host).unrecognisedTitles.size;
  }

  unrecognisedTitleIds(host: StoredHost): number[] {
    return [...own(host).unrecognisedTitles].sort((a, b) => a - b);
  }

  hasUnrecognisedTitle(host: StoredHost, title: number): boolean {
    return own(host).unrecognisedTitles.has(title);
  }

  releaseTitleSets(): void {}

  customRecordCount(host: StoredHost): number {
    return own(host).custom.length;
  }

  customOccurrences(
    host: StoredHost,
    judged: ReadonlyMap<string, SoftwareRef>,
    keep: (rule: number, tuple: number) => boolean,
  ): CustomOccurrence[] {
    const grouped = new Map<string, CustomOccurrence>();
    for (const record of own(host).custom) {
      if (!keep(record.rule, record.tuple)) continue;
      const group = `${record.rule}\u0000${record.tuple}\u0000${record.identity}`;
      let occurrence = grouped.get(group);
      if (!occurrence) {
        const key = record.identity.slice(1);
        const installation = record.product ? own(host).installations.get(key) : undefined;
        occurrence = {
          rule: record.rule,
          tuple: record.tuple,
          evidence: [],
          software: installation ? (judged.get(key) ?? installation.software) : record.spelling,
        };
        if (record.product) occurrence.product = record.product;
        grouped.set(group, occurrence);
      }
      if (record.evidence) occurrence.evidence.push(record.evidence);
    }
    return [...grouped.values()];
  }

  counts(): StoreCounts {
    const hosts = [...this.hosts.values()];
    return {
      records: this.records,
      namelessRecords: this.namelessRecords,
      systemComponentTitles: this.systemTitles.size,
      titleVariants: 0,
      ruleHits: 0,
      customRuleReferences: hosts.reduce((n, host) => n + host.custom.length, 0),
    };
  }
}

/** `activation` with the facts `attributes` hold; NO_ACTIVATION stays shared while there are none. */
function withFacts(activation: Activation, attributes: SoftwareRecord['attributes']): Activation {
  if (!hasActivation(attributes)) return activation;
  const copy = activation === NO_ACTIVATION ? newActivation() : activation;
  noteActivation(copy, attributes, asIs);
  return copy;
}
