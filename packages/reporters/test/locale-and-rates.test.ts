import {
  createReporterContext,
  formatRate,
  formatRateExplained,
  getReporter,
  localText,
  t,
} from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

describe('formatRate', () => {
  it.each([
    [0.875, '87.50%'],
    [2 / 3, '66.67%'],
    [0.145, '14.50%'],
    [1, '100.00%'],
    [0, '0.00%'],
    [9 / 11, '81.82%'],
  ])('%d → %s', (rate, text) => {
    expect(formatRate(rate, 'zh-CN')).toBe(text);
  });

  it('never rounds a shortfall up to 100% nor a little down to 0%', () => {
    expect(formatRate(19999 / 20000, 'en')).toBe('99.99%');
    expect(formatRate(1 / 100000, 'en')).toBe('0.01%');
  });

  it('shows — for a class no computer has, and the fraction next to the rate', () => {
    expect(formatRate(null, 'zh-CN')).toBe('—');
    expect(formatRateExplained(0.95, 19, 20, 'en')).toBe('95.00% (19/20)');
    expect(formatRateExplained(0.95, 19, 20, 'zh-CN')).toBe('95.00%（19/20）');
    expect(formatRateExplained(null, 0, 0, 'en')).toBe('—');
  });
});

describe('locales', () => {
  it('translates labels and fills placeholders', () => {
    expect(t('stats.unit', 'zh-CN')).toBe('单位');
    expect(t('stats.unit', 'en')).toBe('Unit');
    expect(t('finding.waivedAs', 'en', { status: 'fail' })).toBe('waived (raw status: fail)');
    expect(localText({ zh: '中文', en: '' }, 'en')).toBe('中文');
  });

  it.each(['console', 'markdown', 'html', 'junit'])('%s labels differ between zh-CN and en', async (name) => {
    const render = async (locale: 'zh-CN' | 'en') =>
      String(
        await getReporter(name)!.render(fixtureReport, createReporterContext(fixtureReport, { locale })),
      );
    const zh = await render('zh-CN');
    const en = await render('en');
    expect(zh).toContain('软件正版化检查报告');
    expect(en).toContain('Genuine software audit report');
    expect(en).not.toContain('软件正版化检查报告');
    expect(en).not.toContain('不合规');
  });

  it('zh-CN is the default locale', () => {
    expect(createReporterContext(fixtureReport).locale).toBe('zh-CN');
    expect(createReporterContext(fixtureReport).rulesMeta['requirements.edition']?.defaultSeverity).toBe(
      'medium',
    );
  });
});
