/**
 * The store the auditor runs on. Per computer it keeps which products (version, edition) it has with
 * their evidence and activation evidence, which titles it has (as ids), and the few records judging
 * needs later (forbidden hits; unrecognised ones when they are judged; custom-rule tuples). Never the
 * raw records: memory follows hosts and distinct titles (compact-host.ts holds the layout).
 *
 * The same host id may arrive several times (two scanners, non-contiguous CSV rows): everything is
 * merged, and every choice between two observations is made by value, not by arrival order.
 */
import type { Evidence, HostInventory, OsInfo, SoftwareRecord } from '../../model.js';
import {
  type Activation,
  ActivationPool,
  hasActivation,
  NO_ACTIVATION,
  noteActivation,
  withUnique,
  writable,
} from '../activation-facts.js';
import type { CustomRefSource } from '../custom-refs.js';
import { EvidenceCodes } from '../evidence-codes.js';
import type { StoredHost } from '../model/host.js';
import type { InstallationState, InstallKind } from '../model/installation.js';
import type { CustomOccurrence, ForbiddenOccurrence, Occurrence } from '../model/occurrence.js';
import type { SoftwareRef } from '../model/software-ref.js';
import { ownCopy, StringPool } from '../own-strings.js';
import { moreCompleteOs } from '../rules/dedupe.js';
import { makeRef, note, sharedSpelling } from '../software-refs.js';
import { EMPTY_IDS, hasId, idsOf, mergeIds, type Title } from '../title-registry.js';
import { type TitleVariant, VariantRegistry } from '../title-variants.js';
import {
  activationOf,
  type CompactHost,
  installationsOf,
  newCompactHost,
  ownOs,
  putInKeyOrder,
} from './compact-host.js';
import { CustomRuleNotes } from './custom-notes.js';
import type { FleetStore, StoreCounts, StoreOptions } from './fleet-store.js';
import { KindIndex } from './kind-index.js';

/** Every host this store hands out is one of its own. */
const own = (host: StoredHost): CompactHost => host as CompactHost;

export class CompactStore implements FleetStore {
  private readonly hosts = new Map<string, CompactHost>();
  private records = 0;
  private namelessRecords = 0;
  private readonly variants: VariantRegistry;
  private readonly codes = new EvidenceCodes();
  /** Units, host names, KMS hosts, channels: few distinct values, one owned copy each. */
  private readonly strings = new StringPool();
  private readonly singletons = new Map<string, readonly string[]>();
  private readonly activationPool = new ActivationPool();
  /** Undefined without software custom rules (then records are never looked at for them). */
  private readonly custom: CustomRuleNotes | undefined;
  private readonly customSource: CustomRefSource;

  constructor(private readonly options: StoreOptions) {
    this.variants = new VariantRegistry(options.recogniser, options.titles, options.softwareRules);
    this.custom =
      options.softwareRules.length > 0
        ? new CustomRuleNotes(options.softwareRules, this.variants, this.codes)
        : undefined;
    this.customSource = {
      titles: options.titles,
      variant: (id) => this.variants.byId(id),
      evidence: (code) => this.codes.decode(code),
    };
  }

  add(inventory: HostInventory): void {
    const host = this.hostFor(inventory.id);
    host.arrivals++;
    host.units = this.listWith(host.units, this.strings.get(inventory.unit?.trim() || undefined));
    host.hostnames = this.listWith(host.hostnames, this.strings.get(inventory.hostname?.trim() || undefined));
    if (inventory.os?.name) this.noteOs(host, inventory.os);
    const titlesSeen: number[] = [];
    const unrecognisedSeen: number[] = [];
    const installations = new KindIndex(host.kinds);
    for (const record of inventory.software ?? []) {
      this.records++;
      this.readRecord(host, record, installations, titlesSeen, unrecognisedSeen);
    }
    this.endArrival(host, titlesSeen, unrecognisedSeen);
  }

  sortedHosts(): StoredHost[] {
    const hosts = [...this.hosts.keys()].sort().map((id) => this.hosts.get(id)!);
    for (const host of hosts) putInKeyOrder(host);
    return hosts;
  }

  host(id: string): StoredHost | undefined {
    return this.hosts.get(id);
  }

  installationsOf(host: StoredHost, withEvidence = true): InstallationState[] {
    return installationsOf(own(host), this.codes, withEvidence);
  }

  forbiddenOf(host: StoredHost): ForbiddenOccurrence[] {
    const forbidden = own(host).forbidden;
    if (!forbidden) return [];
    return [...forbidden].sort((a, b) => a[0] - b[0]).map(([title, occurrence]) => ({ title, occurrence }));
  }

  unrecognisedOf(host: StoredHost): Occurrence[] {
    const unrecognised = own(host).unrecognised;
    if (!unrecognised) return [];
    return [...unrecognised].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, occurrence]) => occurrence);
  }

  unrecognisedTitleCount(host: StoredHost): number {
    return own(host).unrecognisedTitles.length;
  }

  unrecognisedTitleIds(host: StoredHost): number[] {
    return idsOf(own(host).unrecognisedTitles);
  }

  hasUnrecognisedTitle(host: StoredHost, title: number): boolean {
    return hasId(own(host).unrecognisedTitles, title);
  }

  releaseTitleSets(host: StoredHost): void {
    const compact = own(host);
    compact.titles = EMPTY_IDS;
    compact.unrecognisedTitles = EMPTY_IDS;
  }

  customRecordCount(host: StoredHost): number {
    return own(host).custom.size;
  }

  customOccurrences(
    host: StoredHost,
    judged: ReadonlyMap<string, SoftwareRef>,
    keep: (rule: number, tuple: number) => boolean,
  ): CustomOccurrence[] {
    const kinds = own(host).kinds;
    const spellingOf = (kind: InstallKind): SoftwareRef =>
      judged.get(kind.key) ?? kinds.find((k) => k.key === kind.key)?.software ?? kind.software;
    return own(host).custom.occurrences(this.customSource, spellingOf, keep);
  }

  counts(): StoreCounts {
    let customRuleReferences = 0;
    for (const host of this.hosts.values()) customRuleReferences += host.custom.size;
    return {
      records: this.records,
      namelessRecords: this.namelessRecords,
      systemComponentTitles: this.variants.titlesOfClass('system'),
      titleVariants: this.variants.count,
      ruleHits: this.custom?.ruleHits ?? 0,
      customRuleReferences,
    };
  }

  private hostFor(id: string): CompactHost {
    let host = this.hosts.get(id);
    if (!host) {
      // Kept for the run, as a key and in findings: an owned copy (own-strings.ts).
      host = newCompactHost(ownCopy(id), this.options.keepUnrecognised);
      this.hosts.set(host.id, host);
    }
    return host;
  }

  /** The most complete OS read is kept; evidence and activation facts of every reading add up. */
  private noteOs(host: CompactHost, os: OsInfo): void {
    if (!host.os || moreCompleteOs(os, host.os)) host.os = ownOs(os, this.strings);
    host.osEvidence = withUnique(host.osEvidence, os.evidence);
    if (hasActivation(os.attributes)) {
      host.osActivation = writable(host.osActivation);
      noteActivation(host.osActivation, os.attributes, this.strings);
    }
  }

  /** One software record: its title, and what it adds to the host's installations or occurrences. */
  private readRecord(
    host: CompactHost,
    record: SoftwareRecord,
    installations: KindIndex,
    titlesSeen: number[],
    unrecognisedSeen: number[],
  ): void {
    const name = typeof record?.name === 'string' ? record.name.trim() : '';
    if (!name) {
      this.namelessRecords++;
      return;
    }
    const publisher = record.publisher?.trim() || undefined;
    const version = record.version?.trim() || undefined;
    const editionRead = record.attributes?.edition;
    let variant = this.variants.find(name, publisher, version, editionRead);
    const fresh = variant === undefined;
    if (variant === undefined) variant = this.variants.add(name, publisher, version, editionRead);
    titlesSeen.push(variant.title);
    // From here on the title's and variant's own copies, never the parser's views (own-strings.ts).
    const title = this.options.titles.get(variant.title);
    if (title.forbidden >= 0) this.noteForbidden(host, variant, title, record.evidence);
    if (variant.recognition) this.noteInstallation(host, installations, this.kindOf(variant, title), record);
    else this.noteUnrecognised(host, variant, title, record.evidence, unrecognisedSeen);
    this.custom?.note(host, record, variant, fresh);
  }

  private noteForbidden(
    host: CompactHost,
    variant: TitleVariant,
    title: Title,
    evidence: Evidence | undefined,
  ) {
    host.forbidden ??= new Map();
    const recognition = variant.recognition;
    note(
      host.forbidden,
      title.id,
      title.name,
      title.publisher,
      variant.version,
      recognition?.edition,
      evidence,
      recognition?.product,
    );
  }

  /** What every installation of a recognised variant shares, made on its first sighting. */
  private kindOf(variant: TitleVariant, title: Title): InstallKind {
    const recognition = variant.recognition!;
    variant.kind ??= {
      key: variant.installKey!,
      product: recognition.product,
      version: variant.version || undefined,
      edition: recognition.edition || undefined,
      // The findings about this installation on every host point at it (shared-parts.ts).
      software: sharedSpelling(makeRef(title.name, title.publisher, variant.version, recognition.edition)),
      recognition: recognition.match.text,
    };
    return variant.kind;
  }

  /** The record's installation (one per key: rules/dedupe.ts) gets its evidence and activation facts. */
  private noteInstallation(
    host: CompactHost,
    installations: KindIndex,
    kind: InstallKind,
    record: SoftwareRecord,
  ) {
    const index = installations.place(kind);
    if (record.evidence) host.evidence.push(index, this.codes.encode(record.evidence));
    if (hasActivation(record.attributes))
      noteActivation(activationOf(host, index), record.attributes, this.strings);
  }

  private noteUnrecognised(
    host: CompactHost,
    variant: TitleVariant,
    title: Title,
    evidence: Evidence | undefined,
    unrecognisedSeen: number[],
  ): void {
    unrecognisedSeen.push(title.id);
    // Offering one version twice never changes the kept list, so once per variant is enough.
    if (!variant.versionNoted) {
      this.options.titles.noteVersion(title.id, variant.version);
      variant.versionNoted = true;
    }
    if (host.unrecognised) {
      const key = `${title.id}\u0000${variant.version ?? ''}`;
      note(
        host.unrecognised,
        key,
        title.name,
        title.publisher,
        variant.version,
        undefined,
        evidence,
        undefined,
      );
    }
  }

  /** The host has been read (for now): compact what grew, share what repeats, merge its titles. */
  private endArrival(host: CompactHost, titlesSeen: number[], unrecognisedSeen: number[]): void {
    if (host.arrivals === 1) {
      // Arrays grown by push keep up to half their length spare; a host read in one piece (the usual
      // case) is copied once to its exact size. A host arriving in pieces keeps growing in place.
      host.kinds = host.kinds.slice();
      host.evidence = host.evidence.slice();
      if (host.activations) host.activations = host.activations.slice();
      host.custom.trim();
    }
    // Activation facts repeat from host to host (the same status, the same KMS host): one frozen
    // object per combination, copied again if the host arrives once more with new facts.
    if (host.osActivation !== NO_ACTIVATION)
      host.osActivation = this.activationPool.shared(host.osActivation);
    const activations = host.activations;
    if (activations)
      for (let i = 1; i < activations.length; i += 2)
        activations[i] = this.activationPool.shared(activations[i] as Activation);
    host.titles = mergeIds(host.titles, titlesSeen).merged;
    host.softwareCount = host.titles.length;
    const merged = mergeIds(host.unrecognisedTitles, unrecognisedSeen);
    host.unrecognisedTitles = merged.merged;
    for (const titleId of merged.fresh) this.options.titles.noteHost(titleId, host.id);
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
}
