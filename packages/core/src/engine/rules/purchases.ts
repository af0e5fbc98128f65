/**
 * 采购套数 and 金额 per product class, from the ledger: what the national statistics report for
 * operating systems, office suites and antivirus. Counted are the lines an agency paid for (not
 * freeware, not open-source) that are in use (not retired, not disposed), whether or not anything
 * is installed on them. A line without a price is counted in `unpricedLines`, never as zero yuan.
 */
import type { ClassPurchases, Policy } from '../../model.js';
import { lineAmount } from './allocation.js';

const FREE_TYPES: ReadonlySet<string> = new Set(['freeware', 'open-source']);

/** Per class, the mandatory classes first (even with nothing bought), then the others by name. */
export function purchasesByClass(policy: Policy, mandatory: readonly string[]): ClassPurchases[] | undefined {
  const classOf = new Map(policy.catalog.products.map((product) => [product.id, product.category]));
  const rows = new Map<string, ClassPurchases>();
  const row = (cls: string): ClassPurchases => {
    let found = rows.get(cls);
    if (!found) {
      found = { class: cls, lines: 0, seats: 0, unlimitedLines: 0, amount: 0, unpricedLines: 0 };
      rows.set(cls, found);
    }
    return found;
  };
  for (const cls of mandatory) row(cls);
  let paidLines = 0;
  for (const entitlement of policy.entitlements) {
    if (FREE_TYPES.has(entitlement.type) || entitlement.status !== 'active') continue;
    paidLines++;
    const target = row(classOf.get(entitlement.product) ?? 'other');
    target.lines++;
    if (entitlement.seats === 'unlimited') target.unlimitedLines++;
    else target.seats += entitlement.seats;
    const amount = lineAmount(entitlement);
    if (amount === undefined) target.unpricedLines++;
    else target.amount = Math.round((target.amount + amount) * 100) / 100;
  }
  if (paidLines === 0) return undefined;
  const others = [...rows.keys()].filter((cls) => !mandatory.includes(cls)).sort();
  return [...mandatory, ...others].map((cls) => rows.get(cls)!);
}

/** The report's `purchases` and `currency`, present only when the ledger has paid lines / a currency is set. */
export function purchaseFields(
  policy: Policy,
  mandatory: readonly string[],
): { purchases?: ClassPurchases[]; currency?: string } {
  const purchases = purchasesByClass(policy, mandatory);
  return {
    ...(purchases ? { purchases } : {}),
    ...(policy.settings.currency ? { currency: policy.settings.currency } : {}),
  };
}
