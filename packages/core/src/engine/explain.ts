/**
 * `explain(finding)`: the chain a reader needs to believe a finding — evidence → recognised product
 * → version/edition → rule → entitlement → waiver — one line each, in the reader's language.
 */
import type { Finding, Locale, TraceStep } from '../model.js';
import type { BlockReason } from './rules/allocation.js';
import { REASON_WORDS } from './rules/licensing-findings.js';

const ORDER: TraceStep['step'][] = [
  'evidence',
  'recognition',
  'version',
  'edition',
  'rule',
  'entitlement',
  'waiver',
];

const LABELS: Record<TraceStep['step'], { zh: string; en: string }> = {
  evidence: { zh: '证据', en: 'Evidence' },
  recognition: { zh: '识别', en: 'Recognised' },
  version: { zh: '版本', en: 'Version' },
  edition: { zh: '版本型', en: 'Edition' },
  rule: { zh: '规则', en: 'Rule' },
  entitlement: { zh: '许可', en: 'Entitlement' },
  waiver: { zh: '豁免', en: 'Waiver' },
};

export function explain(finding: Finding, locale: Locale = 'zh-CN'): string[] {
  const lang = locale === 'en' ? 'en' : 'zh';
  const sep = lang === 'zh' ? '：' : ': ';
  const steps = [...(finding.trace ?? [])].sort((a, b) => ORDER.indexOf(a.step) - ORDER.indexOf(b.step));
  if (!steps.some((s) => s.step === 'rule')) steps.push({ step: 'rule', detail: finding.rule });
  if (finding.waiver && !steps.some((s) => s.step === 'waiver')) {
    steps.push({
      step: 'waiver',
      detail: `${finding.waiver.id} (until ${finding.waiver.expires}): ${finding.waiver.justification}`,
    });
  }
  const lines: string[] = [];
  for (const step of steps) {
    if (step.step === 'entitlement') {
      const sentence = entitlementSentence(step.detail, lang);
      if (sentence) {
        lines.push(sentence);
        continue;
      }
    }
    const detail = step.step === 'rule' ? `${step.detail} — ${finding.message[lang]}` : step.detail;
    lines.push(`${LABELS[step.step][lang]}${sep}${detail}`);
  }
  return lines;
}

/**
 * `ENT-1: scope, seats (units 财政局)` — an entitlement tried and why it did not apply — as a
 * sentence: `许可 ENT-1 未适用：不在授权范围内、席位已用尽（units 财政局）`.
 */
function entitlementSentence(detail: string, lang: 'zh' | 'en'): string | undefined {
  const match = /^(.+?): ([a-z-]+(?:, [a-z-]+)*)(?: \((.*)\))?$/.exec(detail);
  if (!match) return undefined;
  const reasons = match[2]!.split(', ');
  if (!reasons.every((reason) => Object.hasOwn(REASON_WORDS, reason))) return undefined;
  const words = reasons.map((reason) => REASON_WORDS[reason as BlockReason][lang]);
  const id = match[1]!;
  const details = match[3];
  return lang === 'zh'
    ? `许可 ${id} 未适用：${words.join('、')}${details ? `（${details}）` : ''}`
    : `Entitlement ${id} did not apply: ${words.join(', ')}${details ? ` (${details})` : ''}`;
}
