#!/usr/bin/env node
/**
 * How fast a province's HTML report opens in a real browser (issue 19): builds a synthetic report
 * of N hosts (default 100 000) in 400 units with 6 findings per host (1 in 6 failing, the rest
 * passing, as an audit lists them), 3 000 unrecognised titles and 2 000 input problems; renders it
 * with the built html reporter; opens it in headless Chromium and prints the file size, the render
 * time and the time until the first screen (the statistics form and the first page of findings)
 * is drawn. Writes a screenshot of the first screen. Not a test: run it by hand after `pnpm build`.
 *
 *   node scripts/html-scale.mjs [--hosts 100000] [--out /tmp/zhengban-html-scale]
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createReporterContext, renderHtml } from '../packages/reporters/dist/index.js';

const { values } = parseArgs({
  options: {
    hosts: { type: 'string', default: '100000' },
    out: { type: 'string', default: '/tmp/zhengban-html-scale' },
  },
});
const HOSTS = Number.parseInt(values.hosts, 10);
const UNITS = 400;
const CLASSES = ['os', 'office', 'antivirus'];

function classStats(computers, seed) {
  const stats = {};
  for (const [index, name] of CLASSES.entries()) {
    const installed = computers - ((seed + index) % 3 === 0 ? 1 : 0);
    const genuine = Math.max(0, installed - ((seed * 7 + index) % 5));
    stats[name] = {
      installed: Math.max(0, installed),
      genuine,
      domestic: Math.floor(genuine / 3),
      missing: computers - Math.max(0, installed),
    };
  }
  return stats;
}

function ratesOf(classes) {
  const genuine = {};
  const domestic = {};
  let g = 0;
  let i = 0;
  for (const name of CLASSES) {
    const c = classes[name];
    genuine[name] = c.installed === 0 ? null : c.genuine / c.installed;
    domestic[name] = c.installed === 0 ? null : c.domestic / c.installed;
    g += c.genuine;
    i += c.installed;
  }
  genuine.overall = i === 0 ? null : g / i;
  return { genuine, domestic };
}

function buildReport() {
  const units = [];
  const findings = [];
  const perUnit = Math.floor(HOSTS / UNITS);
  for (let u = 0; u < UNITS; u += 1) {
    const name = `第${Math.floor(u / 20) + 1}区县第${u + 1}单位`;
    const computers = u === UNITS - 1 ? HOSTS - perUnit * (UNITS - 1) : perUnit;
    const classes = classStats(computers, u);
    units.push({
      unit: name,
      staff: computers + 5,
      parent: `第${Math.floor(u / 20) + 1}区县`,
      computers,
      classes,
      rates: ratesOf(classes),
      unauthorised: u % 7,
    });
    for (let h = 0; h < computers; h += 1) {
      const host = `PC-${u}-${String(h).padStart(4, '0')}`;
      const evidence = [{ source: 'csv', file: `inventory/${name}.csv`, line: h * 6 + 2 }];
      const base = { subject: { unit: name, host }, evidence };
      findings.push({
        ...base,
        id: `${host}-os`,
        rule: 'licensing.unlicensed',
        status: h % 6 === 0 ? 'fail' : 'pass',
        severity: 'high',
        subject: {
          ...base.subject,
          product: 'windows-10',
          class: 'os',
          software: { name: 'Microsoft Windows 10 专业版', version: '10.0.19045' },
        },
        message:
          h % 6 === 0
            ? { zh: 'Windows 10 没有可用的授权', en: 'No entitlement covers Windows 10' }
            : { zh: '由 ent-win-oem 授权', en: 'Covered by ent-win-oem' },
      });
      for (const [rule, product, software] of [
        ['licensing.unlicensed', 'ms-office-2019', 'Microsoft Office 专业增强版 2019'],
        ['licensing.unlicensed', 'wps-office', 'WPS Office'],
        ['requirements.activation', 'windows-10', 'Microsoft Windows 10 专业版'],
        ['licensing.unlicensed', '360-safe', '360安全卫士'],
        ['licensing.unlicensed', 'winrar', 'WinRAR 6.02 (64-bit)'],
      ]) {
        findings.push({
          ...base,
          id: `${host}-${product}-${rule}`,
          rule,
          status: 'pass',
          severity: 'high',
          subject: { ...base.subject, product, software: { name: software } },
          message: { zh: `${software} 已授权`, en: `${software} is licensed` },
        });
      }
    }
  }
  const totalsClasses = {};
  for (const name of CLASSES) {
    totalsClasses[name] = { installed: 0, genuine: 0, domestic: 0, missing: 0 };
    for (const unit of units)
      for (const key of Object.keys(totalsClasses[name])) totalsClasses[name][key] += unit.classes[name][key];
  }
  return {
    schemaVersion: 1,
    tool: { name: 'zhengban', version: '0.1.0' },
    policy: {
      name: '某省软件正版化检查',
      owner: '某省软件正版化工作领导小组办公室',
      sources: ['policy.yaml'],
    },
    asOf: '2026-06-30',
    generatedAt: new Date().toISOString(),
    inputs: [
      {
        source: 'csv:inventory/',
        scanner: 'csv',
        hosts: HOSTS,
        read: HOSTS * 30,
        accepted: HOSTS * 30 - 2000,
        rejected: 2000,
        ignored: HOSTS * 10,
      },
    ],
    totals: {
      computers: HOSTS,
      staff: units.reduce((sum, unit) => sum + unit.staff, 0),
      classes: totalsClasses,
      rates: ratesOf(totalsClasses),
      unauthorised: units.reduce((sum, unit) => sum + unit.unauthorised, 0),
    },
    units,
    entitlements: [],
    findings,
    unrecognised: Array.from({ length: 3000 }, (_, i) => ({
      name: `未识别软件 ${i}`,
      publisher: '某公司',
      versions: ['1.0'],
      hosts: 3000 - i,
      sampleHosts: ['PC-0-0001'],
    })),
    problems: Array.from({ length: 2000 }, (_, i) => ({
      message: `第 ${i + 2} 行的列数不对`,
      severity: 'warning',
      code: 'csv.column-count',
      source: 'csv',
      file: 'inventory/x.csv',
      line: i + 2,
    })),
    rules: [
      {
        id: 'licensing.unlicensed',
        description: {
          zh: '商业软件的每次安装都要有授权覆盖',
          en: 'Every commercial installation must be covered',
        },
        defaultSeverity: 'high',
      },
    ],
    classes: CLASSES,
  };
}

mkdirSync(values.out, { recursive: true });
const report = buildReport();
let started = performance.now();
const html = renderHtml(report, createReporterContext(report));
const renderSeconds = (performance.now() - started) / 1000;
const file = join(values.out, 'report.html');
writeFileSync(file, html);
const sizeMiB = statSync(file).size / 2 ** 20;
console.log(
  `hosts ${HOSTS}, findings ${report.findings.length}: html ${sizeMiB.toFixed(1)} MiB rendered in ${renderSeconds.toFixed(1)} s`,
);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
started = performance.now();
await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 });
await page.waitForFunction(
  () =>
    document.querySelectorAll('#findings-table tbody tr').length > 0 &&
    document.getElementById('statistics-table') !== null,
  null,
  { timeout: 120_000 },
);
// Two animation frames: the first screen has been laid out and painted.
await page.evaluate(
  () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
);
const firstScreen = (performance.now() - started) / 1000;
const shot = join(values.out, 'first-screen.png');
await page.screenshot({ path: shot });
started = performance.now();
await page.selectOption('#filter-severity', 'high');
await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
const filterSeconds = (performance.now() - started) / 1000;
console.log(
  `first screen in ${firstScreen.toFixed(1)} s; a filter over every finding in ${filterSeconds.toFixed(2)} s; rows drawn ${await page.locator('#findings-table tbody tr').count()}`,
);
console.log(`screenshot: ${shot}`);
await browser.close();
