/**
 * The HTML report in a real headless browser (Debian's chromium, driven by playwright-core; no
 * browser download). Skips with a visible reason where /usr/bin/chromium is absent.
 * `SCREENSHOT=1` also writes docs/html-report.png for the README.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createReporterContext, renderHtml } from '@zhengban/reporters';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_NAME, HOSTILE_UNIT } from './fixtures/report.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// Without Chromium the suite shows up as skipped, with the reason in its title.
const describeBrowser = (name: string, body: () => void) =>
  describe.skipIf(!hasChromium)(
    hasChromium ? name : `${name} — skipped: ${CHROMIUM} is absent (apt-get install chromium)`,
    body,
  );

describeBrowser('html report in headless chromium', () => {
  let browser: Browser;
  let page: Page;
  let folder: string;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  const shown = () => page.locator('#findings-table tbody tr:not([hidden])').count();
  const counter = () => page.locator('#findings-shown').textContent();

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('request', (request) => requests.push(request.url()));
    folder = mkdtempSync(join(tmpdir(), 'zhengban-html-'));
    const file = join(folder, 'report.html');
    writeFileSync(file, renderHtml(fixtureReport, createReporterContext(fixtureReport)));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('renders offline with its own style and script allowed by the CSP, and nothing else loaded', async () => {
    expect(await page.title()).toBe('软件正版化检查报告 · 某市正版化验收 2024.1 · 2024-06-30');
    expect(await page.locator('h1').textContent()).toBe('软件正版化检查报告');
    // The style sheet applied (its hash matched the CSP) …
    expect(
      await page.evaluate("getComputedStyle(document.querySelector('#headline h2')).borderBottomWidth"),
    ).toBe('2px');
    // … and the script ran (it rewrote the counter from its template).
    expect(await counter()).toBe('显示 13 / 13 条');
    expect(consoleErrors).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:\/\/.*report\.html$/);
    expect(await page.locator('#charts svg').count()).toBe(3);
    // The form: 市政府 小计, its three units, the unit without a parent, 合计.
    expect(await page.locator('#statistics-table tbody tr').count()).toBe(6);
  });

  it('shows hostile names as text: no element, no handler, no dialog', async () => {
    expect(await page.locator('img').count()).toBe(0);
    // The page script and the findings data block (JSON, never executed).
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('script[type="application/json"]').count()).toBe(1);
    expect(await page.locator('[onerror], [onload]').count()).toBe(0);
    const findings = await page.locator('#findings-table').textContent();
    expect(findings).toContain(HOSTILE_NAME);
    expect(findings).toContain('<svg onload=alert(2)>远程控制软件 "; DROP TABLE findings; --');
    expect(await page.locator('#statistics-table').textContent()).toContain(HOSTILE_UNIT);
    expect(await page.locator('#unrecognised-table').textContent()).toContain('=HYPERLINK("http://x")');
    expect(dialogs).toEqual([]);
  });

  it('filters findings by unit, severity, rule and status', async () => {
    await page.selectOption('#filter-unit', '教育局');
    expect(await shown()).toBe(6);
    expect(await counter()).toBe('显示 6 / 13 条');
    await page.selectOption('#filter-severity', 'high');
    expect(await shown()).toBe(3);
    await page.selectOption('#filter-status', 'fail');
    expect(await shown()).toBe(1);
    expect(await page.locator('#findings-table tbody tr:not([hidden]) td').nth(1).textContent()).toBe(
      'JY-002',
    );
    await page.selectOption('#filter-unit', '');
    expect(await shown()).toBe(4);
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-status', 'waived');
    expect(await shown()).toBe(1);
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-rule', 'licensing.unlicensed');
    expect(await shown()).toBe(4);
    await page.selectOption('#filter-rule', '');
    // An option whose value is markup still matches its rows exactly.
    await page.selectOption('#filter-unit', HOSTILE_UNIT);
    expect(await shown()).toBe(3);
    await page.selectOption('#filter-unit', '');
    expect(await counter()).toBe('显示 13 / 13 条');
    expect(dialogs).toEqual([]);
  });

  it('prints on A4 without the filter controls', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.filters').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.runIf(process.env.SCREENSHOT === '1')('takes the README screenshot (SCREENSHOT=1)', async () => {
    const path = fileURLToPath(new URL('../docs/html-report.png', import.meta.url));
    await page.screenshot({ path, fullPage: false });
    expect(existsSync(path)).toBe(true);
    if (process.env.SCREENSHOT_FULL)
      await page.screenshot({ path: process.env.SCREENSHOT_FULL, fullPage: true });
  });
});
