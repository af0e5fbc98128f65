import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceReport } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;

/** Terminal cells of a line: wide (CJK, fullwidth) characters take two. */
const stringWidth = (line: string) =>
  [...line].reduce(
    (cells, char) =>
      cells +
      (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(
        char,
      )
        ? 2
        : 1),
    0,
  );

describe('zhengban audit: reports and exit codes', () => {
  it('prints the console report and exits 1 when failures exist (GBK CSV read correctly)', async () => {
    // COLUMNS: the width a pipe's console report fits (the wide table needs more than 80).
    const result = await runCli(SMALL_AUDIT, { cwd, env: { ZHENGBAN_LOG: 'silent', COLUMNS: '200' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('软件正版化检查报告');
    expect(result.stdout).toMatch(/^合计 +58 +4 +操作系统 +4 +3 +0 +0 +75\.00%（3\/4）/m);
    expect(result.stdout).toContain('CZJ-02 的操作系统 Microsoft Windows 10 家庭中文版 为 Home 版本型');
    expect(result.stderr.split('\n')).toEqual([
      'csv:inventory/small.csv: 3 台计算机，读取 7 条（接受 6，拒绝 1，忽略 0）',
      'csv:inventory/counties-gbk.csv: 1 台计算机，读取 2 条（接受 2，拒绝 0，忽略 0）',
      '输入中有 1 条记录无法读取，已列入报告的“问题”部分。',
      '2 项发现达到 --fail-on fail 的阈值',
      '',
    ]);
  });

  it('fits the console report to an 80-column terminal: no line wider, the class blocks narrower', async () => {
    const result = await runCli(SMALL_AUDIT, {
      cwd,
      stdoutIsTTY: true,
      stdoutColumns: 80,
      env: { ZHENGBAN_LOG: 'silent', NO_COLOR: '1' },
    });
    const lines = result.stdout.split('\n');
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
    expect(result.stdout).toMatch(/^操作系统$/m);
    expect(result.stdout).toMatch(/^合计 +4 +3 +0 +0 +75\.00% +0\.00%$/m);
    // A piped report without COLUMNS assumes 80 too.
    const piped = await runCli(SMALL_AUDIT, { cwd });
    expect(Math.max(...piped.stdout.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
  });

  it('writes a JSON report whose counts add up, with the rejected row as a located problem', async () => {
    const dir = scratch();
    const out = join(dir, 'reports', 'audit.json');
    const result = await runCli([...SMALL_AUDIT, '--report', `json:${out}`, '--quiet'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as ComplianceReport;
    expect(report.totals.computers).toBe(4);
    expect(report.totals.staff).toBe(58);
    expect(report.units.map((unit) => [unit.unit, unit.computers])).toEqual([
      ['办公室', 2],
      ['财政局', 2],
      ['档案局', 0],
    ]);
    expect(
      report.findings.map((finding) => [finding.rule, finding.subject.host ?? finding.subject.unit]),
    ).toEqual([
      ['preferences.domestic.office', '办公室'],
      ['licensing.unlicensed', 'BGS-02'],
      ['requirements.edition', 'CZJ-02'],
    ]);
    expect(report.inputs.map((input) => [input.source, input.read, input.accepted, input.rejected])).toEqual([
      ['units:inventory/units.csv', 3, 3, 0],
      ['csv:inventory/small.csv', 7, 6, 1],
      ['csv:inventory/counties-gbk.csv', 2, 2, 0],
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 7,
        message: 'line 7: the software name is empty',
        code: 'csv.empty-name',
      }),
      // A unit of the units file without computers is said, at its line (docs/semantics.md#units).
      expect.objectContaining({
        file: expect.stringMatching(/inventory[/\\]units\.csv$/),
        line: 4,
        severity: 'warning',
        code: 'units.no-computers',
      }),
    ]);
    expect(report.tool).toEqual({ name: 'zhengban', version: '0.1.0' });
    expect(readdirSync(join(dir, 'reports'))).toEqual(['audit.json']);
  });

  it('exits 0 with --fail-on never, and on a clean inventory; --fail-on warn counts warnings', async () => {
    expect((await runCli([...SMALL_AUDIT, '--fail-on', 'never', '--quiet'], { cwd })).code).toBe(0);
    const clean = [
      'audit',
      '--policy',
      'policies/small.yaml',
      '--input',
      'csv:inventory/clean.csv',
      '--quiet',
    ];
    expect((await runCli(clean, { cwd })).code).toBe(0);
    expect((await runCli([...clean, '--fail-on', 'warn'], { cwd })).code).toBe(0);
    const warnOnly = await runCli(
      ['audit', '--policy', 'policies/small.yaml', '--input', 'csv:inventory/after.csv', '--fail-on', 'warn'],
      { cwd },
    );
    expect(warnOnly.code).toBe(1);
  });

  it('writes several reports at once: console to stdout, html and json files, every csv table into a folder', async () => {
    const dir = scratch();
    const result = await runCli(
      [
        ...SMALL_AUDIT,
        '--report',
        'console',
        '--report',
        `html:${dir}/out/report.html`,
        '--report',
        `csv:${dir}/tables/`,
        '--report',
        `markdown:${dir}/out/report.md`,
        '--fail-on',
        'never',
      ],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('统计表');
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(join(dir, 'out', 'report.md'), 'utf8')).toContain('# 软件正版化检查报告');
    const tables = readdirSync(join(dir, 'tables')).sort();
    expect(tables).toContain('统计表.csv');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['report.html', 'report.md']);
    expect(result.stderr).toContain(`已写入 ${dir}/out/report.html`);
  });

  it('takes --as-of for the deadlines and --locale en for every message', async () => {
    const dir = scratch();
    const result = await runCli(
      [...SMALL_AUDIT, '--as-of', '2024-09-01', '--locale', 'en', '--report', `json:${dir}/r.json`],
      { cwd },
    );
    expect(result.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as ComplianceReport;
    expect(report.asOf).toBe('2024-09-01');
    expect(report.findings.find((finding) => finding.rule === 'licensing.unlicensed')?.deadline).toBe(
      '2024-09-16',
    );
    expect(result.stderr).toContain(
      'csv:inventory/small.csv: 3 computer(s), 7 record(s) read (6 accepted, 1 rejected, 0 ignored)',
    );
    expect(result.stderr).toContain('2 finding(s) at or above --fail-on fail');
  });
});

describe('zhengban audit: plugins from paths', () => {
  it('loads a CommonJS scanner (named export) and a reporter factory from ./paths', async () => {
    const dir = scratch();
    const hosts = join(dir, 'hosts.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      hosts,
      JSON.stringify({
        hosts: [
          { id: 'PC-1', unit: '办公室', software: [['WPS Office', '11.8.2.1234', 'Kingsoft Corp.']] },
          { id: 'PC-2', unit: '办公室', software: [['KMSpico', '10.2.0', 'Team Daz']] },
        ],
      }),
    );
    const result = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        `./plugins/json-hosts-scanner.cjs:${hosts}`,
        '--report',
        `./plugins/count-reporter.mjs:${dir}/count.txt`,
        '--quiet',
      ],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'count.txt'), 'utf8')).toMatch(/^hosts=2 findings=\d+ inputs=1\n$/);
  });
});

describe('zhengban audit: errors before any scanning, exit 2', () => {
  it('refuses two reports to stdout', async () => {
    const result = await runCli([...SMALL_AUDIT, '--report', 'console', '--report', 'markdown'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "zhengban: 错误: 最多只能有一个报告输出到标准输出，而 console, markdown 都没有给出路径\n运行 'zhengban audit --help' 查看用法。\n",
    );
  });

  it('names an unknown report format and lists the built-in ones', async () => {
    const result = await runCli([...SMALL_AUDIT, '--report', 'pdf:out.pdf', '--locale', 'en'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      "zhengban: error: unknown report format 'pdf'. Built in: console, json, html, csv, xlsx, markdown, sarif, junit; or give a ./reporter.mjs path or a package name",
    );
  });

  it('never sends a binary report to a terminal, but pipes it', async () => {
    const tty = await runCli([...SMALL_AUDIT, '--report', 'xlsx'], { cwd, stdoutIsTTY: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 报告格式 'xlsx' 是二进制文件，不能输出到终端；请写成 xlsx:文件路径",
    );
    const piped = await runCli([...SMALL_AUDIT, '--report', 'xlsx', '--quiet'], { cwd });
    expect(piped.code).toBe(1);
    expect(piped.stdoutBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('finds an unwritable output path before scanning starts', async () => {
    const dir = scratch();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const marker = join(dir, 'slow-input');
    const result = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        `./plugins/slow-scanner.mjs:${marker}`,
        '--report',
        `html:${dir}/blocker/report.html`,
      ],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      `zhengban: 错误: 无法写入输出文件 ${dir}/blocker/report.html: 路径中有一段是文件而不是目录`,
    );
    expect(existsSync(`${marker}.started`)).toBe(false);
  });

  it('names a missing input file and an input that cannot be read at all', async () => {
    const missing = await runCli(
      ['audit', '--policy', 'policies/small.yaml', '--input', 'csv:inventory/nope.csv'],
      {
        cwd,
      },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('zhengban: 错误: 输入文件不存在: inventory/nope.csv\n');
    const garbage = await runCli(
      ['audit', '--policy', 'policies/small.yaml', '--input', 'csv:inventory/garbage.csv'],
      {
        cwd,
      },
    );
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('zhengban: 错误: 输入 csv:inventory/garbage.csv 完全无法读取: ');
    expect(garbage.stderr).toContain(
      'garbage.csv:1: no column for the computer (计算机名 / 主机名 / hostname)',
    );
  });

  it('prints every policy problem with file:line:col', async () => {
    const result = await runCli(
      ['audit', '--policy', 'policies/broken.yaml', '--input', 'csv:inventory/small.csv'],
      {
        cwd,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'zhengban: 错误: 策略有 3 个问题:',
      'policies/broken.yaml:8:14  授权 "E1" 引用了未知产品 "no-such-product"；本目录和所继承的策略中都没有它。',
    ]);
  });
});

describe('zhengban audit: Ctrl-C', () => {
  it('stops a stuck scanner, removes the temp report and exits 130', async () => {
    const dir = scratch();
    const marker = join(dir, 'slow-input');
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (existsSync(`${marker}.started`)) controller.abort();
    }, 20);
    const result = await runCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        `./plugins/slow-scanner.mjs:${marker}`,
        '--report',
        `json:${dir}/out/report.json`,
      ],
      { cwd, signal: controller.signal },
    );
    clearInterval(watcher);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('已中断：扫描已停止，未写入任何报告。\n');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});
