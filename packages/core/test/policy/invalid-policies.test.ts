/**
 * Each file in test/bad-input/policy/ is a policy with one kind of mistake; the loader must name it
 * in a plain sentence at the exact line:column, with a stable `policy.*` code.
 */
import { loadPolicy } from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT, located, problemsOf } from './policy-test-support.js';

const CASES: Array<[file: string, code: string, expected: string[]]> = [
  [
    'unknown-key.yaml',
    'unknown-key',
    ['5:3 Unknown key "remediationDay" in settings; did you mean "remediationDays"?'],
  ],
  ['wrong-type.yaml', 'wrong-type', ['5:20 "remediationDays" must be a whole number, not text ("ten").']],
  [
    'unknown-api-version.yaml',
    'wrong-value',
    ['1:13 "apiVersion" must be "zhengban/v1", not "zhengban/v2".'],
  ],
  [
    'unknown-product.yaml',
    'unknown-product',
    ['10:14 Entitlement "E1" refers to unknown product "wps-ofice"; did you mean "wps-office"?'],
  ],
  [
    'bad-version-range.yaml',
    'bad-range',
    ['13:15 Version range ">=9 <<13" is not valid: "<13" is not a version (write e.g. >=9 <13).'],
  ],
  [
    'regex-backreference.yaml',
    'bad-regex',
    [
      '6:22 Regex "(crack)\\\\1" is not valid RE2 syntax: invalid escape sequence: `\\1` (RE2 has no backreferences or lookaround).',
    ],
  ],
  ['bad-glob.yaml', 'bad-glob', ['8:23 Glob "WPS[Office" is not valid: "[" at position 4 is never closed.']],
  [
    'impossible-date.yaml',
    'impossible-date',
    ['13:16 "purchased" is 2013-02-30, a day that does not exist.'],
  ],
  [
    'valid-from-after-expiry.yaml',
    'valid-after-expiry',
    ['13:16 Entitlement "E1" becomes valid (validFrom 2014-06-01) after it expires (2014-01-01).'],
  ],
  ['zero-seats.yaml', 'out-of-range', ['12:12 "seats" must be at least 1, not 0.']],
  [
    'seats-not-a-number.yaml',
    'wrong-value',
    ['12:12 "seats" must be a whole number or "unlimited", not text ("lots").'],
  ],
  [
    'missing-seats.yaml',
    'missing-seats',
    ['9:5 Entitlement "E1" (type retail) needs "seats": how many installations it covers, or "unlimited".'],
  ],
  [
    'empty-all.yaml',
    'empty-group',
    ['8:7 "all" in rule "nothing" is empty; it must list at least one condition.'],
  ],
  [
    'condition-without-operator.yaml',
    'incomplete-condition',
    ['9:11 A condition in rule "old-os" has no operator; each condition needs fact, operator and value.'],
  ],
  [
    'software-rule-host-fact.yaml',
    'fact-scope',
    [
      '10:19 Rule "finance-wps" has scope software but reads "hostname", a host-level fact; software rules are judged once per product and version and cannot see the host; use scope: host.',
    ],
  ],
  [
    'software-rule-compares-host-fact.yaml',
    'fact-scope',
    [
      '9:57 Rule "named-after-host" has scope software but reads "hostname", a host-level fact; software rules are judged once per product and version and cannot see the host; use scope: host.',
    ],
  ],
  [
    'unknown-fact.yaml',
    'unknown-fact',
    ['9:19 Rule "many-programs" reads unknown fact "softwareCont"; did you mean "softwareCount"?'],
  ],
  [
    'waiver-without-justification.yaml',
    'missing-key',
    ['5:5 Waiver is missing the required key "justification".'],
  ],
  [
    'waiver-without-expiry.yaml',
    'missing-key',
    ['5:5 Waiver is missing the required key "expires".', '6:20 "justification" must not be empty.'],
  ],
  [
    'duplicate-entitlement-id.yaml',
    'duplicate-id',
    [
      '12:9 Duplicate entitlement id "E1" in this file (first defined at line 9); within one file each must be unique.',
    ],
  ],
  [
    'unknown-edition.yaml',
    'unknown-edition',
    [
      '6:24 Unknown edition "Homme"; known editions: Home, Starter, Professional, Enterprise, LTSC, Education, Ultimate, Server, ProPlus, Standard, HomeBusiness, HomeStudent, Personal, Government (and their Chinese and vendor spellings).',
    ],
  ],
  [
    'entitlement-type-typo.yaml',
    'wrong-value',
    [
      '11:11 "type" must be one of oem, retail, volume, subscription, site, per-user, freeware, open-source, not "volumne"; did you mean "volume"?',
    ],
  ],
  [
    'duplicate-yaml-key.yaml',
    'duplicate-key',
    ['6:3 Duplicate key "remediationDays": a key may appear only once in a mapping.'],
  ],
  [
    'missing-policy-name.yaml',
    'missing-name',
    ['2:1 The policy needs metadata.name: a short name shown in every report.'],
  ],
  [
    'domestic-target-percent.yaml',
    'out-of-range',
    [
      '7:15 "target" must be at most 1, not 80.',
      '8:17 "severity" must be one of fail, warn, critical, high, medium, low, info, not "warnn"; did you mean "warn"?',
    ],
  ],
  [
    'match-version-only.yaml',
    'empty-match',
    [
      '9:11 A match entry needs at least one of name, publisher or osId (a version alone recognises nothing).',
    ],
  ],
  [
    'os-id-on-office.yaml',
    'os-id-not-os',
    ['8:16 "osId" recognises operating systems; it applies only to products with category os, not office.'],
  ],
  [
    'bad-identifier.yaml',
    'bad-identifier',
    [
      `6:11 "id" must be an identifier: letters, digits, '.', '_' and '-', starting with a letter or digit; "Kingsoft Office" is not.`,
      '7:17 "domestic" must be true or false, not text ("yes").',
    ],
  ],
  ['empty-file.yaml', 'wrong-type', ['1:1 The policy must be a mapping (key: value), not empty.']],
  [
    'tab-indentation.yaml',
    'tab-indent',
    ['5:1 Tabs are not allowed for indentation in YAML; indent with spaces.'],
  ],
];

describe('invalid policies', () => {
  it.each(CASES)('%s is rejected with a located message', (file, code, expected) => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}${file}`));
    expect(located(problems)).toEqual(expected);
    expect(problems[0]).toMatchObject({
      file: `${BAD_INPUT}${file}`,
      code: `policy.${code}`,
      source: 'policy',
      severity: 'error',
    });
  });

  it('reports every problem of a file at once, in line order', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}several-errors.yaml`));
    expect(located(problems)).toEqual([
      '11:14 Entitlement "E1" refers to unknown product "wps-ofice"; did you mean "wps-office"?',
      '13:12 "seats" must be at least 1, not 0.',
      '14:16 "purchased" is 2013-02-30, a day that does not exist.',
      '19:16 Entitlement "E2" becomes valid (validFrom 2014-01-01) after it expires (2013-12-31).',
      '21:5 Unknown key "evidense" in entitlement; did you mean "evidence"?',
      '24:22 Regex "crack(?=ed)" is not valid RE2 syntax: invalid or unsupported Perl syntax: `(?=` (RE2 has no backreferences or lookaround).',
      '28:19 "any" in rule "r1" is empty; it must list at least one condition.',
      '31:5 Waiver is missing the required key "justification".',
      '32:14 "expires" is 2013-13-01, a day that does not exist.',
    ]);
  });

  it('checks every entry to the end even when one misses a required key (issue 16 item 7)', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}incomplete-entries-all-checked.yaml`));
    expect(located(problems)).toEqual([
      '7:5 Entitlement is missing the required key "type".',
      '8:14 Entitlement "E1" refers to unknown product "wps-ofice"; did you mean "wps-office"?',
      '10:15 Version range ">=9 <<13" is not valid: "<13" is not a version (write e.g. >=9 <13).',
      '15:16 "purchased" is 2013-02-30, a day that does not exist.',
      '17:5 Rule is missing the required key "id".',
      '21:44 Rule "#1" uses unknown operator "greaterThen"; did you mean "greaterThan"?',
    ]);
  });

  it('refuses unknown operators at load time, naming the one meant', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}unknown-operator.yaml`));
    expect(located(problems)).toEqual([
      '9:40 Rule "old-windows" uses unknown operator "versionInrange"; did you mean "versionInRange"?',
      '10:37 Rule "old-windows" uses unknown operator "equals"; did you mean "equal"?',
      '11:44 Rule "old-windows" uses unknown operator "<"; did you mean "lessThan"?',
      '12:37 Rule "old-windows" uses unknown operator "nott:equal"; did you mean "not:equal"?',
      '13:44 Rule "old-windows" uses unknown operator "within"; operators: equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, versionInRange, matchesGlob, matchesRegex, olderThan, dateBefore, dateAfter.',
    ]);
    expect(problems.every((problem) => problem.code === 'policy.unknown-operator')).toBe(true);
  });

  it('refuses malformed JSONPath at load time; quoted keys are fine', () => {
    const problems = problemsOf(() => loadPolicy(`${BAD_INPUT}bad-json-path.yaml`));
    expect(located(problems)).toEqual([
      '9:39 Rule "office-rate" has path "office", which is not a JSONPath: it must start with "$" (e.g. $.office).',
      '10:39 Rule "office-rate" has path "$.[office", which is not a JSONPath: it cannot be read from ".[office" on.',
      '11:39 Rule "office-rate" has path "$[?(@ < 1)]", which is not a JSONPath: filter and script expressions are not supported.',
    ]);
  });

  it('puts every problem into the error message, one line each with file:line:column', () => {
    let message = '';
    try {
      loadPolicy(`${BAD_INPUT}domestic-target-percent.yaml`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '2 problems in policy:',
      `${BAD_INPUT}domestic-target-percent.yaml:7:15  error  "target" must be at most 1, not 80.  (policy.out-of-range)`,
      `${BAD_INPUT}domestic-target-percent.yaml:8:17  error  "severity" must be one of fail, warn, critical, high, medium, low, info, not "warnn"; did you mean "warn"?  (policy.wrong-value)`,
    ]);
  });
});
