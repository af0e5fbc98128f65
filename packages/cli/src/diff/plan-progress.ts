/**
 * How much of BEFORE's rectification plan was carried out by AFTER (two phases of a campaign): an
 * item is done when none of the findings it answers is still open in AFTER, part done when some
 * are. Seats and cost are counted per finding answered (each stands for one installation or
 * computer), so half of a two-computer purchase done is half its seats and half its cost.
 */
import type { ComplianceReport, PlanAction } from '@zhengban/core';

export interface PlanUnitProgress {
  unit: string;
  items: number;
  done: number;
  cost: number;
  costDone: number;
}

export interface PlanProgress {
  items: number;
  /** Items none of whose findings is open in AFTER. */
  done: number;
  /** Items some (not all) of whose findings are still open. */
  partlyDone: number;
  seats: number;
  seatsDone: number;
  cost: number;
  costDone: number;
  byAction: Array<{ action: PlanAction; items: number; done: number }>;
  units: PlanUnitProgress[];
}

const round = (value: number) => Math.round(value * 100) / 100;

/** undefined when BEFORE has no plan. `stillOpen` holds the finding ids open in AFTER. */
export function planProgress(
  before: ComplianceReport,
  stillOpen: ReadonlySet<string>,
): PlanProgress | undefined {
  const plan = before.plan;
  if (!plan) return undefined;
  const progress: PlanProgress = {
    items: plan.items.length,
    done: 0,
    partlyDone: 0,
    seats: 0,
    seatsDone: 0,
    cost: plan.totals.cost,
    costDone: 0,
    byAction: [],
    units: [],
  };
  for (const item of plan.items) {
    const answered = item.findings.length;
    const resolved = item.findings.filter((id) => !stillOpen.has(id)).length;
    const share = answered === 0 ? 0 : resolved / answered;
    const done = answered > 0 && resolved === answered;
    if (done) progress.done++;
    else if (resolved > 0) progress.partlyDone++;
    progress.seats += item.seats;
    progress.seatsDone += Math.round(item.seats * share);
    const costDone = round((item.cost ?? 0) * share);
    progress.costDone = round(progress.costDone + costDone);
    let action = progress.byAction.find((row) => row.action === item.action);
    if (!action) {
      action = { action: item.action, items: 0, done: 0 };
      progress.byAction.push(action);
    }
    action.items++;
    if (done) action.done++;
    let unit = progress.units.find((row) => row.unit === item.unit);
    if (!unit) {
      unit = { unit: item.unit, items: 0, done: 0, cost: 0, costDone: 0 };
      progress.units.push(unit);
    }
    unit.items++;
    if (done) unit.done++;
    unit.cost = round(unit.cost + (item.cost ?? 0));
    unit.costDone = round(unit.costDone + costDone);
  }
  return progress;
}
