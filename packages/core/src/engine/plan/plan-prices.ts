/**
 * What a seat costs when the plan buys or renews one: the policy's `prices:` for the product, else
 * what the ledger last paid for it (the latest purchase with a price). Unknown stays unknown: a plan
 * item without a price has no cost, and the totals count it apart.
 */
import type { Entitlement, Policy } from '../../model.js';

export class PlanPrices {
  private readonly paid = new Map<string, { date: string; price: number }>();

  constructor(private readonly policy: Policy) {
    for (const entitlement of policy.entitlements) {
      const price = paidPrice(entitlement);
      if (price === undefined) continue;
      const date = entitlement.purchased ?? entitlement.validFrom ?? '';
      const known = this.paid.get(entitlement.product);
      if (!known || date > known.date) this.paid.set(entitlement.product, { date, price });
    }
  }

  /** The price of one new seat of `product`. */
  of(product: string): number | undefined {
    return this.policy.prices?.[product] ?? this.paid.get(product)?.price;
  }

  /** The price of renewing one seat of `entitlement`: what it cost, else a new seat's price. */
  renewal(entitlement: Entitlement): number | undefined {
    return paidPrice(entitlement) ?? this.of(entitlement.product);
  }
}

/** A ledger line's price per seat: its 单价, else its 金额 over its seats. */
function paidPrice(entitlement: Entitlement): number | undefined {
  if (entitlement.unitPrice !== undefined) return entitlement.unitPrice;
  if (entitlement.amount !== undefined && typeof entitlement.seats === 'number')
    return Math.round((entitlement.amount / entitlement.seats) * 100) / 100;
  return undefined;
}

/** seats × price rounded to the fen, or undefined without a price. */
export function costOf(seats: number, price: number | undefined): number | undefined {
  return price === undefined ? undefined : Math.round(seats * price * 100) / 100;
}
