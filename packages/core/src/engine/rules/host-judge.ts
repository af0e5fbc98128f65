/**
 * Built-in judgement of one computer, before licences are allocated: its OS, the folding of twin
 * installations, forbidden products, denied editions and activation evidence — as verdicts on each
 * installation, not yet as findings. The findings are worded later, one host at a time, while the
 * report streams out (host-findings.ts), so a province's million findings never exist at once.
 * Licensing verdicts follow allocation (licensing-findings.ts).
 */
import type { OsInfo, Policy } from '../../model.js';
import type { StoredHost } from '../model/host.js';
import type { InstallationState } from '../model/installation.js';
import type { SoftwareRef } from '../model/software-ref.js';
import { installationKey } from '../record-facts.js';
import { makeRef, sharedSpelling } from '../software-refs.js';
import type { FleetStore } from '../store/fleet-store.js';
import type { CoverageVerdict } from './allocation.js';
import { foldInstallations } from './dedupe.js';
import type { DeadlineSettings } from './finding-factory.js';
import { licenseAt, needsEntitlement } from './licence-model.js';
import type { Recogniser, Recognition } from './recogniser.js';

export const UNASSIGNED_UNIT = '未分配';

export interface JudgedInstallation {
  state: InstallationState;
  /** A fail on edition, activation or forbidden makes it not genuine even when covered. */
  notGenuine: boolean;
  /**
   * Not forbidden, and its licence model at its version needs an entitlement (commercial,
   * personal-use, unreviewed — licence-model.ts): it takes a seat.
   */
  needsSeat: boolean;
  /** Filled after allocation. */
  licensed: boolean;
  /** `forbidden.products` names its product. */
  forbidden: boolean;
  /** The `requirements.editions` rule of its class that refuses its edition. */
  deniedBy?: EditionRule;
  /** Activation evidence that is not genuine (`requirements.activation`). */
  activation?: ActivationVerdict;
  /**
   * The allocation's verdict when no seat covers it; a licensing finding is worded from it. Equal
   * verdicts are one shared object (thousands of installations lack a seat of one pool).
   */
  coverage?: CoverageVerdict;
}

export type EditionRule = Policy['requirements']['editions'][string];

export interface ActivationVerdict {
  /** Statuses read (sorted, `unknown` left out) and KMS hosts named (sorted). */
  statuses: string[];
  kmsHosts: string[];
  /** The statuses other than `licensed`, and the KMS hosts that are not the agency's own. */
  badStatuses: string[];
  badKms: string[];
}

export interface JudgedHost {
  id: string;
  unit: string;
  hostname?: string;
  os?: OsInfo;
  osRecognition?: Recognition;
  state: StoredHost;
  installations: JudgedInstallation[];
}

/**
 * What judging reads: the policy and the store, never anything a pass writes. The auditor judges
 * each computer more than once (its verdicts are not kept between passes: a province's two
 * million judged installations would double the memory of the store), which gives the same
 * verdicts only because of that. What the first judgement records about the fleet is its own
 * step (pipeline/first-judgement.ts).
 */
export interface JudgeContext {
  readonly policy: Policy;
  readonly deadlines: DeadlineSettings;
  readonly forbiddenProducts: ReadonlySet<string>;
  readonly kmsAllowed: ReadonlySet<string>;
  readonly activationClasses: ReadonlySet<string>;
  readonly judgeActivation: boolean;
  /** Unrecognised installations are `unauthorised` findings (allowlist mode or settings). */
  readonly unrecognisedUnauthorised: boolean;
  /** What the fleet's inventories told: judging reads hosts through it only. */
  readonly store: FleetStore;
  /** The host's installations as fresh objects (FleetStore.installationsOf), with evidence or not. */
  readonly installationsOf: (state: StoredHost, evidence: EvidenceChoice) => InstallationState[];
  readonly parts: { readonly osSpellings: OsSpellings };
}

/**
 * Whether a judged host carries where each installation was read: the findings need it, the
 * passes that only count (seat demands, statistics) do not, and skip copying it.
 */
export type EvidenceChoice = 'with-evidence' | 'without-evidence';

/** `kms.example.cn:1688` → `kms.example.cn`. */
export function normaliseKmsHost(host: string): string {
  const h = host.trim().toLowerCase();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  if (bracket) return bracket[1]!;
  return /^[^:]+:\d+$/.test(h) ? h.slice(0, h.lastIndexOf(':')) : h;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0']);

/**
 * An OS as findings spell it, frozen and shared by the hosts whose OS was recognised alike (the
 * recogniser answers them with one object; shared-parts.ts). One table per audit (AuditParts).
 */
export class OsSpellings {
  private readonly byRecognition = new WeakMap<Recognition, SoftwareRef>();

  of(name: string, version: string | undefined, recognition: Recognition): SoftwareRef {
    const known = this.byRecognition.get(recognition);
    if (known !== undefined && known.name === name && known.version === version) return known;
    const spelling = sharedSpelling(makeRef(name, undefined, version, recognition.edition || undefined));
    this.byRecognition.set(recognition, spelling);
    return spelling;
  }
}

/**
 * `host\0product\0version\0edition`: unique in the fleet. Made only for the installations that
 * take a seat (a province has two million installations; their ids are not kept).
 */
export function installationId(host: string, item: InstallationState): string {
  return `${host}\u0000${installationKey(item.product.id, item.version, item.edition)}`;
}

/**
 * The host's OS recognised, once per host: before its first judgement (pipeline/first-judgement.ts),
 * since the recogniser counts what it is asked and every later judgement reads the answer kept.
 */
export function recogniseHostOs(state: StoredHost, recogniser: Recogniser): void {
  if (state.os && state.osRecognition === undefined)
    state.osRecognition = recogniser.recogniseOs(state.os) ?? null;
}

/** One computer's verdicts. Reads the store and the policy only, so every pass gets the same ones. */
export function judgeHost(state: StoredHost, ctx: JudgeContext, evidence: EvidenceChoice): JudgedHost {
  const unit = [...state.units].sort()[0] ?? UNASSIGNED_UNIT;
  const host: JudgedHost = { id: state.id, unit, state, installations: [] };
  const hostname = [...state.hostnames].sort()[0];
  if (hostname) host.hostname = hostname;

  const items = ctx.installationsOf(state, evidence);
  if (state.os) {
    host.os = state.os;
    if (state.osRecognition === undefined)
      throw new Error(`host ${state.id} judged before its OS was recognised`);
    const recognition = state.osRecognition ?? undefined;
    if (recognition) {
      host.osRecognition = recognition;
      items.push(osInstallation(state, state.os, recognition, ctx));
    }
  }

  for (const item of foldInstallations(items)) {
    const product = item.product;
    const forbidden = ctx.forbiddenProducts.has(product.id);
    const seat = needsEntitlement(licenseAt(product, item.version));
    const judged = judgedInstallation(item, forbidden, seat);
    host.installations.push(judged);

    const editionRule = ctx.policy.requirements.editions[product.category];
    if (editionRule && item.edition && editionDenied(editionRule, item.edition)) {
      judged.notGenuine = true;
      judged.deniedBy = editionRule;
    }
    if (judgesActivation(ctx, product.category)) {
      const verdict = judgeActivation(host, item, ctx);
      if (verdict) {
        judged.notGenuine = true;
        judged.activation = verdict;
      }
    }
  }
  return host;
}

/**
 * The host's recognised OS as one of its installations. Every field in the literal, as the store
 * writes its installations (FleetStore.installationsOf): one shape for all of them.
 */
function osInstallation(
  state: StoredHost,
  os: OsInfo,
  recognition: Recognition,
  ctx: JudgeContext,
): InstallationState {
  const version = os.version?.trim() || undefined;
  return {
    product: recognition.product,
    version,
    edition: recognition.edition || undefined,
    software: ctx.parts.osSpellings.of(os.name, version, recognition),
    evidence: [...state.osEvidence],
    recognition: recognition.match.text,
    activation: state.osActivation,
    os: true,
    key: undefined,
  };
}

/**
 * An installation's verdicts before allocation. Every field in the literal, the optional ones
 * as undefined until a rule sets them: one shape for the million judged installations.
 */
function judgedInstallation(
  item: InstallationState,
  forbidden: boolean,
  needsSeat: boolean,
): JudgedInstallation {
  return {
    state: item,
    notGenuine: forbidden,
    needsSeat: !forbidden && needsSeat,
    licensed: !forbidden && !needsSeat,
    forbidden,
    deniedBy: undefined,
    activation: undefined,
    coverage: undefined,
  };
}

function editionDenied(rule: EditionRule, edition: string): boolean {
  return (
    (rule.deny?.includes(edition) ?? false) ||
    (rule.allow !== undefined && rule.allow.length > 0 && !rule.allow.includes(edition))
  );
}

/** Whether the policy asks for the activation of installations of this class to be judged. */
export function judgesActivation(ctx: JudgeContext, category: string): boolean {
  return ctx.judgeActivation && ctx.activationClasses.has(category);
}

/** Whether any activation fact was read for the installation (a status other than `unknown`, a KMS host). */
export function activationRead(item: InstallationState): boolean {
  return item.activation.kmsHosts.length > 0 || item.activation.statuses.some((s) => s !== 'unknown');
}

/** The activation facts of an installation that are not genuine, or undefined when none is read or all are. */
function judgeActivation(
  host: JudgedHost,
  item: InstallationState,
  ctx: JudgeContext,
): ActivationVerdict | undefined {
  const statuses = item.activation.statuses.filter((s) => s !== 'unknown').sort();
  const kmsHosts = [...item.activation.kmsHosts].sort();
  if (statuses.length === 0 && kmsHosts.length === 0) return undefined;
  const self = new Set([
    host.id.toLowerCase(),
    ...(host.hostname ? [host.hostname.toLowerCase(), host.hostname.toLowerCase().split('.')[0]!] : []),
  ]);
  const badStatuses = statuses.filter((s) => s !== 'licensed');
  const badKms = kmsHosts.filter((k) => {
    const h = normaliseKmsHost(k);
    return LOOPBACK.has(h) || self.has(h) || self.has(h.split('.')[0]!) || !ctx.kmsAllowed.has(h);
  });
  if (badStatuses.length === 0 && badKms.length === 0) return undefined;
  return { statuses, kmsHosts, badStatuses, badKms };
}
