/**
 * Hostile and broken policy texts beyond the one-mistake files beside this module (those are read
 * by test/policy/invalid-policies.test.ts and hostile-yaml.test.ts). Generated here so that binary
 * junk and multi-megabyte lines are never committed. `expected` lists every problem as
 * `line:column code message`; an empty list means the policy loads.
 */

export interface PolicyCase {
  id: string;
  format: 'policy';
  content: () => string | Uint8Array;
  expected: string[];
}

const HEAD = 'apiVersion: zhengban/v1\nmetadata:\n  name: hostile\n';

export const policyCases: PolicyCase[] = [
  {
    id: 'empty-file',
    format: 'policy',
    content: () => '',
    expected: ['1:1 policy.wrong-type The policy must be a mapping (key: value), not empty.'],
  },
  {
    id: 'binary-junk',
    format: 'policy',
    content: () => Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256),
    expected: ['1:1 policy.encoding The policy file is not UTF-8'],
  },
  {
    // "中文" in GBK (D6 D0 CE C4), as a Chinese editor saves it: refused, never loaded as mojibake.
    id: 'gbk-encoded',
    format: 'policy',
    content: () => Uint8Array.from([...Buffer.from(`${HEAD}  description: `), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]),
    expected: [
      '4:1 policy.encoding The policy file is not UTF-8 (it looks like GBK or another legacy encoding); save it as UTF-8 and load it again.',
    ],
  },
  {
    id: 'utf16le-with-bom',
    format: 'policy',
    content: () => Uint8Array.from([0xff, 0xfe, ...Buffer.from(`${HEAD}  description: 中文\n`, 'utf16le')]),
    expected: [],
  },
  {
    id: 'nul-byte-in-a-number',
    format: 'policy',
    content: () => `${HEAD}settings:\n  remediationDays: 1\u0000 5\n`,
    expected: ['5:20 policy.wrong-type "remediationDays" must be a whole number, not text ("1\\u0000 5").'],
  },
  {
    id: 'bom-in-the-middle',
    format: 'policy',
    content: () => `${HEAD}\uFEFFsettings:\n  remediationDays: 10\n`,
    expected: ['4:1 policy.unknown-key Unknown key "\uFEFFsettings" in policy; did you mean "settings"?'],
  },
  {
    id: 'truncated-inside-a-flow-mapping',
    format: 'policy',
    content: () =>
      `${HEAD}catalog:\n  products:\n    - { id: wps, name: WPS, category: office, match: [{ name: "WPS`,
    expected: [
      '6:67 policy.yaml-syntax YAML syntax error: Missing closing "quote.',
      '6:67 policy.yaml-syntax YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }.',
      '6:67 policy.yaml-syntax YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].',
      '6:67 policy.yaml-syntax YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }.',
    ],
  },
  {
    id: 'rule-reads-proto-fact',
    format: 'policy',
    content: () =>
      `${HEAD}rules:\n  - id: r\n    scope: software\n    message: m\n    conditions:\n      all:\n        - { fact: __proto__, operator: equal, value: 1 }\n`,
    expected: [
      '10:19 policy.forbidden-key Rule "r" reads fact "__proto__", a name that has a special meaning in JavaScript objects; rename the attribute.',
    ],
  },
  {
    id: 'yaml-merge-key',
    format: 'policy',
    content: () => `${HEAD}base: &b { remediationDays: 10 }\nsettings:\n  <<: *b\n`,
    expected: [
      '4:1 policy.unknown-key Unknown key "base" in policy; allowed keys: apiVersion, metadata, extends, catalog, entitlements, ledger, prices, requirements, preferences, forbidden, rules, waivers, units, settings.',
      '6:3 policy.unknown-key Unknown key "<<" in settings; allowed keys: asOf, remediationDays, unrecognised, expiryWarningDays, currency, deadline, bulletin.',
    ],
  },
  {
    id: 'regex-repeat-bomb',
    format: 'policy',
    content: () => `${HEAD}forbidden:\n  patterns:\n    - name: { regex: "(a{1000}){1000}" }\n`,
    expected: [
      '6:22 policy.bad-regex Regex "(a{1000}){1000}" is not valid RE2 syntax: invalid repeat count: `{1000}` (RE2 has no backreferences or lookaround).',
    ],
  },
  {
    id: 'four-megabyte-single-line',
    format: 'policy',
    content: () => `${HEAD}metadata2: "${'x'.repeat(4 * 1024 * 1024)}"\n`,
    expected: ['4:1 policy.unknown-key Unknown key "metadata2" in policy; did you mean "metadata"?'],
  },
  {
    // Loads: RE2 matches in linear time, so the pattern is harmless (see the timing test).
    id: 'catastrophic-backtracking-regex',
    format: 'policy',
    content: () =>
      `${HEAD}catalog:\n  products:\n    - id: evil\n      name: Evil\n      category: tool\n      match:\n        - name: { regex: "(a+)+$" }\nforbidden:\n  products: [evil]\n  patterns:\n    - name: { regex: "^(a|aa)+$" }\n      reason: nested repetition\n`,
    expected: [],
  },
];
