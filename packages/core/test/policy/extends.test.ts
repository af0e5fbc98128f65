/**
 * `extends`: relative files and `scheme:name` sources, merged base first by the documented rules;
 * duplicates inside one file, cycles, missing files and unknown sources are located problems.
 */
import { loadPolicy, type Policy, parsePolicy, registerPolicyResolver } from '@zhengban/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, located, problemsOf, testBuiltins } from './policy-test-support.js';

const DIR = `${FIXTURES}policy/extends/`;

describe('extends: merging a relative file and a builtin', () => {
  let policy: Policy;
  beforeAll(() => {
    policy = loadPolicy(`${DIR}child.yaml`, { resolvers: [testBuiltins] });
  });

  it('lists the sources base first, depth first', () => {
    expect(policy.sources).toEqual([`${DIR}base.yaml`, 'builtin:cn-gov-baseline', `${DIR}child.yaml`]);
  });

  it('takes metadata from the top-level file only', () => {
    expect(policy.metadata).toEqual({ name: 'city-child' });
  });

  it('puts local products first and lets a later file override a product by id', () => {
    expect(policy.catalog.products.map((p) => p.id)).toEqual([
      'p-local',
      'p-shared',
      'ms-windows',
      'ms-office',
      'wps-office-pro',
      'huorong-security',
      'kmspico',
      'kmsauto',
      'heu-kms-activator',
      'p-base-only',
    ]);
    const shared = policy.catalog.products[1]!;
    expect(shared.name).toBe('Local Shared');
    expect(shared.location).toMatchObject({ file: `${DIR}child.yaml`, line: 9 });
  });

  it('overrides entitlements, units and rules by key, in the base position', () => {
    expect(policy.entitlements.map((e) => [e.id, e.seats, e.location?.file])).toEqual([
      ['E-1', 50, `${DIR}child.yaml`],
      ['E-2', 'unlimited', `${DIR}base.yaml`],
      ['E-3', 1, `${DIR}child.yaml`],
    ]);
    expect(policy.units.map((u) => [u.name, u.staff])).toEqual([
      ['市财政局', 12],
      ['市经信委', 30],
    ]);
    expect(policy.rules.map((r) => r.id)).toEqual(['r-base', 'baseline-old-office']);
  });

  it('numbers anonymous waivers by their place in the merged list', () => {
    expect(policy.waivers.map((w) => [w.id, w.justification])).toEqual([
      ['W-1', 'base waiver'],
      ['waiver-2', 'anonymous base waiver'],
      ['waiver-3', 'anonymous child waiver'],
    ]);
  });

  it('merges scalar sections key by key and unions string lists', () => {
    expect(policy.requirements.classes).toEqual(['os', 'office']);
    expect(Object.keys(policy.requirements.editions)).toEqual(['os', 'office']);
    expect(policy.requirements.editions.os).toMatchObject({ deny: ['Home'] });
    expect(policy.requirements.editions.office).toMatchObject({ deny: ['HomeStudent'] });
    expect(policy.requirements.editions.office!.allow).toBeUndefined();
    expect(policy.requirements.activation).toEqual({
      required: false,
      kmsHosts: ['kms.base.gov.cn', 'kms.example.gov.cn', 'kms.child.gov.cn'],
      classes: ['os', 'office'],
    });
    expect(policy.forbidden).toMatchObject({ mode: 'allowlist', products: ['p-base-only', 'kmspico'] });
    expect(policy.settings).toEqual({
      asOf: '2013-07-31',
      remediationDays: 20,
      unrecognised: 'unauthorised',
    });
  });
});

describe('extends: problems', () => {
  it('reports a cycle with its chain, at the extends entry that closes it', () => {
    const problems = problemsOf(() => loadPolicy(`${DIR}cycle-a.yaml`));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: `${DIR}cycle-b.yaml`,
      line: 5,
      column: 5,
      code: 'policy.extends-cycle',
      message: 'Policies extend each other in a cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml.',
    });
  });

  it('reports a policy that extends itself', () => {
    const problems = problemsOf(() => loadPolicy(`${DIR}self-extends.yaml`));
    expect(located(problems)).toEqual([
      '4:11 Policies extend each other in a cycle: self-extends.yaml → self-extends.yaml.',
    ]);
  });

  it('reports a missing file, an unknown builtin and an unknown scheme together, with suggestions', () => {
    const problems = problemsOf(() => loadPolicy(`${DIR}missing-base.yaml`, { resolvers: [testBuiltins] }));
    expect(located(problems)).toEqual([
      `5:5 Cannot read policy "${DIR}bse.yaml": no such file; did you mean "base.yaml"?`,
      '6:5 Unknown policy "builtin:cn-gov-baselin"; did you mean "builtin:cn-gov-baseline"?',
      '7:5 No policy source handles "buildin:" (in "buildin:cn-gov-baseline"); did you mean "builtin"?',
    ]);
    expect(problems.map((p) => p.code)).toEqual([
      'policy.unreadable',
      'policy.unknown-source',
      'policy.unknown-scheme',
    ]);
  });

  it('says when no resolver is registered for builtin:', () => {
    const text = 'apiVersion: zhengban/v1\nmetadata: { name: x }\nextends: nosuch:thing\n';
    const problems = problemsOf(() => parsePolicy(text, { filename: 'inline.yaml' }));
    expect(problems[0]!.message).toMatch(/^No policy source handles "nosuch:" \(in "nosuch:thing"\); /);
    expect(problems[0]).toMatchObject({ file: 'inline.yaml', line: 3, column: 10 });
  });

  it('reports a duplicate id inside one file, naming the first one', () => {
    const problems = problemsOf(() => loadPolicy(`${DIR}duplicate-products.yaml`));
    expect(located(problems)).toEqual([
      '10:11 Duplicate product id "wps" in this file (first defined at line 6); within one file each must be unique.',
    ]);
  });

  it('reports problems in a base file with that file name, together with the extending file', () => {
    const problems = problemsOf(() => loadPolicy(`${DIR}extends-broken.yaml`));
    expect(problems.map((p) => `${p.file?.replace(DIR, '')}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'broken-base.yaml:6:7 Unknown key "licence" in product; did you mean "license"?',
      'extends-broken.yaml:7:14 Entitlement "E-1" refers to unknown product "p-brokn"; did you mean "p-broken"?',
    ]);
  });

  it('refuses relative extends inside a resolver-provided policy', () => {
    const resolver = {
      scheme: 'pack',
      read: (name: string) =>
        name === 'rel'
          ? { filename: 'pack:rel', text: 'apiVersion: zhengban/v1\nextends: ./other.yaml\n' }
          : undefined,
    };
    const text = 'apiVersion: zhengban/v1\nmetadata: { name: x }\nextends: pack:rel\n';
    const problems = problemsOf(() => parsePolicy(text, { filename: 'top.yaml', resolvers: [resolver] }));
    expect(problems[0]).toMatchObject({
      file: 'pack:rel',
      line: 2,
      column: 10,
      message:
        '"./other.yaml" is a relative path, but pack:rel is not a file on disk; it can only extend scheme:name sources.',
    });
  });
});

describe('extends: resolvers and shared bases', () => {
  it('uses globally registered resolvers, and per-load resolvers before them', () => {
    const base = (product: string) =>
      `apiVersion: zhengban/v1\ncatalog:\n  products:\n    - { id: ${product}, category: tool }\n`;
    registerPolicyResolver({
      scheme: 'globaltest',
      read: (name) =>
        name === 'pack' ? { filename: 'globaltest:pack', text: base('from-global') } : undefined,
    });
    const text = 'apiVersion: zhengban/v1\nmetadata: { name: x }\nextends: globaltest:pack\n';
    expect(parsePolicy(text, { filename: 'top.yaml' }).catalog.products.map((p) => p.id)).toEqual([
      'from-global',
    ]);
    const local = {
      scheme: 'globaltest',
      read: (name: string) =>
        name === 'pack' ? { filename: 'local:pack', text: base('from-local') } : undefined,
    };
    const policy = parsePolicy(text, { filename: 'top.yaml', resolvers: [local] });
    expect(policy.catalog.products.map((p) => p.id)).toEqual(['from-local']);
  });

  it('reads a base reached twice (a diamond) once', () => {
    const policy = loadPolicy(`${DIR}diamond.yaml`);
    expect(policy.sources).toEqual([
      `${DIR}base.yaml`,
      `${DIR}diamond-left.yaml`,
      `${DIR}diamond-right.yaml`,
      `${DIR}diamond.yaml`,
    ]);
    expect(policy.catalog.products.map((p) => p.id)).toEqual([
      'p-right',
      'p-left',
      'p-base-only',
      'p-shared',
    ]);
  });
});
