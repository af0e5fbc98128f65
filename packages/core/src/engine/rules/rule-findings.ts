/**
 * Findings that speak of a whole computer, a whole unit or the fleet: mandatory classes missing,
 * domestic targets missed, and custom rules of every scope.
 */
import type {
  CustomRule,
  Finding,
  FindingSubject,
  LocalText,
  Policy,
  TraceStep,
  UnitStats,
} from '../../model.js';
import type { RuleVerdict } from '../custom-rules.js';
import type { Occurrence } from '../model/occurrence.js';
import { type DeadlineSettings, describeEvidence, makeFinding } from './finding-factory.js';
import type { JudgedHost } from './host-judge.js';
import { className } from './rule-catalog.js';
import { freezeShared, type SharedParts, sharedText } from './shared-parts.js';
import { hostClassFlags } from './statistics.js';

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/**
 * The wording one audit shares among its rule findings (AuditParts): a missing class's remediation,
 * a custom rule's step per fact tuple.
 */
export class RuleWordings {
  readonly missingRemediations = new Map<string, LocalText>();
  readonly customSteps = new WeakMap<object, Map<CustomRule, TraceStep>>();
}

/** What wording rule findings share with others of their audit (AuditParts has them all). */
export interface RuleParts {
  readonly shared: SharedParts;
  readonly ruleWords: RuleWordings;
}

export function missingClassFindings(
  host: JudgedHost,
  mandatory: readonly string[],
  deadlines: DeadlineSettings,
  parts: RuleParts,
): Finding[] {
  const findings: Finding[] = [];
  for (const cls of mandatory) {
    if (hostClassFlags(host, cls).installed) continue;
    const words = className(cls);
    const osNote =
      cls === 'os' && host.os && !host.osRecognition
        ? {
            zh: `（读取到的操作系统“${host.os.name}”不在软件目录中）`,
            en: ` (the OS read, "${host.os.name}", is not in the catalogue)`,
          }
        : { zh: '', en: '' };
    findings.push(
      makeFinding(
        {
          rule: `requirements.missing.${cls}`,
          status: 'fail',
          severity: 'high',
          subject: { host: host.id, unit: host.unit, class: cls },
          message: {
            zh: `${host.id} 没有已识别的${words.zh}${osNote.zh}`,
            en: `${host.id} has no recognised ${words.en}${osNote.en}`,
          },
          remediation: missingRemediation(cls, words, parts.ruleWords),
          evidence: host.os?.evidence && cls === 'os' ? [host.os.evidence] : [],
          trace: [
            parts.shared.step('rule', `requirements.missing.${cls}: no installation of category ${cls}`),
          ],
        },
        deadlines,
      ),
    );
  }
  return findings;
}

function missingRemediation(cls: string, words: LocalText, wordings: RuleWordings): LocalText {
  let text = wordings.missingRemediations.get(cls);
  if (text === undefined) {
    text = sharedText(
      `安装正版${words.zh}并登记台账`,
      `Install a licensed ${words.en} and record it in the ledger`,
    );
    wordings.missingRemediations.set(cls, text);
  }
  return text;
}

export function domesticFindings(row: UnitStats, policy: Policy, deadlines: DeadlineSettings): Finding[] {
  const findings: Finding[] = [];
  for (const target of policy.preferences.domestic) {
    const rate = row.rates.domestic[target.class];
    const stats = row.classes[target.class];
    if (rate === null || rate === undefined || !stats || rate >= target.target) continue;
    const words = className(target.class);
    findings.push(
      makeFinding(
        {
          rule: `preferences.domestic.${target.class}`,
          status: target.outcome.status,
          severity: target.outcome.severity,
          subject: { unit: row.unit, class: target.class },
          message: {
            zh: `${row.unit}的${words.zh}国产化率为 ${percent(rate)}（${stats.domestic}/${stats.installed}），低于目标 ${percent(target.target)}`,
            en: `${row.unit}: domestic rate for ${words.en} is ${percent(rate)} (${stats.domestic}/${stats.installed}), below the target of ${percent(target.target)}`,
          },
          remediation: { zh: `逐步替换为国产${words.zh}`, en: `Move to domestic ${words.en} products` },
          evidence: target.location
            ? [{ source: 'policy', ...target.location, detail: `preferences.domestic ${target.class}` }]
            : [],
          trace: [
            {
              step: 'rule',
              detail: `preferences.domestic.${target.class}: ${stats.domestic}/${stats.installed} = ${percent(rate)} < ${percent(target.target)}`,
            },
          ],
        },
        deadlines,
      ),
    );
  }
  return findings;
}

/** A custom rule's finding when its verdict fired (or could not be reached: `error`). */
export function customFinding(
  rule: CustomRule,
  verdict: RuleVerdict,
  subject: FindingSubject,
  facts: Record<string, unknown>,
  deadlines: DeadlineSettings,
  parts: RuleParts,
  occurrence?: Occurrence,
): Finding | undefined {
  if ('fired' in verdict && !verdict.fired) return undefined;
  const error = 'error' in verdict ? verdict.error : undefined;
  const id = `custom.${rule.id}`;
  const draft: Parameters<typeof makeFinding>[0] = {
    rule: id,
    status: error ? 'error' : rule.outcome.status,
    severity: rule.outcome.severity,
    subject,
    message: error
      ? {
          zh: `${rule.message.zh}（无法判断：${error}）`,
          en: `${rule.message.en} (cannot be judged: ${error})`,
        }
      : parts.shared.frozenCopy(rule.message),
    evidence: occurrence?.evidence ?? [],
    trace: [
      ...(occurrence?.evidence ?? [])
        .slice(0, 5)
        .map((e) => ({ step: 'evidence' as const, detail: describeEvidence(e) })),
      error
        ? { step: 'rule', detail: `${customRuleDetail(id, rule, facts)}: error ${error}` }
        : customRuleStep(id, rule, facts, parts.ruleWords),
    ],
  };
  if (rule.remediation) draft.remediation = parts.shared.frozenCopy(rule.remediation);
  return makeFinding(draft, deadlines);
}

function customRuleDetail(id: string, rule: CustomRule, facts: Record<string, unknown>): string {
  const factText = Object.entries(facts)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
  return `${id} (scope ${rule.scope}) on ${factText || 'no facts'}`;
}

/**
 * The rule step of a custom rule that fired on one tuple of facts: the same on every finding of
 * that tuple (thousands of hosts), so made once, frozen, per tuple object and rule.
 */
function customRuleStep(
  id: string,
  rule: CustomRule,
  facts: Record<string, unknown>,
  wordings: RuleWordings,
): TraceStep {
  let byRule = wordings.customSteps.get(facts);
  if (byRule === undefined) {
    byRule = new Map();
    wordings.customSteps.set(facts, byRule);
  }
  let step = byRule.get(rule);
  if (step === undefined) {
    step = freezeShared({ step: 'rule' as const, detail: customRuleDetail(id, rule, facts) });
    byRule.set(rule, step);
  }
  return step;
}
