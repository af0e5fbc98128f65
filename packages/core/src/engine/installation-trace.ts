/** The trace steps every finding about one installation starts with: where it was read, how it was recognised. */
import { describeEvidence } from './finding-factory.js';
import type { InstallationState } from './host-store.js';

/** Evidence and recognition steps shared by every installation finding. */
export function installationTrace(
  item: InstallationState,
): { step: 'evidence' | 'recognition'; detail: string }[] {
  const steps: { step: 'evidence' | 'recognition'; detail: string }[] = item.evidence
    .slice(0, 5)
    .map((e) => ({ step: 'evidence' as const, detail: describeEvidence(e) }));
  if (item.evidence.length > 5)
    steps.push({ step: 'evidence', detail: `… ${item.evidence.length - 5} more` });
  const version = item.version ? ` ${item.version}` : '';
  const edition = item.edition ? ` [${item.edition}]` : '';
  steps.push({
    step: 'recognition',
    detail: `"${item.software.name}"${version}${edition} → ${item.product.id} (${item.recognition})`,
  });
  return steps;
}
