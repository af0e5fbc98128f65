import { readFileSync } from 'node:fs';
import { createRecogniser } from '../../core/src/engine/recogniser.js';
import { parse } from 'yaml';
import { it } from 'vitest';
const toPats = (v: any) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map((p: any) => typeof p === 'string' ? { kind: 'exact', value: p, caseSensitive: false } : p.regex ? { kind: 'regex', value: p.regex, caseSensitive: true } : p.glob ? { kind: 'glob', value: p.glob, caseSensitive: false } : { kind: 'exact', value: p.exact, caseSensitive: false }));
it('scratch', () => {
  const products: any[] = []; const vendors: any[] = [];
  for (const f of ['forbidden', 'os', 'office', 'antivirus', 'common']) {
    const doc = parse(readFileSync(new URL(`../catalog/${f}.yaml`, import.meta.url), 'utf8'));
    for (const v of doc.catalog.vendors ?? []) vendors.push(v);
    for (const p of doc.catalog.products) products.push({ ...p, match: (Array.isArray(p.match) ? p.match : [p.match]).map((m: any) => ({ name: toPats(m.name), publisher: toPats(m.publisher), osId: m.osId, version: m.version })) });
  }
  const r = createRecogniser({ catalog: { vendors, products } } as any);
  const src = readFileSync(new URL('./recognition-table.test.ts', import.meta.url), 'utf8');
  const body = src.slice(src.indexOf('const SOFTWARE'), src.indexOf('describe('));
  const MS = 'Microsoft Corporation';
  const { SOFTWARE, OPERATING_SYSTEMS } = new Function('MS', body.replace(/: Row\[\]|: OsRow\[\]/g, '').replace(/type OsRow[^;]*;/, '') + ';return {SOFTWARE, OPERATING_SYSTEMS}')(MS);
  let bad = 0;
  for (const [n, p, e] of SOFTWARE) { const g = r.recognise({ name: n, publisher: p })?.product.id ?? null; if (g !== e) { bad++; console.log('SW', n, '→', g, 'want', e); } }
  for (const [n, id, e, ed] of OPERATING_SYSTEMS) { const g = r.recogniseOs({ name: n, id }); if ((g?.product.id ?? null) !== e || (ed && g?.edition !== ed)) { bad++; console.log('OS', n, '→', g?.product.id, g?.edition, 'want', e, ed); } }
  console.log('bad', bad, 'of', SOFTWARE.length + OPERATING_SYSTEMS.length);
});
