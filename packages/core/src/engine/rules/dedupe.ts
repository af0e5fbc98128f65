/**
 * One product on one host counts once. Every place that merges what several records told of one
 * thing goes through here, so the rule is written once:
 *
 * - spellings: when several spellings of one installation or title meet on a host, the smallest
 *   (field by field) is kept, so the result never depends on the order records arrived in;
 * - the store's fold: records of one installation key on one host are one installation
 *   (`spelledSmaller` decides its spelling; evidence and activation add up);
 * - judging's fold (`foldInstallations`): an installation read without a version or edition, or at
 *   a lesser precision, joins the sibling that states it.
 */
import type { OsInfo } from '../../model.js';
import { NO_ACTIVATION, newActivation } from '../activation-facts.js';
import type { InstallationState } from '../model/installation.js';
import { isSystemComponent } from '../model/product-kinds.js';
import type { SoftwareRef } from '../model/software-ref.js';
import { installationKey } from '../record-facts.js';

const cmp = (a?: string, b?: string): number => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);

/** `a` against the spelling (name, publisher, version, edition), field by field in code-unit order. */
export function compareRef(
  a: SoftwareRef,
  name: string,
  publisher?: string,
  version?: string,
  edition?: string,
): number {
  return (
    cmp(a.name, name) || cmp(a.publisher, publisher) || cmp(a.version, version) || cmp(a.edition, edition)
  );
}

/** The smaller of two spellings of one installation, so merging never depends on order. */
export function smallerRef(a: SoftwareRef, b: SoftwareRef): SoftwareRef {
  return compareRef(a, b.name, b.publisher, b.version, b.edition) <= 0 ? a : b;
}

/** True when `candidate` should replace the spelling `kept` (it is strictly smaller). */
export const spelledSmaller = (candidate: SoftwareRef, kept: SoftwareRef): boolean =>
  compareRef(kept, candidate.name, candidate.publisher, candidate.version, candidate.edition) > 0;

/** Lower is more complete; ties broken by value, so the OS kept never depends on arrival order. */
function osScore(os: OsInfo): string {
  const known = [os.name, os.version, os.build, os.edition, os.id].filter(Boolean).length;
  return `${9 - known}\u0000${os.name}\u0000${os.version ?? ''}\u0000${os.build ?? ''}\u0000${os.edition ?? ''}\u0000${os.id ?? ''}`;
}

/** True when the OS `candidate` replaces the one `kept` from an earlier reading of the host. */
export const moreCompleteOs = (candidate: OsInfo, kept: OsInfo): boolean =>
  osScore(candidate) < osScore(kept);

const keyOf = (i: InstallationState) => i.key ?? installationKey(i.product.id, i.version, i.edition);

/** `from` told of the same installation as `into`: its evidence, spelling and activation join it. */
function absorb(into: InstallationState, from: InstallationState): void {
  into.evidence.push(...from.evidence);
  into.software = smallerRef(into.software, from.software);
  // Activation objects belong to the store (or are the shared NO_ACTIVATION): merged into a copy.
  if (from.activation !== NO_ACTIVATION) {
    const a = newActivation();
    for (const source of [into.activation, from.activation]) {
      for (const s of source.statuses) if (!a.statuses.includes(s)) a.statuses.push(s);
      for (const k of source.kmsHosts) if (!a.kmsHosts.includes(k)) a.kmsHosts.push(k);
      for (const c of source.channels) if (!a.channels.includes(c)) a.channels.push(c);
    }
    into.activation = a;
  }
  into.os ||= from.os;
}

/**
 * One product on one host counts once per version: an installation read without a version (a GUID
 * key without DisplayVersion) folds into the smallest sibling of the same product that has one, and
 * one without an edition into the smallest sibling of the same product and version that has one.
 * Returns them in installation-key order.
 */
export function foldInstallations(installations: InstallationState[]): InstallationState[] {
  const byKey = new Map<string, InstallationState>();
  for (const item of installations) {
    const key = keyOf(item);
    const existing = byKey.get(key);
    if (existing) absorb(existing, item);
    else byKey.set(key, item);
  }
  // Keys are unique; the default sort is code-unit order, as `<` compares.
  let items = [...byKey.keys()].sort().map((key) => byKey.get(key)!);
  const foldBy = (
    orphan: (i: InstallationState) => boolean,
    fits: (o: InstallationState, i: InstallationState) => boolean,
  ) => {
    // An orphan goes to the first installation (in key order) that is no orphan and fits it: looked
    // for among those only (most installations have no edition, few have one to offer).
    const targets = items.filter((other) => !orphan(other));
    const kept: InstallationState[] = [];
    for (const item of items) {
      const target =
        targets.length > 0 && orphan(item) ? targets.find((other) => fits(other, item)) : undefined;
      if (target) absorb(target, item);
      else kept.push(item);
    }
    items = kept;
  };
  foldBy(
    (i) => i.version === undefined,
    (o, i) => o.product.id === i.product.id && (i.edition === undefined || o.edition === i.edition),
  );
  items = foldLessPrecise(items);
  foldBy(
    (i) => i.edition === undefined,
    (o, i) => o.product.id === i.product.id && o.version === i.version,
  );
  return items;
}

/** `6.1` → [`6`, `1`]; parts compared as written (trimmed, case-insensitive). */
const versionParts = (version: string): string[] => version.trim().toLowerCase().split('.');

/**
 * One computer, one operating system read twice: `reg query` gives Windows 7 as `6.1`, the register
 * row `6.1.7601`. Installations of one product whose versions agree on every part the less precise
 * one states are one installation: it folds into the most precise (then first in key order) of
 * those that extend it, keeping all evidence; an edition one of them lacks is taken from the other,
 * two different editions stay two installations. `6.1.7600` and `6.1.7601` disagree: two.
 *
 * Not for grouped products (system components: a distribution's packages, drivers, updates — see
 * isSystemComponent): there one product id stands for many different programs, so `bash 5.1` and
 * `libssl3 5.1.2` are two packages, not one read at two precisions. Skipping them is also what keeps
 * a Linux host's hundreds of packages out of this pass.
 */
function foldLessPrecise(items: InstallationState[]): InstallationState[] {
  // Candidates by (product, a strict prefix of their version): a Linux host has hundreds of its
  // distribution's packages under one product, so pairs are never compared one against all.
  // Most hosts have each product once: then there is nothing to fold and nothing is built.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    if (item.version === undefined || isSystemComponent(item.product)) continue;
    if (seen.has(item.product.id)) repeated.add(item.product.id);
    else seen.add(item.product.id);
  }
  if (repeated.size === 0) return items;
  const parts = new Map<InstallationState, string[]>();
  const extending = new Map<string, InstallationState[]>();
  for (const item of items) {
    if (item.version === undefined || !repeated.has(item.product.id)) continue;
    const mine = versionParts(item.version);
    parts.set(item, mine);
    for (let k = 1; k < mine.length; k++) {
      const key = `${item.product.id}\u0000${mine.slice(0, k).join('.')}`;
      const list = extending.get(key);
      if (list) list.push(item);
      else extending.set(key, [item]);
    }
  }
  if (extending.size === 0) return items;
  const compatible = (a: InstallationState, b: InstallationState) =>
    a.edition === undefined || b.edition === undefined || a.edition === b.edition;
  // Least precise first, so what folds into a middle version travels on with it.
  const byPrecision = [...parts.keys()].sort((a, b) => parts.get(a)!.length - parts.get(b)!.length);
  const gone = new Set<InstallationState>();
  for (const item of byPrecision) {
    const candidates = extending.get(`${item.product.id}\u0000${parts.get(item)!.join('.')}`);
    if (!candidates) continue;
    let target: InstallationState | undefined;
    // `candidates` are in key order: the first of the most precise wins.
    for (const other of candidates) {
      if (gone.has(other) || !compatible(other, item)) continue;
      if (!target || parts.get(other)!.length > parts.get(target)!.length) target = other;
    }
    if (!target) continue;
    // The more precise version is the installation's, and so is its spelling.
    const spelling = target.software;
    absorb(target, item);
    target.software = spelling;
    if (target.edition === undefined && item.edition !== undefined) {
      target.edition = item.edition;
      target.key = installationKey(target.product.id, target.version, target.edition);
    }
    gone.add(item);
  }
  return gone.size === 0 ? items : items.filter((i) => !gone.has(i));
}
