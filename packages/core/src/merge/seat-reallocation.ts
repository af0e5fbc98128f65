/**
 * Licences over the union of shards. Each shard allocated its seats alone; a pool shared by units on
 * two machines may then be counted twice. Merging re-runs the auditor's `allocateSeats` over every
 * shard's seat demands at once — same entitlements, same deterministic order (unit, host, product,
 * version, edition) — so the result is the allocation one audit of all hosts would make. From it:
 * the licence position, each installation's licensing finding, and the change in each host's
 * genuine flag per class.
 */

import type { InstallationState } from '../engine/model/installation.js';
import { allocateSeats, type LicensableInstallation } from '../engine/rules/allocation.js';
import { newAuditParts } from '../engine/rules/audit-parts.js';
import type { DeadlineSettings } from '../engine/rules/finding-factory.js';
import type { JudgedHost, JudgedInstallation } from '../engine/rules/host-judge.js';
import { licensingFinding } from '../engine/rules/licensing-findings.js';
import type { EntitlementPosition, Finding, Policy, Product, SeatDemand, VersionScheme } from '../model.js';

/** Rules whose findings come from the allocation (licensing-findings.ts). */
export const LICENSING_RULES = new Set([
  'licensing.unlicensed',
  'licensing.expired',
  'licensing.version',
  'licensing.edition',
  'versions.unparseable',
  'unauthorised',
]);

/** Identity of an installation as its findings name it: host, product and the software as read. */
export function installationSubjectKey(
  host: string | undefined,
  product: string | undefined,
  software: { name: string; version?: string; publisher?: string; edition?: string } | undefined,
): string {
  return [
    host ?? '',
    product ?? '',
    software?.name ?? '',
    software?.version ?? '',
    software?.publisher ?? '',
    software?.edition ?? '',
  ].join('\u0000');
}

export interface Reallocation {
  positions: EntitlementPosition[];
  /** The demands with `licensed` as the merged allocation decides, sorted by id. */
  seats: SeatDemand[];
  /** Licensing findings of the demands (unwaived), replacing the shards' ones. */
  findings: Finding[];
  /** Subject keys of the demands: shard findings of LICENSING_RULES with these keys are replaced. */
  replaced: Set<string>;
  /** Per unit and class: merged genuine hosts minus the shards' genuine hosts. */
  genuineDelta: Map<string, Map<string, number>>;
}

export function reallocateSeats(
  demands: readonly SeatDemand[],
  policy: Policy,
  asOf: string,
  deadlines: DeadlineSettings,
): Reallocation {
  const schemes = new Map<string, VersionScheme>(policy.catalog.products.map((p) => [p.id, p.versionScheme]));
  const products = new Map<string, Product>(policy.catalog.products.map((p) => [p.id, p]));
  const installations = demands.map((d) => {
    const item: LicensableInstallation = { id: d.id, host: d.host, unit: d.unit, product: d.product };
    if (d.version !== undefined) item.version = d.version;
    if (d.edition !== undefined) item.edition = d.edition;
    return item;
  });
  const allocation = allocateSeats(installations, policy.entitlements, asOf, { schemes });
  const ledger = new Map(policy.entitlements.map((e) => [e.id, e]));
  const entitled = new Set(policy.entitlements.map((e) => e.product));
  const allowlist = policy.forbidden.mode === 'allowlist';
  // The merged report's own shared wording, as an audit has its own (audit-parts.ts).
  const parts = newAuditParts();

  const seats: SeatDemand[] = [];
  const findings: Finding[] = [];
  const replaced = new Set<string>();
  // Per host and class: genuine before (shard allocation) and after (merged allocation).
  const classes = new Map<string, { unit: string; cls: string; before: boolean; after: boolean }>();
  demands.forEach((demand, index) => {
    const coverage = allocation.coverage[index]!;
    const licensed = coverage.outcome === 'covered';
    seats.push({ ...demand, licensed });
    const product = products.get(demand.product);
    if (!product) return;
    replaced.add(installationSubjectKey(demand.host, demand.product, demand.software));
    const { host, installation } = judgedStub(demand, product, licensed);
    const finding = licensingFinding(
      host,
      installation,
      coverage,
      ledger,
      entitled,
      allowlist,
      deadlines,
      parts,
    );
    if (finding) findings.push(finding);
    const key = `${demand.host}\u0000${product.category}`;
    const entry = classes.get(key) ?? {
      unit: demand.unit,
      cls: product.category,
      before: demand.classmatesGenuine,
      after: demand.classmatesGenuine,
    };
    entry.before &&= demand.licensed && !demand.notGenuine;
    entry.after &&= licensed && !demand.notGenuine;
    classes.set(key, entry);
  });

  const genuineDelta = new Map<string, Map<string, number>>();
  for (const { unit, cls, before, after } of classes.values()) {
    if (before === after) continue;
    const perClass = genuineDelta.get(unit) ?? new Map<string, number>();
    perClass.set(cls, (perClass.get(cls) ?? 0) + (after ? 1 : -1));
    genuineDelta.set(unit, perClass);
  }
  seats.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { positions: allocation.positions, seats, findings, replaced, genuineDelta };
}

/**
 * The host and installation as `licensingFinding` reads them (host id, unit; product, software, version,
 * edition, evidence, recognition). The rest of the judged state is not needed to word a licensing
 * finding and is not carried in a report.
 */
function judgedStub(
  demand: SeatDemand,
  product: Product,
  licensed: boolean,
): { host: JudgedHost; installation: JudgedInstallation } {
  const state: Partial<InstallationState> = {
    product,
    software: { ...demand.software },
    evidence: [...demand.evidence],
    recognition: demand.recognition,
  };
  if (demand.version !== undefined) state.version = demand.version;
  if (demand.edition !== undefined) state.edition = demand.edition;
  const installation = {
    state,
    notGenuine: demand.notGenuine,
    needsSeat: true,
    licensed,
  } as JudgedInstallation;
  const host = {
    id: demand.host,
    unit: demand.unit,
    installations: [installation],
  } as unknown as JudgedHost;
  return { host, installation };
}
