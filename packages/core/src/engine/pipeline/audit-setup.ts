/**
 * What an audit is made of before any host arrives — the policy read into recogniser, title
 * registry, custom rules and store, the audit's date and clock, its shared parts — and the one
 * context every pass judges and words with.
 */

import type { Logger } from '../../logger.js';
import { silentLogger } from '../../logger.js';
import type { IsoDate, Policy, RuleScope } from '../../model.js';
import { type CompiledRule, compileCustomRules } from '../custom-rules.js';
import { type AuditParts, newAuditParts } from '../rules/audit-parts.js';
import {
  type DeadlineSettings,
  dateAtLocalMidnight,
  deadlineSettings,
  localDate,
} from '../rules/finding-factory.js';
import type { HostFindingContext } from '../rules/host-findings.js';
import { normaliseKmsHost } from '../rules/host-judge.js';
import { createRecogniser, type Recogniser } from '../rules/recogniser.js';
import { type SoftwareRule, softwareRules } from '../software-rules.js';
import { createStore } from '../store/create-store.js';
import type { FleetStore } from '../store/fleet-store.js';
import { TitleRegistry } from '../title-registry.js';
import type { AuditorOptions } from './auditor-options.js';

export interface AuditSetup {
  readonly policy: Policy;
  readonly options: AuditorOptions;
  readonly logger: Logger;
  readonly asOf: IsoDate;
  /** The waivers' clock (AuditorOptions.now). */
  readonly now: () => Date;
  readonly deadlines: DeadlineSettings;
  readonly recogniser: Recogniser;
  readonly titles: TitleRegistry;
  readonly custom: Record<RuleScope, CompiledRule[]>;
  readonly softwareRules: readonly SoftwareRule[];
  readonly allowlist: boolean;
  readonly unrecognisedUnauthorised: boolean;
  /** Where hosts are added and what every pass reads them from (store/fleet-store.ts). */
  readonly store: FleetStore;
  readonly parts: AuditParts;
}

export function setUpAudit(policy: Policy, options: AuditorOptions): AuditSetup {
  const asOf = options.asOf ?? policy.settings.asOf ?? localDate(new Date());
  const recogniser = createRecogniser(policy);
  const titles = new TitleRegistry(policy.forbidden.patterns);
  const custom = compileCustomRules(policy, asOf);
  const rules = softwareRules(custom.software, asOf);
  const allowlist = policy.forbidden.mode === 'allowlist';
  const unrecognisedUnauthorised = allowlist || policy.settings.unrecognised === 'unauthorised';
  const store = createStore(options.store ?? 'compact', {
    recogniser,
    titles,
    keepUnrecognised: unrecognisedUnauthorised,
    softwareRules: rules,
  });
  return {
    policy,
    options,
    logger: options.logger ?? silentLogger,
    asOf,
    now: options.now ?? (() => dateAtLocalMidnight(asOf)),
    deadlines: deadlineSettings(asOf, policy.settings.remediationDays),
    recogniser,
    titles,
    custom,
    softwareRules: rules,
    allowlist,
    unrecognisedUnauthorised,
    store,
    parts: newAuditParts(),
  };
}

/** The one context of judging and wording; each pass says only whether it wants evidence. */
export function auditContext(setup: AuditSetup): HostFindingContext {
  const { policy } = setup;
  return {
    policy,
    titles: setup.titles,
    deadlines: setup.deadlines,
    forbiddenProducts: new Set(policy.forbidden.products),
    kmsAllowed: new Set(policy.requirements.activation.kmsHosts.map(normaliseKmsHost)),
    activationClasses: new Set(policy.requirements.activation.classes),
    judgeActivation: policy.requirements.activation.required,
    unrecognisedUnauthorised: setup.unrecognisedUnauthorised,
    store: setup.store,
    installationsOf: (state, evidence) => setup.store.installationsOf(state, evidence === 'with-evidence'),
    ledger: new Map(policy.entitlements.map((e) => [e.id, e])),
    entitled: new Set(policy.entitlements.map((e) => e.product)),
    allowlist: setup.allowlist,
    mandatory: policy.requirements.classes,
    parentOf: parentsOf([...policy.units, ...(setup.options.units ?? [])]),
    parts: setup.parts,
  };
}

/** Unit → parent, the units file's word last (it wins over the policy's `units:`). */
function parentsOf(units: readonly { name: string; parent?: string }[]): Map<string, string> {
  const parents = new Map<string, string>();
  for (const unit of units) if (unit.parent) parents.set(unit.name, unit.parent);
  return parents;
}
