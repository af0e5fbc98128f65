/**
 * Pass 4, with `mergeable` only: every seat demand with its evidence, in a fixed order, for
 * mergeReports (scale-out). One host judged at a time: only its seat demands are kept.
 */
import { mergeBasis } from '../../merge/merge-basis.js';
import type { ComplianceReport } from '../../model.js';
import { sortEvidence } from '../rules/finding-factory.js';
import type { JudgedHost } from '../rules/host-judge.js';
import type { AuditSetup } from './audit-setup.js';
import type { JudgeAgain } from './judge-again.js';

export function mergeBasisPass(
  setup: AuditSetup,
  hostCount: number,
  judged: JudgeAgain,
  clock: Date,
): ComplianceReport['mergeBasis'] {
  function* hosts(): Generator<JudgedHost> {
    for (let i = 0; i < hostCount; i++) {
      const host = judged(i, 'with-evidence');
      for (const inst of host.installations) inst.state.evidence = sortEvidence(inst.state.evidence);
      yield host;
    }
  }
  return mergeBasis({ policy: setup.policy, units: setup.options.units ?? [], clock, hosts: hosts() });
}
