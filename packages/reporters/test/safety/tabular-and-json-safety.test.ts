/**
 * Spreadsheets never run a cell from the input as a formula (CSV and XLSX), JSON outputs stay valid
 * UTF-8 JSON that gives back every string exactly (lone surrogates, controls), and the text formats
 * (console, markdown, JUnit XML) carry no control sequence or markup from the input. Random hostile
 * strings (fast-check) in every field of a report built by the real engine.
 */
import {
  createReporterContext,
  renderConsole,
  renderCsvTables,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderSarif,
  renderXlsx,
} from '@zhengban/reporters';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileReport, hostileStrings } from './hostile-report.js';

/** A cell a spreadsheet would evaluate: it starts with = + - @ or a tab / CR before one. */
const FORMULA_START = /^[=+\-@\t\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters XML 1.0 forbids (besides lone surrogates). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Bidi embeddings, overrides, isolates and marks: they reorder what a terminal or page shows. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{10FFFE}\u{10FFFF}]/u;

/** RFC 4180 cells of a CSV text (quoted fields may hold commas, quotes and line breaks). */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else cell += text[i++];
      }
    }
    while (i < text.length && text[i] !== ',' && !(text[i] === '\r' && text[i + 1] === '\n'))
      cell += text[i++];
    cells.push(cell);
    i += text[i] === ',' ? 1 : 2;
  }
  return cells;
}

const RUNS = { numRuns: 25 };

describe('spreadsheets never run input as a formula', () => {
  it('csv: no cell of any table starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (strings) => {
        const report = await hostileReport(strings);
        const files = renderCsvTables(report, { locale: 'zh-CN' });
        for (const [file, text] of Object.entries(files)) {
          const risky = csvCells(text).filter((cell) => FORMULA_START.test(cell));
          expect(risky, file).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('xlsx: no formula cell, and no string cell starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (strings) => {
        const report = await hostileReport(strings);
        const bytes = await renderXlsx(report, createReporterContext(report));
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        const risky: string[] = [];
        workbook.eachSheet((sheet) =>
          sheet.eachRow((row) =>
            row.eachCell((cell) => {
              if (cell.type === ExcelJS.ValueType.Formula)
                risky.push(`${sheet.name}!${cell.address}: formula`);
              if (typeof cell.value === 'string' && FORMULA_START.test(cell.value))
                risky.push(`${sheet.name}!${cell.address}: ${cell.value}`);
            }),
          ),
        );
        expect(risky).toEqual([]);
      }),
      { numRuns: 10 },
    );
  });
});

describe('xlsx stays well-formed XML', () => {
  it('a name with U+FFFE, U+FFFF or a control opens (every sheet part parses) and shows U+FFFD', async () => {
    const strings = Object.fromEntries(
      Object.keys(await hostileStringsSample()).map((key) => [key, `x\uFFFEy\uFFFF\u0001z`]),
    ) as unknown as Parameters<typeof hostileReport>[0];
    const report = await hostileReport(strings);
    const bytes = await renderXlsx(report, createReporterContext(report));
    const workbook = new ExcelJS.Workbook();
    // exceljs parses every part with a strict XML parser: an invalid character fails the load.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(texts.filter((text) => XML_INVALID.test(text))).toEqual([]);
    expect(texts.some((text) => text.includes('x\uFFFDy\uFFFD\uFFFDz'))).toBe(true);
  });
});

async function hostileStringsSample() {
  return fc.sample(hostileStrings, 1)[0]!;
}

describe('JSON outputs are valid for any input string', () => {
  it('json: valid UTF-8 JSON that gives back every hostile string exactly', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (strings) => {
        const report = await hostileReport(strings);
        const json = renderJson(report);
        expect(json).not.toMatch(LONE_SURROGATE);
        expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
        const back = JSON.parse(json) as typeof report;
        expect(back.problems.map((problem) => problem.message)).toContain(strings.problem);
        expect(back.findings.some((finding) => finding.subject.host === `H ${strings.host}`)).toBe(true);
        expect(back.policy.name).toBe(`P ${strings.policyName}`);
      }),
      RUNS,
    );
  });

  it('sarif: valid UTF-8 JSON', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (strings) => {
        const report = await hostileReport(strings);
        const sarif = renderSarif(report, createReporterContext(report));
        expect(sarif).not.toMatch(LONE_SURROGATE);
        expect((JSON.parse(sarif) as { version: string }).version).toBe('2.1.0');
      }),
      RUNS,
    );
  });
});

describe('text outputs carry no control sequence or markup from the input', () => {
  it('console, markdown and JUnit XML', async () => {
    await fc.assert(
      fc.asyncProperty(hostileStrings, async (strings) => {
        const report = await hostileReport(strings);
        const ctx = createReporterContext(report);
        const text = renderConsole(report, { ...ctx, color: false });
        expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(text).not.toMatch(LONE_SURROGATE);
        expect(text).not.toMatch(BIDI);
        const markdown = renderMarkdown(report, ctx);
        expect(markdown).not.toMatch(/<[a-zA-Z!/]/);
        expect(markdown).not.toMatch(BIDI);
        expect(markdown).not.toMatch(NONCHARACTER);
        expect(text).not.toMatch(NONCHARACTER);
        const xml = renderJunit(report, ctx);
        expect(xml).not.toMatch(XML_INVALID);
        expect(xml).not.toMatch(LONE_SURROGATE);
        // Only the JUnit elements themselves are markup.
        const elements = new Set([...xml.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
        expect(
          [...elements].filter(
            (name) =>
              ![
                'testsuites',
                'testsuite',
                'testcase',
                'failure',
                'error',
                'skipped',
                'properties',
                'property',
                'system-out',
              ].includes(name!),
          ),
        ).toEqual([]);
      }),
      RUNS,
    );
  });

  it('markdown and console show noncharacters and bidi controls as U+FFFD, keeping the rest of the name', async () => {
    const names = Object.fromEntries(
      Object.keys(await hostileStringsSample()).map((key) => [key, `a\uFFFEb\uFDD0c\u{1FFFF}d\u202Ee`]),
    ) as unknown as Parameters<typeof hostileReport>[0];
    const report = await hostileReport(names);
    const ctx = createReporterContext(report);
    for (const text of [renderMarkdown(report, ctx), renderConsole(report, { ...ctx, color: false })]) {
      expect(text).not.toMatch(NONCHARACTER);
      expect(text).not.toMatch(BIDI);
      expect(text).toContain('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    }
  });
});
