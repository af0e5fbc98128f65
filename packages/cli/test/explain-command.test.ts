/** `zhengban explain REPORT.json FINDING-ID|HOST`: a finding's trace as sentences. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const cwd = new URL('./fixtures/policies/county/', import.meta.url).pathname;
const reportFile = join(mkdtempSync(join(tmpdir(), 'zhengban-explain-')), 'county.json');
let findings: Array<{ id: string; rule: string; subject: { host?: string; product?: string } }>;

beforeAll(async () => {
  const audit = await runCli(
    [
      'audit',
      '--policy',
      'policy.yaml',
      '--input',
      'csv:inventory.csv',
      '--units',
      'units.csv',
      '--report',
      `json:${reportFile}`,
      '--fail-on',
      'never',
      '-q',
    ],
    { cwd },
  );
  expect(audit.code).toBe(0);
  findings = JSON.parse(readFileSync(reportFile, 'utf8')).findings;
});

describe('zhengban explain', () => {
  it('tells one finding as sentences: rule, each entitlement tried and why it did not apply', async () => {
    const finding = findings.find(
      (f) => f.subject.host === 'XXB-PC-009' && f.rule === 'licensing.unlicensed',
    )!;
    const result = await runCli(['explain', reportFile, finding.id], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `${finding.id}  licensing.unlicensed  不合格  XXB-PC-009（县实验小学）  ms-windows`,
      expect.stringMatching(/^ {2}证据：csv .*inventory\.csv:7$/),
      '  识别："Microsoft Windows 10 专业版" 10.0.19045 [Professional] → ms-windows (osId windows)',
      '  版本：10.0.19045 (scheme windows)',
      '  版本型：Professional',
      '  规则：licensing.unlicensed — XXB-PC-009 上的 Microsoft Windows 10 专业版 10.0.19045 没有有效许可（ENT-01：不在授权范围内；ENT-14：不在授权范围内；ENT-12：不在授权范围内）',
      '  许可 ENT-01 未适用：不在授权范围内（versions >=10.0 <10.1; editions Professional; hosts GAJ-PC-001|GAJ-PC-002|GAJ-PC-003）',
      '  许可 ENT-14 未适用：不在授权范围内（editions Professional; hosts CZJ-PC-001|czj-pc-002）',
      '  许可 ENT-12 未适用：不在授权范围内（editions Professional|Enterprise; units 县财政局）',
      '',
    ]);
  });

  it('tells every finding of a computer named in any case, waivers included, in English on request', async () => {
    const result = await runCli(['explain', reportFile, 'xxb-pc-009', '--locale', 'en'], { cwd });
    expect(result.code).toBe(0);
    const headings = result.stdout.split('\n').filter((line) => /^[0-9a-f]{16} /.test(line));
    expect(headings.map((line) => line.split('  ').slice(1, 3))).toEqual([
      ['custom.no-browser', 'waived'],
      ['licensing.unlicensed', 'fail'],
      ['requirements.missing.antivirus', 'fail'],
    ]);
    expect(result.stdout).toContain('  Waiver: W-05 (until 2025-12-31): 教学机房只装教学软件');
    expect(result.stdout).toContain(
      '  Entitlement ENT-12 did not apply: out of its scope (editions Professional|Enterprise; units 县财政局)',
    );
  });

  it('says when nothing matches and exits 1', async () => {
    const result = await runCli(['explain', reportFile, 'NO-SUCH-PC'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('没有编号为 NO-SUCH-PC 的发现，也没有关于计算机 NO-SUCH-PC 的发现');
  });
});
