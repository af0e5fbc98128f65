/**
 * Audits over collections as agencies keep them: per-PC files in folders by unit, a hosts file with
 * name patterns, a units file with a computer column, a register read with a column mapping on the
 * command line, and a folder with one unreadable file (exit code 2, the other files judged).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ComplianceReport, problemText } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const POLICY = join(FIXTURES, 'policies/small.yaml');

function regExport(title: string): Buffer {
  const text = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\App]\r\n"DisplayName"="${title}"\r\n"DisplayVersion"="12.1"\r\n`;
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function write(root: string, relative: string, content: string | Buffer): string {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function audit(cwd: string, args: string[]) {
  const out = join(cwd, 'report.json');
  const result = await runCli(['audit', '--policy', POLICY, ...args, '--report', `json:${out}`], { cwd });
  const report = result.code === 2 && result.stderr.includes('错误') ? undefined : readReport(out);
  return { ...result, report };
}

function readReport(path: string): ComplianceReport {
  return JSON.parse(readFileSync(path, 'utf8')) as ComplianceReport;
}

describe('zhengban audit: collections by unit', () => {
  it('per-PC files in unit folders, plus a hosts file with patterns, give one computer per PC in its unit', async () => {
    const root = scratch();
    write(root, '采集/办公室/BGS-01.reg', regExport('WPS Office'));
    write(root, '采集/办公室/BGS-02.reg', regExport('WPS Office'));
    write(root, '采集/CZJ-01.reg', regExport('WPS Office'));
    write(root, '采集/CZJ-02.reg', regExport('WPS Office'));
    write(root, 'units.csv', '单位,编制人数\n办公室,20\n财政局,30\n');
    write(root, 'hosts.csv', '计算机名,单位\nCZJ-*,财政局\n');
    const { code, report } = await audit(root, [
      '--units',
      'units.csv',
      '--hosts',
      'hosts.csv',
      '--input',
      'windows:采集',
    ]);
    expect(code).toBe(1); // no OS and no antivirus collected: findings, not an input error
    expect(report!.units.map((unit) => [unit.unit, unit.computers])).toEqual([
      ['办公室', 2],
      ['财政局', 2],
    ]);
    expect(report!.inputs.map((input) => [input.source, input.hosts, input.read])).toEqual([
      ['units:units.csv', 0, 2],
      ['windows:采集', 4, 4],
      ['hosts:hosts.csv', 0, 1],
    ]);
  });

  it('a units file with a computer column puts computers in units; a disagreeing unit is a warning', async () => {
    const root = scratch();
    write(root, 'pcs/PC-A.reg', regExport('WPS Office'));
    write(root, 'pcs/PC-B.reg', regExport('WPS Office'));
    write(root, 'register.csv', '计算机名,单位,软件名称\nPC-C,财政局,WPS Office\n');
    write(root, 'units.csv', '单位,编制人数,计算机名\n办公室,20,PC-A\n办公室,,PC-B\n财政局,30,PC-C\n');
    write(root, 'hosts.csv', 'hostname,unit\nPC-C,办公室\n');
    const { report } = await audit(root, [
      '--units',
      'units.csv',
      '--hosts',
      'hosts.csv',
      '--input',
      'windows:pcs',
      '--input',
      'csv:register.csv',
    ]);
    expect(report!.units.map((unit) => [unit.unit, unit.staff, unit.computers])).toEqual([
      ['办公室', 20, 3],
      ['财政局', 30, 0],
    ]);
    expect(report!.problems).toContainEqual(
      expect.objectContaining({
        code: 'hosts.unit-override',
        severity: 'warning',
        line: 2,
        message: expect.stringContaining('computer PC-C'),
      }),
    );
    // Read in Chinese from its code and params, whatever the locale the report was written in.
    const override = report!.problems.find((p) => p.code === 'hosts.unit-override')!;
    expect(problemText(override, 'zh-CN')).toContain('计算机 PC-C：输入中的单位为');
  });

  it('without a hosts file, a units-file rule that overrides the input is still a located warning', async () => {
    const root = scratch();
    write(root, 'register.csv', '计算机名,单位,软件名称\nPC-C,财政局,WPS Office\n');
    write(root, 'units.csv', '单位,编制人数,计算机名\n办公室,20,PC-*\n财政局,30,\n');
    const { report } = await audit(root, ['--units', 'units.csv', '--input', 'csv:register.csv']);
    expect(report!.units.map((unit) => [unit.unit, unit.computers])).toEqual([
      ['办公室', 1],
      ['财政局', 0],
    ]);
    expect(report!.inputs.map((input) => input.source)).toEqual([
      'units:units.csv',
      'csv:register.csv',
      'hosts:units.csv',
    ]);
    expect(report!.problems).toContainEqual(
      expect.objectContaining({
        code: 'hosts.unit-override',
        line: 2,
        file: expect.stringMatching(/units\.csv$/),
      }),
    );
  });

  it('csv:FILE?host=…&name=… maps the register columns on the command line', async () => {
    const root = scratch();
    write(root, '登记表.csv', '资产编号,软件,使用人\nZC-001,WPS Office,张三\n');
    const { report } = await audit(root, ['--input', 'csv:登记表.csv?host=资产编号&name=软件']);
    expect(report!.inputs[0]).toMatchObject({ source: 'csv:登记表.csv?host=资产编号&name=软件', hosts: 1 });
    const bad = await runCli(['audit', '--policy', POLICY, '--input', 'csv:登记表.csv?computer=资产编号'], {
      cwd: root,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('选项 computer 不存在');
  });

  it('one unreadable file in a folder: the others are judged, the file is on stderr, exit code 2', async () => {
    const root = scratch();
    write(root, 'pcs/PC-A.reg', regExport('WPS Office'));
    write(root, 'pcs/PC-B.reg', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
    write(root, 'pcs/PC-C.reg', regExport('WPS Office'));
    const out = join(root, 'report.json');
    const result = await runCli(
      [
        'audit',
        '--policy',
        POLICY,
        '--input',
        'windows:pcs',
        '--report',
        `json:${out}`,
        '--fail-on',
        'never',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pcs\/PC-B\.reg {2}.*此文件未读取（其余文件已读取）/);
    expect(result.stderr).toContain('有 1 个输入文件无法读取');
    const report = readReport(out);
    expect(report.totals.computers).toBe(2);
    expect(report.problems).toContainEqual(expect.objectContaining({ fileFailed: true, severity: 'error' }));
  });

  it('zhengban scan: the same unreadable file makes the exit code 2 after the inventory is written', async () => {
    const root = scratch();
    write(root, 'pcs/PC-A.reg', regExport('WPS Office'));
    write(root, 'pcs/PC-B.reg', Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
    write(root, 'hosts.csv', '计算机名,单位\nPC-*,办公室\n');
    const out = join(root, 'scan.jsonl');
    const result = await runCli(['scan', '--hosts', 'hosts.csv', '--input', 'windows:pcs', '--out', out], {
      cwd: root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PC-B\.reg {2}.*此文件未读取（其余文件已读取）/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.slice(1).map((line) => [JSON.parse(line).id, JSON.parse(line).unit])).toEqual([
      ['PC-A', '办公室'],
    ]);
  });
});
