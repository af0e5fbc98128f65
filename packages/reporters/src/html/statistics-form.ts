/**
 * The statistics form as a print-ready HTML page (the same model as the xlsx first sheet,
 * statistics-form.ts): title, reporting body and as-of date, two header rows with each class over
 * its measures, units indented under their 上级单位 with subtotal rows, a bold totals row, and the
 * lines filled in by hand. Printed on its own A4 landscape page(s), header rows repeated.
 */
import type { ComplianceReport, Locale } from '@zhengban/core';
import { escapeHtml as e } from '../escaping.js';
import { formatRate } from '../rates.js';
import { type FormRow, statisticsForm } from '../statistics-form.js';
import type { RateCell } from '../statistics-view.js';

const num = (value: number | undefined) => `<td class="num">${value === undefined ? '' : value}</td>`;

/** Genuine rates are coloured (100% or not); domestic rates are a preference and stay neutral. */
function rateTd(cell: RateCell, locale: Locale, toned: boolean): string {
  const tone = !toned || cell.rate === null ? '' : cell.rate === 1 ? ' rate-good' : ' rate-bad';
  return `<td class="num${tone}">${e(formatRate(cell.rate, locale))}</td>`;
}

function rowHtml(row: FormRow, locale: Locale): string {
  const classes = [`depth-${Math.min(row.depth, 6)}`, row.kind === 'unit' ? '' : row.kind].filter(Boolean);
  const cells = [
    `<th scope="row">${e(row.label)}</th>`,
    num(row.staff),
    num(row.computers),
    ...row.classes.flatMap((c) => [
      num(c.installed),
      num(c.genuine),
      num(c.domestic),
      rateTd(c.genuineRate, locale, true),
      rateTd(c.domesticRate, locale, false),
    ]),
    rateTd(row.overall, locale, true),
    `<td class="num">${row.overall.numerator}/${row.overall.denominator}</td>`,
    num(row.unauthorised),
  ];
  return `<tr class="${classes.join(' ')}">${cells.join('')}</tr>`;
}

export function statisticsFormSection(report: ComplianceReport, locale: Locale): string {
  const form = statisticsForm(report, locale);
  const twoRows = (label: string) => `<th rowspan="2" scope="col">${e(label)}</th>`;
  const head =
    '<thead><tr>' +
    form.leadColumns.map(twoRows).join('') +
    form.classLabels
      .map((label) => `<th colspan="${form.measures.length}" scope="colgroup">${e(label)}</th>`)
      .join('') +
    form.tailColumns.map(twoRows).join('') +
    '</tr><tr>' +
    form.classLabels
      .flatMap(() => form.measures.map((measure) => `<th scope="col">${e(measure)}</th>`))
      .join('') +
    '</tr></thead>';
  const body = `<tbody>${form.rows.map((row) => rowHtml(row, locale)).join('\n')}</tbody>`;
  const lines = form.signatureLines
    .map(
      (line) =>
        `<div class="sign-line">${line
          .map(
            (blank) =>
              `<span class="sign-item"><span class="sign-label">${e(blank.label)}</span><span class="sign-blank">${e(blank.fill)}</span></span>`,
          )
          .join('')}</div>`,
    )
    .join('');
  return (
    `<section id="form" class="form-page">` +
    `<h2 class="form-title">${e(form.title)}</h2>` +
    `<p class="form-meta"><span>${e(form.ownerLine)}</span><span>${e(form.asOfLine)}</span></p>` +
    `<table id="statistics-table" class="form">${head}${body}</table>` +
    `<div class="signatures">${lines}</div>` +
    '</section>'
  );
}
