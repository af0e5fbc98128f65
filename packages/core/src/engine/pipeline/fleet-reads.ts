/**
 * Every way the pipeline reads or trims the store, in one place: the passes call these and nothing
 * else of the store, so the store behind them can change in this one file.
 */
import type { HostState, HostStore, InstallationState } from '../host-store.js';
import type { EvidenceChoice } from '../rules/host-judge.js';
import type { CustomOccurrencesOf } from '../rules/software-rule-findings.js';

export interface FleetReads {
  /** Every host, sorted by id: the order every pass walks them in. */
  hostsInIdOrder(): HostState[];
  hostById(id: string): HostState | undefined;
  /** Ready for judging (first pass, once per host). */
  putInKeyOrder(state: HostState): void;
  /** Nothing reads a host's title sets after its first judgement (and no host arrives any more). */
  dropTitleSets(state: HostState): void;
  installationsOf(state: HostState, evidence: EvidenceChoice): InstallationState[];
  customOccurrences: CustomOccurrencesOf;
  /** The store's counters for `report.stats`. */
  counts(): StoreCounts;
}

export interface StoreCounts {
  records: number;
  namelessRecords: number;
  /** Titles grouped as parts of the operating system (docs/semantics.md#system-components). */
  systemComponentTitles: number;
  titleVariants: number;
  ruleHits: number;
}

export function fleetReads(store: HostStore): FleetReads {
  return {
    hostsInIdOrder: () => [...store.hosts.keys()].sort().map((id) => store.hosts.get(id)!),
    hostById: (id) => store.hosts.get(id),
    putInKeyOrder: (state) => store.putInKeyOrder(state),
    dropTitleSets: (state) => store.dropTitleSets(state),
    installationsOf: (state, evidence) => store.installationsOf(state, evidence === 'with-evidence'),
    customOccurrences: (state, judged, keep) => store.customOccurrences(state, judged, keep),
    counts: () => ({
      records: store.records,
      namelessRecords: store.namelessRecords,
      systemComponentTitles: store.variants.titlesOfClass('system'),
      titleVariants: store.variants.count,
      ruleHits: store.ruleHits,
    }),
  };
}
