/**
 * Gathers what the plan needs while the auditor's findings stream past — each judged computer's
 * installations that no seat covers (with the allocation's reasons) and the findings the plan
 * answers — so planning costs no extra pass over a province's computers. The plan is built once
 * the last group of findings has been read.
 */
import type {
  EntitlementPosition,
  Finding,
  IsoDate,
  Policy,
  RectificationPlan,
  UnitStats,
} from '../../model.js';
import type { JudgedHost } from '../rules/host-judge.js';
import { buildPlan, isPlanFinding } from './build-plan.js';
import { installationKey, type UncoveredInstallation } from './plan-licences.js';

export class PlanCollector {
  private readonly uncovered = new Map<string, UncoveredInstallation>();
  private readonly findings: Finding[] = [];

  addHost(host: JudgedHost): void {
    for (const installation of host.installations) {
      if (!installation.needsSeat || installation.licensed || !installation.coverage) continue;
      const state = installation.state;
      const item: UncoveredInstallation = {
        host: host.id,
        unit: host.unit,
        product: state.product.id,
        class: state.product.category,
        blockers: installation.coverage.blockers,
      };
      if (state.version !== undefined) item.version = state.version;
      if (state.edition !== undefined) item.edition = state.edition;
      this.uncovered.set(installationKey(host.id, state.product.id, state.software), item);
    }
  }

  addFinding(finding: Finding): void {
    if (isPlanFinding(finding)) this.findings.push(finding);
  }

  plan(
    policy: Policy,
    asOf: IsoDate,
    positions: readonly EntitlementPosition[],
    units: readonly UnitStats[],
  ): RectificationPlan {
    return buildPlan({ policy, asOf, positions, uncovered: this.uncovered, findings: this.findings, units });
  }
}
