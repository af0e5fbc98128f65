/**
 * The readers of the facts custom rules see (the facts themselves are listed in model/facts.ts):
 * per software record (or the OS), per host, per unit row and for the fleet totals; and the key that
 * makes one installation of a product on a host. Each scope's readers are keyed by its fact names,
 * so a fact the table gains without a reader here does not compile.
 */
import type { RecordAttributes } from '../model.js';
import {
  FLEET_FACTS,
  type FleetFact,
  HOST_FACTS,
  type HostFact,
  type RecordFact,
  type TitleFact,
  UNIT_FACTS,
  type UnitFact,
} from './model/facts.js';
import { licenseAt } from './rules/licence-model.js';
import type { Recognition } from './rules/recogniser.js';

export const installationKey = (product: string, version?: string, edition?: string): string =>
  `${product}\u0000${version ?? ''}\u0000${edition ?? ''}`;

export interface SoftwareFactSource {
  name: string;
  version?: string;
  publisher?: string;
  installDate?: string;
  arch?: string;
  source?: string;
  attributes?: RecordAttributes;
}

/** The part of a record the per-record facts are read from. */
interface RecordSource {
  installDate?: string;
  arch?: string;
  source?: string;
  attributes?: Record<string, unknown>;
}

const attribute = (record: RecordSource, name: string): unknown =>
  record.attributes && Object.hasOwn(record.attributes, name) ? record.attributes[name] : undefined;

// The software readers are switches over the table's names, not a record of functions: recordFact
// runs for every record a per-record rule sees, and a switch costs no lookup and no call there. In
// each `default` the name's type is `never` when every fact has its case, so a fact the table gains
// without a case here does not compile; at run time it is any other attribute name.

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
    const name = fact as TitleFact;
    switch (name) {
      case 'name':
        return record.name;
      case 'version':
        return record.version;
      case 'publisher':
        return record.publisher;
      case 'product':
        return product?.id;
      case 'category':
        return product?.category;
      case 'vendor':
        return product ? product.vendor : vendorId();
      case 'domestic':
        return product?.domestic;
      case 'license':
        // The model for this version (`licenseByVersion`), as the licence judgement sees it.
        return product ? licenseAt(product, record.version) : undefined;
      case 'edition':
        return recognition?.edition ?? record.attributes?.edition;
      case 'recognised':
        return product !== undefined;
      default: {
        const perRecord: never = name;
        return recordFact(record, perRecord);
      }
    }
  };
}

/** Reads one per-record fact (the table's `from: 'record'` facts), or any other record attribute. */
export function recordFact(record: RecordSource, fact: string): unknown {
  const name = fact as RecordFact;
  switch (name) {
    case 'installDate':
      return record.installDate;
    case 'arch':
      return record.arch;
    case 'source':
      return record.source;
    case 'licenseStatus':
    case 'channel':
    case 'kmsHost':
      return attribute(record, name);
    default: {
      const other: never = name;
      return attribute(record, other);
    }
  }
}

/** The facts of every fact name of a scope, in the table's order. */
function factsOf<N extends string, S>(
  names: readonly N[],
  readers: { readonly [F in N]: (source: S) => unknown },
  source: S,
): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of names) facts[name] = readers[name](source);
  return facts;
}

/** What the host facts are read from (a judged host, and its unauthorised installations). */
export interface HostFactSource {
  host: {
    id: string;
    unit: string;
    hostname?: string;
    os?: { name: string; id?: string; version?: string; edition?: string };
    osRecognition?: { edition?: string };
    state: { softwareCount: number };
    installations: ReadonlyArray<{ state: { product: { id: string; category: string } } }>;
  };
  unauthorisedCount: number;
}

const HOST_READERS: { readonly [F in HostFact]: (source: HostFactSource) => unknown } = {
  host: ({ host }) => host.id,
  hostname: ({ host }) => host.hostname,
  unit: ({ host }) => host.unit,
  osName: ({ host }) => host.os?.name,
  osId: ({ host }) => host.os?.id,
  osVersion: ({ host }) => host.os?.version,
  osEdition: ({ host }) => host.osRecognition?.edition ?? host.os?.edition,
  softwareCount: ({ host }) => host.state.softwareCount,
  products: ({ host }) => [...new Set(host.installations.map((i) => i.state.product.id))].sort(),
  categories: ({ host }) => [...new Set(host.installations.map((i) => i.state.product.category))].sort(),
  unauthorisedCount: ({ unauthorisedCount }) => unauthorisedCount,
};

/** The facts a host-scope rule sees. */
export function hostFacts(host: HostFactSource['host'], unauthorisedCount: number): Record<string, unknown> {
  return factsOf(HOST_FACTS, HOST_READERS, { host, unauthorisedCount });
}

/** The statistics a unit row and the fleet totals share. */
export interface AggregateStats {
  computers: number;
  unauthorised: number;
  classes: Record<string, { missing: number }>;
  rates: { genuine: Record<string, number | null>; domestic: Record<string, number | null> };
}

/** What unit and fleet facts are read from: the statistics, and what only one of the two has. */
interface AggregateSource {
  stats: AggregateStats;
  mandatory: readonly string[];
  unit?: string;
  staff?: number;
  units?: number;
}

const AGGREGATE_READERS: { readonly [F in UnitFact | FleetFact]: (source: AggregateSource) => unknown } = {
  unit: ({ unit }) => unit,
  staff: ({ staff }) => staff,
  units: ({ units }) => units,
  computers: ({ stats }) => stats.computers,
  unauthorised: ({ stats }) => stats.unauthorised,
  genuineRate: ({ stats }) => stats.rates.genuine.overall ?? null,
  genuineRates: ({ stats }) => {
    const rates: Record<string, number | null> = {};
    for (const [cls, rate] of Object.entries(stats.rates.genuine)) if (cls !== 'overall') rates[cls] = rate;
    return rates;
  },
  domesticRates: ({ stats }) => ({ ...stats.rates.domestic }),
  missing: ({ stats, mandatory }) => {
    const missing: Record<string, number> = {};
    for (const cls of mandatory) missing[cls] = stats.classes[cls]?.missing ?? 0;
    return missing;
  },
};

/** The facts a unit-scope rule sees for one row of the statistics table. */
export function unitFacts(
  row: AggregateStats & { unit: string; staff?: number },
  mandatory: readonly string[],
): Record<string, unknown> {
  return factsOf(UNIT_FACTS, AGGREGATE_READERS, { stats: row, mandatory, unit: row.unit, staff: row.staff });
}

/** The facts a fleet-scope rule sees: the totals, and how many units the table has. */
export function fleetFacts(
  totals: AggregateStats,
  mandatory: readonly string[],
  units: number,
): Record<string, unknown> {
  return factsOf(FLEET_FACTS, AGGREGATE_READERS, { stats: totals, mandatory, units });
}
