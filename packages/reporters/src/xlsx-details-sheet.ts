/**
 * The xlsx 明细表: one row per computer, mandatory class and installation (report.details) — the
 * product and version found, its licence (the entitlement whose seat covers it, free software, no
 * licence, not installed) and the failing findings about it, worded by the report's rule
 * descriptions. Written only when the report has details.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import type ExcelJS from 'exceljs';
import { neutraliseFormula } from './csv-reporter.js';
import { replaceLoneSurrogates } from './escaping.js';
import { classLabel } from './labels.js';
import { localText, type MessageKey, t } from './messages.js';

const safe = (value: string | undefined): string =>
  neutraliseFormula(
    replaceLoneSurrogates(value ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD'),
  ).slice(0, 32_767);

const COLUMNS: readonly MessageKey[] = [
  'details.unit',
  'details.host',
  'details.class',
  'details.product',
  'details.name',
  'details.version',
  'details.edition',
  'details.licence',
  'details.entitlement',
  'details.findings',
];
const WIDTHS = [14, 16, 10, 18, 36, 16, 12, 10, 16, 40];

export async function addDetailsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: ComplianceReport,
  locale: Locale,
  /** Awaited between rows: a Ctrl-C is heard during a long sheet (render-steps.ts). */
  step: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (!report.details) return;
  const described = new Map(report.rules.map((rule) => [rule.id, localText(rule.description, locale)]));
  const sheet = workbook.addWorksheet(t('details.sheet', locale), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const heading = sheet.addRow([
    safe(t('details.title', locale, { policy: report.policy.name, asOf: report.asOf })),
  ]);
  heading.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  heading.commit();
  const header = sheet.addRow(COLUMNS.map((key) => t(key, locale)));
  header.font = { bold: true };
  header.commit();
  for (const row of report.details) {
    await step();
    sheet
      .addRow([
        safe(row.unit),
        safe(row.host),
        classLabel(row.class, locale),
        safe(row.product),
        safe(row.software?.name),
        safe(row.software?.version),
        safe(row.software?.edition),
        t(`licence.${row.licence}`, locale),
        safe(row.entitlement),
        safe(row.findings.map((rule) => described.get(rule) ?? rule).join('；')),
      ])
      .commit();
  }
  sheet.commit();
}
