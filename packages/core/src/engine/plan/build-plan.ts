/**
 * The rectification plan (整改方案) and its budget, from an audit's results: every failing licensing
 * finding answered by exactly one licence action (plan-licences.ts), every failing forbidden finding
 * by a removal, every computer missing a mandatory class by an installation (plan-installs.ts); the
 * 调剂 suggestions behind the reassignments; totals per unit and overall, and the domestic rate each
 * unit would reach. Pure: the same results give the same plan. Waived findings are not failing and
 * get no item.
 */
import type {
  EntitlementPosition,
  Finding,
  IsoDate,
  PlanItem,
  PlanSuggestion,
  PlanTotals,
  Policy,
  RectificationPlan,
  UnitStats,
} from '../../model.js';
import { DEFAULT_CURRENCY } from '../../policy/policy-defaults.js';
import { PlanDrafts } from './plan-drafts.js';
import { InstallPlanner } from './plan-installs.js';
import { installationKey, LicencePlanner, type UncoveredInstallation } from './plan-licences.js';
import { PlanPrices } from './plan-prices.js';

export interface PlanInput {
  policy: Policy;
  asOf: IsoDate;
  /** The licence position after allocation: its surplus is the free seats. */
  positions: readonly EntitlementPosition[];
  /** Installations no seat covers, by installationKey(host, product, software). */
  uncovered: ReadonlyMap<string, UncoveredInstallation>;
  /** The report's findings (any; the plan picks the failing, unwaived ones it answers). */
  findings: Iterable<Finding>;
  /** The statistics rows, in report order. */
  units: readonly UnitStats[];
}

const LICENSING = new Set([
  'licensing.unlicensed',
  'licensing.expired',
  'licensing.version',
  'licensing.edition',
]);
const MISSING = 'requirements.missing.';

/** The findings a plan answers: failing (raw status fail), not waived, of the rules it knows. */
export function isPlanFinding(finding: Finding): boolean {
  if (finding.status !== 'fail' || finding.waiver) return false;
  return (
    LICENSING.has(finding.rule) || finding.rule.startsWith('forbidden.') || finding.rule.startsWith(MISSING)
  );
}

export function buildPlan(input: PlanInput): RectificationPlan {
  const { policy } = input;
  const free = new Map<string, number>();
  for (const position of input.positions) {
    if (position.status === 'active') free.set(position.id, position.surplus ?? Number.POSITIVE_INFINITY);
  }
  const prices = new PlanPrices(policy);
  const drafts = new PlanDrafts();
  const licences = new LicencePlanner(policy, free, prices, drafts);
  const installs = new InstallPlanner(policy, free, prices, drafts);
  const unitRank = new Map(input.units.map((row, index) => [row.unit, index]));

  const answered = [...input.findings].filter(isPlanFinding);
  // Seats are spent in the allocation's order: unit, host, product.
  const rank = (f: Finding) => unitRank.get(f.subject.unit ?? '') ?? Number.MAX_SAFE_INTEGER;
  const text = (a: string | undefined, b: string | undefined) =>
    (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
  answered.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      text(a.subject.unit, b.subject.unit) ||
      text(a.subject.host, b.subject.host) ||
      text(a.subject.product, b.subject.product) ||
      text(a.id, b.id),
  );
  // Licences first (they may use free seats a missing class could also use: a licence problem of an
  // installation that exists outranks installing something new), then removals and installations.
  for (const finding of answered) {
    if (!LICENSING.has(finding.rule)) continue;
    const { host, product, software } = finding.subject;
    licences.answer(finding, input.uncovered.get(installationKey(host ?? '', product ?? '', software)));
  }
  for (const finding of answered) {
    if (finding.rule.startsWith('forbidden.')) {
      const product = finding.subject.product ?? finding.subject.software?.name ?? '';
      drafts.add(
        {
          action: 'remove',
          unit: finding.subject.unit ?? '',
          product,
          ...(finding.subject.class ? { class: finding.subject.class } : {}),
          free: true,
        },
        finding.subject.host ?? '',
        finding.id,
      );
    } else if (finding.rule.startsWith(MISSING)) {
      installs.answer(finding, finding.rule.slice(MISSING.length));
    }
  }

  const items = drafts.items(unitRank);
  return {
    currency: policy.settings.currency ?? DEFAULT_CURRENCY,
    items,
    suggestions: suggestions(items),
    units: unitTotals(items, input.units, policy),
    totals: totalsOf(items, input.units, policy),
  };
}

/** 调剂: per entitlement and unit, the seats reassigned across the entitlement's scope. */
function suggestions(items: readonly PlanItem[]): PlanSuggestion[] {
  const out: PlanSuggestion[] = [];
  for (const item of items) {
    if (item.action !== 'reassign' || item.entitlement === undefined) continue;
    const known = out.find((s) => s.entitlement === item.entitlement && s.unit === item.unit);
    if (known) known.seats += item.seats;
    else
      out.push({ entitlement: item.entitlement, product: item.product, unit: item.unit, seats: item.seats });
  }
  return out.sort((a, b) => (a.entitlement < b.entitlement ? -1 : a.entitlement > b.entitlement ? 1 : 0));
}

const PAID: ReadonlySet<string> = new Set(['renew', 'buy', 'install']);

function totalsOf(items: readonly PlanItem[], rows: readonly UnitStats[], policy: Policy): PlanTotals {
  const totals: PlanTotals = {
    items: items.length,
    seats: 0,
    purchasedSeats: 0,
    cost: 0,
    unpricedItems: 0,
    domesticRates: {},
  };
  for (const item of items) {
    if (item.action !== 'remove') totals.seats += item.seats;
    const paid = PAID.has(item.action) && item.entitlement === undefined && item.cost !== 0;
    if (paid || item.action === 'renew') totals.purchasedSeats += item.seats;
    if (item.cost === undefined) totals.unpricedItems++;
    else totals.cost = Math.round((totals.cost + item.cost) * 100) / 100;
  }
  for (const target of policy.preferences.domestic) {
    let installed = 0;
    let domestic = 0;
    for (const row of rows) {
      installed += row.classes[target.class]?.installed ?? 0;
      domestic += row.classes[target.class]?.domestic ?? 0;
    }
    for (const item of items) {
      if (item.action !== 'install' || item.class !== target.class) continue;
      installed += item.seats;
      if (item.domestic) domestic += item.seats;
    }
    totals.domesticRates[target.class] = {
      domestic,
      installed,
      rate: installed === 0 ? null : domestic / installed,
    };
  }
  return totals;
}

function unitTotals(
  items: readonly PlanItem[],
  rows: readonly UnitStats[],
  policy: Policy,
): Array<PlanTotals & { unit: string }> {
  const units = [...new Set([...rows.map((row) => row.unit), ...items.map((item) => item.unit)])];
  return units.map((unit) => {
    const own = items.filter((item) => item.unit === unit);
    return {
      unit,
      ...totalsOf(
        own,
        rows.filter((row) => row.unit === unit),
        policy,
      ),
    };
  });
}
