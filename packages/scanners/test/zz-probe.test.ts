import { test } from 'vitest';
import { csvScanner, windowsScanner, linuxScanner, osqueryScanner, inventoryScanner } from '@zhengban/scanners';
import { csvCases } from './bad-input/csv/cases.js';
import { windowsCases } from './bad-input/windows/cases.js';
import { linuxCases } from './bad-input/linux/cases.js';
import { osqueryCases } from './bad-input/osquery/cases.js';
import { inventoryCases } from './bad-input/inventory/cases.js';
import { scanAll, tempFolder } from './support/run.js';
test('probe', async () => {
  const f = tempFolder();
  const all = { csv: [csvScanner(), csvCases], windows: [windowsScanner(), windowsCases], linux: [linuxScanner(), linuxCases], osquery: [osqueryScanner(), osqueryCases], inventory: [inventoryScanner(), inventoryCases] } as const;
  for (const [fmt, [scanner, cases]] of Object.entries(all)) {
    for (const [name, gen] of Object.entries(cases)) {
      const file = f.write(`${fmt}/${name}.dat`, (gen as () => Uint8Array)());
      const t = performance.now();
      const r = await scanAll(scanner as any, file);
      console.log(fmt, name, Math.round(performance.now() - t), 'ms', JSON.stringify(r.summary).replace(/"source":"[^"]*",/, ''), JSON.stringify(r.hosts.map((h) => [h.id, h.software.map((s) => s.name.slice(0, 30))])), JSON.stringify(r.problems.map((p) => ({ ...p, file: undefined, excerpt: p.excerpt?.slice(0, 20) }))));
    }
  }
}, 120000);
