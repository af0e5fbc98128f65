/**
 * The merge basis a report carries (ComplianceReport.mergeBasis): the resolved policy, the units
 * file's units, the waiver clock, and every installation that needs a licence seat with what its
 * licence decides (the host's genuine flag for its class, its licensing finding). The auditor builds
 * it in `finish()` after allocation; `mergeReports` re-allocates the seats over the union.
 */
import { installationId, type JudgedHost } from '../engine/rules/host-judge.js';
import type { MergeBasis, Policy, SeatDemand, UnitInfo } from '../model.js';

export interface MergeBasisInput {
  policy: Policy;
  /** Units from the units file (AuditorOptions.units). */
  units: readonly UnitInfo[];
  /** The clock waivers were applied with. */
  clock: Date;
  /** Every judged host, after allocation (installations carry `licensed`); read once, in order. */
  hosts: Iterable<JudgedHost>;
}

export function mergeBasis(input: MergeBasisInput): MergeBasis {
  const seats: SeatDemand[] = [];
  for (const host of input.hosts) {
    for (const inst of host.installations) {
      if (!inst.needsSeat) continue;
      const cls = inst.state.product.category;
      // Classmates that need no seat keep their verdict in any merge; those that need one are
      // demands themselves and are re-judged with this one.
      const classmatesGenuine = host.installations.every(
        (other) =>
          other.needsSeat || other.state.product.category !== cls || (other.licensed && !other.notGenuine),
      );
      const demand: SeatDemand = {
        id: installationId(host.id, inst.state),
        host: host.id,
        unit: host.unit,
        product: inst.state.product.id,
        software: { ...inst.state.software },
        evidence: [...inst.state.evidence],
        recognition: inst.state.recognition,
        notGenuine: inst.notGenuine,
        classmatesGenuine,
        licensed: inst.licensed,
      };
      if (inst.state.version) demand.version = inst.state.version;
      if (inst.state.edition) demand.edition = inst.state.edition;
      seats.push(demand);
    }
  }
  seats.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    policy: input.policy,
    units: input.units.map((u) => ({ ...u })),
    waiverClock: input.clock.toISOString(),
    seats,
  };
}
