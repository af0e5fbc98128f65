/** allocateSeats on its own: a pure function of installations, entitlements and asOf. */
import { allocateSeats, allocateVerdicts, type LicensableInstallation } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { entitlement } from './policy-builder.js';

const inst = (host: string, unit: string, version = '16.0.1', edition?: string): LicensableInstallation => ({
  id: `${host}/office`,
  host,
  unit,
  product: 'office',
  version,
  ...(edition ? { edition } : {}),
});

describe('allocateSeats', () => {
  it('binds OEM licences to their host first, then unit scope, then the rest; earliest expiry first', () => {
    const ents = [
      entitlement({ id: 'Z-ALL', product: 'office', seats: 10 }),
      entitlement({
        id: 'B-UNIT',
        product: 'office',
        seats: 1,
        scope: { units: ['A'] },
        expires: '2025-01-01',
      }),
      entitlement({
        id: 'A-UNIT',
        product: 'office',
        seats: 1,
        scope: { units: ['A'] },
        expires: '2024-12-01',
      }),
      entitlement({ id: 'OEM', product: 'office', type: 'oem', seats: 1, scope: { hosts: ['pc-3'] } }),
    ];
    // A/PC-1 → A-UNIT (expires first), A/PC-2 → B-UNIT, A/PC-3 → OEM (host ids compare case-insensitively),
    // A/PC-4 → Z-ALL, B/PC-5 → Z-ALL
    const installs = [
      inst('PC-5', 'B'),
      inst('PC-3', 'A'),
      inst('PC-4', 'A'),
      inst('PC-1', 'A'),
      inst('PC-2', 'A'),
    ];
    const { coverage, positions } = allocateSeats(installs, ents, '2024-06-30');
    expect(coverage.map((c) => [c.installation, c.entitlement])).toEqual([
      ['PC-5/office', 'Z-ALL'],
      ['PC-3/office', 'OEM'],
      ['PC-4/office', 'Z-ALL'],
      ['PC-1/office', 'A-UNIT'],
      ['PC-2/office', 'B-UNIT'],
    ]);
    expect(positions.map((p) => [p.id, p.consumed, p.surplus])).toEqual([
      ['A-UNIT', 1, 0],
      ['B-UNIT', 1, 0],
      ['OEM', 1, 0],
      ['Z-ALL', 2, 8],
    ]);
    // the same installations in another order give the same allocation
    const again = allocateSeats([...installs].reverse(), ents, '2024-06-30');
    expect(again.positions).toEqual(positions);
  });

  it('honours downgrade rights, editions, validity dates and reports why not', () => {
    const ents = [
      entitlement({
        id: 'DOWN',
        product: 'office',
        seats: 5,
        versions: '>=16 <17',
        rights: { downgrade: true },
        editions: ['ProPlus'],
      }),
      entitlement({ id: 'LATE', product: 'office', seats: 5, validFrom: '2024-07-01' }),
    ];
    const { coverage, positions } = allocateSeats(
      [
        inst('PC-1', 'A', '14.0.7015.1000', 'ProPlus'),
        inst('PC-2', 'A', '17.0.1', 'ProPlus'),
        inst('PC-3', 'A', '16.0.1', 'Standard'),
      ],
      ents,
      '2024-06-30',
    );
    expect(coverage.map((c) => [c.outcome, c.entitlement, c.blockers])).toEqual([
      ['covered', 'DOWN', []], // 2010 under a 2016 licence with downgrade rights
      [
        'version',
        undefined,
        [
          { entitlement: 'DOWN', reasons: ['version'] },
          { entitlement: 'LATE', reasons: ['not-yet-valid'] },
        ],
      ],
      [
        'edition',
        undefined,
        [
          { entitlement: 'DOWN', reasons: ['edition'] },
          { entitlement: 'LATE', reasons: ['not-yet-valid'] },
        ],
      ],
    ]);
    expect(positions.find((p) => p.id === 'LATE')?.status).toBe('not-yet-valid');
  });

  it('gives site licences and unlimited seats no limit within scope, and counts shortfall', () => {
    const ents = [
      entitlement({ id: 'SITE', product: 'office', type: 'site', seats: 1, scope: { units: ['A'] } }),
      entitlement({ id: 'ONE', product: 'office', seats: 1 }),
    ];
    const { positions, coverage } = allocateSeats(
      [inst('PC-1', 'A'), inst('PC-2', 'A'), inst('PC-3', 'A'), inst('PC-4', 'B'), inst('PC-5', 'B')],
      ents,
      '2024-06-30',
    );
    expect(positions).toMatchObject([
      { id: 'ONE', seats: 1, consumed: 1, surplus: 0, shortfall: 1, hosts: ['PC-4'] },
      {
        id: 'SITE',
        seats: 'unlimited',
        consumed: 3,
        surplus: null,
        shortfall: 0,
        hosts: ['PC-1', 'PC-2', 'PC-3'],
      },
    ]);
    expect(coverage[4]).toEqual({
      installation: 'PC-5/office',
      outcome: 'unlicensed',
      blockers: [
        { entitlement: 'SITE', reasons: ['scope'] },
        { entitlement: 'ONE', reasons: ['seats'] },
      ],
    });
  });

  it('calls a version it cannot read unparseable, with the reason', () => {
    const { coverage } = allocateSeats(
      [inst('PC-1', 'A', '16.0 beta')],
      [entitlement({ id: 'R', product: 'office', versions: '>=16' })],
      '2024-06-30',
      { schemes: { office: 'windows' } },
    );
    expect(coverage[0]).toEqual({
      installation: 'PC-1/office',
      outcome: 'unparseable',
      blockers: [{ entitlement: 'R', reasons: ['unparseable'] }],
      versionError: 'version "16.0 beta" cannot be read (windows scheme): the version contains a space',
    });
  });
});

describe('allocateVerdicts', () => {
  it('answers as allocateSeats does, equal verdicts being one frozen object', () => {
    const installs = [inst('H1', 'A'), inst('H2', 'A'), inst('H3', 'B'), inst('H4', 'B', '15.0.1')];
    const ents = [entitlement({ id: 'POOL', product: 'office', seats: 1, versions: '>=16' })];
    const seats = allocateSeats(installs, ents, '2024-06-30');
    const { positions, verdicts } = allocateVerdicts(
      installs.map(({ id: _id, ...demand }) => demand),
      ents,
      '2024-06-30',
    );
    expect(positions).toEqual(seats.positions);
    expect(verdicts.map((v, i) => ({ installation: installs[i]!.id, ...v }))).toEqual(seats.coverage);
    expect(verdicts.map((v) => v.outcome)).toEqual(['covered', 'unlicensed', 'unlicensed', 'version']);
    expect(verdicts[1]).toBe(verdicts[2]);
    expect(Object.isFrozen(verdicts[1]) && Object.isFrozen(verdicts[1]!.blockers)).toBe(true);
    // allocateSeats hands out copies a caller may change.
    seats.coverage[1]!.blockers.push({ entitlement: 'X', reasons: ['scope'] });
    expect(seats.coverage[2]!.blockers).toHaveLength(1);
  });
});
