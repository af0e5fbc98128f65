/**
 * The units of the report in order, and the engine's problems about the fleet as read: a host in
 * several units, records without a name, unit tree and units-file mistakes, editions no
 * entitlement can reach. Sorted by message.
 */
import type { Problem, UnitInfo } from '../../model.js';
import type { StoredHost } from '../model/host.js';
import { editionRestrictionProblems } from '../rules/edition-restrictions.js';
import { orderedUnits } from '../rules/statistics.js';
import { unitUseProblems } from '../rules/unit-problems.js';
import type { AuditSetup } from './audit-setup.js';
import type { FirstPass } from './first-pass.js';

export interface UnitsAndProblems {
  units: UnitInfo[];
  problems: Problem[];
}

export function unitsAndProblems(setup: AuditSetup, first: FirstPass): UnitsAndProblems {
  const { policy, store } = setup;
  const fileUnits = setup.options.units ?? [];
  const problems = hostProblems(first.states, store.counts().namelessRecords);
  const tree = orderedUnits(fileUnits, policy.units, new Set(first.hostUnits));
  problems.push(
    ...tree.problems,
    ...editionRestrictionProblems(policy),
    ...unitUseProblems(fileUnits, tree.units, {
      hostsByUnit: hostsOfUnits(first.states, first.hostUnits),
      whereIs: (id) => {
        const state = store.host(id);
        if (!state) return undefined;
        return state.osEvidence[0] ?? store.installationsOf(state)[0]?.evidence[0];
      },
    }),
  );
  return { units: tree.units, problems: problems.sort(byMessage) };
}

/** Per unit, its computers (sorted, as `states` is). */
function hostsOfUnits(states: readonly StoredHost[], hostUnits: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  states.forEach((state, i) => {
    const list = out.get(hostUnits[i]!);
    if (list) list.push(state.id);
    else out.set(hostUnits[i]!, [state.id]);
  });
  return out;
}

/** Warnings about the fleet as read: a host in several units, records without a name. */
function hostProblems(hosts: readonly StoredHost[], namelessRecords: number): Problem[] {
  const out: Problem[] = [];
  for (const host of hosts) {
    if (host.units.length > 1) {
      const units = [...host.units].sort();
      out.push({
        message: `host ${host.id} is listed in several units (${units.join(', ')}); it is counted in ${units[0]}`,
        severity: 'warning',
        code: 'engine.unit-conflict',
        params: { host: host.id, units: units.join(', '), unit: units[0]! },
        source: 'engine',
      });
    }
  }
  if (namelessRecords > 0) {
    out.push({
      message: `${namelessRecords} software record(s) had no name and were not judged`,
      severity: 'warning',
      code: 'engine.record-without-name',
      params: { count: namelessRecords },
      source: 'engine',
    });
  }
  return out.sort(byMessage);
}

const byMessage = (a: Problem, b: Problem) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
