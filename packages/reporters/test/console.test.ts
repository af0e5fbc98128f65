import { createReporterContext, renderConsole } from '@zhengban/reporters';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

const ANSI = /\u001b\[/;

describe('console reporter', () => {
  it('has no ANSI codes without colour (no TTY or NO_COLOR), even from a name carrying an escape', () => {
    const text = renderConsole(
      fixtureReport,
      createReporterContext(fixtureReport, { color: false, options: { columns: 200 } }),
    );
    expect(text).not.toMatch(ANSI);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    // The hostile name's ESC became U+FFFD, the rest of it is shown as text.
    expect(text).toContain('未授权软件：<img src=x onerror=alert(1)>\uFFFD破解\uFFFD\uFFFD[31m红');
  });

  it('colours only when asked, and still never passes a report string’s escape through', () => {
    const text = renderConsole(fixtureReport, createReporterContext(fixtureReport, { color: true }));
    expect(text).toMatch(ANSI);
    expect(text).not.toContain('\u001b[31m红');
    expect(text).toContain('\u001b[31m[不合规]\u001b[39m');
  });

  it('aligns columns by display width with Chinese names (rate columns end at one width)', () => {
    const text = renderConsole(
      fixtureReport,
      createReporterContext(fixtureReport, { options: { columns: 200 } }),
    );
    const lines = text.slice(0, text.indexOf('问题清单')).split('\n');
    const rateRows = lines.filter((line) => /%（\d+\/\d+）/.test(line));
    expect(rateRows.length).toBe(15);
    const ends = new Set(rateRows.map((line) => stringWidth(line.slice(0, line.indexOf('）') + 1))));
    expect([...ends]).toHaveLength(1);
    const header = lines.find((line) => line.startsWith('单位'))!;
    expect(stringWidth(header.slice(0, header.indexOf('正版率') + 3))).toBe([...ends][0]);
  });

  it('prints the totals, findings grouped by unit then host, the licence position and input counts', () => {
    const text = renderConsole(
      fixtureReport,
      createReporterContext(fixtureReport, { options: { columns: 200 } }),
    );
    expect(text).toMatch(/^合计 +52 +8 +操作系统 +8 +7 +2 +0 +87\.50%（7\/8） +25\.00%（2\/8） +3$/m);
    expect(text).toMatch(/^ +必备类合计 +22 +18 +81\.82%（18\/22）$/m);
    expect(text).toMatch(/^档案馆 +6 +0 +操作系统 +0 +0 +0 +0 +— +— +0$/m);
    const order = [
      '\n财政局\n  CZ-001\n',
      '\n  CZ-002\n',
      '\n教育局\n  （单位整体）\n',
      '\n  JY-002\n',
      '\n信息中心<script>',
    ];
    const findings = text.slice(text.indexOf('问题清单'));
    const positions = order.map((marker) => findings.indexOf(marker));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain(
      '      豁免: 新购设备，待统一激活（批准人：张三；工单：ZB-12；有效期至 2024-09-30）',
    );
    expect(text).toMatch(
      /^ent-office-2016 +ms-office-2016 +批量许可 +3 +3 +0 +1 +有效 +2019-09-01 至 2026-12-31$/m,
    );
    expect(text).toContain('  csv:inventory/财政局.csv：读取 60，接受 58（其中忽略 5），拒绝 2');
    expect(text).toContain('输入问题 4 条（错误 3，警告 1，提示 0）');
    expect(text).toContain(
      '  inventory/财政局.csv:17  错误  第 17 行有 5 列，表头有 7 列  (csv.column-count)',
    );
    // Passing and skipped findings are counted, not listed.
    expect(text).toContain('不合规 7 · 错误 1 · 警告 2 · 已豁免 1 · 通过 1 · 跳过 1');
    expect(text).not.toContain('由 ent-win-oem 授权');
  });

  it("shows a problem worded in both locales in the reader's locale", () => {
    const report = structuredClone(fixtureReport);
    report.problems = [
      {
        file: 'policy.yaml',
        line: 37,
        column: 22,
        message: 'The unit name "县公安局 " starts or ends with a space, so it equals no unit',
        text: {
          zh: '单位“县公安局 ”首尾有空格，与任何单位都不会相同',
          en: 'The unit name "县公安局 " starts or ends with a space, so it equals no unit',
        },
        severity: 'warning',
        code: 'policy.name-space',
        source: 'policy',
      },
    ];
    // A wide terminal: at 80 columns the line would fold (tested elsewhere).
    const wide = { columns: 160 };
    const zh = renderConsole(report, createReporterContext(report, { color: false, options: wide }));
    expect(zh).toContain(
      '  policy.yaml:37:22  警告  单位“县公安局 ”首尾有空格，与任何单位都不会相同  (policy.name-space)',
    );
    const en = renderConsole(
      report,
      createReporterContext(report, { color: false, locale: 'en', options: wide }),
    );
    expect(en).toContain(
      '  policy.yaml:37:22  warning  The unit name "县公安局 " starts or ends with a space',
    );
  });

  it('lists at most 20 problems and counts the rest', () => {
    const report = structuredClone(fixtureReport);
    report.problems = Array.from({ length: 23 }, (_, index) => ({
      file: 'big.csv',
      line: index + 2,
      message: `第 ${index + 2} 行无法读取`,
      severity: 'error' as const,
      code: 'csv.row',
      source: 'csv',
    }));
    const text = renderConsole(report, createReporterContext(report, { locale: 'en' }));
    expect(text).toContain('  big.csv:21  error  第 21 行无法读取  (csv.row)');
    expect(text).not.toContain('big.csv:22 ');
    expect(text).toContain('  … 3 more, see the JSON or HTML report');
  });

  it('gives the share of software recognised and the unrecognised titles with publisher and samples', () => {
    const report = structuredClone(fixtureReport);
    report.stats = { softwareRecognised: 191, softwareUnrecognised: 9, softwareSystemComponents: 40 };
    report.unrecognised = Array.from({ length: 17 }, (_, index) => ({
      name: `Tool ${index + 1}`,
      ...(index === 0 ? { publisher: 'Acme Ltd.' } : {}),
      versions: ['1.0'],
      hosts: 17 - index,
      sampleHosts: ['PC-01', 'PC-02'],
    }));
    const text = renderConsole(report, createReporterContext(report, { options: { columns: 160 } }));
    expect(text).toContain(
      '软件识别率 95.50%（已识别安装 191 套 / 已识别与未识别合计 200 套，不含系统组件 40 套）。',
    );
    expect(text).toMatch(/^ {2}Tool 1 +17 +Acme Ltd\. +PC-01, PC-02$/m);
    expect(text).toMatch(/^ {2}Tool 2 +16 +PC-01, PC-02$/m);
    expect(text).not.toContain('Tool 16');
    expect(text).toContain('……另有 2 种');
  });

  it('never writes a line wider than the terminal: 80 columns gives per-class blocks, names continue below', () => {
    for (const color of [false, true]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = renderConsole(
          fixtureReport,
          createReporterContext(fixtureReport, { color, locale, options: { columns: 80 } }),
        );
        const widest = Math.max(...text.split('\n').map((line) => stringWidth(line)));
        expect(widest).toBeLessThanOrEqual(80);
      }
    }
    const text = renderConsole(
      fixtureReport,
      createReporterContext(fixtureReport, { options: { columns: 80 } }),
    );
    // The summary per unit, then one block per class with a line per unit and the totals.
    expect(text).toMatch(/^合计 +52 +8 +81\.82%（18\/22） +3$/m);
    expect(text).toMatch(/^办公软件$/m);
    expect(text).toMatch(/^教育局 +3 +2 +3 +0 +66\.67% +100\.00%$/m);
    // The hostile unit's name is longer than its column: it continues on the next line, whole.
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('信息中心<script>alert("unit")'));
    expect(lines[at + 1]!.trim()).toMatch(/"; DROP$/);
    // The validity moves under its licence.
    expect(text).toContain('\n    有效期: 2019-09-01 至 2026-12-31\n');
    // Without a width the report assumes 80; a wide terminal gets the wide table.
    expect(renderConsole(fixtureReport, createReporterContext(fixtureReport))).toBe(text);
    const wide = renderConsole(
      fixtureReport,
      createReporterContext(fixtureReport, { options: { columns: 160 } }),
    );
    expect(wide).toMatch(/^单位 +编制人数 +计算机总数 +类别 +已安装/m);
  });

  it('folds a long message at the width and keeps all of it', () => {
    const report = structuredClone(fixtureReport);
    const long = `${'很长的说明'.repeat(30)}END`;
    report.findings[0]!.message = { zh: long, en: long };
    const text = renderConsole(report, createReporterContext(report, { options: { columns: 60 } }));
    expect(Math.max(...text.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(60);
    expect(text.replace(/\n +/g, '')).toContain(long);
  });

  it('lists the unrecognised titles on the most computers, not only their count', () => {
    const report = structuredClone(fixtureReport);
    report.unrecognised = Array.from({ length: 18 }, (_, index) => ({
      name: `软件${index}`,
      publisher: '某公司',
      versions: ['1.0'],
      hosts: index + 1,
      sampleHosts: [],
    }));
    const text = renderConsole(report, createReporterContext(report, { options: { columns: 80 } }));
    const section = text.slice(text.indexOf('未识别软件\n'));
    expect(section).toContain('未识别软件 18 种，涉及计算机 171 台次，请人工核查。');
    expect(section).toMatch(/^ {2}软件17 +18 +某公司/m);
    expect(section.indexOf('软件17')).toBeLessThan(section.indexOf('软件16'));
    expect(section).not.toMatch(/软件2 /);
    expect(section).toContain('……另有 3 种，见 xlsx、csv 或 HTML 报告的未识别软件表');
  });
});
