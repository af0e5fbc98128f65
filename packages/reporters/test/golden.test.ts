import type { Locale } from '@zhengban/core';
import { createReporterContext, getReporter, renderCsvTables } from '@zhengban/reporters';
import ExcelJS from 'exceljs';
import { describe, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';
import { expectGolden } from './golden.js';

async function renderText(name: string, locale: Locale): Promise<string> {
  const reporter = getReporter(name)!;
  const output = await reporter.render(fixtureReport, createReporterContext(fixtureReport, { locale }));
  if (typeof output !== 'string') throw new Error(`${name} returned bytes`);
  return output;
}

/** The workbook read back: per sheet, frozen header, column widths, each row's cell values (rates with their number format). */
async function readWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets: Record<
    string,
    { frozen: unknown; headerBold: boolean; widths: (number | undefined)[]; rows: unknown[][] }
  > = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells: unknown[] = [];
      for (let index = 1; index <= sheet.columnCount; index++) {
        const cell = row.getCell(index);
        const value = cell.value;
        cells.push(cell.numFmt && typeof value === 'number' ? { value, numFmt: cell.numFmt } : value);
      }
      rows.push(cells);
    });
    const view = sheet.views[0];
    sheets[sheet.name] = {
      frozen: { state: view?.state, ySplit: (view as { ySplit?: number } | undefined)?.ySplit },
      headerBold: sheet.getRow(1).font?.bold ?? false,
      widths: sheet.columns.map((column) => column.width),
      rows,
    };
  });
  return sheets;
}

describe('golden files from the shared fixture report', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`console (${locale})`, async () => {
      expectGolden(`console.${locale}.txt`, await renderText('console', locale));
    });
    it(`markdown (${locale})`, async () => {
      expectGolden(`report.${locale}.md`, await renderText('markdown', locale));
    });
    it(`html (${locale})`, async () => {
      expectGolden(`report.${locale}.html`, await renderText('html', locale));
    });
  }

  it('json', async () => {
    expectGolden('report.json', await renderText('json', 'zh-CN'));
  });

  it('sarif (zh-CN)', async () => {
    expectGolden('report.zh-CN.sarif', await renderText('sarif', 'zh-CN'));
  });

  it('junit (zh-CN)', async () => {
    expectGolden('report.zh-CN.junit.xml', await renderText('junit', 'zh-CN'));
  });

  it('csv: every table (zh-CN) and the statistics table (en)', async () => {
    const files = renderCsvTables(fixtureReport, createReporterContext(fixtureReport));
    for (const [name, content] of Object.entries(files)) expectGolden(`csv.zh-CN.${name}`, content);
    expectGolden('csv.en.statistics.csv', await renderText('csv', 'en'));
  });

  it('xlsx read back with exceljs (zh-CN)', async () => {
    const bytes = await getReporter('xlsx')!.render(fixtureReport, createReporterContext(fixtureReport));
    if (typeof bytes === 'string') throw new Error('xlsx returned text');
    expectGolden('xlsx.zh-CN.json', `${JSON.stringify(await readWorkbook(bytes), null, 1)}\n`);
  });
});
