/**
 * A computer without a product of a mandatory class gets one. Which product: when the policy has a
 * domestic target for the class, the class's domestic products only (if the catalogue has any);
 * among them, in catalogue order, the first with a free seat the computer may use, else the first
 * free to use (freeware, open-source, bundled), else the first with a known price, else the first.
 * Forbidden products and activators are never proposed.
 */
import type { Finding, Policy, Product } from '../../model.js';
import type { DraftKey, PlanDrafts } from './plan-drafts.js';
import type { PlanPrices } from './plan-prices.js';

const FREE_LICENCES: ReadonlySet<string> = new Set(['freeware', 'open-source', 'bundled']);

export class InstallPlanner {
  constructor(
    private readonly policy: Policy,
    private readonly free: Map<string, number>,
    private readonly prices: PlanPrices,
    private readonly drafts: PlanDrafts,
  ) {}

  /** Answers a failing `requirements.missing.<class>` finding. */
  answer(finding: Finding, cls: string): void {
    const host = finding.subject.host ?? '';
    const unit = finding.subject.unit ?? '';
    const candidates = this.candidates(cls);
    for (const product of candidates) {
      const seat = this.freeSeat(product.id, host, unit);
      if (seat === undefined) continue;
      this.free.set(seat, this.free.get(seat)! - 1);
      this.install(finding, cls, product, { entitlement: seat, free: true });
      return;
    }
    const product =
      candidates.find((p) => FREE_LICENCES.has(p.license)) ??
      candidates.find((p) => this.prices.of(p.id) !== undefined) ??
      candidates[0];
    if (!product) {
      // Nothing in the catalogue is of this class: the item names the class, with no price.
      this.drafts.add({ action: 'install', unit, product: cls, class: cls }, host, finding.id);
      return;
    }
    const freeLicence = FREE_LICENCES.has(product.license);
    const unitPrice = freeLicence ? 0 : this.prices.of(product.id);
    this.install(finding, cls, product, {
      ...(unitPrice !== undefined ? { unitPrice } : {}),
      ...(freeLicence ? { free: true } : {}),
    });
  }

  /** Drafts installing `product` on the finding's computer, on a free seat or at a price. */
  private install(
    finding: Finding,
    cls: string,
    product: Product,
    terms: Pick<DraftKey, 'entitlement' | 'unitPrice' | 'free'>,
  ): void {
    const unit = finding.subject.unit ?? '';
    this.drafts.add(
      { action: 'install', unit, product: product.id, class: cls, domestic: product.domestic, ...terms },
      finding.subject.host ?? '',
      finding.id,
    );
  }

  private candidates(cls: string): Product[] {
    const forbidden = new Set(this.policy.forbidden.products);
    const ofClass = this.policy.catalog.products.filter(
      (product) => product.category === cls && !forbidden.has(product.id),
    );
    const wantsDomestic = this.policy.preferences.domestic.some((target) => target.class === cls);
    const domestic = ofClass.filter((product) => product.domestic);
    return wantsDomestic && domestic.length > 0 ? domestic : ofClass;
  }

  /** An active entitlement of `product` with a free seat this computer is in the scope of. */
  private freeSeat(product: string, host: string, unit: string): string | undefined {
    const folded = host.toLowerCase();
    for (const entitlement of this.policy.entitlements) {
      if (entitlement.product !== product || (this.free.get(entitlement.id) ?? 0) < 1) continue;
      const scope = entitlement.scope;
      const hosts = scope?.hosts?.length ? scope.hosts : undefined;
      const units = scope?.units?.length ? scope.units : undefined;
      if (hosts && !hosts.some((h) => h.toLowerCase() === folded) && !units?.includes(unit)) continue;
      if (!hosts && units && !units.includes(unit)) continue;
      return entitlement.id;
    }
    return undefined;
  }
}
