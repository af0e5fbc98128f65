/**
 * Are two JSON reports the same audit? Equal once `generatedAt` is removed, each report's folder is
 * replaced by a placeholder and the line numbers that evidence points at are blanked (rows move with
 * the host order; what was found must not).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const MAX_BYTES = 400 * 2 ** 20;

function normalised(file) {
  // The CLI writes absolute paths (policy sources, evidence files): the two fleets live in two
  // folders, so each report's own folder is replaced by one placeholder.
  const folder = JSON.stringify(dirname(resolve(file))).slice(1, -1);
  return readFileSync(file, 'utf8')
    .replaceAll(`${folder}/`, '<fleet>/')
    .replace(/"generatedAt":\s*"[^"]*",?/, '')
    .replace(/"(line|endLine)":\s*\d+/g, '"$1":0')
    .replace(/(inventory\.csv):\d+/g, '$1:#');
}

/** `{ same, detail }`; reports over MAX_BYTES are not compared (`same: null`). */
export function sameReport(a, b) {
  const size = Math.max(statSync(a).size, statSync(b).size);
  if (size > MAX_BYTES)
    return { same: null, detail: `reports of ${(size / 2 ** 20).toFixed(0)} MiB not compared` };
  const ta = normalised(a);
  const tb = normalised(b);
  const ha = createHash('sha256').update(ta).digest('hex');
  const hb = createHash('sha256').update(tb).digest('hex');
  if (ha === hb) return { same: true, detail: `sha256 ${ha.slice(0, 16)} (both, normalised)` };
  let at = 0;
  while (at < ta.length && ta[at] === tb[at]) at++;
  return {
    same: false,
    detail: `first difference at character ${at}: ${JSON.stringify(ta.slice(Math.max(0, at - 80), at + 80))}`,
  };
}
