/**
 * End-to-end: the built `zhengban` executable, spawned like a user runs it. Every command, every
 * exit code, and the failure modes a user meets first.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { describeBuilt, signalMidAudit, spawnCli } from './helpers/spawn-cli.js';

const cwd = FIXTURES;
// Each spawn starts a Node process; on a loaded CI machine that alone can take seconds.
vi.setConfig({ testTimeout: 120_000 });

describeBuilt('zhengban (built) — commands and exit codes', () => {
  it('audit: exit 1 with failures, GBK CSV read, console report on stdout', async () => {
    const result = await spawnCli(SMALL_AUDIT, { cwd });
    expect(result.code).toBe(1);
    // A pipe without COLUMNS gets the 80-column layout: a summary per unit, then one block per class.
    // 未授权安装（套） 1: BGS-02's Office has no licence (a failing licensing finding counts).
    expect(result.stdout).toMatch(/^合计 +58 +4 +83\.33%（10\/12） +1$/m);
    // Read from the GBK file: the Chinese edition name survives decoding (a long line may be
    // folded at 80 columns, so spaces and line breaks between the words do not matter).
    expect(result.stdout).toMatch(/Microsoft\s+Windows\s+10\s+家\s*庭\s*中\s*文\s*版/);
    expect(result.stderr).toContain(
      'csv:inventory/counties-gbk.csv: 1 台计算机，读取 2 条（接受 2，拒绝 0，忽略 0）',
    );
  });

  it('audit: exit 0 on a clean inventory, reports written to files', async () => {
    const dir = scratch();
    const result = await spawnCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        'csv:inventory/clean.csv',
        '--report',
        `html:${dir}/r.html`,
      ],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('scan then audit --input inventory:FILE', async () => {
    const dir = scratch();
    const scan = await spawnCli(
      ['scan', '--input', 'csv:inventory/small.csv', '--out', `${dir}/inv.jsonl`, '-q'],
      { cwd },
    );
    expect(scan.code).toBe(0);
    const audit = await spawnCli(
      [
        'audit',
        '--policy',
        'policies/small.yaml',
        '--input',
        `inventory:${dir}/inv.jsonl`,
        '--report',
        'json',
        '-q',
      ],
      { cwd },
    );
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).totals.computers).toBe(3);
  });

  it('policy validate / show / init / packs', async () => {
    expect((await spawnCli(['policy', 'validate', 'policies/small.yaml'], { cwd })).stdout).toMatch(
      /^✓ policies\/small\.yaml 有效/,
    );
    expect(
      (await spawnCli(['policy', 'show', 'policies/small.yaml', '--format', 'json'], { cwd })).code,
    ).toBe(0);
    const dir = scratch();
    const init = await spawnCli(['policy', 'init', '--out', 'p.yaml'], { cwd: dir });
    expect(init.code).toBe(0);
    expect((await spawnCli(['policy', 'validate', 'p.yaml'], { cwd: dir })).code).toBe(0);
    expect((await spawnCli(['policy', 'packs'], { cwd })).stdout).toMatch(/^builtin:cn-gov-baseline /m);
  });

  it('policy validate: exit 2 with every problem at file:line:col', async () => {
    const result = await spawnCli(['policy', 'validate', 'policies/broken.yaml'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'policies/broken.yaml:12:3  requirements 中有未知的键 "clases"，是不是想写 "classes"？',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('catalog match / list and diff', async () => {
    const match = await spawnCli(['catalog', 'match', 'WPS Office', '--publisher', 'Kingsoft Corp.'], {
      cwd,
    });
    expect(match.code).toBe(0);
    expect(match.stdout.split('\n')[0]).toMatch(/→ wps-office/);
    expect((await spawnCli(['catalog', 'list', '--class', 'antivirus'], { cwd })).stdout).toContain(
      'huorong-security',
    );
    const dir = scratch();
    await spawnCli([...SMALL_AUDIT, '--report', `json:${dir}/a.json`, '-q'], { cwd });
    const diff = await spawnCli(['diff', `${dir}/a.json`, `${dir}/a.json`, '--format', 'markdown'], { cwd });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('已整改 0 项，新增 0 项，仍未整改 3 项');
  });
});

describeBuilt('zhengban (built) — usage, input and output errors exit 2 without a stack trace', () => {
  it('an unknown flag', async () => {
    const result = await spawnCli(['audit', '--polic', 'x'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "zhengban: 错误: 未知选项 '--polic'（是否想用 --policy？）\n运行 'zhengban audit --help' 查看用法。\n",
    );
  });

  it('a missing input file and a missing policy', async () => {
    const input = await spawnCli(['audit', '--policy', 'policies/small.yaml', '--input', 'csv:missing.csv'], {
      cwd,
    });
    expect(input.code).toBe(2);
    expect(input.stderr).toBe('zhengban: 错误: 输入文件不存在: missing.csv\n');
    const policy = await spawnCli(
      ['audit', '--policy', 'none.yaml', '--input', 'csv:inventory/clean.csv', '--locale', 'en'],
      { cwd },
    );
    expect(policy.stderr).toBe('zhengban: error: policy file not found: none.yaml\n');
  });

  it('an unknown report format and two reports on stdout', async () => {
    const format = await spawnCli([...SMALL_AUDIT, '--report', 'docx:out.docx'], { cwd });
    expect(format.code).toBe(2);
    expect(format.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 未知的报告格式 'docx'。内置: console, json, html, csv, xlsx, markdown, sarif, junit；也可以给出 ./报告器.mjs 或包名",
    );
    const two = await spawnCli([...SMALL_AUDIT, '--report', 'json', '--report', 'sarif'], { cwd });
    expect(two.code).toBe(2);
    expect(two.stderr.split('\n')[0]).toBe(
      'zhengban: 错误: 最多只能有一个报告输出到标准输出，而 json, sarif 都没有给出路径',
    );
  });

  it('merge with a single report', async () => {
    const result = await spawnCli(['merge', 'only.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "zhengban: 错误: 至少需要两个报告才能合并\n运行 'zhengban merge --help' 查看用法。\n",
    );
  });

  it('an unwritable output path', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'file'), '');
    const result = await spawnCli([...SMALL_AUDIT, '--report', `json:${dir}/file/r.json`], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `zhengban: 错误: 无法写入输出文件 ${dir}/file/r.json: 路径中有一段是文件而不是目录\n`,
    );
  });
});

describeBuilt('zhengban (built) — Ctrl-C', () => {
  it('SIGINT mid-audit exits 130 and leaves no report and no temp file', async () => {
    const dir = scratch();
    const marker = join(dir, 'input');
    const result = await signalMidAudit('SIGINT', { cwd, marker, report: `json:${dir}/out/report.json` });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('已中断：扫描已停止，未写入任何报告。');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});
