/**
 * The fleet's seat demands, between judging and wording: every installation that needs a seat,
 * host by host in the auditor's host order, allocated at once (allocation.ts), and each verdict
 * given back to its installation when the host is judged again. Installations of one host come
 * in the order judging lists them, so demand k of host i is always the same installation.
 */
import type { EntitlementPosition, IsoDate, Policy, VersionScheme } from '../model.js';
import { allocateVerdicts, type CoverageVerdict, type SeatDemand } from './allocation.js';
import type { JudgedHost } from './host-judge.js';

export class SeatDemands {
  private demands: SeatDemand[] = [];
  /** start[i]: host i's first demand; start[i + 1] − start[i] its number of demands. */
  private readonly start: Int32Array;
  /** Per demand: the allocation's verdict when no seat covers it, undefined when covered. */
  private verdicts: (Readonly<CoverageVerdict> | undefined)[] = [];

  constructor(hostCount: number) {
    this.start = new Int32Array(hostCount + 1);
  }

  /** Hosts in index order, each once. */
  addHost(index: number, host: JudgedHost): void {
    this.start[index] = this.demands.length;
    for (const inst of host.installations) {
      if (!inst.needsSeat) continue;
      // No id: (unit, host, product, version, edition) is already unique, one installation per key.
      const item: SeatDemand = {
        host: host.id,
        unit: host.unit,
        product: inst.state.product.id,
      };
      if (inst.state.version) item.version = inst.state.version;
      if (inst.state.edition) item.edition = inst.state.edition;
      this.demands.push(item);
    }
    this.start[index + 1] = this.demands.length;
  }

  /** Allocates every demand (equal verdicts are one shared object). Returns the licence position. */
  allocate(policy: Policy, asOf: IsoDate): EntitlementPosition[] {
    const schemes = new Map<string, VersionScheme>(
      policy.catalog.products.map((p) => [p.id, p.versionScheme]),
    );
    const allocation = allocateVerdicts(this.demands, policy.entitlements, asOf, { schemes });
    this.demands = [];
    this.verdicts = allocation.verdicts.map((verdict) =>
      verdict.outcome === 'covered' ? undefined : verdict,
    );
    return allocation.positions;
  }

  /** Gives host `index`, judged again, its licensing verdicts. */
  apply(index: number, host: JudgedHost): JudgedHost {
    let k = this.start[index]!;
    for (const inst of host.installations) {
      if (!inst.needsSeat) continue;
      const verdict = this.verdicts[k++];
      inst.licensed = verdict === undefined;
      if (verdict) inst.coverage = verdict;
    }
    if (k !== this.start[index + 1])
      // A bug, never bad input: judging must depend only on the store and the policy.
      throw new Error(
        `internal: host ${host.id} was judged differently twice (${k - this.start[index]!} seat demands)`,
      );
    return host;
  }
}
