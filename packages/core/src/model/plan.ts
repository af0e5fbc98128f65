/** The rectification plan (整改方案) and its budget (经费预算). */

/**
 * What one item of the rectification plan (整改方案) does, in the order of preference for a missing
 * licence: use a free seat that covers the installation as it is (`reassign`: out of its scope
 * today), a free seat after an edition upgrade of the same product (`upgrade`), renew an expired
 * subscription (`renew`), buy (`buy`). Forbidden software is removed (`remove`); a computer missing
 * a mandatory class gets one (`install`).
 */
export type PlanAction = 'reassign' | 'upgrade' | 'renew' | 'buy' | 'remove' | 'install';

export interface PlanItem {
  /** `P-0001`…, in plan order (unit, then action, then product). */
  id: string;
  action: PlanAction;
  unit: string;
  /** The computers it applies to, sorted. */
  hosts: string[];
  /** Catalogue product id (for a removal of unrecognised software, the software's name). */
  product: string;
  class?: string;
  /** Seats it uses or buys (for `remove`, installations removed). */
  seats: number;
  /** Price of one seat, in the plan's currency; absent when unknown. */
  unitPrice?: number;
  /** seats × unitPrice; 0 for what costs nothing (a free seat, free software, a removal); absent when the price is unknown. */
  cost?: number;
  /** reassign / upgrade / install on a free seat: whose seat; renew: the subscription renewed. */
  entitlement?: string;
  /** upgrade: the edition the installations are upgraded to. */
  edition?: string;
  /** The product is domestic (install items). */
  domestic?: boolean;
  /** Ids of the findings it answers. */
  findings: string[];
}

/** 调剂: free seats an entitlement's scope keeps from a unit that lacks them. */
export interface PlanSuggestion {
  entitlement: string;
  product: string;
  /** The unit whose computers the scope should include. */
  unit: string;
  /** Seats it would give that unit (the reassign items it stands behind). */
  seats: number;
}

export interface PlanTotals {
  items: number;
  /** Seats of reassign, upgrade, renew, buy and install items. */
  seats: number;
  /** Seats that cost money: renew, buy and install without a free seat or free software. */
  purchasedSeats: number;
  /** Sum of the priced items' costs. */
  cost: number;
  /** Items that cost money whose price is unknown (their cost is not in `cost`). */
  unpricedItems: number;
  /**
   * Per class with a domestic target: computers with the class and with a domestic product of it
   * once the plan's installations are done, and the rate (null without computers of the class).
   */
  domesticRates: Record<string, { domestic: number; installed: number; rate: number | null }>;
}

export interface RectificationPlan {
  currency: string;
  items: PlanItem[];
  suggestions: PlanSuggestion[];
  units: Array<PlanTotals & { unit: string }>;
  totals: PlanTotals;
}
