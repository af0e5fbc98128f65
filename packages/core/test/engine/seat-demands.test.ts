/**
 * The auditor's seat demands (typed columns, its own allocation order) against allocateVerdicts
 * over the same demands as objects: every verdict and the licence position must be the same.
 */
import { allocateVerdicts, type SeatDemand } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import type { JudgedHost } from '../../src/engine/rules/host-judge.js';
import { SeatDemands } from '../../src/engine/rules/seat-demands.js';
import { buildPolicy, entitlement } from './policy-builder.js';

/** mulberry32: the same fleet every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Demand {
  product: string;
  version?: string;
  edition?: string;
  needsSeat: boolean;
}

/** A judged host as far as seat demands read it. */
function judged(id: string, unit: string, demands: Demand[]): JudgedHost {
  return {
    id,
    unit,
    installations: demands.map((d) => ({
      needsSeat: d.needsSeat,
      licensed: false,
      state: { product: { id: d.product }, version: d.version, edition: d.edition },
    })),
  } as unknown as JudgedHost;
}

describe('SeatDemands', () => {
  it('allocates a fleet exactly as allocateVerdicts does over the same demands', () => {
    const next = random(8);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const kinds: Demand[] = [
      { product: 'office', version: '16.0.1', edition: 'professional-plus', needsSeat: true },
      { product: 'office', version: '16.0.1', needsSeat: true },
      { product: 'office', version: '14.0.7', edition: 'standard', needsSeat: true },
      { product: 'office', version: '', needsSeat: true },
      { product: 'office', needsSeat: true },
      { product: 'windows', version: '10.0.19045', edition: 'professional', needsSeat: true },
      { product: 'windows', version: '6.1.7601', edition: 'professional', needsSeat: true },
      { product: 'wps', version: '11.8', needsSeat: false },
      { product: 'acrobat', version: 'not a version', needsSeat: true },
    ];
    // Host ids in an order that is not their unit order, so both sort keys matter.
    const hosts = Array.from({ length: 300 }, (_, i) =>
      judged(`PC-${String((i * 7919) % 1000).padStart(3, '0')}`, pick(['财政局', '教育局', 'A 科', 'z']), [
        ...new Set(Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(kinds))),
      ]),
    ).sort((a, b) => (a.id < b.id ? -1 : 1));
    const policy = buildPolicy({
      entitlements: [
        entitlement({ id: 'OFFICE-POOL', product: 'office', seats: 60, versions: '>=16' }),
        entitlement({ id: 'OFFICE-EDU', product: 'office', seats: 25, scope: { units: ['教育局'] } }),
        entitlement({ id: 'OFFICE-STD', product: 'office', seats: 10, editions: ['standard'] }),
        entitlement({ id: 'WIN-OEM', product: 'windows', seats: 5, scope: { hosts: ['pc-007', 'PC-014'] } }),
        entitlement({ id: 'WIN-POOL', product: 'windows', seats: 40, expires: '2030-01-01' }),
        entitlement({ id: 'WIN-OLD', product: 'windows', seats: 500, expires: '2020-01-01' }),
        entitlement({ id: 'ACROBAT', product: 'acrobat', seats: 5, versions: '>=2020' }),
      ],
    });

    const columns = new SeatDemands(hosts.length);
    for (const [i, host] of hosts.entries()) columns.addHost(i, host);
    const positions = columns.allocate(policy, '2026-11-27');
    const objects: SeatDemand[] = hosts.flatMap((host) =>
      host.installations
        .filter((inst) => inst.needsSeat)
        .map((inst) => ({
          host: host.id,
          unit: host.unit,
          product: inst.state.product.id,
          ...(inst.state.version ? { version: inst.state.version } : {}),
          ...(inst.state.edition ? { edition: inst.state.edition } : {}),
        })),
    );
    const expected = allocateVerdicts(objects, policy.entitlements, '2026-11-27');

    expect(positions).toEqual(expected.positions);
    const given = hosts.flatMap((host, i) =>
      columns
        .apply(i, host)
        .installations.filter((inst) => inst.needsSeat)
        .map((inst) => (inst.licensed ? 'covered' : inst.coverage)),
    );
    expect(given).toEqual(expected.verdicts.map((v) => (v.outcome === 'covered' ? 'covered' : v)));
    // The fleet is big enough to fill pools and leave shortfalls, so order decides who gets a seat.
    expect(expected.positions.some((p) => p.shortfall > 0)).toBe(true);
    expect(given.filter((v) => v === 'covered').length).toBeGreaterThan(50);
  });
});
