/**
 * `zhengban ledger export`: the merged ledger (YAML and a sheet) written to an XLSX that reads back
 * through `ledger:` to the same entitlements, with 剩余天数 counted from asOf.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Entitlement, loadPolicy } from '@zhengban/core';
import { builtinResolver } from '@zhengban/rules';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const FIXTURES = new URL('./fixtures/ledger/', import.meta.url).pathname;

const withoutLocations = (entitlements: Entitlement[]) =>
  entitlements.map(({ location: _, ...rest }) => rest);

describe('zhengban ledger export', () => {
  it('writes the YAML and sheet entitlements to an XLSX that reads back as the same ledger', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-ledger-export-'));
    for (const name of ['policy.yaml', '台账.csv']) copyFileSync(join(FIXTURES, name), join(dir, name));
    const result = await runCli(['ledger', 'export', '-p', 'policy.yaml', '-o', 'out/台账.xlsx'], {
      cwd: dir,
    });
    expect(result.stderr).toBe(
      '已写入授权台账 out/台账.xlsx（4 条授权）。可在 Excel 中继续维护，并在策略的 ledger: 中引用该文件。\n',
    );
    expect(result.code).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'out/台账.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('台账导出测试 软件正版化授权台账（截至 2024-06-30）');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '授权编号',
      '产品',
      '授权类型',
      '数量',
      '版本范围',
      '版本类型',
      '使用单位',
      '使用计算机',
      '采购日期',
      '生效日期',
      '到期日期',
      '状态',
      '单价',
      '金额',
      '供应商',
      '合同号',
      '来源',
      '备注',
      '剩余天数',
    ]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    // The subscription ends 2024-08-31: 62 days after 2024-06-30 (1 in June, 31 in July, 31 in August −1).
    expect(row(5)).toEqual([
      'WPS-SUB',
      'wps-office',
      '订阅',
      20,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      new Date('2024-08-31T00:00:00Z'),
      '在用',
      300,
      6000,
      undefined,
      undefined,
      undefined,
      undefined,
      62,
    ]);
    // A formula-looking contract number is written as text with the quote mark, never as a formula.
    expect(row(3)[15]).toBe('\'=HYPERLINK("x")');

    // Point a policy at the workbook: the same four entitlements come back.
    writeFileSync(
      join(dir, 'again.yaml'),
      'apiVersion: zhengban/v1\nmetadata: { name: again }\nextends: [builtin:cn-gov-baseline]\nledger: [out/台账.xlsx]\n',
    );
    const original = loadPolicy(join(dir, 'policy.yaml'), { resolvers: [builtinResolver] });
    const again = loadPolicy(join(dir, 'again.yaml'), { resolvers: [builtinResolver] });
    expect(again.problems).toBeUndefined();
    expect(withoutLocations(again.entitlements)).toEqual(withoutLocations(original.entitlements));
  });

  it('refuses another format than .xlsx and an existing file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-ledger-export-'));
    for (const name of ['policy.yaml', '台账.csv']) copyFileSync(join(FIXTURES, name), join(dir, name));
    const csv = await runCli(['ledger', 'export', '-p', 'policy.yaml', '-o', 'x.csv', '--locale', 'en'], {
      cwd: dir,
    });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('the ledger is exported as an .xlsx file, not x.csv');
    writeFileSync(join(dir, 'x.xlsx'), 'keep');
    const exists = await runCli(['ledger', 'export', '-p', 'policy.yaml', '-o', 'x.xlsx'], { cwd: dir });
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('文件已存在: x.xlsx（加 --force 覆盖）');
  });
});

describe('zhengban policy validate with a ledger sheet', () => {
  it('prints each row left out, located at its cell, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-ledger-validate-'));
    copyFileSync(join(FIXTURES, 'policy.yaml'), join(dir, 'policy.yaml'));
    writeFileSync(
      join(dir, '台账.csv'),
      '授权编号,产品,授权类型,数量\nWPS-SUB,WPS Office,订阅,20\nBAD-1,WPS Office,包年,3\n',
    );
    const result = await runCli(['policy', 'validate', 'policy.yaml', '--locale', 'en'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '台账.csv:3:3 [C3]  授权类型: "包年" is not a 授权类型 (OEM/预装, 批量, 零售, 订阅, 场地, 按用户, 免费, 开源); this ledger line is not read.',
    );
    expect(result.stderr).toContain('the policy loads, but its ledger sheets have 1 problems');
  });
});
