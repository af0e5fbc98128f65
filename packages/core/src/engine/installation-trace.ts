/** The trace steps every finding about one installation starts with: where it was read, how it was recognised. */
import type { TraceStep } from '../model.js';
import { describeEvidence } from './finding-factory.js';
import type { InstallationState } from './model/installation.js';
import type { SoftwareRef } from './model/software-ref.js';
import { isSharedSpelling } from './software-refs.js';

/**
 * The steps that describe an installation kind (how it was recognised, its version and edition),
 * frozen and shared by every finding about that kind on every host (shared-parts.ts); with what
 * they were made from, since folding may pair a spelling with another installation's version.
 */
interface KindSteps {
  item: Pick<InstallationState, 'product' | 'version' | 'edition' | 'recognition'>;
  recognition: TraceStep;
  version: TraceStep | undefined;
  edition: TraceStep | undefined;
}

/** By the installation's spelling: the store's spellings are frozen and shared per kind. */
const stepsBySpelling = new WeakMap<SoftwareRef, KindSteps>();

function kindSteps(item: InstallationState): KindSteps {
  const shared = isSharedSpelling(item.software);
  if (shared) {
    const known = stepsBySpelling.get(item.software);
    const made = known?.item;
    if (
      made !== undefined &&
      made.product === item.product &&
      made.version === item.version &&
      made.edition === item.edition &&
      made.recognition === item.recognition
    )
      return known!;
  }
  const version = item.version ? ` ${item.version}` : '';
  const edition = item.edition ? ` [${item.edition}]` : '';
  const steps: KindSteps = {
    item: {
      product: item.product,
      version: item.version,
      edition: item.edition,
      recognition: item.recognition,
    },
    recognition: Object.freeze({
      step: 'recognition',
      detail: `"${item.software.name}"${version}${edition} → ${item.product.id} (${item.recognition})`,
    }),
    version: item.version
      ? Object.freeze({ step: 'version', detail: `${item.version} (scheme ${item.product.versionScheme})` })
      : undefined,
    edition: item.edition ? Object.freeze({ step: 'edition', detail: item.edition }) : undefined,
  };
  if (shared) stepsBySpelling.set(item.software, steps);
  return steps;
}

/** Evidence and recognition steps shared by every installation finding. */
export function installationTrace(item: InstallationState): TraceStep[] {
  const evidence = item.evidence;
  const steps: TraceStep[] = [];
  for (let i = 0; i < evidence.length && i < 5; i++)
    steps.push({ step: 'evidence', detail: describeEvidence(evidence[i]!) });
  if (evidence.length > 5) steps.push({ step: 'evidence', detail: `… ${evidence.length - 5} more` });
  steps.push(kindSteps(item).recognition);
  return steps;
}

/** The version and edition steps of a licensing finding (when the installation has them). */
export function versionSteps(item: InstallationState): TraceStep[] {
  const { version, edition } = kindSteps(item);
  if (version === undefined) return edition === undefined ? [] : [edition];
  return edition === undefined ? [version] : [version, edition];
}
