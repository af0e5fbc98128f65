/**
 * What the auditor keeps of the fleet while hosts stream in, and what judging and wording may ask
 * of it. Two stores implement it: the compact one the auditor runs on (compact-store.ts: memory
 * follows hosts and distinct titles, not records) and a plain reference one (reference-store.ts)
 * that tests run beside it to show the compact encoding changes no report.
 *
 * Judging reads hosts only through this interface, so an encoding can change without touching it.
 */
import type { HostInventory } from '../../model.js';
import type { StoredHost } from '../model/host.js';
import type { InstallationState } from '../model/installation.js';
import type { CustomOccurrence, ForbiddenOccurrence, Occurrence } from '../model/occurrence.js';
import type { SoftwareRef } from '../model/software-ref.js';
import type { Recogniser } from '../rules/recogniser.js';
import type { SoftwareRule } from '../software-rules.js';
import type { TitleRegistry } from '../title-registry.js';

/** What every store is made with: the audit's recogniser, title registry and software rules. */
export interface StoreOptions {
  /** Recognises each title variant (the compact store: once per variant). */
  recogniser: Recogniser;
  titles: TitleRegistry;
  /** Keep unrecognised records for `unauthorised` findings. */
  keepUnrecognised: boolean;
  softwareRules: readonly SoftwareRule[];
}

/** The counts of reading the fleet that the report's `stats` carries. */
export interface StoreCounts {
  records: number;
  /** Records without a usable name (counted, never silently dropped). */
  namelessRecords: number;
  /** Distinct titles some variant of which is a product of class `system`. */
  systemComponentTitles: number;
  /** Distinct (title, version, edition as read): the store's unit of caching. */
  titleVariants: number;
  /** Records × software rules answered from the store's own caches (beside the rule memos' hits). */
  ruleHits: number;
  /** Records kept for custom rules whose tuple fires (or is not judged yet). */
  customRuleReferences: number;
}

export interface FleetStore {
  /** One inventory; the same host id may come again: merged, by value, never by arrival order. */
  add(host: HostInventory): void;
  /**
   * Every host, by id in code-unit order. Ends the arrivals: add() must not follow (the store may
   * reorder what it keeps for judging).
   */
  sortedHosts(): StoredHost[];
  host(id: string): StoredHost | undefined;
  /**
   * The host's catalogued installations as fresh objects (judging folds and annotates them), in
   * installation-key order once sortedHosts() was called; evidence in arrival order, none when
   * `withEvidence` is false (the counting passes).
   */
  installationsOf(host: StoredHost, withEvidence?: boolean): InstallationState[];
  /** The host's records matching a forbidden pattern, one occurrence per title, by title id. */
  forbiddenOf(host: StoredHost): ForbiddenOccurrence[];
  /**
   * The host's unrecognised records, one occurrence per title and version, in listing order; kept
   * only when the store was told unrecognised software is judged (else none).
   */
  unrecognisedOf(host: StoredHost): Occurrence[];
  /** How many distinct unrecognised titles the host has (until releaseTitleSets). */
  unrecognisedTitleCount(host: StoredHost): number;
  /** The host's distinct unrecognised title ids, ascending (until releaseTitleSets). */
  unrecognisedTitleIds(host: StoredHost): number[];
  hasUnrecognisedTitle(host: StoredHost, title: number): boolean;
  /** Lets the host's title sets go: nothing reads them after the first judging pass. */
  releaseTitleSets(host: StoredHost): void;
  /** How many records of the host were kept for custom rules. */
  customRecordCount(host: StoredHost): number;
  /**
   * The host's records of custom-rule tuples that `keep` says fire, grouped by rule, tuple and
   * installation (or unrecognised title and version) in the order the records came. A recognised
   * one is spelled as `judged` spells the installation of its key (folding may have changed it).
   */
  customOccurrences(
    host: StoredHost,
    judged: ReadonlyMap<string, SoftwareRef>,
    keep: (rule: number, tuple: number) => boolean,
  ): CustomOccurrence[];
  counts(): StoreCounts;
}
