/**
 * `zhengban render`: a stored JSON report rendered again, in every format, equal to what the audit
 * itself would have written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;

describe('zhengban render', () => {
  it('renders a stored report as console, xlsx (the signed form first), html, csv tables and markdown', async () => {
    const dir = scratch();
    const audit = await runCli(
      [...SMALL_AUDIT, '--report', `json:${dir}/report.json`, '--report', `markdown:${dir}/audit.md`, '-q'],
      { cwd },
    );
    expect(audit.code).toBe(1);
    const render = await runCli(
      [
        'render',
        `${dir}/report.json`,
        '--report',
        'console',
        '--report',
        `xlsx:${dir}/统计表.xlsx`,
        '--report',
        `html:${dir}/report.html`,
        '--report',
        `csv:${dir}/tables/`,
        '--report',
        `markdown:${dir}/render.md`,
      ],
      { cwd },
    );
    expect(render.code).toBe(0);
    expect(render.stdout).toContain('软件正版化检查报告');
    expect(render.stdout).toMatch(/^合计 +4 +3 +0 +0 +75\.00% +0\.00%$/m);
    // The same report gives the same markdown, whether the audit wrote it or render did.
    expect(readFileSync(`${dir}/render.md`, 'utf8')).toBe(readFileSync(`${dir}/audit.md`, 'utf8'));
    // An xlsx (zip) file; its sheets are read back in the reporters' tests.
    expect(readFileSync(`${dir}/统计表.xlsx`).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(`${dir}/report.html`, 'utf8')).toContain('id="statistics-table"');
    expect(readdirSync(`${dir}/tables`).sort()).toContain('统计表.csv');
    expect(render.stderr).toContain('已写入');
  });

  it('renders json back to the same report', async () => {
    const dir = scratch();
    await runCli([...SMALL_AUDIT, '--report', `json:${dir}/report.json`, '-q'], { cwd });
    const again = await runCli(['render', `${dir}/report.json`, '--report', 'json'], { cwd });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(`${dir}/report.json`, 'utf8')));
  });

  it('names a file that is not a report and writes nothing (exit 2)', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'not-a-report.json'), '{"hello": 1}');
    const result = await runCli(['render', 'not-a-report.json', '--report', 'xlsx:out.xlsx'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^zhengban: 错误: .*not-a-report\.json/);
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
  });

  it('refuses an unknown format before reading the report', async () => {
    const result = await runCli(['render', 'missing.json', '--report', 'pdf'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'pdf'");
  });
});
