/**
 * Wazuh agents → computers. A manager numbers its agents (`001`, `002`, …), so one folder of
 * messages gathered from several managers, or from an agent re-registered on another machine, holds
 * one agent id for several computers. Messages arrive as a stream per agent: a message naming a host
 * other than the one the agent has so far starts (or returns to) that computer, and the packages that
 * follow belong to it. An agent id seen under several host names is reported, and each of its
 * computers is named `<agent>:<host name>` so that none is merged into another.
 */
import type { HostInventory, SoftwareRecord } from '@zhengban/core';
import type { WazuhFacts } from './wazuh-events.js';

interface AgentHost {
  agent: string;
  hostname?: string;
  os?: HostInventory['os'];
  packages: Map<string, SoftwareRecord>;
  files: Set<string>;
}

export interface SharedAgent {
  agent: string;
  hostnames: string[];
  files: string[];
}

export class WazuhFleet {
  private readonly current = new Map<string, AgentHost>();
  private readonly hosts: AgentHost[] = [];

  /**
   * Applies one message; returns how many earlier package records it replaced or deleted (read but
   * not installed twice), so the caller can count them as ignored.
   */
  apply(facts: WazuhFacts, file: string): number {
    const host = this.hostOf(facts.agent, facts.hostname);
    host.files.add(file);
    if (facts.os) host.os = facts.os;
    let superseded = 0;
    for (const pkg of facts.packages) {
      if (host.packages.delete(pkg.key)) superseded++;
      if (pkg.record) host.packages.set(pkg.key, pkg.record);
      else superseded++; // the delete message itself is read, and installs nothing
    }
    return superseded;
  }

  /** Agent ids that stand for more than one computer, for a warning. */
  sharedAgents(): SharedAgent[] {
    const byAgent = new Map<string, AgentHost[]>();
    for (const host of this.hosts) byAgent.set(host.agent, [...(byAgent.get(host.agent) ?? []), host]);
    return [...byAgent.entries()]
      .filter(([, hosts]) => hosts.length > 1)
      .map(([agent, hosts]) => ({
        agent,
        hostnames: hosts.map((host) => host.hostname ?? '?'),
        files: [...new Set(hosts.flatMap((host) => [...host.files]))],
      }));
  }

  /** The computers, in the order first seen. */
  inventories(): HostInventory[] {
    const shared = new Set(this.sharedAgents().map((entry) => entry.agent));
    return this.hosts.map((host) => {
      const id = shared.has(host.agent) ? `${host.agent}:${host.hostname ?? '?'}` : host.agent;
      const inventory: HostInventory = { id, software: [...host.packages.values()], scanner: 'wazuh' };
      if (host.hostname) inventory.hostname = host.hostname;
      if (host.os) inventory.os = host.os;
      return inventory;
    });
  }

  private hostOf(agent: string, hostname: string | undefined): AgentHost {
    const current = this.current.get(agent);
    if (current && (!hostname || current.hostname === hostname)) return current;
    if (current && !current.hostname) {
      current.hostname = hostname;
      return current;
    }
    const known = this.hosts.find((host) => host.agent === agent && host.hostname === hostname);
    const host: AgentHost = known ?? { agent, packages: new Map(), files: new Set<string>() };
    if (!known) {
      if (hostname) host.hostname = hostname;
      this.hosts.push(host);
    }
    this.current.set(agent, host);
    return host;
  }
}
