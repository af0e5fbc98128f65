/**
 * A host's first judgement, the one that may record things about the fleet. Judging itself
 * (host-judge.ts) only reads, so the later passes get the same verdicts; what the first judgement
 * adds is this step's, called by the first pass alone: the OS recognised once, an unrecognised OS
 * noted among the unrecognised titles, and activation evidence counted.
 */
import type { StoredHost } from '../model/host.js';
import type { HostFindingContext } from '../rules/host-findings.js';
import {
  activationRead,
  type JudgedHost,
  judgeHost,
  judgesActivation,
  recogniseHostOs,
} from '../rules/host-judge.js';
import type { Recogniser } from '../rules/recogniser.js';

/** For `report.stats`: installations whose activation was judged, and those with nothing read. */
export interface ActivationCounts {
  activationJudged: number;
  activationSkipped: number;
}

export function judgeFirstTime(
  state: StoredHost,
  ctx: HostFindingContext,
  recogniser: Recogniser,
  counts: ActivationCounts,
): JudgedHost {
  recogniseHostOs(state, recogniser);
  const host = judgeHost(state, ctx, 'without-evidence');
  noteFirstJudgement(state, host, ctx, counts);
  return host;
}

/** Needs the host's title sets: before the first pass drops them. */
function noteFirstJudgement(
  state: StoredHost,
  host: JudgedHost,
  ctx: HostFindingContext,
  counts: ActivationCounts,
): void {
  if (state.os && !host.osRecognition) {
    const titleId = ctx.titles.idOf(state.os.name, undefined);
    ctx.titles.noteVersion(titleId, state.os.version);
    if (!ctx.store.hasUnrecognisedTitle(state, titleId)) ctx.titles.noteHost(titleId, state.id);
  }
  for (const judged of host.installations) {
    if (!judgesActivation(ctx, judged.state.product.category)) continue;
    if (activationRead(judged.state)) counts.activationJudged++;
    else counts.activationSkipped++;
  }
}
