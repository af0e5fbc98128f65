/**
 * `explain(finding)`: the chain a reader needs to believe a finding — evidence → recognised product
 * → version/edition → rule → entitlement → waiver — one line each, in the reader's language.
 */
import type { Finding, Locale, TraceStep } from '../model.js';

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
    const detail = step.step === 'rule' ? `${step.detail} — ${finding.message[lang]}` : step.detail;
    lines.push(`${LABELS[step.step][lang]}${sep}${detail}`);
  }
  return lines;
}
