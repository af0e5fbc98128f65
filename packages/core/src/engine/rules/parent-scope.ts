/**
 * A scope names units, never their children (docs/semantics.md#units): an entitlement of 县教育局
 * does not cover the computers of 县第一中学. When an installation is refused only because of that —
 * its unit's parent (or grandparent) is in the scope — the finding says so, so the author sees that
 * listing the child unit would have covered it.
 */
import type { Entitlement, LocalText } from '../../model.js';
import type { Blocker } from './allocation.js';

/** Parents deeper than this are a cycle (the units file reader reports those). */
const MAX_DEPTH = 32;

/** The note for a finding, or undefined when no parent's scope-only refusal explains it. */
export function parentScopeNote(
  unit: string | undefined,
  blockers: readonly Blocker[],
  ledger: ReadonlyMap<string, Entitlement>,
  parentOf: ReadonlyMap<string, string> | undefined,
): LocalText | undefined {
  if (!unit || !parentOf || parentOf.size === 0) return undefined;
  const ancestors: string[] = [];
  for (let at = parentOf.get(unit); at !== undefined && ancestors.length < MAX_DEPTH; at = parentOf.get(at)) {
    if (at === unit || ancestors.includes(at)) break;
    ancestors.push(at);
  }
  if (ancestors.length === 0) return undefined;
  for (const blocker of blockers) {
    if (blocker.reasons.length !== 1 || blocker.reasons[0] !== 'scope') continue;
    const scoped = ledger.get(blocker.entitlement)?.scope?.units ?? [];
    const parent = ancestors.find((ancestor) => scoped.includes(ancestor));
    if (parent === undefined) continue;
    return {
      zh: `；授权 ${blocker.entitlement} 的范围是上级单位“${parent}”，范围不含下级单位“${unit}”——若应共用，请把“${unit}”列入它的 scope.units`,
      en: `; entitlement ${blocker.entitlement} is scoped to the parent unit "${parent}", and a scope does not cover its child unit "${unit}" — list "${unit}" in its scope.units if they share it`,
    };
  }
  return undefined;
}
