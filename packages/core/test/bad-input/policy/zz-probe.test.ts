import { writeFileSync } from 'node:fs';
import { loadPolicy, PolicyError } from '@zhengban/core';

import { it } from 'vitest';

const H = 'apiVersion: zhengban/v1\nmetadata:\n  name: hostile\n';
const cases: Record<string, string | Uint8Array> = {
  empty: '',
  nul: `${H}settings:\n  remediationDays: 1\u0000 5\n`,
  binary: Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256),
  bomMiddle: `${H}\uFEFFsettings:\n  remediationDays: 10\n`,
  truncated: `${H}catalog:\n  products:\n    - { id: wps, name: WPS, category: office, match: [{ name: "WPS`,
  gbk: Uint8Array.from([...Buffer.from(H), 0x20, 0x20, 0x64, 0x65, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x69, 0x6f, 0x6e, 0x3a, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]),
  mergeKey: `${H}base: &b { remediationDays: 10 }\nsettings:\n  <<: *b\n`,
  controlName: `apiVersion: zhengban/v1\nmetadata:\n  name: "bad\\u0007name\\u001b[2J"\n`,
  hugeRepeat: `${H}forbidden:\n  patterns:\n    - name: { regex: "(a{1000}){1000}" }\n`,
  bigLine: `${H}metadata2: "${'x'.repeat(4 * 1024 * 1024)}"\n`,
  redos: `${H}forbidden:\n  patterns:\n    - name: { regex: "(a+)+$" }\n      reason: test\n`,
  protoRule: `${H}rules:\n  - id: r\n    scope: software\n    conditions:\n      all:\n        - { fact: __proto__, operator: equal, value: 1 }\n    message: m\n`,
  protoWaiver: `${H}waivers:\n  - rule: __proto__\n    hosts: [constructor]\n    justification: x\n    expires: 2030-01-01\n`,
};
it('probe', () => {
  for (const [k, v] of Object.entries(cases)) {
    const f = `/tmp/pp/${k}.yaml`; writeFileSync(f, v);
    const t = performance.now();
    let out: unknown;
    try { const p = loadPolicy(f); out = { loaded: p.metadata, pat: p.forbidden.patterns.length }; }
    catch (e) { out = e instanceof PolicyError ? e.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`.slice(0, 300)) : `THROWN ${(e as Error).stack}`; }
    console.log(k, Math.round(performance.now() - t), JSON.stringify(out));
  }
});
