/**
 * A generated fleet as data: the province's units and, host by host, what is installed. Each host is
 * drawn from its own random stream (seed, host number), so any order of hosts holds the same hosts.
 */
import { mixSeed, mulberry32 } from './prng.mjs';
import { buildProvince } from './province.mjs';
import { createSoftwareMix, drawHost } from './software-mix.mjs';

/** The fleet for (seed, N): `{ units, hosts, order, host(i) }`; `host(i)` draws host number i. */
export function createFleet(seed, hostCount, { shuffle = false } = {}) {
  const province = buildProvince(seed, hostCount, { shuffle });
  const mix = createSoftwareMix(mulberry32(mixSeed(seed, 0x4d697820)));
  return {
    units: province.units,
    hosts: province.hosts,
    order: province.order,
    /** Host number `i` (unit order) with its OS and records. */
    host(i) {
      const base = province.hosts[i];
      const drawn = drawHost(mix, mulberry32(mixSeed(seed, 0x486f7374, i)));
      return { ...base, ...drawn };
    },
  };
}

/** Hosts in file order (ordered or shuffled), one at a time. */
export function* fleetHosts(fleet) {
  for (const i of fleet.order) yield fleet.host(i);
}
