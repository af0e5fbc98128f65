/**
 * The fleet's seat demands, between judging and wording: every installation that needs a seat,
 * host by host in the auditor's host order, allocated at once (allocation.ts), and each verdict
 * given back to its installation when the host is judged again. Installations of one host come
 * in the order judging lists them, so demand k of host i is always the same installation.
 *
 * A province has a million demands, and (product, version, edition) repeats from host to host:
 * a demand is two numbers (its host, its kind) in typed columns, not an object: 1.2 M objects at
 * 100 000 hosts were promoted to the old generation and dead a second later, at the run's peak.
 */
import type { EntitlementPosition, IsoDate, Policy, VersionScheme } from '../../model.js';
import { allocateInOrder, type CoverageVerdict, compareText, type DemandColumns } from './allocation.js';
import type { JudgedHost } from './host-judge.js';

/** What a demand needs a seat of; shared by every demand of the same product, version and edition. */
interface DemandKind {
  product: string;
  version: string | undefined;
  edition: string | undefined;
}

/** Growable column of int32s (a typed array doubled as it fills). */
class IntColumn {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

export class SeatDemands {
  /** start[i]: host i's first demand; start[i + 1] − start[i] its number of demands. */
  private readonly start: Int32Array;
  private readonly hostIds: string[];
  private readonly hostUnits: string[];
  private readonly kinds: DemandKind[] = [];
  private readonly kindIds = new Map<string, number>();
  /** Per demand: its host's index and its kind. */
  private hostOf = new IntColumn();
  private kindOf = new IntColumn();
  /** Per demand after allocate(): its verdict's index in `verdictList`, −1 when covered. */
  private verdictIndex = new Int32Array(0);
  private readonly verdictList: Readonly<CoverageVerdict>[] = [];

  constructor(hostCount: number) {
    this.start = new Int32Array(hostCount + 1);
    this.hostIds = new Array(hostCount);
    this.hostUnits = new Array(hostCount);
  }

  /** Hosts in index order, each once. */
  addHost(index: number, host: JudgedHost): void {
    this.start[index] = this.hostOf.length;
    this.hostIds[index] = host.id;
    this.hostUnits[index] = host.unit;
    for (const inst of host.installations) {
      if (!inst.needsSeat) continue;
      this.hostOf.push(index);
      this.kindOf.push(this.kindId(inst.state.product.id, inst.state.version, inst.state.edition));
    }
    this.start[index + 1] = this.hostOf.length;
  }

  /** Allocates every demand (equal verdicts are one shared object). Returns the licence position. */
  allocate(policy: Policy, asOf: IsoDate): EntitlementPosition[] {
    const schemes = new Map<string, VersionScheme>(
      policy.catalog.products.map((p) => [p.id, p.versionScheme]),
    );
    const hostOf = this.hostOf.values;
    const kindOf = this.kindOf.values;
    const kinds = this.kinds;
    const columns: DemandColumns = {
      host: (i) => this.hostIds[hostOf[i]!]!,
      unit: (i) => this.hostUnits[hostOf[i]!]!,
      product: (i) => kinds[kindOf[i]!]!.product,
      version: (i) => kinds[kindOf[i]!]!.version,
      edition: (i) => kinds[kindOf[i]!]!.edition,
    };
    this.verdictIndex = new Int32Array(this.hostOf.length);
    const known = new Map<Readonly<CoverageVerdict>, number>();
    const positions = allocateInOrder(
      columns,
      this.allocationOrder(),
      policy.entitlements,
      asOf,
      { schemes },
      (i, verdict) => {
        if (verdict.outcome === 'covered') {
          this.verdictIndex[i] = -1;
          return;
        }
        let at = known.get(verdict);
        if (at === undefined) {
          at = this.verdictList.length;
          this.verdictList.push(verdict);
          known.set(verdict, at);
        }
        this.verdictIndex[i] = at;
      },
    );
    this.hostOf = new IntColumn();
    this.kindOf = new IntColumn();
    return positions;
  }

  /** Gives host `index`, judged again, its licensing verdicts. */
  apply(index: number, host: JudgedHost): JudgedHost {
    let k = this.start[index]!;
    for (const inst of host.installations) {
      if (!inst.needsSeat) continue;
      const at = this.verdictIndex[k++]!;
      inst.licensed = at < 0;
      if (at >= 0) inst.coverage = this.verdictList[at]!;
    }
    if (k !== this.start[index + 1])
      // A bug, never bad input: judging must depend only on the store and the policy.
      throw new Error(
        `internal: host ${host.id} was judged differently twice (${k - this.start[index]!} seat demands)`,
      );
    return host;
  }

  /** As allocateVerdicts has it ('' for an absent version or edition), one number per kind. */
  private kindId(product: string, version: string | undefined, edition: string | undefined): number {
    const key = `${product}\u0000${version ?? ''}\u0000${edition ?? ''}`;
    let id = this.kindIds.get(key);
    if (id === undefined) {
      id = this.kinds.length;
      this.kinds.push({ product, version: version || undefined, edition: edition || undefined });
      this.kindIds.set(key, id);
    }
    return id;
  }

  /**
   * Demand indices in allocation order — unit, host, product, version, edition (allocation.ts's
   * byKey) — without comparing strings a million times: hosts sorted by (unit, id) once, kinds
   * ranked once, each host's demands sorted by rank (stable, as byKey's ties keep their order).
   */
  private allocationOrder(): Int32Array {
    const kinds = this.kinds;
    const byKind = kinds.map((_, i) => i);
    byKind.sort(
      (a, b) =>
        compareText(kinds[a]!.product, kinds[b]!.product) ||
        compareText(kinds[a]!.version ?? '', kinds[b]!.version ?? '') ||
        compareText(kinds[a]!.edition ?? '', kinds[b]!.edition ?? ''),
    );
    const rank = new Int32Array(kinds.length);
    byKind.forEach((kind, r) => {
      rank[kind] = r;
    });
    const hostCount = this.hostIds.length;
    const hosts = Array.from({ length: hostCount }, (_, i) => i);
    hosts.sort(
      (a, b) =>
        compareText(this.hostUnits[a]!, this.hostUnits[b]!) ||
        compareText(this.hostIds[a]!, this.hostIds[b]!),
    );
    const kindOf = this.kindOf.values;
    const order = new Int32Array(this.hostOf.length);
    let at = 0;
    for (const host of hosts) {
      const first = this.start[host]!;
      const demands: number[] = [];
      for (let k = first; k < this.start[host + 1]!; k++) demands.push(k);
      demands.sort((a, b) => rank[kindOf[a]!]! - rank[kindOf[b]!]!);
      for (const k of demands) order[at++] = k;
    }
    return order;
  }
}
