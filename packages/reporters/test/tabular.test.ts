import { UsageError } from '@zhengban/core';
import { createReporterContext, csvReporter, renderCsvTables, renderXlsx } from '@zhengban/reporters';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixtureReport, HOSTILE_FORMULA } from './fixtures/report.js';

const ctx = createReporterContext(fixtureReport);

describe('csv reporter', () => {
  const files = renderCsvTables(fixtureReport, ctx);

  it('writes every table as a UTF-8 file with BOM and CRLF rows', () => {
    expect(Object.keys(files)).toEqual([
      '统计表.csv',
      '问题清单.csv',
      '授权台账.csv',
      '采购统计.csv',
      '采购计划.csv',
      '经费预算.csv',
      '未识别软件.csv',
      '数据输入.csv',
      '输入问题.csv',
    ]);
    for (const content of Object.values(files)) {
      expect(content.startsWith('\uFEFF')).toBe(true);
      expect(content.endsWith('\r\n')).toBe(true);
    }
    expect(Object.keys(renderCsvTables(fixtureReport, { locale: 'en' }))[0]).toBe('statistics.csv');
  });

  it('neutralises cells that a spreadsheet would run as formulas, and quotes per RFC 4180', () => {
    const unrecognised = files['未识别软件.csv']!.split('\r\n');
    expect(unrecognised[2]).toBe(`<img src=x onerror=alert(1)>,"'=HYPERLINK(""http://x"")",'-1+2,1,XX-01`);
    expect(files['问题清单.csv']).toContain(",'@SUM(1+1)\uFFFD,");
    const quoted = csvReporter().render(
      {
        ...fixtureReport,
        unrecognised: [
          { name: '+cmd|a,b', publisher: '\tTab', versions: ['\r1', 'a"b\nc'], hosts: 2, sampleHosts: [] },
        ],
      },
      createReporterContext(fixtureReport, { options: { table: 'unrecognised' } }),
    );
    expect(quoted).toBe(
      `\uFEFF软件名称,发行商,版本,计算机数,示例计算机\r\n"'+cmd|a,b",'\tTab,"'\r1, a""b\nc",2,\r\n`,
    );
  });

  it('writes our own numbers as numbers and null rates as —', () => {
    const rows = files['统计表.csv']!.split('\r\n');
    expect(rows[1]).toBe(
      '财政局,市政府,25,4,4,3,1,0,75.00%,25.00%,4,3,2,0,75.00%,50.00%,3,3,3,1,100.00%,100.00%,81.82%,1',
    );
    expect(rows[4]).toBe('档案馆,市政府,6,0,0,0,0,0,—,—,0,0,0,0,—,—,0,0,0,0,—,—,—,0');
  });

  it('renders the statistics table by default, another table on request, and rejects unknown tables', () => {
    expect(csvReporter().render(fixtureReport, ctx)).toBe(files['统计表.csv']);
    expect(csvReporter({ table: 'findings' }).render(fixtureReport, ctx)).toBe(files['问题清单.csv']);
    expect(() => csvReporter({ table: 'everything' as never })).toThrow(UsageError);
    expect(() => csvReporter({ table: 'everything' as never })).toThrow(
      'csv: unknown table "everything"; choose one of units, findings, ledger, purchases, plan, budget, unrecognised, inputs, problems',
    );
  });
});

describe('xlsx reporter', () => {
  it('writes the sheets with strings never as formulas, rates as percentages, bold frozen headers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(fixtureReport, ctx)) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '统计表',
      '问题清单',
      '授权台账',
      '采购统计',
      '未识别软件',
      '数据输入',
      '输入问题',
      '统计数据',
    ]);
    let formulas = 0;
    workbook.eachSheet((sheet) => {
      // The signed form's own layout is checked in statistics-form.test.ts.
      if (sheet.name !== '统计表') {
        expect(sheet.getRow(1).font?.bold).toBe(true);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.getColumn(1).style.alignment?.wrapText).toBe(true);
      }
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas += 1;
        }),
      );
    });
    expect(formulas).toBe(0);
    const unrecognised = workbook.getWorksheet('未识别软件')!;
    expect(unrecognised.getCell('B3').value).toBe(`'${HOSTILE_FORMULA}`);
    expect(unrecognised.getCell('C3').value).toBe("'-1+2");
    const stats = workbook.getWorksheet('统计数据')!;
    expect(stats.getCell('I2').value).toBe(0.75);
    expect(stats.getCell('I2').numFmt).toBe('0.00%');
    expect(stats.getCell('U4').value).toBe('—');
    expect(stats.getCell('W6').value).toBeCloseTo(18 / 22, 12);
    expect(stats.getColumn(1).width).toBeGreaterThanOrEqual(47);
  });

  it('uses English sheet names under en', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = await renderXlsx(fixtureReport, createReporterContext(fixtureReport, { locale: 'en' }));
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'statistics',
      'findings',
      'ledger',
      'purchases',
      'unrecognised',
      'inputs',
      'problems',
      'statistics data',
    ]);
  });
});
