/**
 * Pass 1: each computer judged on its own, once, for what the later passes need of the whole
 * fleet — its unit, its seat demands, the recognition share, unrecognised titles per unit, the OS
 * list software rules judge. Verdicts are not kept: later passes judge each host again.
 */
import type { StoredHost } from '../model/host.js';
import type { HostFindingContext } from '../rules/host-findings.js';
import { RecognitionShare } from '../rules/recognition-share.js';
import { SeatDemands } from '../rules/seat-demands.js';
import type { OsOfHost } from '../rules/software-rule-findings.js';
import { UnrecognisedByUnit, unrecognisedTitlesOf } from '../rules/unit-breakdown.js';
import type { AuditSetup } from './audit-setup.js';
import { type ActivationCounts, judgeFirstTime } from './first-judgement.js';

export interface FirstPass {
  /** Every host, sorted by id; index i is host i everywhere below. */
  states: StoredHost[];
  hostUnits: string[];
  demands: SeatDemands;
  /** Hosts' operating systems, for software-scope custom rules (empty without such rules). */
  osHosts: OsOfHost[];
  installationCount: number;
  share: RecognitionShare;
  byUnit: UnrecognisedByUnit | undefined;
  activation: ActivationCounts;
}

export function firstPass(setup: AuditSetup, ctx: HostFindingContext): FirstPass {
  const { store } = setup;
  const states = store.sortedHosts();
  const pass: FirstPass = {
    states,
    hostUnits: new Array(states.length),
    demands: new SeatDemands(states.length),
    osHosts: [],
    installationCount: 0,
    share: new RecognitionShare(),
    byUnit: setup.options.unitBreakdown ? new UnrecognisedByUnit() : undefined,
    activation: { activationJudged: 0, activationSkipped: 0 },
  };
  for (let i = 0; i < states.length; i++) {
    const state = states[i]!;
    const host = judgeFirstTime(state, ctx, setup.recogniser, pass.activation);
    pass.share.addHost(host, store.unrecognisedTitleCount(state));
    pass.byUnit?.noteHost(
      host.unit,
      host.id,
      unrecognisedTitlesOf(store.unrecognisedTitleIds(state), host, setup.titles),
    );
    // Nothing reads a host's title sets after its first judgement (and no host arrives any more).
    store.releaseTitleSets(state);
    pass.hostUnits[i] = host.unit;
    pass.installationCount += host.installations.length;
    pass.demands.addHost(i, host);
    if (setup.softwareRules.length > 0)
      pass.osHosts.push({ id: host.id, os: host.os, osRecognition: host.osRecognition });
  }
  return pass;
}
