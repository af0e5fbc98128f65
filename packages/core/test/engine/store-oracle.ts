/**
 * The reference store as an oracle: the same fleet audited through the compact store the auditor
 * runs on and through the plain reference store (packages/core/src/engine/store/reference-store.ts)
 * must give the same report, byte for byte — but for `generatedAt` and the counters of the compact
 * store's own caches, which the reference store does not have.
 */
import { type AuditorOptions, createAuditor, type HostInventory, type Policy } from '@zhengban/core';
import { expect } from 'vitest';

/** Stats that count caches and evaluations (variants, memo hits), not anything about the fleet. */
const CACHE_COUNTERS = [
  'recognitionLookups',
  'recognitionMemoHits',
  'recognitionDistinct',
  'customRuleRuns',
  'customRuleMemoHits',
  'titleVariants',
  'customRuleReferences',
];

/** The report of `hosts` (in arrival order; a host may arrive more than once) through one store. */
export async function reportText(
  store: 'compact' | 'reference',
  policy: Policy,
  hosts: readonly HostInventory[],
  options: AuditorOptions = {},
): Promise<string> {
  const auditor = createAuditor(policy, { ...options, store });
  for (const host of hosts) auditor.add(structuredClone(host));
  const { generatedAt: _when, ...report } = await auditor.finish();
  for (const counter of CACHE_COUNTERS) delete report.stats?.[counter];
  return JSON.stringify(report, null, 1);
}

/** Audits through both stores and expects the same report. */
export async function expectSameThroughBothStores(
  policy: Policy,
  hosts: readonly HostInventory[],
  options: AuditorOptions = {},
): Promise<void> {
  const compact = await reportText('compact', policy, hosts, options);
  const reference = await reportText('reference', policy, hosts, options);
  expect(reference).toBe(compact);
}
