/**
 * The HTML report's only style sheet and script, inline and static: the Content-Security-Policy
 * allows exactly these two by their SHA-256 hash, so nothing a report string smuggles in can run
 * or restyle the page. The script only reads data-attributes; it carries no report data.
 */

export const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --head: #f3f4f6; --fail: #b42318; --warn: #b54708;
  --error: #6941c6; --waived: #026aa2; --ok: #067647; --genuine: #1f6feb; --domestic: #d9480f; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1180px; padding: 24px; color: var(--ink); font: 14px/1.5 system-ui, -apple-system,
  "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
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
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters { display: none; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  tr, .card, .chart { break-inside: avoid; }
  h2 { break-after: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
}
`;

export const FILTER_SCRIPT = `
(function () {
  var table = document.getElementById('findings-table');
  var counter = document.getElementById('findings-shown');
  if (!table || !counter) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (select) {
        return select.value === '' || row.getAttribute('data-' + select.getAttribute('data-filter')) === select.value;
      });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    counter.textContent = counter.getAttribute('data-template')
      .replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  }
  selects.forEach(function (select) { select.addEventListener('change', apply); });
  apply();
})();
`;
