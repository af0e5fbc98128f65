/** The trace steps every finding about one installation starts with: where it was read, how it was recognised. */
import type { TraceStep } from '../../model.js';
import type { InstallationState } from '../model/installation.js';
import type { SoftwareRef } from '../model/software-ref.js';
import { isSharedSpelling } from '../software-refs.js';
import { describeEvidence } from './finding-factory.js';
import { freezeShared } from './shared-parts.js';

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

/**
 * One audit's kind steps (AuditParts), by the installation's spelling: the store's spellings are
 * frozen and shared per kind, so a frozen spelling stands for its kind.
 */
export class InstallationTraces {
  readonly bySpelling = new WeakMap<SoftwareRef, KindSteps>();
}

function kindSteps(item: InstallationState, traces: InstallationTraces): KindSteps {
  const shared = isSharedSpelling(item.software);
  if (shared) {
    const known = traces.bySpelling.get(item.software);
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
    recognition: freezeShared({
      step: 'recognition',
      detail: `"${item.software.name}"${version}${edition} → ${item.product.id} (${item.recognition})`,
    }),
    version: item.version
      ? freezeShared({ step: 'version', detail: `${item.version} (scheme ${item.product.versionScheme})` })
      : undefined,
    edition: item.edition ? freezeShared({ step: 'edition', detail: item.edition }) : undefined,
  };
  if (shared) traces.bySpelling.set(item.software, steps);
  return steps;
}

/** Evidence and recognition steps shared by every installation finding. */
export function installationTrace(item: InstallationState, traces: InstallationTraces): TraceStep[] {
  const evidence = item.evidence;
  const steps: TraceStep[] = [];
  for (let i = 0; i < evidence.length && i < 5; i++)
    steps.push({ step: 'evidence', detail: describeEvidence(evidence[i]!) });
  if (evidence.length > 5) steps.push({ step: 'evidence', detail: `… ${evidence.length - 5} more` });
  steps.push(kindSteps(item, traces).recognition);
  return steps;
}

/** The version and edition steps of a licensing finding (when the installation has them). */
export function versionSteps(item: InstallationState, traces: InstallationTraces): TraceStep[] {
  const { version, edition } = kindSteps(item, traces);
  if (version === undefined) return edition === undefined ? [] : [edition];
  return edition === undefined ? [version] : [version, edition];
}
