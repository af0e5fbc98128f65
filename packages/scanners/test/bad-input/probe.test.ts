import { it } from 'vitest';
import { csvCases } from './csv/csv-cases.js';
import { runBadInputCase } from './scanner-case.js';

const ALL = [...csvCases];
it('probe', async () => {
  for (const c of ALL) {
    const t = performance.now();
    const a = await runBadInputCase(c);
    const cut = (s: string) => (s.length > 400 ? `${s.slice(0, 400)}…(${s.length})` : s);
    console.log(`== ${c.format}/${c.id} ${Math.round(performance.now() - t)}ms\n${JSON.stringify({ counts: a.counts, problems: a.problems.map(cut), records: a.records.slice(0, 8).map(cut), nrec: a.records.length }, null, 1)}`);
  }
}, 120000);
