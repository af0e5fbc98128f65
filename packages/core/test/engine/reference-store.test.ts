/**
 * The compact store changes no report: the hand-worked fleet and random fleets (whole, and with
 * every host arriving in pieces or read twice) give the same report through the plain reference store.
 */
import type { HostInventory, Policy } from '@zhengban/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fleetArbitrary } from '../properties/random-fleet.js';
import { AS_OF, hosts, policy, units } from './fleet.js';
import { expectSameThroughBothStores, reportText } from './store-oracle.js';

const RUNS = { numRuns: 40 };

/** Unrecognised software judged as unauthorised: the store keeps the unrecognised records too. */
const strict: Policy = { ...policy, settings: { ...policy.settings, unrecognised: 'unauthorised' } };

/**
 * Each host as two inventories: the first `cut` records (with the OS), then every record again as
 * another scanner read it (other evidence, an activation status on some): hosts merge, and one
 * installation and one title get several records.
 */
function inPieces(fleet: readonly HostInventory[], cut: number): HostInventory[] {
  const first = fleet.map((host) => ({ ...host, software: host.software.slice(0, cut) }));
  const again = fleet.map(({ os: _os, ...host }) => ({
    ...host,
    scanner: 'second',
    software: host.software.map((record, line) => ({
      ...record,
      evidence: { source: 'second', file: 'again.csv', line },
      ...(line % 2 === 0
        ? { attributes: { licenseStatus: line % 4 === 0 ? 'licensed' : 'notification' } }
        : {}),
    })),
  }));
  return [...first, ...(again as HostInventory[]).reverse()];
}

/** Two fleets over overlapping ids: a host may bring two spellings of one product. */
const twoReadings = (a: readonly HostInventory[], b: readonly HostInventory[]): HostInventory[] => [
  ...a,
  ...b.map((host) => ({
    ...host,
    software: host.software.map((record, line) => ({
      ...record,
      evidence: { source: 'b', file: 'b.csv', line },
    })),
  })),
];

describe('reference store (oracle of the compact store)', () => {
  it('gives the hand-worked fleet the same report, with every optional part', async () => {
    await expectSameThroughBothStores(policy, hosts, {
      units,
      asOf: AS_OF,
      mergeable: true,
      plan: true,
      details: true,
      unitBreakdown: true,
    });
    await expectSameThroughBothStores(strict, hosts, { units, asOf: AS_OF });
  });

  it('is a real second store: the report it gives says what the fleet holds', async () => {
    const report = JSON.parse(await reportText('reference', policy, hosts, { units, asOf: AS_OF }));
    expect(report.stats.hosts).toBe(hosts.length);
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('gives hostile identifiers and odd records the same report', async () => {
    const record = (name: unknown, version?: string, publisher?: string) =>
      ({ name, version, publisher, source: 'memory' }) as HostInventory['software'][number];
    const odd: HostInventory[] = [
      {
        id: '__proto__',
        unit: 'toString',
        scanner: 'memory',
        os: { name: 'Kylin', id: 'kylin', version: 'V10' },
        software: [
          record('WPS Office (12.1.0.16417)', '12.1.0.16417', 'Kingsoft Corp.'),
          record(' WPS Office (12.1.0.16417) ', ' 12.1.0.16417 ', ' Kingsoft Corp. '),
          record('Foo\u0000Viewer', '1\u00002'),
          record('Foo', '\u0000Viewer1\u00002'),
          record('   '),
          record(undefined),
          record('KMSpico', '10.2.0'),
        ],
      },
      {
        id: 'constructor',
        unit: '__proto__',
        scanner: 'memory',
        software: [record('Foo Viewer', '1.0', 'Foo Ltd')],
      },
      {
        id: '__proto__',
        hostname: 'hasOwnProperty',
        scanner: 'other',
        software: [record('KMSpico', '10.2.0')],
      },
    ];
    await expectSameThroughBothStores(strict, odd, { units, asOf: AS_OF, mergeable: true, details: true });
  });

  it('gives random fleets the same report', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, fc.boolean(), async (fleet, judgeUnrecognised) => {
        await expectSameThroughBothStores(judgeUnrecognised ? strict : policy, fleet, {
          units,
          asOf: AS_OF,
          mergeable: true,
        });
      }),
      RUNS,
    );
  });

  it('gives random fleets read in pieces, in another order, the same report', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, fc.nat({ max: 9 }), async (fleet, cut) => {
        await expectSameThroughBothStores(strict, inPieces(fleet, cut), {
          units,
          asOf: AS_OF,
          details: true,
        });
      }),
      RUNS,
    );
  });

  it('gives hosts read twice with other picks (other spellings of one product) the same report', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, fleetArbitrary, async (a, b) => {
        await expectSameThroughBothStores(strict, twoReadings(a, b), { units, asOf: AS_OF, mergeable: true });
      }),
      RUNS,
    );
  });
});
