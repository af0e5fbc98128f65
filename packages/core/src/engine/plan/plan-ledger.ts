/**
 * The ledger as it would read once the plan's licence items are carried out — what the office
 * records, and what the property tests re-audit against. Every item that gives computers a seat
 * becomes its own ledger line scoped to exactly those computers (host-scoped lines are allocated
 * first), so carrying out one item never moves a seat another installation holds:
 * - reassign / upgrade: the seats move out of the entitlement whose free seats they use (its
 *   `seats` go down by the item's seats) into a line `<item id>` that is a copy of it scoped to the
 *   item's computers; an upgrade also changes those installations' edition (not a ledger matter);
 * - renew: a line `<item id>` copying the expired subscription, valid from asOf for one year;
 * - buy: a volume line `<item id>` for the product at the item's price.
 * Removals and installations change computers, not the ledger.
 */
import type { Entitlement, IsoDate, RectificationPlan } from '../../model.js';
import { addDays } from '../rules/finding-factory.js';

export function ledgerAfterPlan(
  ledger: readonly Entitlement[],
  plan: RectificationPlan,
  asOf: IsoDate,
): Entitlement[] {
  const lines = ledger.map((entitlement) => ({ ...entitlement }));
  const byId = new Map(lines.map((line) => [line.id, line]));
  for (const item of plan.items) {
    const scope = { hosts: [...item.hosts] };
    const source = item.entitlement === undefined ? undefined : byId.get(item.entitlement);
    if ((item.action === 'reassign' || item.action === 'upgrade') && source) {
      if (typeof source.seats === 'number') source.seats -= item.seats;
      lines.push(carve(source, item.id, item.seats, scope));
    } else if (item.action === 'renew' && source) {
      const renewed = carve(source, item.id, item.seats, scope);
      renewed.status = 'active';
      renewed.validFrom = asOf;
      renewed.expires = addDays(asOf, 365);
      delete renewed.retired;
      if (item.unitPrice !== undefined) renewed.unitPrice = item.unitPrice;
      lines.push(renewed);
    } else if (item.action === 'buy') {
      const bought: Entitlement = {
        id: item.id,
        product: item.product,
        type: 'volume',
        seats: item.seats,
        status: 'active',
        scope,
        purchased: asOf,
      };
      if (item.unitPrice !== undefined) bought.unitPrice = item.unitPrice;
      lines.push(bought);
    }
  }
  // A line whose seats all moved stays, with none left: its history is the ledger's.
  return lines;
}

function carve(source: Entitlement, id: string, seats: number, scope: { hosts: string[] }): Entitlement {
  const { location: _, amount: __, ...rest } = source;
  return { ...rest, id, seats, scope };
}
