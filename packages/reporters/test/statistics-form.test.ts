/**
 * The statistics form people sign: the xlsx first sheet read back with exceljs, cell by cell.
 * Numbers are the fixture's (fixtures/report.ts): 财政局, 教育局 and 档案馆 sit under 市政府, which
 * is not a unit itself, so 市政府 heads a group with its subtotal: staff 25+18+6 = 49, computers
 * 4+3+0 = 7, OS installed 4+3 = 7 of which genuine 3+3 = 6, overall genuine 9+8 = 17 of 11+9 = 20.
 */
import { type ComplianceReport, problemText, type UnitInfo } from '@zhengban/core';
import { createReporterContext, renderXlsx } from '@zhengban/reporters';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { statisticsForm } from '../src/statistics-form.js';
import { statisticsBlocks } from '../src/statistics-view.js';
import { statisticsTable } from '../src/tables.js';
import { fixtureReport, HOSTILE_UNIT } from './fixtures/report.js';

const owned: ComplianceReport = {
  ...fixtureReport,
  policy: { ...fixtureReport.policy, owner: '某市人民政府办公室' },
};

async function formSheet(report: ComplianceReport, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const workbook = new ExcelJS.Workbook();
  const bytes = await renderXlsx(report, createReporterContext(report, { locale }));
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { workbook, sheet: workbook.worksheets[0]! };
}

/** The row whose first cell is `label`. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let n = 1; n <= sheet.rowCount; n += 1) {
    if (sheet.getRow(n).getCell(1).value === label) return sheet.getRow(n);
  }
  throw new Error(`no row ${label}`);
}

describe('xlsx statistics form (first sheet)', () => {
  it('is titled after the owner, with the owner and as-of date, merged over the full width', async () => {
    const { sheet } = await formSheet(owned);
    expect(sheet.name).toBe('统计表');
    expect(sheet.getCell('A1').value).toBe('某市人民政府办公室软件正版化工作情况统计表');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    // 3 lead columns, 3 classes × 5 measures, 3 tail columns = 21 = U.
    expect(sheet.model.merges).toContain('A1:U1');
    expect(sheet.getCell('A2').value).toBe('填报单位：某市人民政府办公室');
    expect(sheet.getCell('K2').value).toBe('截至日期：2024-06-30');
    // Without an owner the policy name stands in.
    const { sheet: unowned } = await formSheet(fixtureReport);
    expect(unowned.getCell('A1').value).toBe(`${fixtureReport.policy.name}软件正版化工作情况统计表`);
  });

  it('merges each class header over 已安装/正版/国产/正版率/国产化率, lead and tail headers over two rows', async () => {
    const { sheet } = await formSheet(owned);
    const merges = sheet.model.merges;
    expect(merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:B4', 'C3:C4', 'D3:H3', 'I3:M3', 'N3:R3']));
    expect(merges).toEqual(expect.arrayContaining(['S3:S4', 'T3:T4', 'U3:U4']));
    expect(['D3', 'I3', 'N3'].map((ref) => sheet.getCell(ref).value)).toEqual([
      '操作系统',
      '办公软件',
      '杀毒软件',
    ]);
    expect(['D4', 'E4', 'F4', 'G4', 'H4'].map((ref) => sheet.getCell(ref).value)).toEqual([
      '已安装',
      '正版',
      '国产',
      '正版率',
      '国产化率',
    ]);
    expect(sheet.getCell('S3').value).toBe('总正版率');
    expect(sheet.getCell('T3').value).toBe('正版/已安装');
    expect(sheet.getCell('D3').font?.bold).toBe(true);
    expect(sheet.getCell('D3').border?.bottom?.style).toBe('thin');
  });

  it('nests units under their 上级单位 with a subtotal, keeps rates beside their fractions, bolds the totals', async () => {
    const { sheet } = await formSheet(owned);
    const labels = [5, 6, 7, 8, 9, 10].map((n) => sheet.getRow(n).getCell(1).value);
    expect(labels).toEqual(['市政府 小计', '财政局', '教育局', '档案馆', HOSTILE_UNIT, '合计']);
    const subtotal = rowOf(sheet, '市政府 小计');
    // staff, computers, OS installed/genuine/domestic, OS genuine rate 6/7
    expect([2, 3, 4, 5, 6].map((c) => subtotal.getCell(c).value)).toEqual([49, 7, 7, 6, 1]);
    expect(subtotal.getCell(7).value).toBeCloseTo(6 / 7, 12);
    expect(subtotal.getCell(7).numFmt).toBe('0.00%');
    expect(subtotal.getCell(19).value).toBeCloseTo(17 / 20, 12);
    expect(subtotal.getCell(20).value).toBe('17/20');
    expect(subtotal.getCell(1).font?.bold).toBe(true);
    expect(rowOf(sheet, '财政局').getCell(1).alignment?.indent).toBe(2);
    expect(subtotal.getCell(1).alignment?.indent ?? 0).toBe(0);
    expect(rowOf(sheet, HOSTILE_UNIT).getCell(1).alignment?.indent ?? 0).toBe(0);
    // 档案馆 has no computers: its rates are —, not 0%.
    expect(rowOf(sheet, '档案馆').getCell(7).value).toBe('—');
    const totals = rowOf(sheet, '合计');
    expect(totals.getCell(19).value).toBeCloseTo(18 / 22, 12);
    expect(totals.getCell(20).value).toBe('18/22');
    expect(totals.getCell(21).value).toBe(3);
    for (let column = 1; column <= 21; column += 1) {
      expect(totals.getCell(column).font?.bold).toBe(true);
      expect(totals.getCell(column).border?.left?.style).toBe('thin');
    }
    expect(rowOf(sheet, '财政局').getCell(1).font?.bold).toBeFalsy();
  });

  it('ends with the lines filled in by hand: signature, seal, filled in by, telephone, date', async () => {
    const { sheet } = await formSheet(owned);
    const texts: string[] = [];
    const totalsRow = rowOf(sheet, '合计').number;
    sheet.eachRow((row) => {
      if (row.number <= totalsRow) return;
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.isMerged === false) texts.push(cell.value);
        else if (typeof cell.value === 'string' && cell.master === cell) texts.push(cell.value);
      });
    });
    expect(texts).toEqual([
      '单位负责人（签字）：',
      '（盖章）',
      '填报人：',
      '联系电话：',
      '填报日期：',
      '    年    月    日',
    ]);
    // The blank after 单位负责人（签字） is underlined so there is a line to sign on.
    const signRow = rowOf(sheet, '单位负责人（签字）：');
    expect(signRow.getCell(6).border?.bottom?.style).toBe('thin');
  });

  it('prints A4 landscape, one page wide, the two header rows repeated on every page', async () => {
    const { sheet } = await formSheet(owned);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:4',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
  });

  it('speaks English under en', async () => {
    const { sheet } = await formSheet(owned, 'en');
    expect(sheet.name).toBe('statistics');
    expect(sheet.getCell('A1').value).toBe('某市人民政府办公室: genuine software statistics form');
    expect(sheet.getCell('D4').value).toBe('Installed');
  });
});

describe('statistics form nesting', () => {
  const unit = (name: string, parent: string | undefined, computers: number) => ({
    ...fixtureReport.units[0]!,
    unit: name,
    computers,
    ...(parent === undefined ? { parent: undefined } : { parent }),
  });

  it('shows a parent that is a unit as 本级 under its own subtotal, grandchildren one level deeper', () => {
    const report: ComplianceReport = {
      ...fixtureReport,
      units: [
        unit('市委', undefined, 2),
        unit('办公室', '市委', 3),
        unit('机要科', '办公室', 1),
        unit('外事办', undefined, 5),
      ],
    };
    const rows = statisticsForm(report, 'zh-CN').rows.map((row) => [
      row.kind,
      row.label,
      row.depth,
      row.computers,
    ]);
    expect(rows).toEqual([
      ['subtotal', '市委 小计', 0, 6],
      ['unit', '市委（本级）', 1, 2],
      ['subtotal', '办公室 小计', 1, 4],
      ['unit', '办公室（本级）', 2, 3],
      ['unit', '机要科', 2, 1],
      ['unit', '外事办', 0, 5],
      ['totals', '合计', 0, fixtureReport.totals.computers],
    ]);
  });

  it('lists units whose parents form a cycle once each instead of losing them', () => {
    const report: ComplianceReport = {
      ...fixtureReport,
      units: [unit('甲', '乙', 1), unit('乙', '甲', 2)],
    };
    const rows = statisticsForm(report, 'zh-CN').rows.filter((row) => row.kind === 'unit');
    expect(rows.map((row) => row.label).sort()).toEqual(['乙（本级）', '甲'].sort());
    expect(rows.reduce((sum, row) => sum + row.computers, 0)).toBe(3);
  });
});

describe('statistics form: staff counted once in a subtotal', () => {
  it("a parent's 编制人数 already includes its subordinates': the subtotal row shows it, not the sum", async () => {
    // 县教育局 states 100 staff, its school 一中 (under it) 60: the people of 一中 are among the
    // 100. The subtotal row and the totals row both say 100 (they said 160 when the form summed).
    const { createAuditor, builtinPolicy } = await loadEngine();
    const auditor = createAuditor(builtinPolicy, {
      asOf: '2024-06-30',
      units: [
        { name: '县教育局', staff: 100 },
        { name: '一中', staff: 60, parent: '县教育局' },
      ],
    });
    auditor.add({ id: 'JY-1', unit: '县教育局', software: [], scanner: 'test' });
    auditor.add({ id: 'YZ-1', unit: '一中', software: [], scanner: 'test' });
    const report = await auditor.finish();
    const form = statisticsForm(report, 'zh-CN');
    const subtotal = form.rows.find((row) => row.kind === 'subtotal')!;
    expect([subtotal.staff, subtotal.computers]).toEqual([100, 2]);
    expect(form.rows.find((row) => row.kind === 'totals')!.staff).toBe(100);
  });

  it("shows 本级 as the stated staff less the subordinates', so the rows under a subtotal add up to it", async () => {
    // 县教育局 100 with 一中 60 and 二中 25 under it: 本级 100 − 60 − 25 = 15, and 15 + 60 + 25 = 100.
    const report = await nestedReport([
      { name: '县教育局', staff: 100 },
      { name: '一中', staff: 60, parent: '县教育局' },
      { name: '二中', staff: 25, parent: '县教育局' },
    ]);
    const staff = statisticsForm(report, 'zh-CN').rows.map((row) => [row.label, row.staff]);
    expect(staff).toEqual([
      ['县教育局 小计', 100],
      ['县教育局（本级）', 15],
      ['一中', 60],
      ['二中', 25],
      ['合计', 100],
    ]);
    // Every other table prints the same figures on the same rows (xlsx 统计数据 and csv, console and
    // markdown, the signed xlsx sheet).
    const table = statisticsTable(report, 'zh-CN');
    const staffAt = table.columns.indexOf('编制人数');
    expect(table.rows.map((row) => [row[0]!.value, row[staffAt]!.value])).toEqual([
      ['县教育局（本级）', 15],
      ['\u3000一中', 60],
      ['\u3000二中', 25],
      ['县教育局 小计', 100],
      ['合计', 100],
    ]);
    expect(statisticsBlocks(report, 'zh-CN').map((block) => block.staff)).toEqual([15, 60, 25, 100, 100]);
    const { sheet } = await formSheet(report);
    expect(rowOf(sheet, '县教育局（本级）').getCell(2).value).toBe(15);
  });

  it('leaves 本级 blank, with a located warning, when the subordinates state more than the parent', async () => {
    // 县教育局 states 50 but 一中 60: no figure is right for 本级, so none is printed; the subtotal
    // keeps the parent's stated 50 and the warning says both numbers.
    const report = await nestedReport([
      { name: '县教育局', staff: 50, location: { file: 'units.csv', line: 2 } },
      { name: '一中', staff: 60, parent: '县教育局', location: { file: 'units.csv', line: 3 } },
    ]);
    const staff = statisticsForm(report, 'zh-CN').rows.map((row) => [row.label, row.staff]);
    expect(staff.slice(0, 3)).toEqual([
      ['县教育局 小计', 50],
      ['县教育局（本级）', undefined],
      ['一中', 60],
    ]);
    const warning = report.problems.find((p) => p.code === 'units.staff-below-subordinates')!;
    expect(warning).toMatchObject({ severity: 'warning', file: 'units.csv', line: 2 });
    expect(problemText(warning, 'zh-CN')).toBe(
      '单位 "县教育局" 的编制人数是 50，但它的下级单位合计 60 人；单位的编制包括其下级单位，合计按 50 计算，它本级一行的编制人数留空。',
    );
    const { sheet } = await formSheet(report);
    expect(rowOf(sheet, '县教育局（本级）').getCell(2).value).toBeNull();
  });
});

async function nestedReport(units: UnitInfo[]): Promise<ComplianceReport> {
  const { createAuditor, builtinPolicy } = await loadEngine();
  const auditor = createAuditor(builtinPolicy, { asOf: '2024-06-30', units });
  auditor.add({ id: 'JY-1', unit: '县教育局', software: [], scanner: 'test' });
  auditor.add({ id: 'YZ-1', unit: '一中', software: [], scanner: 'test' });
  return auditor.finish();
}

async function loadEngine() {
  const core = await import('@zhengban/core');
  const { builtinResolver } = await import('@zhengban/rules');
  const policy = core.parsePolicy(
    'apiVersion: zhengban/v1\nmetadata: { name: t }\nextends: [builtin:cn-gov-baseline]\n',
    {
      filename: 'p.yaml',
      resolvers: [builtinResolver],
    },
  );
  return { createAuditor: core.createAuditor, builtinPolicy: policy };
}
