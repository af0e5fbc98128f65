/**
 * EXPECTED.md and expected.json: the bookkeeping's headline numbers per snapshot, written so a
 * reader can check them by hand (every rate is shown as the fraction it comes from).
 */
import { CLASSES, findingsPerRule } from './bookkeeping.mjs';

const CLASS_ZH = { os: '操作系统', office: '办公软件', antivirus: '杀毒软件' };

const fraction = (a, b) => (b === 0 ? '—' : `${a}/${b} = ${((100 * a) / b).toFixed(1)} %`);

function statsTable(result) {
  const head = ['单位 unit', '编制 staff', '计算机 computers'];
  for (const c of CLASSES) head.push(`${CLASS_ZH[c]} 装/正/国/缺`);
  head.push('正版率 genuine (overall)', '未授权安装（套） unauthorised installations');
  const rows = [...result.units, { ...result.totals, unit: '**合计 total**' }].map((u) => {
    const cells = [u.unit, String(u.staff), String(u.computers)];
    for (const c of CLASSES) {
      const s = u.classes[c];
      cells.push(`${s.installed}/${s.genuine}/${s.domestic}/${s.missing}`);
    }
    const sum = (k) => CLASSES.reduce((n, c) => n + u.classes[c][k], 0);
    cells.push(fraction(sum('genuine'), sum('installed')), String(u.unauthorised));
    return cells;
  });
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function ratesTable(result) {
  const t = result.totals;
  const lines = ['| class | genuine rate | domestic rate |', '| --- | --- | --- |'];
  for (const c of CLASSES) {
    const s = t.classes[c];
    lines.push(
      `| ${c} ${CLASS_ZH[c]} | ${fraction(s.genuine, s.installed)} | ${fraction(s.domestic, s.installed)} |`,
    );
  }
  return lines.join('\n');
}

function findingsTable(result) {
  const lines = ['| rule | findings | of which waived |', '| --- | --- | --- |'];
  let total = 0;
  for (const [rule, count] of Object.entries(findingsPerRule(result.findings))) {
    lines.push(`| \`${rule}\` | ${count.total} | ${count.waived} |`);
    total += count.total;
  }
  lines.push(`| **all** | **${total}** | |`);
  return lines.join('\n');
}

function ledgerTable(result) {
  const lines = [
    '| entitlement | status | seats | consumed | surplus | shortfall |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const e of result.entitlements) {
    lines.push(
      `| ${e.id} | ${e.status} | ${e.seats} | ${e.consumed} | ${e.surplus ?? '—'} | ${e.shortfall} |`,
    );
  }
  return lines.join('\n');
}

function unrecognisedTable(result) {
  const lines = ['| name | publisher | computers |', '| --- | --- | --- |'];
  for (const u of result.unrecognised) lines.push(`| ${u.name} | ${u.publisher ?? ''} | ${u.hosts} |`);
  return lines.join('\n');
}

function section(title, result) {
  return `## ${title} (asOf ${result.asOf})

Statistics table — per class: installed / genuine / domestic / missing computers.

${statsTable(result)}

Rates over all units:

${ratesTable(result)}

Where the genuine computers come from (per class, by the products they run):

${CLASSES.map(
  (c) =>
    `- ${c}: ${result.totals.classes[c].genuine} = ${
      Object.entries(result.genuineBy[c])
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([p, n]) => `${n} ${p}`)
        .join(' + ') || '0'
    }`,
).join('\n')}

Findings per rule (raw status kept; a waived finding still counts here):

${findingsTable(result)}

Licence position:

${ledgerTable(result)}

Unrecognised software (listed for review, \`settings.unrecognised: report\`): ${result.unrecognised.length} titles.

${unrecognisedTable(result)}
`;
}

export function expectedMarkdown(baseline, acceptance) {
  return `# EXPECTED — the headline numbers of the city-2013 example

Written by \`node examples/city-2013/generate.mjs\` from its own bookkeeping (generator/bookkeeping.mjs),
which works the rules of docs/semantics.md over the fleet and the ledger without using the engine.
\`city.test.ts\` runs the real scanners and engine over the committed files and asserts the same
numbers; if they ever differ, one of the two is wrong.

How to read a rate: genuine rate of a class = computers whose every installation of that class is
licensed (covered by a ledger line, or free) and passes its edition and activation checks ÷ computers
with that class installed; overall = Σ genuine ÷ Σ installed over os, office and antivirus. Domestic
rate = computers with a domestic product of the class ÷ computers with the class. The same policy
judges both snapshots; licences bought after 2013-06-30 are "not yet valid" in the baseline.

${section('Phase 1 — baseline (自查)', baseline)}
${section('Phase 4 — acceptance (验收)', acceptance)}`;
}

/** The same numbers as data, for the end-to-end test. */
export function expectedJson(baseline, acceptance) {
  const pick = (r) => ({
    asOf: r.asOf,
    totals: { computers: r.totals.computers, classes: r.totals.classes, unauthorised: r.totals.unauthorised },
    units: r.units.map((u) => ({
      unit: u.unit,
      staff: u.staff,
      computers: u.computers,
      classes: u.classes,
      unauthorised: u.unauthorised,
    })),
    findings: findingsPerRule(r.findings),
    entitlements: r.entitlements.map(({ id, status, consumed, shortfall }) => ({
      id,
      status,
      consumed,
      shortfall,
    })),
    unrecognised: r.unrecognised,
  });
  return `${JSON.stringify({ baseline: pick(baseline), acceptance: pick(acceptance) }, null, 2)}\n`;
}
