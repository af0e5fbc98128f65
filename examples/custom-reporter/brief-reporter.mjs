/**
 * A complete custom reporter: a one-page brief for the leading group (领导小组简报) — the overall
 * genuine rate, the units still below 100 %, licence shortfalls and how many findings are open.
 *
 *   zhengban audit … --report ./examples/custom-reporter/brief-reporter.mjs:brief.txt
 *   node examples/custom-reporter/brief-reporter.mjs report.json [en]    (a saved json report)
 *
 * A reporter is a plain object { name, extension, render(report, ctx) }; render is pure and
 * returns text (or bytes). ctx.locale is 'zh-CN' or 'en'.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineReporter } from '@zhengban/core';

const TEXT = {
  'zh-CN': {
    title: (policy, asOf) => `正版化工作简报 · ${policy} · 截至 ${asOf}`,
    overall: '总体正版率',
    behind: '未达 100% 的单位：',
    allDone: '各单位均已达到 100%。',
    shortfall: (id, product, n) => `授权缺口：${id}（${product}）缺 ${n} 套`,
    open: (open, waived) => `待整改问题 ${open} 条，已豁免 ${waived} 条`,
  },
  en: {
    title: (policy, asOf) => `Genuine software brief · ${policy} · as of ${asOf}`,
    overall: 'Overall genuine rate',
    behind: 'Units below 100%:',
    allDone: 'Every unit is at 100%.',
    shortfall: (id, product, n) => `Licence shortfall: ${id} (${product}) is ${n} short`,
    open: (open, waived) => `${open} findings to fix, ${waived} waived`,
  },
};

/** `98.33% (59/60)`, from the counts so the reader can check it; `—` when nothing is installed. */
function rate(classes, mandatory, locale) {
  let genuine = 0;
  let installed = 0;
  for (const name of mandatory) {
    genuine += classes[name]?.genuine ?? 0;
    installed += classes[name]?.installed ?? 0;
  }
  if (installed === 0) return { text: '—', complete: true };
  let hundredths = Math.round((genuine * 10000) / installed);
  // A unit at 99.996 % must not read as 100.00 %.
  if (hundredths === 10000 && genuine < installed) hundredths = 9999;
  const percent = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
  const fraction = locale === 'en' ? ` (${genuine}/${installed})` : `（${genuine}/${installed}）`;
  return { text: percent + fraction, complete: genuine === installed };
}

/** Report strings are untrusted: keep them on one line and free of terminal escapes. */
const clean = (value) => String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

export function briefReporter() {
  return defineReporter({
    name: 'brief',
    extension: 'txt',
    render(report, ctx) {
      const text = TEXT[ctx.locale] ?? TEXT['zh-CN'];
      const lines = [text.title(clean(report.policy.name), report.asOf)];
      lines.push(`${text.overall} ${rate(report.totals.classes, report.classes, ctx.locale).text}`);
      const behind = report.units
        .map((unit) => ({ unit, rate: rate(unit.classes, report.classes, ctx.locale) }))
        .filter((row) => !row.rate.complete);
      if (behind.length === 0) lines.push(text.allDone);
      else lines.push(text.behind, ...behind.map((row) => `  ${clean(row.unit.unit)} ${row.rate.text}`));
      for (const position of report.entitlements) {
        if (position.shortfall > 0)
          lines.push(text.shortfall(clean(position.id), clean(position.product), position.shortfall));
      }
      const open = report.findings.filter(
        (f) => !f.waiver && (f.status === 'fail' || f.status === 'error'),
      ).length;
      const waived = report.findings.filter((f) => f.waiver).length;
      lines.push(text.open(open, waived));
      return `${lines.join('\n')}\n`;
    },
  });
}

export default briefReporter();

// Run directly: render a saved json report (`zhengban audit … --report json:report.json`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const locale = process.argv[3] === 'en' ? 'en' : 'zh-CN';
  const ctx = { locale, color: false, options: {}, rulesMeta: {}, logger: console };
  process.stdout.write(await briefReporter().render(report, ctx));
}
