/** Merging reports of disjoint host sets (scale-out): what a report carries so it can be merged. */
import type { Evidence, UnitInfo } from './inventory.js';
import type { Policy } from './policy.js';

/** One installation that needs a licence seat, with what re-judging its licence needs. */
export interface SeatDemand {
  /** `host\0product\0version\0edition`, unique in the fleet. */
  id: string;
  host: string;
  unit: string;
  /** Catalogue product id. */
  product: string;
  version?: string;
  /** Canonical edition, when known. */
  edition?: string;
  /** The installation as read. */
  software: { name: string; version?: string; publisher?: string; edition?: string };
  evidence: Evidence[];
  /** How the product was recognised (the trace's recognition step). */
  recognition: string;
  /** Not genuine whatever its licence (denied edition, activation not genuine). */
  notGenuine: boolean;
  /** Every other installation of this class on the host is licensed and genuine. */
  classmatesGenuine: boolean;
  /** Whether the allocation of this report gave it a seat. */
  licensed: boolean;
}

/** See ComplianceReport.mergeBasis. */
export interface MergeBasis {
  /** The resolved policy the audit ran with (the ledger, waivers, preferences, custom rules). */
  policy: Policy;
  /** Units from the units file, in file order (they fix the order of the statistics table). */
  units: UnitInfo[];
  /** The clock waivers were judged against (ISO timestamp). */
  waiverClock: string;
  /** Installations that need a seat, sorted by id. */
  seats: SeatDemand[];
}
