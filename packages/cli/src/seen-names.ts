/**
 * The computer and unit names an audit's inputs held, so the policy linter can check the names the
 * policy gives (waiver and scope hosts, scope units) against them once scanning is done. A
 * province has about a hundred thousand names: a set of strings, nothing more per host.
 */
import {
  type HostInventory,
  ownCopy,
  type Policy,
  type PolicyLintWorld,
  type Problem,
  type UnitInfo,
} from '@zhengban/core';

export class SeenNames {
  private readonly hosts = new Set<string>();
  private readonly units = new Set<string>();

  /**
   * Names read by a scanner are views into the chunk of the file they came from: one kept view keeps
   * its whole chunk (1–2 MiB) alive, so each name is stored as its own copy (core's ownCopy), once.
   */
  add(host: HostInventory): void {
    this.keep(this.hosts, host.id);
    if (host.hostname) this.keep(this.hosts, host.hostname);
    if (host.unit) this.keep(this.units, host.unit);
  }

  private keep(set: Set<string>, name: string): void {
    if (!set.has(name)) set.add(ownCopy(name));
  }

  /** The world to lint against: the units file's units (with parents) and every unit and host seen. */
  world(unitsFile: readonly UnitInfo[] = []): PolicyLintWorld {
    return {
      units: [...unitsFile, ...[...this.units].map((name) => ({ name }))],
      hosts: [...this.hosts],
    };
  }

  /** The warnings of `relinted` that `policy` (linted before scanning) did not have yet. */
  newWarnings(policy: Policy, relinted: Policy): Problem[] {
    const key = (p: Problem) => `${p.file}\u0000${p.line}\u0000${p.column}\u0000${p.code}`;
    const known = new Set((policy.warnings ?? []).map(key));
    return (relinted.warnings ?? []).filter((warning) => !known.has(key(warning)));
  }
}
