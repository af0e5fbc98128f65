import { it } from 'vitest';
import { dpkgStatusCases } from './dpkg-status/dpkg-status-cases.js';
import { osReleaseCases } from './os-release/os-release-cases.js';
import { osqueryCases } from './osquery/osquery-cases.js';
import { powershellJsonCases } from './powershell-json/powershell-json-cases.js';
import { regExportCases } from './reg-export/reg-export-cases.js';
import { regQueryCases } from './reg-query/reg-query-cases.js';
import { rpmCases } from './rpm/rpm-cases.js';
import { runBadInputCase } from './scanner-case.js';
import { slmgrCases } from './slmgr/slmgr-cases.js';
import { unitsCases } from './units/units-cases.js';

const ALL = [
  ...regQueryCases,
  ...regExportCases,
  ...powershellJsonCases,
  ...slmgrCases,
  ...dpkgStatusCases,
  ...rpmCases,
  ...osReleaseCases,
  ...osqueryCases,
  ...unitsCases,
];
it('probe', async () => {
  for (const c of ALL) {
    const t = performance.now();
    let out: string;
    try {
      const a = await runBadInputCase(c);
      const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length})` : s);
      out = JSON.stringify({
        counts: Object.values(a.counts).join(','),
        problems: a.problems.slice(0, 6).map(cut), np: a.problems.length,
        records: a.records.slice(0, 8).map(cut),
        nrec: a.records.length,
        os: undefined,
      });
    } catch (e) {
      out = `THROWN ${(e as Error).stack}`;
    }
    console.log(`== ${c.format}/${c.id} ${Math.round(performance.now() - t)}ms\n${out}`);
  }
}, 120000);
