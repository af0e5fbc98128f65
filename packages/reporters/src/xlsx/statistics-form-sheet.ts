/**
 * The xlsx first sheet: the statistics form as it is printed, signed and stamped. Title, reporting
 * body and as-of date; two header rows with each class merged over its measures; units indented
 * under their 上级单位 with subtotal rows; a bold totals row; thin borders; rates as numbers with a
 * percent format next to the counts they come from; the lines filled in by hand. Printed A4
 * landscape, one page wide, the header rows repeated on every page.
 */
import type ExcelJS from 'exceljs';
import { displayWidth } from '../display-width.js';
import type { FormRow, StatisticsForm } from '../statistics-form.js';
import type { RateCell } from '../statistics-view.js';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E9EC' } };
const SUBTOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
const FONT = '宋体';
const TITLE_ROW = 1;
const META_ROW = 2;
const HEADER_TOP = 3;
const HEADER_BOTTOM = 4;
/** Paper size 9 is A4 in the OOXML page setup. */
const A4 = 9;

/** Where each column group starts (1-based) and how many columns the form has. */
function layout(form: StatisticsForm) {
  const lead = form.leadColumns.length;
  const perClass = form.measures.length;
  const tailStart = lead + form.classLabels.length * perClass + 1;
  return { lead, perClass, tailStart, width: tailStart + form.tailColumns.length - 1 };
}

export interface FormSheetOptions {
  /** Makes report text safe for a cell (controls, formulas, length). */
  text: (value: string) => string;
  /** What a rate without a denominator shows (`—`). */
  nullRate: string;
  sheetName: string;
}

export function addStatisticsFormSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  form: StatisticsForm,
  { text, nullRate, sheetName }: FormSheetOptions,
): void {
  const { lead, perClass, tailStart, width } = layout(form);
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_BOTTOM }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_TOP}:${HEADER_BOTTOM}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
  });
  const longest = Math.max(
    8,
    ...form.rows.map((row) => displayWidth(row.label) + row.depth * 2),
    ...form.signatureLines.flat().map((blank) => displayWidth(blank.label) / 2),
  );
  sheet.columns = Array.from({ length: width }, (_, index) => ({
    width: index === 0 ? Math.min(48, longest + 2) : index < lead ? 10 : 9.5,
  }));

  const title = sheet.getRow(TITLE_ROW);
  title.getCell(1).value = text(form.title);
  title.getCell(1).font = { name: FONT, size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  title.commit();

  const meta = sheet.getRow(META_ROW);
  const half = Math.max(2, Math.floor(width / 2));
  meta.getCell(1).value = text(form.ownerLine);
  meta.getCell(half + 1).value = text(form.asOfLine);
  meta.getCell(half + 1).alignment = { horizontal: 'right' };
  sheet.mergeCells(META_ROW, 1, META_ROW, half);
  sheet.mergeCells(META_ROW, half + 1, META_ROW, width);
  meta.commit();

  writeHeader(sheet, form, { lead, perClass, tailStart, width }, text);
  for (const row of form.rows) writeRow(sheet, row, width, text, nullRate);
  writeSignatureLines(sheet, form, width, text);
  sheet.commit();
}

function headerCell(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  cell.font = { bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell.border = BORDER;
  cell.fill = HEADER_FILL;
}

function writeHeader(
  sheet: ExcelJS.Worksheet,
  form: StatisticsForm,
  { lead, perClass, tailStart, width }: ReturnType<typeof layout>,
  text: (value: string) => string,
): void {
  const top = sheet.getRow(HEADER_TOP);
  const bottom = sheet.getRow(HEADER_BOTTOM);
  // Every header cell gets a border and fill, also the covered parts of a merge, so the merged
  // block prints with its outline whatever the spreadsheet program.
  for (let column = 1; column <= width; column += 1) {
    headerCell(top.getCell(column), '');
    headerCell(bottom.getCell(column), '');
  }
  const single = (column: number, label: string) => {
    top.getCell(column).value = text(label);
    sheet.mergeCells(HEADER_TOP, column, HEADER_BOTTOM, column);
  };
  form.leadColumns.forEach((label, index) => {
    single(index + 1, label);
  });
  form.classLabels.forEach((label, classIndex) => {
    const first = lead + classIndex * perClass + 1;
    top.getCell(first).value = text(label);
    sheet.mergeCells(HEADER_TOP, first, HEADER_TOP, first + perClass - 1);
    form.measures.forEach((measure, index) => {
      bottom.getCell(first + index).value = text(measure);
    });
  });
  form.tailColumns.forEach((label, index) => {
    single(tailStart + index, label);
  });
  top.height = 20;
  bottom.height = 30;
  top.commit();
  bottom.commit();
}

function rateValue(cell: ExcelJS.Cell, rate: RateCell, nullRate: string): void {
  if (rate.rate === null) {
    cell.value = nullRate;
    cell.alignment = { horizontal: 'center' };
  } else {
    cell.value = rate.rate;
    cell.numFmt = '0.00%';
  }
}

function writeRow(
  sheet: ExcelJS.Worksheet,
  row: FormRow,
  width: number,
  text: (value: string) => string,
  nullRate: string,
): void {
  const added = sheet.addRow([]);
  let column = 1;
  const next = () => added.getCell(column++);
  const label = next();
  label.value = text(row.label);
  label.alignment = { indent: row.depth * 2, vertical: 'middle' };
  next().value = row.staff ?? null;
  next().value = row.computers;
  for (const cells of row.classes) {
    next().value = cells.installed;
    next().value = cells.genuine;
    next().value = cells.domestic;
    rateValue(next(), cells.genuineRate, nullRate);
    rateValue(next(), cells.domesticRate, nullRate);
  }
  rateValue(next(), row.overall, nullRate);
  const fraction = next();
  fraction.value = `${row.overall.numerator}/${row.overall.denominator}`;
  fraction.alignment = { horizontal: 'right' };
  next().value = row.unauthorised;
  for (let index = 1; index <= width; index += 1) {
    const cell = added.getCell(index);
    cell.border = BORDER;
    if (row.kind === 'totals') cell.font = { bold: true };
    if (row.kind === 'subtotal') {
      cell.font = { bold: true };
      cell.fill = SUBTOTAL_FILL;
    }
  }
  added.commit();
}

/**
 * Under the table, one blank row, then each line of blanks spread over the width: a label cell and
 * an underlined space to write in (the date's blank shows 年 月 日).
 */
function writeSignatureLines(
  sheet: ExcelJS.Worksheet,
  form: StatisticsForm,
  width: number,
  text: (value: string) => string,
): void {
  sheet.addRow([]).commit();
  for (const line of form.signatureLines) {
    const spacer = sheet.addRow([]);
    spacer.commit();
    const row = sheet.addRow([]);
    const span = Math.floor(width / line.length);
    line.forEach((blank, index) => {
      const start = index * span + 1;
      const labelCells = Math.max(1, Math.ceil(span / 2));
      const fillStart = start + labelCells;
      const fillEnd = Math.max(fillStart, start + span - 2);
      const label = row.getCell(start);
      label.value = text(blank.label);
      label.alignment = { horizontal: 'right', vertical: 'bottom' };
      label.font = { bold: true };
      if (labelCells > 1) sheet.mergeCells(row.number, start, row.number, fillStart - 1);
      const fill = row.getCell(fillStart);
      fill.value = blank.fill === '' ? null : text(blank.fill);
      fill.alignment = { horizontal: 'right', vertical: 'bottom' };
      for (let column = fillStart; column <= fillEnd; column += 1) {
        row.getCell(column).border = { bottom: THIN };
      }
      if (fillEnd > fillStart) sheet.mergeCells(row.number, fillStart, row.number, fillEnd);
    });
    row.height = 24;
    row.commit();
  }
}
