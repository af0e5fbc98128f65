/**
 * The HTML statistics form and the paged findings in headless Chromium (see html-browser.test.ts
 * for the browser set-up). `FORM_SCREENSHOT=path.png` also writes a screenshot of the form page.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ComplianceReport, Finding } from '@zhengban/core';
import { createReporterContext, renderHtml } from '@zhengban/reporters';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const describeBrowser = (name: string, body: () => void) =>
  describe.skipIf(!hasChromium)(
    hasChromium ? name : `${name} — skipped: ${CHROMIUM} is absent (apt-get install chromium)`,
    body,
  );

const SCRIPT_BREAKOUT = '</script><script>alert("data")</script><!--';

/** 250 findings: the fixture's first finding on 250 hosts of 教育局, one carrying a script breakout. */
function manyFindings(): ComplianceReport {
  const base = fixtureReport.findings[0]!;
  const findings: Finding[] = Array.from({ length: 250 }, (_, index) => ({
    ...base,
    id: `f-${index}`,
    subject: { ...base.subject, host: `JY-${String(index).padStart(3, '0')}` },
    message: index === 7 ? { zh: SCRIPT_BREAKOUT, en: SCRIPT_BREAKOUT } : base.message,
    severity: index % 2 === 0 ? 'high' : 'low',
  }));
  return {
    ...fixtureReport,
    policy: { ...fixtureReport.policy, owner: '某市人民政府办公室' },
    findings,
  };
}

describeBrowser('html statistics form and paged findings in headless chromium', () => {
  let browser: Browser;
  let page: Page;
  let folder: string;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    folder = mkdtempSync(join(tmpdir(), 'zhengban-form-'));
    const report = manyFindings();
    const file = join(folder, 'report.html');
    writeFileSync(file, renderHtml(report, createReporterContext(report)));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens on the form: title, body, as-of date, class headers over their measures, signature lines', async () => {
    expect(await page.locator('#form h2').textContent()).toBe('某市人民政府办公室软件正版化工作情况统计表');
    expect(await page.locator('#form .form-meta').textContent()).toBe(
      '填报单位：某市人民政府办公室截至日期：2024-06-30',
    );
    const classHeader = page.locator('#statistics-table thead th[colspan="5"]');
    expect(await classHeader.allTextContents()).toEqual(['操作系统', '办公软件', '杀毒软件']);
    expect(await page.locator('#statistics-table tr.subtotal th').textContent()).toBe('市政府 小计');
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('#statistics-table tr.totals td')).fontWeight",
      ),
    ).toBe('700');
    const indent = await page.evaluate(
      "parseFloat(getComputedStyle(document.querySelector('#statistics-table tr.depth-1 th')).paddingLeft)",
    );
    expect(indent).toBeGreaterThan(20);
    expect(await page.locator('#form .sign-label').allTextContents()).toEqual([
      '单位负责人（签字）：',
      '（盖章）',
      '填报人：',
      '联系电话：',
      '填报日期：',
    ]);
    // The form is the first thing on screen.
    const box = await page.locator('#form .signatures').boundingBox();
    expect(box!.y + box!.height).toBeLessThan(900);
    if (process.env.FORM_SCREENSHOT) await page.screenshot({ path: process.env.FORM_SCREENSHOT });
  });

  it('uses a Chinese font stack that starts with Microsoft YaHei and shows 生成时间 in local time', async () => {
    const family = await page.evaluate('getComputedStyle(document.body).fontFamily');
    expect(family).toMatch(/^"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"/);
    expect(family).toMatch(/sans-serif$/);
    // generatedAt 2024-06-30T09:00:00+08:00; the tests run with TZ=Asia/Shanghai.
    expect(await page.locator('header .meta').textContent()).toContain(
      '生成时间: 2024-06-30 09:00:00 UTC+08:00',
    );
  });

  it('draws one page of 100 findings at a time, pages through all 250, and filters across pages', async () => {
    const rows = page.locator('#findings-table tbody tr');
    expect(await rows.count()).toBe(100);
    expect(await page.locator('#findings-shown').textContent()).toBe('显示 250 / 250 条');
    expect(await page.locator('#findings-page').textContent()).toBe('第 1 / 3 页');
    expect(await page.locator('#findings-prev').isDisabled()).toBe(true);
    await page.click('#findings-next');
    await page.click('#findings-next');
    expect(await page.locator('#findings-page').textContent()).toBe('第 3 / 3 页');
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('JY-200');
    expect(await page.locator('#findings-next').isDisabled()).toBe(true);
    await page.selectOption('#filter-severity', 'low');
    expect(await page.locator('#findings-shown').textContent()).toBe('显示 125 / 250 条');
    expect(await page.locator('#findings-page').textContent()).toBe('第 1 / 2 页');
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('JY-001');
    await page.selectOption('#filter-severity', '');
  });

  it('shows the rule with its Chinese name, in the table and in the rule filter', async () => {
    const ruleCell = page.locator('#findings-table tbody tr').first().locator('td').nth(4);
    expect(await ruleCell.textContent()).toBe('licensing.unlicensed商业软件的每次安装都要有授权覆盖');
    expect(await page.locator('#filter-rule option').nth(1).textContent()).toBe(
      'licensing.unlicensed（商业软件的每次安装都要有授权覆盖）',
    );
  });

  it('keeps a script breakout in the findings data as text', async () => {
    await page.selectOption('#filter-severity', 'low');
    const message = page.locator('#findings-table tbody tr').nth(3).locator('td').nth(6);
    expect(await message.textContent()).toContain(SCRIPT_BREAKOUT);
    await page.selectOption('#filter-severity', '');
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(await page.locator('script').count()).toBe(2);
  });

  it('prints A4 landscape with the form on its own page', async () => {
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text);
    expect(box).not.toBeNull();
    // A4 landscape: 842 × 595 points.
    expect(Math.round(Number(box![1]))).toBe(842);
    expect(Math.round(Number(box![2]))).toBe(595);
  });
});
