/**
 * Pass 2 (after the allocation): each host judged again without evidence to fill the statistics
 * table; its findings that count as unauthorised are worded with waivers applied, since a waived
 * installation no longer counts. Then each ledger line's consumption per unit, when asked for.
 */
import type { EntitlementPosition, Totals, UnitInfo, UnitStats } from '../../model.js';
import type { HostFindingContext } from '../rules/host-findings.js';
import { hostFindings } from '../rules/host-findings.js';
import { StatisticsTable } from '../rules/statistics.js';
import { countsAsUnauthorised, unauthorisedInstallations } from '../rules/unauthorised-count.js';
import { addUnitConsumption } from '../rules/unit-breakdown.js';
import { WaiverBook } from '../rules/waivers.js';
import type { AuditSetup } from './audit-setup.js';
import type { FirstPass } from './first-pass.js';
import type { JudgeAgain } from './judge-again.js';

export interface Counted {
  unitRows: UnitStats[];
  totals: Totals;
  /** Unauthorised installations per host (hosts with none left out), for host-scope custom rules. */
  unauthorisedByHost: Map<string, number>;
}

export function countPass(
  setup: AuditSetup,
  ctx: HostFindingContext,
  first: FirstPass,
  judged: JudgeAgain,
  units: readonly UnitInfo[],
  positions: EntitlementPosition[],
  clock: Date,
): Counted {
  const { policy } = setup;
  const mandatory = policy.requirements.classes;
  const classes = [...new Set([...mandatory, ...policy.preferences.domestic.map((d) => d.class)])];
  const table = new StatisticsTable(units, classes, mandatory);
  const unauthorisedByHost = new Map<string, number>();
  const waivers = new WaiverBook(policy.waivers, clock);
  for (let i = 0; i < first.states.length; i++) {
    const host = judged(i, 'without-evidence');
    table.addHost(host);
    const counted = waivers.apply(hostFindings(host, ctx, countsAsUnauthorised));
    const count = unauthorisedInstallations(counted);
    if (count > 0) unauthorisedByHost.set(host.id, count);
    table.addUnauthorised(host.unit, count);
  }
  const unitRows = table.units();
  if (first.byUnit) {
    const unitOfHost = new Map(first.states.map((state, i) => [state.id, first.hostUnits[i]!]));
    addUnitConsumption(
      positions,
      unitOfHost,
      units.map((u) => u.name),
    );
  }
  return { unitRows, totals: table.totals(), unauthorisedByHost };
}
