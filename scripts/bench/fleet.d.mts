/** Types of fleet.mjs, for the TypeScript tests that audit a generated fleet. */
export interface FleetUnit {
  name: string;
  parent: string;
  /** City code (JZ, LC, …): units of one city share a Windows volume pool. */
  city: string;
  county: string | null;
  index: number;
  size: number;
  staff: number;
  code: string;
}

export interface FleetRecord {
  name: string;
  version?: string;
  publisher?: string;
  installDate?: string;
  edition?: string;
  licenseStatus?: string;
  channel?: string;
  kmsHost?: string;
  trace?: boolean;
}

export interface FleetHost {
  index: number;
  id: string;
  unit: FleetUnit;
  os: { name: string; version: string; edition: string; id: string };
  records: FleetRecord[];
  linux: boolean;
}

export interface Fleet {
  units: FleetUnit[];
  hosts: Array<Pick<FleetHost, 'index' | 'id' | 'unit'>>;
  order: number[];
  host(index: number): FleetHost;
}

export function createFleet(seed: number, hostCount: number, options?: { shuffle?: boolean }): Fleet;
export function fleetHosts(fleet: Fleet): Generator<FleetHost>;
