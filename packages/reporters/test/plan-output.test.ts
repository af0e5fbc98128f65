/**
 * The rectification plan in every reporter: an audit of three computers with a plan (one bought
 * seat at ¥1200, one unpriced purchase, one removal, one free installation), rendered by json
 * (schema-valid), csv (采购计划, 经费预算), xlsx (both sheets with totals and signature lines),
 * html (escaped) and console (the summary). A unit named like markup and a formula checks escaping.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ComplianceReport, createAuditor, type HostInventory, parsePolicy } from '@zhengban/core';
import {
  createReporterContext,
  renderConsole,
  renderCsvTables,
  renderHtml,
  renderJson,
  renderXlsx,
} from '@zhengban/reporters';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const POLICY = `
apiVersion: zhengban/v1
metadata: { name: 整改测试 }
catalog:
  vendors:
    - { id: kingsoft, names: [Kingsoft], domestic: true }
  products:
    - { id: ms-windows, name: Windows, category: os, match: { osId: [windows] } }
    - { id: wps, name: WPS, vendor: kingsoft, category: office, match: { name: { glob: "WPS*" } } }
    - { id: visio, name: Visio, category: tool, match: { name: { glob: "Visio*" } } }
    - { id: huorong, name: 火绒, category: antivirus, domestic: true, license: freeware, match: { name: 火绒 } }
    - { id: kmspico, name: KMSpico, category: activator, match: { name: { glob: "KMSpico*" } } }
forbidden: { products: [kmspico] }
prices: { ms-windows: 1200 }
entitlements:
  - { id: WPS-1, product: wps, type: volume, seats: 5, expires: 2030-12-31 }
settings: { asOf: 2024-06-30 }
`;

const program = (name: string) => ({ name, version: '1.0', source: 'test', evidence: { source: 'test' } });
const FLEET: HostInventory[] = [
  {
    id: 'A-1',
    unit: '<b>办公室</b>',
    scanner: 'test',
    os: { name: 'Windows 10', version: '10.0', id: 'windows' },
    software: [program('WPS Office'), program('火绒'), program('KMSpico')],
  },
  {
    id: 'A-2',
    unit: '=cmd|x',
    scanner: 'test',
    os: { name: 'Windows 10', version: '10.0', id: 'windows' },
    software: [program('WPS Office'), program('Visio 2016')],
  },
];

let report: ComplianceReport;
beforeAll(async () => {
  const auditor = createAuditor(parsePolicy(POLICY, { filename: 'plan.yaml' }), {
    plan: true,
    details: true,
  });
  for (const host of FLEET) auditor.add(host);
  report = await auditor.finish();
});

describe('the plan in the reporters', () => {
  it('is in the report: two Windows bought at ¥1200, Visio unpriced, KMSpico removed, 火绒 installed free', () => {
    expect(report.plan!.items.map((i) => [i.unit, i.action, i.product, i.seats, i.cost])).toEqual([
      ['<b>办公室</b>', 'remove', 'kmspico', 1, 0],
      ['<b>办公室</b>', 'buy', 'ms-windows', 1, 1200],
      ['=cmd|x', 'buy', 'ms-windows', 1, 1200],
      ['=cmd|x', 'buy', 'visio', 1, undefined],
      ['=cmd|x', 'install', 'huorong', 1, 0],
    ]);
    expect(report.plan!.totals).toMatchObject({ cost: 2400, unpricedItems: 1, purchasedSeats: 3 });
  });

  it('json: valid against the published schema, the plan written after the findings', () => {
    const schemaPath = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(
      JSON.parse(readFileSync(schemaPath, 'utf8')),
    );
    const text = renderJson(report);
    const parsed = JSON.parse(text);
    expect(validate(parsed) ? [] : validate.errors).toEqual([]);
    expect(text.indexOf('"plan"')).toBeGreaterThan(text.indexOf('"findings"'));
  });

  it('csv: 采购计划 and 经费预算, an unknown price written as 未定价, never as an empty cost', () => {
    const files = renderCsvTables(report, createReporterContext(report));
    const plan = files['采购计划.csv']!.split('\r\n');
    expect(plan[0]).toBe(
      '\uFEFF编号,单位,措施,产品,类别,计算机,数量（套）,单价,金额,使用授权,升级为,国产,对应问题数',
    );
    expect(plan).toContain("P-0004,'=cmd|x,采购,visio,工具软件,A-2,1,未定价,未定价,,,,1");
    const budget = files['经费预算.csv']!.split('\r\n');
    expect(budget.at(-2)).toBe('合计,5,4,3,2400,1');
  });

  it('xlsx: 采购计划 and 经费预算 with a title, totals and the signature lines of a budget request', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(report, createReporterContext(report))) as never);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.slice(names.indexOf('采购统计'), names.indexOf('采购统计') + 3)).toEqual([
      '采购统计',
      '采购计划',
      '经费预算',
    ]);
    const plan = workbook.getWorksheet('采购计划')!;
    expect(plan.getCell('A1').value).toBe('整改测试 软件正版化采购计划（截至 2024-06-30）');
    const texts = (sheet: ExcelJS.Worksheet) => {
      const rows: string[] = [];
      sheet.eachRow((row) =>
        rows.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => (v ?? '') as string)
            .join('|'),
        ),
      );
      return rows;
    };
    // 1 + 1 + 1 + 1 + 1 seats (the removal counts its installation); 1200 + 1200 priced.
    expect(texts(plan)).toContain('合计||||||5||2400');
    expect(texts(plan)).toContain("P-0003|'=cmd|x|采购|ms-windows|操作系统|A-2|1|1200|1200||||1");
    const budget = texts(workbook.getWorksheet('经费预算')!);
    expect(budget).toContain('合计|5|4|3|2400|1');
    expect(budget.slice(-5)).toEqual([
      '编制单位（盖章）：',
      '单位负责人：',
      '财务负责人：',
      '经办人：',
      '日期：      年    月    日',
    ]);
  });

  it('xlsx: the 明细表, one row per computer and mandatory class, findings in words', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(report, createReporterContext(report))) as never);
    const rows: string[] = [];
    workbook.getWorksheet('明细表')!.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => (v ?? '') as string)
          .join('|'),
      ),
    );
    expect(rows[0]!.split('|')[0]).toBe('整改测试 软件正版化明细表（截至 2024-06-30）');
    expect(rows[1]).toBe('单位|计算机|类别|产品|软件名称|版本号|版本类型|授权情况|授权编号|问题');
    // (empty cells are not stored: a row ends at its last non-empty cell)
    expect(rows.slice(2)).toEqual([
      '<b>办公室</b>|A-1|操作系统|ms-windows|Windows 10|10.0||未授权||商业软件安装没有任何有效许可覆盖（无台账记录、席位已用尽、不在授权范围内或许可已报废）',
      '<b>办公室</b>|A-1|办公软件|wps|WPS Office|1.0||已授权|WPS-1',
      '<b>办公室</b>|A-1|杀毒软件|huorong|火绒|1.0||免费软件',
      "'=cmd|x|A-2|操作系统|ms-windows|Windows 10|10.0||未授权||商业软件安装没有任何有效许可覆盖（无台账记录、席位已用尽、不在授权范围内或许可已报废）",
      "'=cmd|x|A-2|办公软件|wps|WPS Office|1.0||已授权|WPS-1",
      "'=cmd|x|A-2|杀毒软件|||||未安装||计算机缺少必装的杀毒软件",
    ]);
  });

  it('html: a plan section with every report string escaped', () => {
    const html = renderHtml(report, createReporterContext(report));
    const section = html.slice(
      html.indexOf('<section id="plan">'),
      html.indexOf('</section>', html.indexOf('<section id="plan">')),
    );
    expect(section).toContain(
      '整改方案：5 项措施，涉及 4 套，其中需采购 3 套，经费 2400 CNY；另有 1 项未定价，未计入经费',
    );
    expect(section).toContain('&lt;b&gt;办公室&lt;/b&gt;');
    expect(section).not.toContain('<b>办公室</b>');
  });

  it('console: the totals, the cost per unit and what is unpriced', () => {
    const text = renderConsole(report, createReporterContext(report));
    expect(text).toContain('整改方案：5 项措施，涉及 4 套，其中需采购 3 套，经费 2400 CNY');
    expect(text).toContain('另有 1 项未定价，未计入经费');
    expect(text).toContain('  =cmd|x：3 项措施，经费 1200');
    // WPS-1, 5 seats without a price: counted, never as 0 yuan silently.
    expect(text).toContain(
      '采购统计\n  操作系统：采购 0 套，金额 0 CNY\n  办公软件：采购 5 套，金额 0 CNY（1 条未登记价格，未计入金额）',
    );
  });
});
