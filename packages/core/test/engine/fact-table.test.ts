/**
 * The facts a custom rule can read and the operators it can compare them with are each ONE list
 * (engine/model/facts.ts, engine/model/facts-operators.ts). These tests fail when a fact or an
 * operator lives in one place only: a reader that computes another set of names than the table, a
 * fact the loader or the engine's scope guard does not know, a fact that is title-level in the
 * table but read per record, an operator json-rules-engine, the fast path or the loader does not
 * know, or docs that list something else.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type CustomRule, type Policy, PolicyError, parsePolicy, type RuleScope } from '@zhengban/core';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileCustomRules, compileRule, ourOperators } from '../../src/engine/custom-rules.js';
import { BUILT_IN_OPERATORS, compileFastConditions } from '../../src/engine/fast-conditions.js';
import {
  FACTS,
  FACTS_BY_SCOPE,
  FLEET_FACTS,
  HOST_FACTS,
  RECORD_FACTS,
  SOFTWARE_FACTS,
  TITLE_FACTS,
  UNIT_FACTS,
} from '../../src/engine/model/facts.js';
import {
  ENGINE_OPERATORS,
  OPERATOR_DECORATORS,
  OUR_OPERATORS,
  RULE_OPERATORS,
} from '../../src/engine/model/facts-operators.js';
import { fleetFacts, hostFacts, softwareFact, unitFacts } from '../../src/engine/record-facts.js';
import type { Recognition } from '../../src/engine/rules/recogniser.js';
import { FACT_ALIASES, KIND_WORDS } from '../../src/policy/lint/fact-types.js';
import { checkOperator } from '../../src/policy/rule-operators.js';

const SCOPES: RuleScope[] = ['software', 'host', 'unit', 'fleet'];
const docs = (name: string) => new URL(`../../../../docs/${name}`, import.meta.url);
const sorted = (names: Iterable<string>) => [...names].sort();

describe('the readers compute exactly the facts of the table', () => {
  const office: Recognition = {
    product: {
      id: 'ms-office',
      name: 'Microsoft Office',
      vendor: 'microsoft',
      category: 'office',
      domestic: false,
      license: 'commercial',
      match: [],
    } as unknown as Recognition['product'],
    match: { entry: 0, text: 'name glob "Microsoft Office*"' },
    edition: 'ProPlus',
  };
  const title = {
    name: 'Microsoft Office Professional Plus 2016',
    publisher: 'Microsoft Corporation',
    version: '16.0.4266.1001',
    attributes: { edition: 'Professional Plus' },
  };
  const record = {
    ...title,
    installDate: '2019-03-02',
    arch: 'x64',
    source: 'csv',
    attributes: {
      edition: 'Professional Plus',
      licenseStatus: 'licensed' as const,
      channel: 'Volume:GVLK',
      kmsHost: 'kms.zf.gov.cn',
    },
  };

  it('software: every fact has a value for a recognised record with everything filled in', () => {
    const fact = softwareFact(record, office, () => undefined);
    const missing = SOFTWARE_FACTS.filter((name) => fact(name) === undefined);
    expect(missing).toEqual([]);
    expect(fact('channel')).toBe('Volume:GVLK');
    expect(fact('license')).toBe('commercial');
  });

  it('software: title facts are decided by the title alone, record facts only by the record', () => {
    // Title facts are judged once per title variant (title-variants.ts reads them from the title
    // as below): one read from the record must not differ, or the cached verdict would be wrong.
    const fromTitle = softwareFact(title, office, () => undefined);
    const fromRecord = softwareFact(record, office, () => undefined);
    for (const name of TITLE_FACTS) expect(fromTitle(name), name).toEqual(fromRecord(name));
    for (const name of RECORD_FACTS) expect(fromTitle(name), name).toBeUndefined();
    expect(sorted([...TITLE_FACTS, ...RECORD_FACTS])).toEqual(sorted(SOFTWARE_FACTS));
  });

  it('host, unit and fleet: the fact objects have exactly the table’s names', () => {
    const host = hostFacts(
      {
        id: 'PC-001',
        hostname: 'CZJ-PC-001',
        unit: '财政局',
        os: { name: 'Windows 10 专业版', id: 'windows', version: '10.0.19045', edition: 'Professional' },
        state: { softwareCount: 2 },
        installations: [
          { state: { product: { id: 'wps', category: 'office' } } },
          { state: { product: { id: 'ms-windows', category: 'os' } } },
        ],
      },
      1,
    );
    expect(Object.keys(host)).toEqual([...HOST_FACTS]);
    expect(host).toMatchObject({ products: ['ms-windows', 'wps'], categories: ['office', 'os'] });
    const stats = {
      computers: 4,
      unauthorised: 1,
      classes: { os: { missing: 0 }, office: { missing: 1 } },
      rates: { genuine: { overall: 0.75, os: 1, office: 0.5 }, domestic: { os: 0, office: 0.5 } },
    };
    const unit = unitFacts({ ...stats, unit: '财政局', staff: 12 }, ['os', 'office']);
    expect(Object.keys(unit)).toEqual([...UNIT_FACTS]);
    expect(unit).toMatchObject({ genuineRates: { os: 1, office: 0.5 }, missing: { os: 0, office: 1 } });
    const fleet = fleetFacts(stats, ['os', 'office'], 3);
    expect(Object.keys(fleet)).toEqual([...FLEET_FACTS]);
    expect(fleet).toMatchObject({ units: 3, genuineRate: 0.75 });
  });
});

const ruleReading = (scope: RuleScope, fact: string, id = 'r'): CustomRule => ({
  id,
  scope,
  conditions: { all: [{ fact, operator: 'equal', value: 1 }] } as CustomRule['conditions'],
  outcome: { status: 'warn', severity: 'low' },
  message: { zh: 'm', en: 'm' },
});

function policyText(rules: Array<{ scope: RuleScope; fact: string }>): string {
  const lines = ['apiVersion: zhengban/v1', 'metadata: { name: facts }', 'rules:'];
  rules.forEach(({ scope, fact }, index) => {
    lines.push(`  - id: r${index}`, `    scope: ${scope}`, '    message: { zh: m, en: m }');
    lines.push(`    conditions: { all: [ { fact: ${fact}, operator: equal, value: 1 } ] }`);
  });
  return `${lines.join('\n')}\n`;
}

describe('the loader and the engine know every fact of the table, in its scope only', () => {
  const foreign = (scope: RuleScope) =>
    FACTS.filter((fact) => !FACTS_BY_SCOPE[scope].includes(fact.name)).map((fact) => fact.name);

  it('the loader accepts each fact in its own scope', () => {
    const policy = parsePolicy(policyText(FACTS.map(({ scope, name }) => ({ scope, fact: name }))), {
      filename: 'facts.yaml',
    });
    expect(policy.rules).toHaveLength(FACTS.length);
  });

  it.each(SCOPES)('the loader refuses, at its line, a %s rule reading another scope’s fact', (scope) => {
    const names = [...new Set(foreign(scope))];
    let problems: Array<{ code?: string; line?: number }> = [];
    try {
      parsePolicy(policyText(names.map((fact) => ({ scope, fact }))), { filename: 'facts.yaml' });
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      problems = error.problems;
    }
    expect(problems.map((problem) => problem.code)).toEqual(names.map(() => 'policy.fact-scope'));
    expect(problems.map((problem) => problem.line)).toEqual(names.map((_, index) => 7 + 4 * index));
  });

  it.each(SCOPES)('the engine runs a %s rule on its own facts and refuses the others', (scope) => {
    const own = FACTS_BY_SCOPE[scope].map((fact, index) => ruleReading(scope, fact, `own${index}`));
    const compiled = compileCustomRules({ rules: own } as unknown as Policy, '2024-06-30');
    expect(compiled[scope]).toHaveLength(own.length);
    for (const fact of new Set(foreign(scope))) {
      const policy = { rules: [ruleReading(scope, fact)] } as unknown as Policy;
      expect(() => compileCustomRules(policy, '2024-06-30'), fact).toThrow(PolicyError);
    }
  });
});

describe('the linter names facts of the table only', () => {
  it('every word it corrects (`class` → `category`) is corrected to a fact', () => {
    const known = new Set<string>(FACTS.map((fact) => fact.name));
    expect(Object.values(FACT_ALIASES).filter((name) => !known.has(name))).toEqual([]);
  });
});

describe('the operators are one list', () => {
  it('json-rules-engine’s own operators and decorators are the ones the table names', () => {
    const registered = (new Engine() as unknown as { operators: { operators: Map<string, unknown> } })
      .operators;
    const decorators = (registered as unknown as { decorators: Map<string, unknown> }).decorators;
    expect(sorted(registered.operators.keys())).toEqual(sorted(ENGINE_OPERATORS));
    expect(sorted(decorators.keys())).toEqual(sorted(OPERATOR_DECORATORS));
  });

  it('the engine and the fast path implement exactly the table’s operators', () => {
    expect(sorted(Object.keys(BUILT_IN_OPERATORS))).toEqual(sorted(ENGINE_OPERATORS));
    const ours = ourOperators('2024-06-30', { mode: false, errors: new Set() });
    expect(sorted(Object.keys(ours))).toEqual(sorted(OUR_OPERATORS));
    for (const operator of RULE_OPERATORS) {
      const conditions = { all: [{ fact: 'name', operator, value: 'x' }] };
      expect(compileFastConditions(conditions, ours), operator).toBeDefined();
    }
  });

  it.each([...RULE_OPERATORS])(
    'the loader and json-rules-engine both accept %s, decorated or not',
    async (operator) => {
      for (const name of [operator, ...OPERATOR_DECORATORS.map((decorator) => `${decorator}:${operator}`)]) {
        expect(checkOperator(name), name).toEqual({ ok: true, base: operator });
        const conditions = { all: [{ fact: 'name', operator: name, value: ['x'] }] };
        const verdict = await compileRule(
          { ...ruleReading('software', 'name'), conditions } as CustomRule,
          '2024-06-30',
        ).evaluate({ name: ['x'] });
        if ('error' in verdict) expect(verdict.error, name).not.toMatch(/unknown operator/i);
      }
    },
  );

  it('a name neither knows is refused by both', async () => {
    expect(checkOperator('equals')).toEqual({ ok: false, suggestion: 'equal' });
    const conditions = { all: [{ fact: 'name', operator: 'equals', value: 'x' }] };
    const verdict = await compileRule(
      { ...ruleReading('software', 'name'), conditions } as CustomRule,
      '2024-06-30',
    ).evaluate({ name: 'x' });
    expect(verdict).toEqual({ error: expect.stringMatching(/unknown operator/i) });
  });
});

/** The fact table of docs/policy-reference.md, as the table renders it. */
function renderFactTable(): string {
  const rows = FACTS.map(
    (fact) => `| \`${fact.scope}\` | \`${fact.name}\` | ${KIND_WORDS[fact.kind].en} | ${fact.description} |`,
  );
  return ['| scope | fact | value | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

describe('the docs list the table', () => {
  it('docs/policy-reference.md: the fact table is the one the table renders', () => {
    const text = readFileSync(docs('policy-reference.md'), 'utf8');
    const begin = text.indexOf('<!-- fact table:');
    const start = text.indexOf('\n', begin) + 1;
    const end = text.indexOf('<!-- end of fact table -->');
    expect(begin).toBeGreaterThan(0);
    const expected = `${renderFactTable()}\n`;
    if (process.env.UPDATE_DOCS === '1' && text.slice(start, end) !== expected)
      writeFileSync(docs('policy-reference.md'), text.slice(0, start) + expected + text.slice(end));
    else expect(text.slice(start, end)).toBe(expected);
  });

  it('docs/semantics.md: the facts per scope are the table’s', () => {
    const all = readFileSync(docs('semantics.md'), 'utf8');
    const text = all.slice(all.indexOf('<a id="custom-rules"></a>'));
    for (const scope of SCOPES) {
      const row = new RegExp(`^\\| ${scope} \\| ([^|]+) \\|`, 'm').exec(text);
      expect(row, scope).not.toBeNull();
      const names = row![1]!
        .split(',')
        .map((item) => item.replace(/\(.*\)/, '').trim())
        .filter((item) => !item.startsWith('and every'));
      expect(names, scope).toEqual([...FACTS_BY_SCOPE[scope]]);
    }
  });

  it('both docs name the operators the table has', () => {
    const reference = readFileSync(docs('policy-reference.md'), 'utf8');
    const listed = reference.slice(
      reference.indexOf('Operators:\njson-rules-engine'),
      reference.indexOf('optionally behind'),
    );
    const named = [...listed.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!);
    expect(sorted(named)).toEqual(sorted(RULE_OPERATORS));
    const semantics = readFileSync(docs('semantics.md'), 'utf8');
    const added = semantics.slice(
      semantics.indexOf('Operators added to the engine:'),
      semantics.indexOf('plus\njson-rules-engine'),
    );
    expect(sorted([...added.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!))).toEqual(
      sorted(OUR_OPERATORS),
    );
  });
});
