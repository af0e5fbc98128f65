/**
 * The HTML report's only style sheet and script, inline and static: the Content-Security-Policy
 * allows exactly these two by their SHA-256 hash, so nothing a report string smuggles in can run
 * or restyle the page. The script carries no report data: it reads the findings from the page's
 * JSON block (never executed) and draws them as text.
 */

export const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --head: #f3f4f6; --fail: #b42318; --warn: #b54708;
  --error: #6941c6; --waived: #026aa2; --ok: #067647; --genuine: #1f6feb; --domestic: #d9480f; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1320px; padding: 24px; color: var(--ink); font: 14px/1.5 "Microsoft YaHei",
  "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Hiragino Sans GB",
  "WenQuanYi Micro Hei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
.overdue { color: var(--fail); font-weight: 600; }
.meta { color: var(--muted); margin: 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; margin-top: 8px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .fraction { color: var(--muted); font-size: 12px; }
.card.main .value { font-size: 28px; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
td.wrap { overflow-wrap: anywhere; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.totals td { font-weight: 600; background: #fafafa; }
tr.unit-start td { border-top: 2px solid #8c959f; }
td.rate-bad { color: var(--fail); }
td.rate-good { color: var(--ok); }
.status { font-weight: 600; }
.nowrap { white-space: nowrap; }
tr.s-fail .status { color: var(--fail); }
tr.s-warn .status { color: var(--warn); }
tr.s-error .status { color: var(--error); }
tr.s-waived .status { color: var(--waived); }
tr.s-pass .status, tr.s-skip .status { color: var(--muted); }
.waiver { color: var(--waived); }
.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 6px 0 8px; }
.filters label { font-size: 13px; color: var(--muted); }
.filters select { margin-left: 4px; font: inherit; max-width: 260px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 12px; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 6px; }
.chart { margin: 0; }
.chart svg { width: 100%; height: auto; display: block; }
.chart .na { font-size: 10px; fill: #59636e; }
.chart figcaption { font-size: 12px; color: var(--muted); text-align: center; }
.empty { color: var(--muted); }
[hidden] { display: none !important; }
.pager { display: flex; gap: 10px; align-items: center; margin: 0 0 8px; font-size: 13px; }
.pager button { font: inherit; padding: 1px 10px; }
code { overflow-wrap: anywhere; }
.form-page h2.form-title { text-align: center; font-size: 20px; border-bottom: none; margin: 8px 0 4px; }
.form-meta { display: flex; justify-content: space-between; margin: 0 0 6px; }
table.form { font-size: 12px; }
table.form th, table.form td { border-color: #1f2328; padding: 2px 4px; }
.form-page { overflow-x: auto; }
table.form thead th { text-align: center; vertical-align: middle; white-space: normal; min-width: 3.5em; }
table.form thead tr + tr th { white-space: nowrap; min-width: 0; }
table.form tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
table.form tr.subtotal th, table.form tr.subtotal td { font-weight: 600; background: #f3f4f6; }
table.form tr.totals th, table.form tr.totals td { font-weight: 700; background: #fafafa; }
table.form tr.depth-1 th { padding-left: 2em; }
table.form tr.depth-2 th { padding-left: 4em; }
table.form tr.depth-3 th { padding-left: 6em; }
table.form tr.depth-4 th, table.form tr.depth-5 th, table.form tr.depth-6 th { padding-left: 8em; }
.signatures { margin-top: 18px; }
.sign-line { display: flex; gap: 24px; margin: 0 0 22px; }
.sign-item { flex: 1; display: flex; align-items: flex-end; white-space: nowrap; }
.sign-label { font-weight: 600; }
.sign-blank { flex: 1; border-bottom: 1px solid var(--ink); min-width: 6em; text-align: right; padding: 0 4px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@page { size: A4 landscape; margin: 12mm 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters, .pager { display: none; }
  .form-page { break-after: page; }
  table.form { font-size: 9pt; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, .card, .chart { break-inside: avoid; }
  h2 { break-after: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
}
`;

/**
 * Pages and filters the findings from the page's JSON data block (findings-pages.ts). Rows are
 * built with createElement and textContent only: report text is never parsed as markup.
 */
export const FILTER_SCRIPT = `
(function () {
  var table = document.getElementById('findings-table');
  var counter = document.getElementById('findings-shown');
  var dataNode = document.getElementById('findings-data');
  if (!table || !counter || !dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var strings = data.strings, rows = data.rows, width = data.fields.length, size = data.pageSize;
  var total = rows.length / width;
  var at = {};
  data.fields.forEach(function (field, index) { at[field] = index; });
  var body = table.tBodies[0];
  var pageOut = document.getElementById('findings-page');
  var prev = document.getElementById('findings-prev');
  var next = document.getElementById('findings-next');
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var matches = [];
  var page = 0;
  function text(row, field) { return strings[rows[row * width + at[field]]]; }
  function cell(tr, className, value, small) {
    var td = document.createElement('td');
    if (className) td.className = className;
    if (className === 'rule') {
      td.className = '';
      var code = document.createElement('code');
      code.textContent = value;
      td.appendChild(code);
    } else td.textContent = value;
    if (small) {
      td.appendChild(document.createElement('br'));
      var note = document.createElement('small');
      note.textContent = small;
      td.appendChild(note);
    }
    tr.appendChild(td);
  }
  function drawRow(row) {
    var tr = document.createElement('tr');
    tr.className = 's-' + text(row, 'status');
    cell(tr, '', text(row, 'unit'));
    cell(tr, 'nowrap', text(row, 'host'));
    cell(tr, 'status', text(row, 'statusText'));
    cell(tr, 'nowrap', text(row, 'severityText'));
    cell(tr, 'rule', text(row, 'rule'), text(row, 'ruleText'));
    cell(tr, '', text(row, 'software'));
    cell(tr, '', text(row, 'message'), text(row, 'remediation'));
    cell(tr, 'num', text(row, 'deadline'), text(row, 'overdue'));
    cell(tr, 'waiver', text(row, 'waiver'));
    cell(tr, 'wrap', text(row, 'evidence'));
    return tr;
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(matches.length / size));
    if (page >= pages) page = pages - 1;
    var fragment = document.createDocumentFragment();
    var end = Math.min(matches.length, (page + 1) * size);
    for (var i = page * size; i < end; i += 1) fragment.appendChild(drawRow(matches[i]));
    body.textContent = '';
    body.appendChild(fragment);
    counter.textContent = counter.getAttribute('data-template')
      .replace('{shown}', String(matches.length)).replace('{total}', String(total));
    if (pageOut) pageOut.textContent = pageOut.getAttribute('data-template')
      .replace('{page}', String(page + 1)).replace('{pages}', String(pages));
    if (prev) prev.disabled = page === 0;
    if (next) next.disabled = page >= pages - 1;
  }
  function apply() {
    var wanted = selects.map(function (select) {
      return { field: at[select.getAttribute('data-filter')], value: select.value };
    }).filter(function (filter) { return filter.value !== ''; });
    matches = [];
    for (var row = 0; row < total; row += 1) {
      var keep = true;
      for (var f = 0; f < wanted.length && keep; f += 1) {
        keep = strings[rows[row * width + wanted[f].field]] === wanted[f].value;
      }
      if (keep) matches.push(row);
    }
    page = 0;
    draw();
  }
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  if (prev) prev.addEventListener('click', function () { page -= 1; draw(); });
  if (next) next.addEventListener('click', function () { page += 1; draw(); });
  apply();
})();
`;
