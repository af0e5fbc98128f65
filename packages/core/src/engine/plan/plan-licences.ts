/**
 * The licence part of the plan: each failing licensing finding is answered by exactly one action,
 * the first that works in this order —
 *   1. reassign: a free seat of an entitlement that covers the installation as it is, kept from it
 *      only by its scope (or by the seats the allocation had already given away);
 *   2. upgrade: a free seat of an entitlement of the same product that covers it after an edition
 *      upgrade (Windows 家庭版 → 专业版 on a free Professional seat);
 *   3. renew: the expired subscription that would cover it;
 *   4. buy.
 * Free seats are spent as they are used, in the allocation's own order (unit, host, product), so two
 * installations never count on one seat.
 */

import type { Entitlement, Finding, Policy } from '../../model.js';
import type { Blocker, BlockReason } from '../rules/allocation.js';
import { compareEntitlements } from '../rules/allocation.js';
import type { PlanDrafts } from './plan-drafts.js';
import type { PlanPrices } from './plan-prices.js';

/** An installation no seat covers, as the allocation left it. */
export interface UncoveredInstallation {
  host: string;
  unit: string;
  product: string;
  class: string;
  version?: string;
  edition?: string;
  blockers: readonly Blocker[];
}

/**
 * One installation of a host: its product and the software as read (different versions of one
 * product on one computer are different installations). A licensing finding's subject has the same
 * fields, so it finds its installation by this key.
 */
export const installationKey = (
  host: string,
  product: string,
  software: { name: string; version?: string } | undefined,
): string => `${host}\u0000${product}\u0000${software?.name ?? ''}\u0000${software?.version ?? ''}`;

const only = (
  reasons: readonly BlockReason[],
  allowed: readonly BlockReason[],
  needed?: BlockReason,
): boolean =>
  reasons.every((reason) => allowed.includes(reason)) && (needed === undefined || reasons.includes(needed));

export class LicencePlanner {
  private readonly byProduct = new Map<string, Entitlement[]>();
  /** Renewable seats left per expired subscription. */
  private readonly renewable = new Map<string, number>();

  constructor(
    private readonly policy: Policy,
    /** Free seats per active entitlement (Infinity when unlimited); spent by reassign, upgrade and installs. */
    readonly free: Map<string, number>,
    private readonly prices: PlanPrices,
    private readonly drafts: PlanDrafts,
  ) {
    for (const entitlement of [...policy.entitlements].sort(compareEntitlements)) {
      const list = this.byProduct.get(entitlement.product);
      if (list) list.push(entitlement);
      else this.byProduct.set(entitlement.product, [entitlement]);
      if (entitlement.type === 'subscription')
        this.renewable.set(
          entitlement.id,
          typeof entitlement.seats === 'number' ? entitlement.seats : Infinity,
        );
    }
  }

  /** Answers one failing licensing finding about `installation` (undefined: the finding alone is known). */
  answer(finding: Finding, installation: UncoveredInstallation | undefined): void {
    const host = finding.subject.host ?? '';
    const unit = finding.subject.unit ?? installation?.unit ?? '';
    const product = finding.subject.product ?? installation?.product ?? '';
    const cls = finding.subject.class ?? installation?.class;
    const base = { unit, product, ...(cls !== undefined ? { class: cls } : {}) };
    if (installation) {
      const reasons = new Map(installation.blockers.map((b) => [b.entitlement, b.reasons]));
      for (const entitlement of this.byProduct.get(product) ?? []) {
        const why = reasons.get(entitlement.id);
        if (!why || !this.hasFreeSeat(entitlement.id) || !only(why, ['scope', 'seats'])) continue;
        this.spend(entitlement.id);
        this.drafts.add(
          { ...base, action: 'reassign', entitlement: entitlement.id, free: true },
          host,
          finding.id,
        );
        return;
      }
      for (const entitlement of this.byProduct.get(product) ?? []) {
        const why = reasons.get(entitlement.id);
        const edition = why && this.upgradeEdition(entitlement, cls);
        if (
          !why ||
          !edition ||
          !this.hasFreeSeat(entitlement.id) ||
          !only(why, ['edition', 'seats'], 'edition')
        )
          continue;
        this.spend(entitlement.id);
        this.drafts.add(
          { ...base, action: 'upgrade', entitlement: entitlement.id, edition, free: true },
          host,
          finding.id,
        );
        return;
      }
      for (const entitlement of this.byProduct.get(product) ?? []) {
        const why = reasons.get(entitlement.id);
        const left = this.renewable.get(entitlement.id) ?? 0;
        if (!why || left < 1 || !only(why, ['expired', 'seats'], 'expired')) continue;
        this.renewable.set(entitlement.id, left - 1);
        const unitPrice = this.prices.renewal(entitlement);
        this.drafts.add(
          {
            ...base,
            action: 'renew',
            entitlement: entitlement.id,
            ...(unitPrice !== undefined ? { unitPrice } : {}),
          },
          host,
          finding.id,
        );
        return;
      }
    }
    const unitPrice = this.prices.of(product);
    this.drafts.add(
      { ...base, action: 'buy', ...(unitPrice !== undefined ? { unitPrice } : {}) },
      host,
      finding.id,
    );
  }

  hasFreeSeat(entitlement: string): boolean {
    return (this.free.get(entitlement) ?? 0) >= 1;
  }

  spend(entitlement: string): void {
    this.free.set(entitlement, (this.free.get(entitlement) ?? 0) - 1);
  }

  /** The edition an installation is upgraded to on `entitlement`: its first the class's rules allow. */
  private upgradeEdition(entitlement: Entitlement, cls: string | undefined): string | undefined {
    const rule = cls === undefined ? undefined : this.policy.requirements.editions[cls];
    return entitlement.editions?.find(
      (edition) => !rule?.deny?.includes(edition) && (!rule?.allow || rule.allow.includes(edition)),
    );
  }
}
