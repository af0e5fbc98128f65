import { createReporterContext, renderJunit, renderMarkdown } from '@zhengban/reporters';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

const ctx = createReporterContext(fixtureReport);

/** Cells of a markdown table row, splitting only on unescaped pipes. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

describe('markdown reporter', () => {
  it('keeps every table row at its column count when names contain | ` * and HTML', () => {
    const report = structuredClone(fixtureReport);
    report.unrecognised.push({
      name: 'a|b `code` *x* <b>y</b>',
      versions: ['1|2'],
      hosts: 1,
      sampleHosts: ['H|1'],
    });
    const text = renderMarkdown(report, ctx);
    expect(text).toContain('| a\\|b \\`code\\` \\*x\\* &lt;b&gt;y&lt;/b&gt; |  | 1\\|2 | 1 | H\\|1 |');
    const lines = text.split('\n');
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('| ')) {
        columns = 0;
        continue;
      }
      const count = cells(line).length;
      if (columns === 0) columns = count;
      expect(count, line).toBe(columns);
    }
  });

  it('lists findings that need attention, waived ones with their justification', () => {
    const text = renderMarkdown(fixtureReport, ctx);
    expect(text).toContain('| 财政局 | CZ-001 | 已豁免（原状态：不合规） | 高 | requirements.activation |');
    expect(text).not.toContain('由 ent-win-oem 授权');
    expect(text).toContain('- **总体正版率**: 81.82%（18/22）');
  });
});

describe('junit reporter', () => {
  const xml = renderJunit(fixtureReport, ctx);

  it('has only characters XML 1.0 allows and escapes markup', () => {
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/);
    expect(xml).not.toContain('<img');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;\uFFFD破解[31m红');
    expect(xml).toContain(
      '<testsuite name="信息中心&lt;script&gt;alert(&quot;unit&quot;)&lt;/script&gt;&quot;; DROP"',
    );
  });

  it('has a suite per unit, a case per host and rule family, failures, errors and waived as skipped', () => {
    expect(xml).toContain(
      '<testsuites name="软件正版化检查报告: 某市正版化验收" tests="63" failures="7" errors="1" skipped="1">',
    );
    expect(xml).toContain(
      '<testsuite name="档案馆" tests="0" failures="0" errors="0" skipped="0" timestamp="2024-06-30"/>',
    );
    expect(xml).toContain(
      '<testcase classname="财政局.CZ-001" name="requirements">\n      <skipped message="新购设备，待统一激活（批准人：张三；工单：ZB-12；有效期至 2024-09-30）"/>',
    );
    expect(xml).toContain(
      '<testcase classname="教育局.JY-003" name="licensing">\n      <error message="无法解析版本号“12.x”，不能判断授权范围" type="licensing.unlicensed">',
    );
    expect(xml).toContain(
      '<testcase classname="教育局.JY-002" name="waivers">\n      <system-out>[警告] waivers.expired',
    );
    const families = [...xml.matchAll(/classname="财政局\.CZ-002" name="([^"]+)"/g)].map((match) => match[1]);
    expect(families).toEqual([
      'licensing',
      'requirements',
      'forbidden',
      'unauthorised',
      'preferences',
      'custom',
      'waivers',
    ]);
  });
});
