/**
 * Built-in judgement of one computer, before licences are allocated: its OS, the folding of twin
 * installations, forbidden products, denied editions and activation evidence — as verdicts on each
 * installation, not yet as findings. The findings are worded later, one host at a time, while the
 * report streams out (host-findings.ts), so a province's million findings never exist at once.
 * Licensing verdicts follow allocation (licensing-findings.ts).
 */
import type { OsInfo, Policy } from '../model.js';
import type { CoverageVerdict } from './allocation.js';
import type { DeadlineSettings } from './finding-factory.js';
import { licenseAt, needsEntitlement } from './licence-model.js';
import type { StoredHost } from './model/host.js';
import type { InstallationState } from './model/installation.js';
import type { SoftwareRef } from './model/software-ref.js';
import type { Recogniser, Recognition } from './recogniser.js';
import { installationKey } from './record-facts.js';
import { foldInstallations } from './rules/dedupe.js';
import { makeRef, sharedSpelling } from './software-refs.js';
import type { FleetStore } from './store/fleet-store.js';
import type { TitleRegistry } from './title-registry.js';

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

export interface JudgeContext {
  policy: Policy;
  recogniser: Recogniser;
  titles: TitleRegistry;
  deadlines: DeadlineSettings;
  forbiddenProducts: Set<string>;
  kmsAllowed: Set<string>;
  activationClasses: Set<string>;
  judgeActivation: boolean;
  /** Unrecognised installations are `unauthorised` findings (allowlist mode or settings). */
  unrecognisedUnauthorised: boolean;
  counters: { activationSkipped: number; activationJudged: number };
  /** What the fleet's inventories told: judging reads hosts through it only. */
  readonly store: FleetStore;
  /** The host's installations as fresh objects (FleetStore.installationsOf, with or without evidence). */
  readonly installationsOf: (state: StoredHost) => InstallationState[];
  /**
   * The auditor judges each computer more than once (its verdicts are not kept between passes);
   * only the first pass counts activation and notes unrecognised operating systems.
   */
  readonly firstPass: boolean;
}

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
 * recogniser answers them with one object; shared-parts.ts).
 */
const osSpellings = new WeakMap<Recognition, SoftwareRef>();

function osSpelling(name: string, version: string | undefined, recognition: Recognition): SoftwareRef {
  const known = osSpellings.get(recognition);
  if (known !== undefined && known.name === name && known.version === version) return known;
  const spelling = sharedSpelling(makeRef(name, undefined, version, recognition.edition || undefined));
  osSpellings.set(recognition, spelling);
  return spelling;
}

/**
 * `host\0product\0version\0edition`: unique in the fleet. Made only for the installations that
 * take a seat (a province has two million installations; their ids are not kept).
 */
export function installationId(host: string, item: InstallationState): string {
  return `${host}\u0000${installationKey(item.product.id, item.version, item.edition)}`;
}

export function judgeHost(state: StoredHost, ctx: JudgeContext): JudgedHost {
  const unit = [...state.units].sort()[0] ?? UNASSIGNED_UNIT;
  const host: JudgedHost = { id: state.id, unit, state, installations: [] };
  const hostname = [...state.hostnames].sort()[0];
  if (hostname) host.hostname = hostname;

  const items = ctx.installationsOf(state);
  if (state.os) {
    host.os = state.os;
    // Asked once per host (judging runs in passes; the recogniser counts what it is asked).
    if (state.osRecognition === undefined) state.osRecognition = ctx.recogniser.recogniseOs(state.os) ?? null;
    const recognition = state.osRecognition ?? undefined;
    if (recognition) {
      host.osRecognition = recognition;
      const version = state.os.version?.trim() || undefined;
      const osItem: InstallationState = {
        product: recognition.product,
        software: osSpelling(state.os.name, version, recognition),
        evidence: [...state.osEvidence],
        recognition: recognition.match.text,
        activation: state.osActivation,
        os: true,
      };
      if (version) osItem.version = version;
      if (recognition.edition) osItem.edition = recognition.edition;
      items.push(osItem);
    } else if (ctx.firstPass) {
      const titleId = ctx.titles.idOf(state.os.name, undefined);
      ctx.titles.noteVersion(titleId, state.os.version);
      if (!ctx.store.hasUnrecognisedTitle(state, titleId)) ctx.titles.noteHost(titleId, state.id);
    }
  }

  for (const item of foldInstallations(items)) {
    const product = item.product;
    const forbidden = ctx.forbiddenProducts.has(product.id);
    const seat = needsEntitlement(licenseAt(product, item.version));
    const judged: JudgedInstallation = {
      state: item,
      notGenuine: forbidden,
      needsSeat: !forbidden && seat,
      licensed: !forbidden && !seat,
      forbidden,
    };
    host.installations.push(judged);

    const editionRule = ctx.policy.requirements.editions[product.category];
    if (editionRule && item.edition && editionDenied(editionRule, item.edition)) {
      judged.notGenuine = true;
      judged.deniedBy = editionRule;
    }
    if (ctx.judgeActivation && ctx.activationClasses.has(product.category)) {
      const verdict = judgeActivation(host, item, ctx);
      if (verdict) {
        judged.notGenuine = true;
        judged.activation = verdict;
      }
    }
  }
  return host;
}

function editionDenied(rule: EditionRule, edition: string): boolean {
  return (
    (rule.deny?.includes(edition) ?? false) ||
    (rule.allow !== undefined && rule.allow.length > 0 && !rule.allow.includes(edition))
  );
}

/** The activation facts of an installation that are not genuine, or undefined when none is read or all are. */
function judgeActivation(
  host: JudgedHost,
  item: InstallationState,
  ctx: JudgeContext,
): ActivationVerdict | undefined {
  const statuses = item.activation.statuses.filter((s) => s !== 'unknown').sort();
  const kmsHosts = [...item.activation.kmsHosts].sort();
  if (statuses.length === 0 && kmsHosts.length === 0) {
    if (ctx.firstPass) ctx.counters.activationSkipped++;
    return undefined;
  }
  if (ctx.firstPass) ctx.counters.activationJudged++;
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
