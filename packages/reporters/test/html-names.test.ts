/**
 * The HTML report names things for people: products by their catalogue name beside the id, rules
 * by their description beside the id (the browser tests check the drawn rows), 生成时间 in local time.
 */
import { createReporterContext, renderHtml } from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

describe('html names', () => {
  const report = {
    ...fixtureReport,
    products: [
      { id: 'windows-10', name: 'Windows 10 专业版' },
      { id: 'ms-office-2016', name: 'Microsoft Office 2016 专业增强版' },
    ],
  };
  const html = renderHtml(report, createReporterContext(report));

  it('shows a licence product by its name and id', () => {
    const ledger = html.slice(html.indexOf('id="ledger-table"'));
    expect(ledger).toContain('<td>Windows 10 专业版（windows-10）</td>');
    expect(ledger).toContain('<td>Microsoft Office 2016 专业增强版（ms-office-2016）</td>');
    // A product the report has no name for keeps its id.
    expect(ledger).toContain('<td>wps-office</td>');
  });

  it('shows each rule with its description in the rule filter', () => {
    expect(html).toContain(
      '<option value="requirements.activation">requirements.activation（操作系统和办公软件须正常激活）</option>',
    );
  });

  it('shows 生成时间 in the local time of the machine that rendered it, with its offset', () => {
    // generatedAt 2024-06-30T09:00:00+08:00; vitest runs with TZ=Asia/Shanghai (vitest.config.ts).
    expect(html).toContain('生成时间: 2024-06-30 09:00:00 UTC+08:00');
    const utc = renderHtml({ ...report, generatedAt: '2024-06-30T01:00:00Z' }, createReporterContext(report));
    expect(utc).toContain('生成时间: 2024-06-30 09:00:00 UTC+08:00');
  });
});
