/**
 * The built-in findings of one computer, worded from the verdicts host-judge.ts and the allocation
 * left on it: forbidden products and patterns, denied editions, activation, unauthorised software,
 * licensing, missing classes. Called once per host while the report streams out (and, restricted
 * to the rules that count as unauthorised, once before, for the statistics table).
 */
import type { Entitlement, Finding, FindingSubject } from '../../model.js';
import type { InstallationState } from '../model/installation.js';
import type { Occurrence } from '../model/occurrence.js';
import type { TitleRegistry } from '../title-registry.js';
import type { AuditParts } from './audit-parts.js';
import { describeEvidence, makeFinding } from './finding-factory.js';
import type { JudgeContext, JudgedHost, JudgedInstallation } from './host-judge.js';
import { installationTrace } from './installation-trace.js';
import { licensingFinding, licensingRule } from './licensing-findings.js';
import { CLASS_NAMES, className } from './rule-catalog.js';
import { missingClassFindings } from './rule-findings.js';
import { sharedText } from './shared-parts.js';

/** The one context of an audit's judging and wording (pipeline/audit-context.ts makes it). */
export interface HostFindingContext extends JudgeContext {
  readonly titles: TitleRegistry;
  readonly ledger: Map<string, Entitlement>;
  /** Products the ledger has a line for (allowlist mode: the others are unauthorised). */
  readonly entitled: Set<string>;
  readonly allowlist: boolean;
  readonly mandatory: readonly string[];
  /** Each unit's parent (units file, policy `units:`), to say when a parent's scope left it out. */
  readonly parentOf: ReadonlyMap<string, string>;
  readonly parts: AuditParts;
}

/** Which rules to word; the statistics pass asks only for those that count as unauthorised. */
export type RuleFilter = (rule: string) => boolean;
const EVERY_RULE: RuleFilter = () => true;

/** Every built-in finding of the host, in the order the auditor has always produced them. */
export function hostFindings(
  host: JudgedHost,
  ctx: HostFindingContext,
  wants: RuleFilter = EVERY_RULE,
): Finding[] {
  const findings: Finding[] = [];
  const add = (draft: Parameters<typeof makeFinding>[0]) => findings.push(makeFinding(draft, ctx.deadlines));
  for (const judged of host.installations) {
    if (judged.forbidden && wants('forbidden.product')) add(forbiddenProduct(host, judged, ctx.parts));
    if (judged.deniedBy && wants('requirements.edition')) add(deniedEdition(host, judged, ctx.parts));
    if (judged.activation && wants('requirements.activation')) add(notGenuinelyActivated(host, judged, ctx));
  }
  if (wants('forbidden.pattern')) {
    for (const { title, occurrence } of ctx.store.forbiddenOf(host.state))
      add(forbiddenPattern(host, title, occurrence, ctx));
  }
  if (ctx.unrecognisedUnauthorised && wants('unauthorised')) {
    for (const occurrence of ctx.store.unrecognisedOf(host.state))
      add(unrecognisedSoftware(host, occurrence, ctx));
  }
  for (const judged of host.installations) {
    const coverage = judged.coverage;
    if (!coverage) continue;
    if (!wants(licensingRule(coverage, judged.state.product.id, ctx.entitled, ctx.allowlist))) continue;
    const f = licensingFinding(
      host,
      judged,
      coverage,
      ctx.ledger,
      ctx.entitled,
      ctx.allowlist,
      ctx.deadlines,
      ctx.parts,
      ctx.parentOf,
    );
    if (f) findings.push(f);
  }
  for (const f of missingClassFindings(host, ctx.mandatory, ctx.deadlines, ctx.parts))
    if (wants(f.rule)) findings.push(f);
  return findings;
}

function subjectOf(host: JudgedHost, item: InstallationState): FindingSubject {
  return {
    host: host.id,
    unit: host.unit,
    product: item.product.id,
    class: item.product.category,
    // Not copied: an installation's spelling is its kind's, frozen and shared by every finding about
    // that kind (store/compact-store.ts; an OS's, host-judge.ts osSpelling).
    software: item.software,
  };
}

/** The subject of a finding about records of one title on one host (forbidden, unauthorised, custom). */
export function occurrenceSubject(host: JudgedHost, occurrence: Occurrence): FindingSubject {
  const subject: FindingSubject = {
    host: host.id,
    unit: host.unit,
    // Not copied either: a custom rule's spelling is frozen and shared (custom-refs.ts); a forbidden
    // or unrecognised title's is the host's own occurrence, which nothing changes after reading.
    software: occurrence.software,
  };
  if (occurrence.product) {
    subject.product = occurrence.product.id;
    subject.class = occurrence.product.category;
  }
  return subject;
}

type Draft = Parameters<typeof makeFinding>[0];

const FORBIDDEN_PRODUCT_REMEDIATION = sharedText(
  '卸载该软件并检查系统是否被非法激活',
  'Uninstall it and check the system for illegal activation',
);
const ACTIVATION_REMEDIATION = sharedText(
  '使用正版密钥或本单位 KMS 服务器重新激活，并排查激活工具',
  "Reactivate with a genuine key or the organisation's KMS host, and look for activators",
);
const FORBIDDEN_PATTERN_REMEDIATION = sharedText('立即卸载并清除残留', 'Remove it and its traces at once');
const UNRECOGNISED_REMEDIATION = sharedText(
  '卸载该软件，或将其列入目录并登记许可',
  'Uninstall it, or add it to the catalogue and record its licence',
);

function forbiddenProduct(host: JudgedHost, judged: JudgedInstallation, parts: AuditParts): Draft {
  const item = judged.state;
  const product = item.product;
  return {
    rule: 'forbidden.product',
    status: 'fail',
    severity: 'critical',
    subject: subjectOf(host, item),
    message: {
      zh: `${host.id} 安装了禁止使用的软件 ${product.name}（${item.software.name}）`,
      en: `${host.id} has the forbidden product ${product.name} (${item.software.name}) installed`,
    },
    remediation: FORBIDDEN_PRODUCT_REMEDIATION,
    evidence: item.evidence,
    trace: [
      ...installationTrace(item, parts.traces),
      parts.shared.step('rule', `forbidden.product: ${product.id} is in forbidden.products`),
    ],
  };
}

function deniedEdition(host: JudgedHost, judged: JudgedInstallation, parts: AuditParts): Draft {
  const item = judged.state;
  const rule = judged.deniedBy!;
  const edition = item.edition!;
  const cls = className(item.product.category);
  return {
    rule: 'requirements.edition',
    status: 'fail',
    severity: 'high',
    subject: subjectOf(host, item),
    message: {
      zh: `${host.id} 的${cls.zh} ${item.software.name} 为 ${edition} 版本型，政策不允许使用`,
      en: `${host.id} runs ${item.software.name}, edition ${edition}, which the policy does not allow for ${cls.en}`,
    },
    remediation: {
      zh: `更换为允许的版本型${rule.allow?.length ? `（${rule.allow.join('、')}）` : ''}并取得许可`,
      en: `Replace it with an allowed edition${rule.allow?.length ? ` (${rule.allow.join(', ')})` : ''} and license it`,
    },
    evidence: item.evidence,
    trace: [
      ...installationTrace(item, parts.traces),
      {
        step: 'edition',
        detail: `${edition}: ${rule.deny?.includes(edition) ? `denied (${rule.deny.join(', ')})` : `not allowed (${rule.allow?.join(', ')})`}`,
      },
      { step: 'rule', detail: `requirements.edition (${item.product.category})` },
    ],
  };
}

const STATUS_WORDS: Record<string, { zh: string; en: string }> = {
  unlicensed: { zh: '未授权', en: 'Unlicensed' },
  'oob-grace': { zh: '初始宽限期', en: 'out-of-box grace' },
  'oot-grace': { zh: '超时宽限期', en: 'out-of-tolerance grace' },
  'non-genuine-grace': { zh: '非正版宽限期', en: 'non-genuine grace' },
  notification: { zh: '通知状态（未激活）', en: 'Notification (not activated)' },
  'extended-grace': { zh: '延长宽限期', en: 'extended grace' },
};

function notGenuinelyActivated(host: JudgedHost, judged: JudgedInstallation, ctx: HostFindingContext): Draft {
  const item = judged.state;
  const { statuses, kmsHosts, badStatuses, badKms } = judged.activation!;
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
  return {
    rule: 'requirements.activation',
    status: 'fail',
    severity: 'high',
    subject: subjectOf(host, item),
    message: {
      zh: `${host.id} 的${cls.zh} ${item.software.name} 激活不正版：${zh.join('；')}`,
      en: `${host.id}: ${item.software.name} (${cls.en}) is not genuinely activated: ${en.join('; ')}`,
    },
    remediation: ACTIVATION_REMEDIATION,
    evidence: item.evidence,
    trace: [
      ...installationTrace(item, ctx.parts.traces),
      {
        step: 'rule',
        detail: `requirements.activation: status ${statuses.join(',') || '-'}; KMS ${kmsHosts.join(',') || '-'}; allowed ${[...ctx.kmsAllowed].join(',') || '(none)'}`,
      },
    ],
  };
}

function forbiddenPattern(
  host: JudgedHost,
  titleId: number,
  occurrence: Occurrence,
  ctx: HostFindingContext,
): Draft {
  const title = ctx.titles.get(titleId);
  const pattern = ctx.policy.forbidden.patterns[title.forbidden]!;
  return {
    rule: 'forbidden.pattern',
    status: 'fail',
    severity: 'critical',
    subject: occurrenceSubject(host, occurrence),
    message: {
      zh: `${host.id} 上的软件“${occurrence.software.name}”命中禁止模式${pattern.reason ? `：${pattern.reason}` : ''}`,
      en: `"${occurrence.software.name}" on ${host.id} matches a forbidden pattern${pattern.reason ? `: ${pattern.reason}` : ''}`,
    },
    remediation: FORBIDDEN_PATTERN_REMEDIATION,
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
  };
}

function unrecognisedSoftware(host: JudgedHost, occurrence: Occurrence, ctx: HostFindingContext): Draft {
  return {
    rule: 'unauthorised',
    status: 'fail',
    severity: 'high',
    subject: occurrenceSubject(host, occurrence),
    message: {
      zh: `${host.id} 上的软件“${occurrence.software.name}”未列入软件目录，视为未经授权`,
      en: `"${occurrence.software.name}" on ${host.id} is not in the catalogue and counts as unauthorised`,
    },
    remediation: UNRECOGNISED_REMEDIATION,
    evidence: occurrence.evidence,
    trace: [
      ...occurrence.evidence
        .slice(0, 5)
        .map((e) => ({ step: 'evidence' as const, detail: describeEvidence(e) })),
      { step: 'recognition', detail: `"${occurrence.software.name}": no catalogue product matches` },
      ctx.parts.shared.step(
        'rule',
        ctx.policy.forbidden.mode === 'allowlist'
          ? 'unauthorised: forbidden.mode allowlist'
          : 'unauthorised: settings.unrecognised unauthorised',
      ),
    ],
  };
}
