/**
 * Plan items while they are gathered: one per action, unit, product, entitlement and edition, each
 * collecting its computers and the findings it answers, then numbered in plan order.
 */
import type { PlanAction, PlanItem } from '../../model.js';
import { costOf } from './plan-prices.js';

/** Order of actions within a unit: removals first, then licences in order of preference, installs last. */
export const ACTION_ORDER: readonly PlanAction[] = [
  'remove',
  'reassign',
  'upgrade',
  'renew',
  'buy',
  'install',
];

export interface DraftKey {
  action: PlanAction;
  unit: string;
  product: string;
  class?: string;
  entitlement?: string;
  edition?: string;
  domestic?: boolean;
  /** Price of one seat; undefined = unknown (an item that costs money but has no price). */
  unitPrice?: number;
  /** The item costs nothing whatever its seats (a free seat, a removal). */
  free?: boolean;
}

interface Draft extends DraftKey {
  hosts: Set<string>;
  seats: number;
  findings: string[];
}

export class PlanDrafts {
  private readonly drafts = new Map<string, Draft>();

  /** One more computer (and the finding it answers) for the item `key` names. */
  add(key: DraftKey, host: string, finding: string | undefined): void {
    const id = [
      key.action,
      key.unit,
      key.product,
      key.entitlement ?? '',
      key.edition ?? '',
      key.free ? 1 : 0,
    ].join('\u0000');
    let draft = this.drafts.get(id);
    if (!draft) {
      draft = { ...key, hosts: new Set(), seats: 0, findings: [] };
      this.drafts.set(id, draft);
    }
    draft.hosts.add(host);
    draft.seats++;
    if (finding !== undefined) draft.findings.push(finding);
  }

  /** The items in plan order (unit rank, action, product, entitlement), numbered P-0001…. */
  items(unitRank: ReadonlyMap<string, number>): PlanItem[] {
    const rank = (unit: string) => unitRank.get(unit) ?? Number.MAX_SAFE_INTEGER;
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...this.drafts.values()].sort(
      (a, b) =>
        rank(a.unit) - rank(b.unit) ||
        text(a.unit, b.unit) ||
        ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
        text(a.product, b.product) ||
        text(a.entitlement ?? '', b.entitlement ?? '') ||
        text(a.edition ?? '', b.edition ?? ''),
    );
    return sorted.map((draft, index) => {
      const item: PlanItem = {
        id: `P-${String(index + 1).padStart(4, '0')}`,
        action: draft.action,
        unit: draft.unit,
        hosts: [...draft.hosts].sort(),
        product: draft.product,
        seats: draft.seats,
        findings: [...draft.findings].sort(),
      };
      if (draft.class !== undefined) item.class = draft.class;
      if (draft.unitPrice !== undefined) item.unitPrice = draft.unitPrice;
      const cost = draft.free ? 0 : costOf(draft.seats, draft.unitPrice);
      if (cost !== undefined) item.cost = cost;
      if (draft.entitlement !== undefined) item.entitlement = draft.entitlement;
      if (draft.edition !== undefined) item.edition = draft.edition;
      if (draft.domestic !== undefined) item.domestic = draft.domestic;
      return item;
    });
  }
}
