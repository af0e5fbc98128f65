/**
 * Turns the allocation's verdict on each commercial installation into a finding (or none when it is
 * covered): licensing.expired / .version / .edition when that is the only thing in the way,
 * versions.unparseable when only an unreadable version is, licensing.unlicensed otherwise — or
 * `unauthorised` in allowlist mode for a product the ledger has no line for at all.
 */
import type { Entitlement, Finding, LicenseModel, LocalText, TraceStep, VersionScheme } from '../../model.js';
import type { BlockReason, CoverageVerdict } from './allocation.js';
import { type DeadlineSettings, makeFinding } from './finding-factory.js';
import type { JudgedHost, JudgedInstallation } from './host-judge.js';
import { type InstallationTraces, installationTrace, versionSteps } from './installation-trace.js';
import { licenseAt } from './licence-model.js';
import { parentScopeNote } from './parent-scope.js';
import { constantStep, freezeShared, type SharedParts, sharedText } from './shared-parts.js';

/** Why an entitlement did not apply, in both locales (also used by `explain`). */
export const REASON_WORDS: Record<BlockReason, LocalText> = {
  scope: { zh: '不在授权范围内', en: 'out of its scope' },
  retired: { zh: '已报废', en: 'retired' },
  disposed: { zh: '已处置', en: 'disposed of' },
  expired: { zh: '已过期', en: 'expired' },
  'not-yet-valid': { zh: '尚未生效', en: 'not yet valid' },
  version: { zh: '版本不在范围内', en: 'version out of range' },
  unparseable: { zh: '版本号无法解析', en: 'version unreadable' },
  edition: { zh: '版本型不符', en: 'edition not covered' },
  seats: { zh: '席位已用尽', en: 'no free seat' },
};

function describeBlocker(
  entitlement: Entitlement | undefined,
  id: string,
  reasons: BlockReason[],
): { zh: string; en: string; trace: string } {
  const seats = entitlement && typeof entitlement.seats === 'number' ? entitlement.seats : undefined;
  const zh = reasons.map((r) =>
    r === 'seats' && seats !== undefined ? `席位已用尽（共 ${seats} 个）` : REASON_WORDS[r].zh,
  );
  const en = reasons.map((r) =>
    r === 'seats' && seats !== undefined ? `no free seat (${seats} seats)` : REASON_WORDS[r].en,
  );
  const details: string[] = [];
  if (entitlement?.versions) details.push(`versions ${entitlement.versions}`);
  if (entitlement?.editions) details.push(`editions ${entitlement.editions.join('|')}`);
  if (entitlement?.expires) details.push(`expires ${entitlement.expires}`);
  if (entitlement?.scope?.units) details.push(`units ${entitlement.scope.units.join('|')}`);
  if (entitlement?.scope?.hosts) details.push(`hosts ${entitlement.scope.hosts.join('|')}`);
  return {
    zh: `${id}：${zh.join('、')}`,
    en: `${id}: ${en.join(', ')}`,
    trace: `${id}: ${reasons.join(', ')}${details.length ? ` (${details.join('; ')})` : ''}`,
  };
}

interface VerdictWords {
  ledger: Map<string, Entitlement>;
  blockers: ReturnType<typeof describeBlocker>[];
  why: LocalText;
  /** One frozen trace step per blocker, shared by every finding of the verdict. */
  steps: readonly TraceStep[];
}

/**
 * The auditor shares one verdict object among every installation it applies to (hundreds of
 * thousands lack a seat of one pool), so its wording is made once per verdict and ledger: one
 * table per audit (AuditParts).
 */
export class VerdictWordings {
  readonly byVerdict = new WeakMap<CoverageVerdict, VerdictWords>();
}

/** What wording a licensing finding shares with others of its audit (AuditParts has them all). */
export interface LicensingParts {
  readonly shared: SharedParts;
  readonly traces: InstallationTraces;
  readonly verdicts: VerdictWordings;
}

function describeVerdict(
  coverage: CoverageVerdict,
  product: string,
  ledger: Map<string, Entitlement>,
  wordings: VerdictWordings,
): VerdictWords {
  const known = wordings.byVerdict.get(coverage);
  if (known && known.ledger === ledger) return known;
  const blockers = coverage.blockers.map((b) =>
    describeBlocker(ledger.get(b.entitlement), b.entitlement, b.reasons),
  );
  const why: LocalText = blockers.length
    ? { zh: blockers.map((b) => b.zh).join('；'), en: blockers.map((b) => b.en).join('; ') }
    : { zh: `台账中没有 ${product} 的许可`, en: `the ledger has no entitlement for ${product}` };
  const steps = blockers.map((b) => freezeShared({ step: 'entitlement' as const, detail: b.trace }));
  const words = { ledger, blockers, why, steps };
  // Without blockers the wording names the product, which the verdict does not hold.
  if (blockers.length > 0) wordings.byVerdict.set(coverage, words);
  return words;
}

/** The rule a non-covered installation's finding has, known before the finding is worded. */
export function licensingRule(
  coverage: CoverageVerdict,
  product: string,
  productsWithEntitlements: Set<string>,
  allowlist: boolean,
): string {
  switch (coverage.outcome) {
    case 'covered':
      return 'none';
    case 'expired':
      return 'licensing.expired';
    case 'version':
      return 'licensing.version';
    case 'edition':
      return 'licensing.edition';
    case 'unparseable':
      return 'versions.unparseable';
    default:
      return allowlist && !productsWithEntitlements.has(product) ? 'unauthorised' : 'licensing.unlicensed';
  }
}

const VERSION_REMEDIATION = sharedText(
  '核对该软件的实际版本号，或修正软件目录的版本方案',
  'Check the real version, or fix the product’s version scheme in the catalogue',
);
/**
 * Why a model that looks free still needs a licence, said in the finding: an officer who sees
 * TeamViewer or Xshell flagged should not have to guess that "free" meant free at home.
 */
/** A product's version scheme, as the Chinese message of an unreadable version names it. */
const SCHEME_WORDS: Readonly<Record<VersionScheme, string>> = {
  auto: '该产品的版本号规则',
  windows: ' Windows 版本号规则（a.b.c.d）',
  semver: '语义化版本规则（semver）',
  dpkg: ' Debian 软件包版本规则（dpkg）',
  rpm: ' RPM 软件包版本规则',
};

const MODEL_WORDS: Partial<Record<LicenseModel, { text: LocalText; step: TraceStep }>> = {
  'personal-use': {
    text: sharedText(
      '该软件仅限个人免费使用，单位使用须取得商业许可',
      'free for personal use only; an agency needs a licence',
    ),
    step: constantStep(
      'rule',
      'license: personal-use (free for personal use only; needs an entitlement in an agency)',
    ),
  },
  unreviewed: {
    text: sharedText(
      '软件目录尚未核定该软件的许可方式，暂按商业软件处理',
      'the catalogue has not decided its licence model yet; judged as commercial until it does',
    ),
    step: constantStep(
      'rule',
      'license: unreviewed (judged as commercial until the catalogue entry is filled in)',
    ),
  },
};

const LICENCE_REMEDIATION = sharedText(
  '购买或调配许可并登记台账，或卸载该软件',
  'Buy or reassign a licence and record it in the ledger, or uninstall the software',
);

export function licensingFinding(
  host: JudgedHost,
  installation: JudgedInstallation,
  coverage: CoverageVerdict,
  ledger: Map<string, Entitlement>,
  productsWithEntitlements: Set<string>,
  allowlist: boolean,
  deadlines: DeadlineSettings,
  parts: LicensingParts,
  parentOf?: ReadonlyMap<string, string>,
): Finding | undefined {
  const item = installation.state;
  if (coverage.outcome === 'covered') return undefined;
  const product = item.product;
  const label = `${item.software.name}${item.version ? ` ${item.version}` : ''}`;
  const { steps, why } = describeVerdict(coverage, product.id, ledger, parts.verdicts);
  const trace: TraceStep[] = installationTrace(item, parts.traces);
  for (const step of versionSteps(item, parts.traces)) trace.push(step);

  const rule = licensingRule(coverage, product.id, productsWithEntitlements, allowlist);
  let status: 'fail' | 'error' = 'fail';
  let severity: 'high' | 'medium' = 'high';
  let message: LocalText;
  switch (rule) {
    case 'licensing.expired':
      message = {
        zh: `${host.id} 上的 ${label} 仅被已过期的许可覆盖（${why.zh}）`,
        en: `${label} on ${host.id} is covered only by an expired entitlement (${why.en})`,
      };
      break;
    case 'licensing.version':
      message = {
        zh: `${host.id} 上的 ${label} 版本不在许可的版本范围内（${why.zh}）`,
        en: `${label} on ${host.id} is outside the version range of its entitlements (${why.en})`,
      };
      break;
    case 'licensing.edition':
      message = {
        zh: `${host.id} 上的 ${label} 版本型 ${item.edition ?? '未知'} 不在许可覆盖范围内（${why.zh}）`,
        en: `${label} on ${host.id}: edition ${item.edition ?? 'unknown'} is not covered by its entitlements (${why.en})`,
      };
      break;
    case 'versions.unparseable':
      status = 'error';
      severity = 'medium';
      message = {
        // The reader's words; the parser's own reason (English) stays in `en` for whoever fixes the inventory.
        zh: `${host.id} 上的 ${item.software.name} 版本号“${item.version ?? ''}”无法按${SCHEME_WORDS[product.versionScheme]}读取，无法判断是否在许可的版本范围内`,
        en: `${item.software.name} on ${host.id}: version "${item.version ?? ''}" cannot be read, so the entitlement's version range cannot be judged: ${coverage.versionError ?? ''}`,
      };
      break;
    case 'unauthorised':
      message = {
        zh: `${host.id} 上的 ${label} 没有任何许可，白名单模式下视为未经授权`,
        en: `${label} on ${host.id} has no entitlement at all and is unauthorised in allowlist mode`,
      };
      break;
    default: {
      const model = MODEL_WORDS[licenseAt(product, item.version)];
      message = {
        zh: `${host.id} 上的 ${label} 没有有效许可（${why.zh}）${model ? `；${model.text.zh}` : ''}`,
        en: `${label} on ${host.id} is not covered by any entitlement (${why.en})${model ? `; ${model.text.en}` : ''}`,
      };
      if (model) trace.push(model.step);
    }
  }
  const note = parentScopeNote(host.unit, coverage.blockers, ledger, parentOf);
  if (note) message = { zh: `${message.zh}${note.zh}`, en: `${message.en}${note.en}` };
  trace.push(parts.shared.step('rule', rule));
  for (const step of steps) trace.push(step);
  return makeFinding(
    {
      rule,
      status,
      severity,
      subject: {
        host: host.id,
        unit: host.unit,
        product: product.id,
        class: product.category,
        software: item.software,
      },
      message,
      remediation: status === 'error' ? VERSION_REMEDIATION : LICENCE_REMEDIATION,
      evidence: item.evidence,
      trace,
    },
    deadlines,
  );
}
