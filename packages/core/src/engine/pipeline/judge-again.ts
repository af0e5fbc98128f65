/** The later passes' judgement of host i: judged again (verdicts are not kept), with its seats applied. */

import type { HostFindingContext } from '../rules/host-findings.js';
import type { EvidenceChoice, JudgedHost } from '../rules/host-judge.js';
import { judgeHost } from '../rules/host-judge.js';
import type { FirstPass } from './first-pass.js';

export type JudgeAgain = (index: number, evidence: EvidenceChoice) => JudgedHost;

/** Call after the allocation: the seats it gave are what `apply` adds. */
export function judgeAgain(first: FirstPass, ctx: HostFindingContext): JudgeAgain {
  return (i, evidence) => first.demands.apply(i, judgeHost(first.states[i]!, ctx, evidence));
}
