/**
 * `ledger:` — the office's spreadsheet read as entitlements. The sheets in test/fixtures/ledger say
 * exactly what policy-yaml.yaml says; both must load to the same entitlements and give the same
 * licence position over the same fleet. XLSX workbooks are written here with exceljs, as Excel would
 * save them (shared strings, date cells, merged cells).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Entitlement, loadPolicy, type Problem, problemText } from '@zhengban/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { positionOf } from './ledger-fleet.js';
import { FIXTURES } from './policy-test-support.js';

const LEDGER = join(FIXTURES, 'ledger');
const CATALOG = join(LEDGER, 'catalog.yaml');

const HEADINGS = [
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
  '单价（元）',
  '金额（元）',
  '供应商',
  '合同号',
  '来源',
  '备注',
];

/** The rows of ledger-gbk.csv, with dates as Excel date cells and numbers as number cells. */
const ROWS: unknown[][] = [
  [
    'SQ-2013-001',
    'WPS Office',
    '批量',
    3,
    '>=9 <13',
    null,
    '财政局、教育局',
    null,
    new Date(Date.UTC(2013, 4, 20)),
    new Date(Date.UTC(2013, 5, 1)),
    null,
    '在用',
    1200,
    3600,
    '珠海金山办公软件有限公司',
    'PJ-ZFCG-2013-0415',
    null,
    '集中采购',
  ],
  [
    'SQ-2013-002',
    'Microsoft Windows 10 专业版',
    'OEM',
    2,
    null,
    '专业版、企业版',
    null,
    'PC-001,PC-002',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    '预装',
    null,
  ],
  ['SQ-2013-003', '火绒安全软件', '免费'],
  ['SQ-2011-004', 'ms-office', '零售', 10, null, null, null, null, null, null, null, '停用', 2999.5],
  [
    'SQ-2024-005',
    'Microsoft Office Professional Plus 2016',
    '订阅',
    '不限',
    null,
    'ProPlus',
    '卫健委',
    null,
    null,
    '2024-01-01',
    new Date(Date.UTC(2024, 8, 30)),
    '在用',
  ],
  [null, '合计', null, 15, null, null, null, null, null, null, null, null, null, 3600],
];

async function writeWorkbook(rows: unknown[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'zhengban-ledger-'));
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['本表由办公室维护，每季度更新。']);
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['市级党政机关软件正版化台账（2024年6月）']);
  sheet.mergeCells(1, 1, 1, HEADINGS.length);
  sheet.addRow(HEADINGS);
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  await workbook.xlsx.writeFile(join(dir, 'ledger.xlsx'));
  writeFileSync(
    join(dir, 'policy.yaml'),
    `apiVersion: zhengban/v1\nmetadata: { name: 表格台账 }\nextends: ${JSON.stringify(CATALOG)}\nsettings: { asOf: 2024-06-30 }\nledger: ledger.xlsx\n`,
  );
  return join(dir, 'policy.yaml');
}

const withoutLocations = (entitlements: Entitlement[]) =>
  entitlements.map(({ location: _, ...rest }) => rest);

const brief = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.key} ${p.severity} ${p.code}: ${p.message}`);

describe('ledger sheets', () => {
  const yaml = loadPolicy(join(LEDGER, 'policy-yaml.yaml'));

  it('a GBK CSV with a title row, Chinese headings, prices and a totals row reads as the YAML ledger', () => {
    const csv = loadPolicy(join(LEDGER, 'policy-csv.yaml'));
    expect(withoutLocations(csv.entitlements)).toEqual(withoutLocations(yaml.entitlements));
    expect(csv.problems).toBeUndefined();
    // Each entitlement points at its row: the header is row 2, SQ-2013-001 row 3.
    expect(csv.entitlements[0]!.location).toMatchObject({ line: 3, column: 1, key: 'A3' });
    expect(csv.entitlements[0]!.location!.file).toMatch(/ledger[/\\]ledger-gbk\.csv$/);
  });

  it('an XLSX with a merged title row, date cells and a notes sheet reads as the YAML ledger', async () => {
    const sheet = loadPolicy(await writeWorkbook(ROWS));
    expect(withoutLocations(sheet.entitlements)).toEqual(withoutLocations(yaml.entitlements));
    expect(sheet.entitlements[4]!.location).toMatchObject({ line: 7, key: '台账!A7' });
    // The notes sheet has no ledger header: said, not read.
    expect(brief(sheet.problems ?? [])).toEqual([
      '说明 info ledger.sheet-without-header: Sheet "说明" has no ledger header row and is not read.',
    ]);
  });

  it('gives the same licence position as the YAML ledger', async () => {
    const fromYaml = await positionOf(yaml);
    const fromCsv = await positionOf(loadPolicy(join(LEDGER, 'policy-csv.yaml')));
    const fromXlsx = await positionOf(loadPolicy(await writeWorkbook(ROWS)));
    expect(fromCsv.positions).toEqual(fromYaml.positions);
    expect(fromXlsx.positions).toEqual(fromYaml.positions);
    const byId = new Map(fromYaml.positions.map((p) => [p.id, p]));
    // WPS: PC-001, PC-002, PC-004 (财政局, 教育局 in scope) take all 3 seats.
    expect(byId.get('SQ-2013-001')).toMatchObject({
      consumed: 3,
      surplus: 0,
      hosts: ['PC-001', 'PC-002', 'PC-004'],
    });
    // OEM Windows on PC-001 (Professional) only: PC-002 runs Home, not covered; PC-004 is not a named host.
    expect(byId.get('SQ-2013-002')).toMatchObject({ consumed: 1, surplus: 1, hosts: ['PC-001'] });
    // The Office subscription covers 卫健委's PC-003; the retired retail licence covers nothing.
    expect(byId.get('SQ-2024-005')).toMatchObject({ consumed: 1, hosts: ['PC-003'] });
    expect(byId.get('SQ-2011-004')).toMatchObject({ consumed: 0, status: 'retired' });
  });

  it('a merged 使用单位 cell gives every row it spans the unit', async () => {
    const rows = [
      ['A-1', 'wps-office', '批量', 5, null, null, '财政局'],
      ['A-2', 'ms-office', '批量', 5, null, null, null],
      ['A-3', 'huorong', '免费'],
    ];
    const policy = loadPolicy(await writeWorkbook(rows, (sheet) => sheet.mergeCells('G3:G4')));
    expect(policy.entitlements.map((e) => [e.id, e.scope?.units])).toEqual([
      ['A-1', ['财政局']],
      ['A-2', ['财政局']],
      ['A-3', undefined],
    ]);
  });

  it('each bad cell is a located problem that costs its own row only', async () => {
    const rows = [
      ['B-1', 'wps-office', '批量', 5],
      ['B-2', 'wps-office', '包年', 5],
      ['B-3', 'wps-office', '批量', 0],
      ['B-4', 'wps-office', '批量', 5, null, null, null, null, '2013-02-30'],
      ['B-5', 'Adobe Acrobat', '零售', 1],
      ['B-1', 'ms-office', '零售', 1],
      ['B-7', 'wps-office', '批量'],
      ['B 8', 'wps-office', '批量', 1],
      ['B-9', 'wps-office', '批量', 2, '>=x', '旗舰'],
      ['B-10', 'ms-office', '零售', 1, null, null, null, null, null, null, null, '借出'],
      ['B-11', 'huorong', '免费', null, null, null, null, null, null, null, null, null, '一千元'],
      [null, 'wps-office', '批量', 1],
      ['B-13', 'ms-office', '零售', '2套', null, '标准版'],
    ];
    const policy = loadPolicy(await writeWorkbook(rows));
    expect(policy.entitlements.map((e) => [e.id, e.product, e.seats])).toEqual([
      ['B-1', 'wps-office', 5],
      ['B-13', 'ms-office', 2],
    ]);
    const messages = brief(policy.problems ?? []);
    expect(messages.slice(0, 7)).toEqual([
      '说明 info ledger.sheet-without-header: Sheet "说明" has no ledger header row and is not read.',
      '台账!C4 error ledger.bad-cell: 授权类型: "包年" is not a 授权类型 (OEM/预装, 批量, 零售, 订阅, 场地, 按用户, 免费, 开源); this ledger line is not read.',
      '台账!D5 error ledger.bad-cell: 数量: 0 is not a whole number of seats ≥ 1; this ledger line is not read.',
      '台账!I6 error ledger.bad-cell: 采购日期: "2013-02-30" is a day that does not exist; this ledger line is not read.',
      '台账!A8 error ledger.duplicate-id: 授权编号 "B-1" is already used at 台账!A3; this ledger line is not read.',
      '台账!A9 error ledger.missing-seats: Entitlement "B-7" (type volume) needs "seats": how many installations it covers, or "unlimited". This ledger line is not read.',
      "台账!A10 error ledger.bad-cell: 授权编号: \"B 8\" is not a valid 授权编号 (letters, digits, '.', '_' and '-', starting with a letter or digit); this ledger line is not read.",
    ]);
    // Under zh-CN every one of them reads in Chinese.
    const zh = (policy.problems ?? []).map((problem) => problemText(problem, 'zh-CN'));
    expect(zh.slice(1, 3)).toEqual([
      '授权类型：“包年”不是授权类型（OEM/预装、批量、零售、订阅、场地、按用户、免费、开源）；此台账行未读入。',
      '数量：0 不是不小于 1 的整数；此台账行未读入。',
    ]);
    for (const text of zh) expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(zh.at(-1)).toBe(
      '产品“Adobe Acrobat”既不是产品目录中的产品 ID，也不是目录能识别的名称；此台账行未读入。',
    );
    expect(messages.at(-1)).toBe(
      '台账!B7 error ledger.unknown-product: 产品 "Adobe Acrobat" is neither a catalogue product id nor a name the catalogue recognises; this ledger line is not read.',
    );
    const where = (policy.problems ?? []).map((p) => p.key);
    expect(where).toEqual([
      '说明',
      '台账!C4', // 包年 is no 授权类型
      '台账!D5', // 0 seats
      '台账!I6', // 2013-02-30
      '台账!A8', // B-1 again
      '台账!A9', // volume without 数量
      '台账!A10', // an id with a space
      '台账!E11', // a range that is no range
      '台账!F11', // and 旗舰 is no edition: every bad cell of a row is said
      '台账!L12', // 借出 is no 状态
      '台账!M13', // 一千元 is no amount
      '台账!A14', // no 授权编号
      '台账!B7', // Adobe Acrobat is not in the catalogue (found after merging, so listed last)
    ]);
    for (const problem of policy.problems ?? []) {
      expect(problem.file).toMatch(/ledger\.xlsx$/);
      if (problem.severity === 'error') expect(problem.line).toBeGreaterThan(2);
    }
  });

  it('a missing ledger file or a sheet with no header stops the policy, located at the ledger key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengban-ledger-'));
    writeFileSync(join(dir, 'nohead.csv'), '编号,名称\n1,2\n');
    writeFileSync(
      join(dir, 'policy.yaml'),
      `apiVersion: zhengban/v1\nmetadata: { name: x }\nextends: ${JSON.stringify(CATALOG)}\nledger:\n  - missing.csv\n  - nohead.csv\n  - ledger.xls\n`,
    );
    let problems: Problem[] = [];
    try {
      loadPolicy(join(dir, 'policy.yaml'));
    } catch (error) {
      problems = (error as { problems: Problem[] }).problems;
    }
    expect(problems.map((p) => `${p.line} ${p.code} ${p.message}`)).toEqual([
      '5 policy.ledger-unreadable Cannot read ledger "missing.csv": no such file.',
      '6 policy.ledger-no-header Ledger "nohead.csv" has no header row naming 授权编号, 产品, 授权类型 in its first rows.',
      '7 policy.ledger-format Ledger "ledger.xls" must be a .csv or .xlsx file (an .xls workbook must be saved as .xlsx first).',
    ]);
  });
});
