/**
 * Built-in judgement of one computer, before licences are allocated: its OS, the folding of twin
 * installations, forbidden products and patterns, denied editions, activation evidence, and
 * unrecognised software where it counts as unauthorised. Licensing findings follow allocation
 * (licensing-findings.ts).
 */
import type { Finding, OsInfo, Policy } from '../model.js';
import { type DeadlineSettings, describeEvidence, makeFinding } from './finding-factory.js';
import {
  type HostState,
  type InstallationState,
  installationKey,
  NO_ACTIVATION,
  newActivation,
  type Occurrence,
  smallerRef,
} from './host-store.js';
import type { Recogniser, Recognition } from './recogniser.js';
import { CLASS_NAMES, className } from './rule-catalog.js';
import { hasId, type TitleRegistry } from './title-registry.js';

export const UNASSIGNED_UNIT = '未分配';

export interface JudgedInstallation {
  /** `host\0product\0version\0edition`: unique in the fleet. */
  id: string;
  state: InstallationState;
  /** A fail on edition, activation or forbidden makes it not genuine even when covered. */
  notGenuine: boolean;
  /** Commercial and not forbidden: it takes a seat. */
  needsSeat: boolean;
  /** Filled after allocation. */
  licensed: boolean;
}

export interface JudgedHost {
  id: string;
  unit: string;
  hostname?: string;
  os?: OsInfo;
  osRecognition?: Recognition;
  state: HostState;
  installations: JudgedInstallation[];
  findings: Finding[];
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
}

/** `kms.example.cn:1688` → `kms.example.cn`. */
export function normaliseKmsHost(host: string): string {
  const h = host.trim().toLowerCase();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  if (bracket) return bracket[1]!;
  return /^[^:]+:\d+$/.test(h) ? h.slice(0, h.lastIndexOf(':')) : h;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '0.0.0.0']);

const keyOf = (i: InstallationState) => installationKey(i.product.id, i.version, i.edition);

function absorb(into: InstallationState, from: InstallationState): void {
  into.evidence.push(...from.evidence);
  into.software = smallerRef(into.software, from.software);
  // An installation seen without activation facts shares NO_ACTIVATION: never write into it.
  if (into.activation === NO_ACTIVATION && from.activation !== NO_ACTIVATION)
    into.activation = newActivation();
  const a = into.activation;
  for (const s of from.activation.statuses) if (!a.statuses.includes(s)) a.statuses.push(s);
  for (const k of from.activation.kmsHosts) if (!a.kmsHosts.includes(k)) a.kmsHosts.push(k);
  for (const c of from.activation.channels) if (!a.channels.includes(c)) a.channels.push(c);
  into.os ||= from.os;
}

/**
 * One product on one host counts once per version: an installation read without a version (a GUID
 * key without DisplayVersion) folds into the smallest sibling of the same product that has one, and
 * one without an edition into the smallest sibling of the same product and version that has one.
 */
export function foldInstallations(installations: InstallationState[]): InstallationState[] {
  const byKey = new Map<string, InstallationState>();
  for (const item of installations) {
    const existing = byKey.get(keyOf(item));
    if (existing) absorb(existing, item);
    else byKey.set(keyOf(item), item);
  }
  let items = [...byKey.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
  const foldBy = (
    orphan: (i: InstallationState) => boolean,
    fits: (o: InstallationState, i: InstallationState) => boolean,
  ) => {
    const kept: InstallationState[] = [];
    for (const item of items) {
      const target = orphan(item)
        ? items.find((other) => other !== item && !orphan(other) && fits(other, item))
        : undefined;
      if (target) absorb(target, item);
      else kept.push(item);
    }
    items = kept;
  };
  foldBy(
    (i) => i.version === undefined,
    (o, i) => o.product.id === i.product.id && (i.edition === undefined || o.edition === i.edition),
  );
  foldBy(
    (i) => i.edition === undefined,
    (o, i) => o.product.id === i.product.id && o.version === i.version,
  );
  return items;
}

function subjectOf(host: JudgedHost, item: InstallationState) {
  return {
    host: host.id,
    unit: host.unit,
    product: item.product.id,
    class: item.product.category,
    software: { ...item.software },
  };
}

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

export function judgeHost(state: HostState, ctx: JudgeContext): JudgedHost {
  const unit = [...state.units].sort()[0] ?? UNASSIGNED_UNIT;
  const host: JudgedHost = { id: state.id, unit, state, installations: [], findings: [] };
  const hostname = [...state.hostnames].sort()[0];
  if (hostname) host.hostname = hostname;

  const items = [...state.installations.values()];
  if (state.os) {
    host.os = state.os;
    const recognition = ctx.recogniser.recogniseOs(state.os);
    if (recognition) {
      host.osRecognition = recognition;
      const version = state.os.version?.trim() || undefined;
      const osItem: InstallationState = {
        product: recognition.product,
        software: {
          name: state.os.name,
          ...(version ? { version } : {}),
          ...(recognition.edition ? { edition: recognition.edition } : {}),
        },
        evidence: [...state.osEvidence],
        recognition: recognition.match.text,
        activation: state.osActivation,
        os: true,
      };
      if (version) osItem.version = version;
      if (recognition.edition) osItem.edition = recognition.edition;
      items.push(osItem);
    } else {
      const titleId = ctx.titles.idOf(state.os.name, undefined);
      ctx.titles.noteVersion(titleId, state.os.version);
      if (!hasId(state.unrecognisedTitles, titleId)) ctx.titles.noteHost(titleId, state.id);
    }
  }

  const add = (draft: Parameters<typeof makeFinding>[0]) =>
    host.findings.push(makeFinding(draft, ctx.deadlines));
  for (const item of foldInstallations(items)) {
    const judged: JudgedInstallation = {
      id: `${state.id}\u0000${installationKey(item.product.id, item.version, item.edition)}`,
      state: item,
      notGenuine: false,
      needsSeat: false,
      licensed: false,
    };
    host.installations.push(judged);
    const product = item.product;
    const cls = className(product.category);
    const forbidden = ctx.forbiddenProducts.has(product.id);
    if (forbidden) {
      judged.notGenuine = true;
      add({
        rule: 'forbidden.product',
        status: 'fail',
        severity: 'critical',
        subject: subjectOf(host, item),
        message: {
          zh: `${host.id} 安装了禁止使用的软件 ${product.name}（${item.software.name}）`,
          en: `${host.id} has the forbidden product ${product.name} (${item.software.name}) installed`,
        },
        remediation: {
          zh: '卸载该软件并检查系统是否被非法激活',
          en: 'Uninstall it and check the system for illegal activation',
        },
        evidence: item.evidence,
        trace: [
          ...installationTrace(item),
          { step: 'rule', detail: `forbidden.product: ${product.id} is in forbidden.products` },
        ],
      });
    }
    judged.needsSeat = !forbidden && product.license === 'commercial';
    judged.licensed = !forbidden && product.license !== 'commercial';

    const editionRule = ctx.policy.requirements.editions[product.category];
    if (editionRule && item.edition) {
      const denied =
        (editionRule.deny?.includes(item.edition) ?? false) ||
        (editionRule.allow !== undefined &&
          editionRule.allow.length > 0 &&
          !editionRule.allow.includes(item.edition));
      if (denied) {
        judged.notGenuine = true;
        add({
          rule: 'requirements.edition',
          status: 'fail',
          severity: 'high',
          subject: subjectOf(host, item),
          message: {
            zh: `${host.id} 的${cls.zh} ${item.software.name} 为 ${item.edition} 版本型，政策不允许使用`,
            en: `${host.id} runs ${item.software.name}, edition ${item.edition}, which the policy does not allow for ${cls.en}`,
          },
          remediation: {
            zh: `更换为允许的版本型${editionRule.allow?.length ? `（${editionRule.allow.join('、')}）` : ''}并取得许可`,
            en: `Replace it with an allowed edition${editionRule.allow?.length ? ` (${editionRule.allow.join(', ')})` : ''} and license it`,
          },
          evidence: item.evidence,
          trace: [
            ...installationTrace(item),
            {
              step: 'edition',
              detail: `${item.edition}: ${editionRule.deny?.includes(item.edition) ? `denied (${editionRule.deny.join(', ')})` : `not allowed (${editionRule.allow?.join(', ')})`}`,
            },
            { step: 'rule', detail: `requirements.edition (${product.category})` },
          ],
        });
      }
    }

    if (ctx.judgeActivation && ctx.activationClasses.has(product.category))
      judgeActivation(host, judged, ctx, add);
  }

  for (const [titleId, occurrence] of [...state.forbidden].sort((a, b) => a[0] - b[0])) {
    const title = ctx.titles.get(titleId);
    const pattern = ctx.policy.forbidden.patterns[title.forbidden]!;
    add({
      rule: 'forbidden.pattern',
      status: 'fail',
      severity: 'critical',
      subject: occurrenceSubject(host, occurrence),
      message: {
        zh: `${host.id} 上的软件“${occurrence.software.name}”命中禁止模式${pattern.reason ? `：${pattern.reason}` : ''}`,
        en: `"${occurrence.software.name}" on ${host.id} matches a forbidden pattern${pattern.reason ? `: ${pattern.reason}` : ''}`,
      },
      remediation: { zh: '立即卸载并清除残留', en: 'Remove it and its traces at once' },
      evidence: occurrence.evidence,
      trace: [
        ...occurrence.evidence
          .slice(0, 5)
          .map((e) => ({ step: 'evidence' as const, detail: describeEvidence(e) })),
        {
          step: 'rule',
          detail: `forbidden.pattern #${title.forbidden + 1}${pattern.location?.line ? ` (line ${pattern.location.line})` : ''}`,
        },
      ],
      discriminator: String(title.forbidden),
    });
  }

  if (ctx.unrecognisedUnauthorised && state.unrecognised) {
    for (const [, occurrence] of [...state.unrecognised].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      add({
        rule: 'unauthorised',
        status: 'fail',
        severity: 'high',
        subject: occurrenceSubject(host, occurrence),
        message: {
          zh: `${host.id} 上的软件“${occurrence.software.name}”未列入软件目录，视为未经授权`,
          en: `"${occurrence.software.name}" on ${host.id} is not in the catalogue and counts as unauthorised`,
        },
        remediation: {
          zh: '卸载该软件，或将其列入目录并登记许可',
          en: 'Uninstall it, or add it to the catalogue and record its licence',
        },
        evidence: occurrence.evidence,
        trace: [
          ...occurrence.evidence
            .slice(0, 5)
            .map((e) => ({ step: 'evidence' as const, detail: describeEvidence(e) })),
          { step: 'recognition', detail: `"${occurrence.software.name}": no catalogue product matches` },
          {
            step: 'rule',
            detail:
              ctx.policy.forbidden.mode === 'allowlist'
                ? 'unauthorised: forbidden.mode allowlist'
                : 'unauthorised: settings.unrecognised unauthorised',
          },
        ],
      });
    }
  }
  return host;
}

function occurrenceSubject(host: JudgedHost, occurrence: Occurrence) {
  const subject: Finding['subject'] = {
    host: host.id,
    unit: host.unit,
    software: { ...occurrence.software },
  };
  if (occurrence.product) {
    subject.product = occurrence.product.id;
    subject.class = occurrence.product.category;
  }
  return subject;
}

const STATUS_WORDS: Record<string, { zh: string; en: string }> = {
  unlicensed: { zh: '未授权', en: 'Unlicensed' },
  'oob-grace': { zh: '初始宽限期', en: 'out-of-box grace' },
  'oot-grace': { zh: '超时宽限期', en: 'out-of-tolerance grace' },
  'non-genuine-grace': { zh: '非正版宽限期', en: 'non-genuine grace' },
  notification: { zh: '通知状态（未激活）', en: 'Notification (not activated)' },
  'extended-grace': { zh: '延长宽限期', en: 'extended grace' },
};

function judgeActivation(
  host: JudgedHost,
  judged: JudgedInstallation,
  ctx: JudgeContext,
  add: (draft: Parameters<typeof makeFinding>[0]) => void,
): void {
  const item = judged.state;
  const statuses = item.activation.statuses.filter((s) => s !== 'unknown').sort();
  const kmsHosts = [...item.activation.kmsHosts].sort();
  if (statuses.length === 0 && kmsHosts.length === 0) {
    ctx.counters.activationSkipped++;
    return;
  }
  ctx.counters.activationJudged++;
  const self = new Set([
    host.id.toLowerCase(),
    ...(host.hostname ? [host.hostname.toLowerCase(), host.hostname.toLowerCase().split('.')[0]!] : []),
  ]);
  const badStatuses = statuses.filter((s) => s !== 'licensed');
  const badKms = kmsHosts.filter((k) => {
    const h = normaliseKmsHost(k);
    return LOOPBACK.has(h) || self.has(h) || self.has(h.split('.')[0]!) || !ctx.kmsAllowed.has(h);
  });
  if (badStatuses.length === 0 && badKms.length === 0) return;
  judged.notGenuine = true;
  const cls = CLASS_NAMES[item.product.category] ?? className(item.product.category);
  const zh: string[] = [];
  const en: string[] = [];
  for (const s of badStatuses) {
    zh.push(`许可状态为“${STATUS_WORDS[s]?.zh ?? s}”`);
    en.push(`licence status is "${STATUS_WORDS[s]?.en ?? s}"`);
  }
  for (const k of badKms) {
    zh.push(`通过非本单位 KMS 主机 ${k} 激活`);
    en.push(`activated against KMS host ${k}, which is not one of ours`);
  }
  add({
    rule: 'requirements.activation',
    status: 'fail',
    severity: 'high',
    subject: subjectOf(host, item),
    message: {
      zh: `${host.id} 的${cls.zh} ${item.software.name} 激活不正版：${zh.join('；')}`,
      en: `${host.id}: ${item.software.name} (${cls.en}) is not genuinely activated: ${en.join('; ')}`,
    },
    remediation: {
      zh: '使用正版密钥或本单位 KMS 服务器重新激活，并排查激活工具',
      en: "Reactivate with a genuine key or the organisation's KMS host, and look for activators",
    },
    evidence: item.evidence,
    trace: [
      ...installationTrace(item),
      {
        step: 'rule',
        detail: `requirements.activation: status ${statuses.join(',') || '-'}; KMS ${kmsHosts.join(',') || '-'}; allowed ${[...ctx.kmsAllowed].join(',') || '(none)'}`,
      },
    ],
  });
}
