/**
 * Property-based tests (fast-check) of the engine's invariants over random small fleets. Each
 * property runs 50 random fleets; a failure prints the seed and the shrunk fleet to replay it.
 */
import { effectiveStatus, type Finding, mergeReports, type Rates } from '@zhengban/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditShards, comparable, fleetArbitrary, waiverArbitrary } from './random-fleet.js';

const RUNS = { numRuns: 50 };

function rateValues(rates: Rates): Array<number | null> {
  return [...Object.values(rates.genuine), ...Object.values(rates.domestic)];
}

const counted = (findings: readonly Finding[], status: string) =>
  findings.filter((finding) => effectiveStatus(finding) === status).length;

describe('engine invariants (fast-check)', () => {
  it('every rate is within [0, 1] or null, per unit and in total', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, async (hosts) => {
        const report = await auditShards([['memory:all', hosts]]);
        for (const rates of [report.totals.rates, ...report.units.map((unit) => unit.rates)]) {
          for (const value of rateValues(rates)) {
            expect(value === null || (Number.isFinite(value) && value >= 0 && value <= 1)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('never consumes a seat twice and no entitlement exceeds its seats', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, async (hosts) => {
        const report = await auditShards([['memory:all', hosts]]);
        const seatsTaken = new Set<string>();
        for (const position of report.entitlements) {
          if (position.seats !== 'unlimited') {
            expect(position.consumed).toBeLessThanOrEqual(position.seats);
            expect(position.surplus).toBe(position.seats - position.consumed);
          }
          expect(position.hosts).toHaveLength(position.consumed);
          // Each host has at most one installation per product: it may hold one seat of that product.
          for (const host of position.hosts) {
            const key = `${position.product}\u0000${host}`;
            expect(seatsTaken.has(key), `${host} holds two seats of ${position.product}`).toBe(false);
            seatsTaken.add(key);
          }
        }
        const licensed = report.mergeBasis?.seats.filter((seat) => seat.licensed).length;
        expect(licensed).toBe(report.entitlements.reduce((sum, position) => sum + position.consumed, 0));
      }),
      RUNS,
    );
  });

  it('adding a waiver never adds a failure or a warning', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, waiverArbitrary, async (hosts, waiver) => {
        const before = await auditShards([['memory:all', hosts]]);
        const after = await auditShards([['memory:all', hosts]], [waiver]);
        for (const status of ['fail', 'warn', 'error'])
          expect(counted(after.findings, status)).toBeLessThanOrEqual(counted(before.findings, status));
        // A waiver adds no finding. (It may remove one derived from a count it changes: a fleet rule
        // on unauthorised installations passes once they are waived.)
        const beforeIds = new Set(before.findings.map((finding) => finding.id));
        expect(after.findings.filter((finding) => !beforeIds.has(finding.id))).toEqual([]);
      }),
      RUNS,
    );
  });

  it("removing a host never increases another host's findings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fleetArbitrary.filter((hosts) => hosts.length > 1),
        fc.nat(),
        async (hosts, pick) => {
          const removed = hosts[pick % hosts.length]!;
          const rest = hosts.filter((host) => host !== removed);
          const before = await auditShards([['memory:all', hosts]]);
          const after = await auditShards([['memory:all', rest]]);
          const open = (report: typeof before, host: string) =>
            report.findings.filter(
              (f) => f.subject.host === host && ['fail', 'warn', 'error'].includes(effectiveStatus(f)),
            ).length;
          for (const host of rest)
            expect(open(after, host.id), host.id).toBeLessThanOrEqual(open(before, host.id));
        },
      ),
      RUNS,
    );
  });

  it('gives the same report whatever order the hosts arrive in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fleetArbitrary.chain((hosts) =>
          fc.tuple(fc.constant(hosts), fc.shuffledSubarray(hosts, { minLength: hosts.length })),
        ),
        async ([hosts, shuffled]) => {
          const a = await auditShards([['memory:all', hosts]]);
          const b = await auditShards([['memory:all', shuffled]]);
          expect(comparable(b)).toEqual(comparable(a));
        },
      ),
      RUNS,
    );
  });

  it('mergeReports(audit(A), audit(B)) equals audit(A ∪ B) for disjoint host sets (software and host rules)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArbitrary, fc.infiniteStream(fc.boolean()), async (hosts, sides) => {
        const inA = hosts.map(() => sides.next().value as boolean);
        const shardA = hosts.filter((_, i) => inA[i]);
        const shardB = hosts.filter((_, i) => !inA[i]);
        const only = { hostRulesOnly: true };
        const merged = mergeReports(
          await auditShards([['memory:a', shardA]], [], only),
          await auditShards([['memory:b', shardB]], [], only),
        );
        const single = await auditShards(
          [
            ['memory:a', shardA],
            ['memory:b', shardB],
          ],
          [],
          only,
        );
        expect(comparable(merged)).toEqual(comparable(single));
      }),
      RUNS,
    );
  });
});
