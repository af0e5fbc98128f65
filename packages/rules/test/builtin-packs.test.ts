/**
 * Every shipped pack and catalogue file loads through the real policy loader with the `builtin:`
 * resolver, and says what its README promises.
 */
import { readdirSync } from 'node:fs';
import { loadPolicy, type Policy, PolicyError, parsePolicy } from '@zhengban/core';
import { builtinResolver, listPacks, registerBuiltins } from '@zhengban/rules';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeSamples, sample } from '../../../test-support/shared.js';
import { loadBuiltin } from './builtin-policy.js';

const CLASS_FILES = [
  'catalog/forbidden',
  'catalog/os',
  'catalog/office',
  'catalog/antivirus',
  'catalog/common',
  'catalog/design',
  'catalog/documents',
  'catalog/science',
  'catalog/development',
  'catalog/tools',
  'catalog/communication',
  'catalog/workplace',
];
const ACTIVATORS = [
  'kmspico',
  'kmsauto',
  'kms-vl-all',
  'heu-kms-activator',
  'aact',
  'microsoft-toolkit',
  're-loader',
  'mas-activation-scripts',
  'windows-loader',
  'vlmcsd',
  'crack-tool',
];
/** Catalogue order of forbidden.yaml: the vendors' own activation clients sit just before the crack pattern. */
const FORBIDDEN_FILE_ORDER = [...ACTIVATORS.slice(0, -1), 'os-vendor-activation-client', 'crack-tool'];
const STANDARD_CATEGORIES = [
  'os',
  'office',
  'antivirus',
  'browser',
  'archiver',
  'pdf',
  'im',
  'tool',
  'design',
  'dev',
  'science',
  'input',
  'media',
  'cloud',
  'activator',
  'other',
];

const ids = (policy: Policy) => policy.catalog.products.map((product) => product.id);
const countBy = (policy: Policy, category: string) =>
  policy.catalog.products.filter((product) => product.category === category).length;

describe('builtin resolver', () => {
  it('serves packs by name with a builtin: file name, and nothing else', () => {
    const file = builtinResolver.read('cn-gov-baseline');
    expect(file?.filename).toBe('builtin:cn-gov-baseline');
    expect(file?.text).toContain('name: cn-gov-baseline');
    expect(builtinResolver.read('catalog/os')?.filename).toBe('builtin:catalog/os');
    expect(builtinResolver.read('cn-gov-basline')).toBeUndefined();
    expect(builtinResolver.read('../package.json')).toBeUndefined();
    expect(builtinResolver.read('catalog/../../package.json')).toBeUndefined();
    expect(builtinResolver.scheme).toBe('builtin');
    expect(builtinResolver.list?.()).toEqual(['cn-gov-baseline', 'cn-gov-strict', 'catalog', ...CLASS_FILES]);
  });

  it('lists every pack with its kind and the description from its metadata', () => {
    const packs = listPacks();
    expect(packs.map((pack) => `${pack.kind}:${pack.name}`)).toEqual([
      'pack:cn-gov-baseline',
      'pack:cn-gov-strict',
      'catalog:catalog',
      ...CLASS_FILES.map((name) => `catalog:${name}`),
    ]);
    const baseline = packs.find((pack) => pack.name === 'cn-gov-baseline')!;
    expect(baseline.description).toContain('国办发〔2013〕88号');
    expect(baseline.description).toContain('财行〔2013〕98号');
    for (const pack of packs) expect(pack.description.length, pack.name).toBeGreaterThan(20);
  });

  it('names the closest builtin when a policy misspells one', () => {
    const text = 'apiVersion: zhengban/v1\nmetadata: { name: city }\nextends: [builtin:cn-gov-basline]\n';
    let error: unknown;
    try {
      parsePolicy(text, { filename: 'city.yaml', resolvers: [builtinResolver] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).problems).toHaveLength(1);
    const problem = (error as PolicyError).problems[0]!;
    expect(problem.file).toBe('city.yaml');
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('did you mean "builtin:cn-gov-baseline"?');
  });

  it('registerBuiltins() makes builtin: resolvable without passing a resolver, and may be called twice', () => {
    registerBuiltins();
    registerBuiltins();
    const policy = parsePolicy(
      'apiVersion: zhengban/v1\nmetadata: { name: p }\nextends: [builtin:cn-gov-strict]\n',
      {
        filename: 'p.yaml',
      },
    );
    expect(policy.sources.slice(-3)).toEqual(['builtin:cn-gov-baseline', 'builtin:cn-gov-strict', 'p.yaml']);
  });
});

describe('catalogue files', () => {
  it.each([
    ['catalog/forbidden', 12, 0],
    ['catalog/os', 18, 11],
    ['catalog/office', 12, 5],
    ['catalog/antivirus', 26, 18],
    ['catalog/common', 36, 21],
    ['catalog/design', 56, 26],
    ['catalog/documents', 22, 15],
    ['catalog/science', 26, 23],
    ['catalog/development', 58, 36],
    ['catalog/tools', 50, 39],
    ['catalog/communication', 50, 28],
    ['catalog/workplace', 12, 7],
  ])('%s loads on its own: %i products, %i vendors', (name, products, vendors) => {
    const policy = loadBuiltin(name);
    expect(policy.catalog.products).toHaveLength(products);
    expect(policy.catalog.vendors).toHaveLength(vendors);
  });

  it('builtin:catalog has every product of the class files, activators first, no rules', () => {
    const policy = loadBuiltin('catalog');
    expect(policy.catalog.products).toHaveLength(378);
    expect(policy.catalog.vendors).toHaveLength(223);
    expect(countBy(policy, 'activator')).toBe(11);
    expect(countBy(policy, 'os')).toBe(18);
    expect(countBy(policy, 'office')).toBe(8);
    expect(countBy(policy, 'antivirus')).toBe(26);
    expect(ids(policy).slice(0, 12)).toEqual(FORBIDDEN_FILE_ORDER);
    expect(ids(policy)[12]).toBe('ms-windows-server');
    expect(policy.forbidden.products).toEqual([]);
    expect(policy.preferences.domestic).toEqual([]);
    expect(policy.sources).toEqual([
      'builtin:catalog/workplace',
      'builtin:catalog/communication',
      'builtin:catalog/tools',
      'builtin:catalog/development',
      'builtin:catalog/science',
      'builtin:catalog/documents',
      'builtin:catalog/design',
      'builtin:catalog/common',
      'builtin:catalog/antivirus',
      'builtin:catalog/office',
      'builtin:catalog/os',
      'builtin:catalog/forbidden',
      'builtin:catalog',
    ]);
  });

  it('no product id appears in two class files, and the ids the example policy uses exist', () => {
    const seen = new Map<string, string>();
    for (const name of CLASS_FILES) {
      for (const id of ids(loadBuiltin(name))) {
        expect(seen.get(id), `${id} in ${name}`).toBeUndefined();
        seen.set(id, name);
      }
    }
    for (const id of ['ms-windows', 'ms-office', 'wps-office-pro', 'huorong-security', ...ACTIVATORS]) {
      expect(seen.has(id), id).toBe(true);
    }
  });

  it('a vendor defined in several class files is defined identically (merge order cannot change it)', () => {
    const byId = new Map<string, string>();
    for (const name of CLASS_FILES) {
      const doc = parse(builtinResolver.read(name)!.text) as { catalog: { vendors?: { id: string }[] } };
      for (const vendor of doc.catalog.vendors ?? []) {
        const text = JSON.stringify(vendor);
        expect(byId.get(vendor.id) ?? text, `${vendor.id} in ${name}`).toBe(text);
        byId.set(vendor.id, text);
      }
    }
  });

  it('every product has a standard category, a name and a vendor or note a reader can act on', () => {
    for (const product of loadBuiltin('catalog').catalog.products) {
      expect(STANDARD_CATEGORIES, product.id).toContain(product.category);
      expect(product.name, product.id).not.toBe(product.id);
      expect(product.match.length, product.id).toBeGreaterThan(0);
      if (product.category === 'activator') expect(product.notes, product.id).toBeTruthy();
      else expect(product.vendor, product.id).toBeTruthy();
      // A consumer product free "for individuals" must not pass as freeware for an agency: it is
      // personal-use, or commercial when one entry covers free and paid editions alike.
      if (/个人免费|free for individuals|personal use only/i.test(product.notes ?? ''))
        expect(['commercial', 'personal-use'], product.id).toContain(product.license);
      // Every licence model is decided in the shipped catalogue, and says where it comes from.
      expect(product.license, product.id).not.toBe('unreviewed');
    }
  });
});

describe('policy packs', () => {
  it('builtin:cn-gov-baseline: three classes, no Home/Starter OS, activators forbidden, domestic share warned', () => {
    const policy = loadBuiltin('cn-gov-baseline');
    expect(policy.metadata.name).toBe('cn-gov-baseline');
    expect(policy.metadata.description).toContain('国办发〔2013〕88号');
    expect(policy.catalog.products).toHaveLength(378);
    expect(policy.requirements.classes).toEqual(['os', 'office', 'antivirus']);
    expect(policy.requirements.editions.os?.deny).toEqual(['Home', 'Starter']);
    expect(policy.requirements.activation).toEqual({
      required: true,
      kmsHosts: [],
      classes: ['os', 'office'],
    });
    expect(policy.forbidden.mode).toBe('report');
    expect(policy.forbidden.products).toEqual(ACTIVATORS);
    expect(policy.forbidden.patterns).toHaveLength(1);
    expect(policy.preferences.domestic.map((t) => [t.class, t.target, t.outcome.status])).toEqual([
      ['office', 1, 'warn'],
      ['antivirus', 1, 'warn'],
    ]);
    expect(policy.settings).toEqual({ remediationDays: 15, unrecognised: 'report' });
  });

  it('builtin:cn-gov-strict: the baseline plus allowlist mode, unrecognised = unauthorised, domestic targets fail', () => {
    const policy = loadBuiltin('cn-gov-strict');
    expect(policy.metadata.name).toBe('cn-gov-strict');
    expect(policy.sources.slice(-2)).toEqual(['builtin:cn-gov-baseline', 'builtin:cn-gov-strict']);
    expect(policy.catalog.products).toHaveLength(378);
    expect(policy.requirements.editions.os?.deny).toEqual(['Home', 'Starter']);
    expect(policy.forbidden.mode).toBe('allowlist');
    expect(policy.forbidden.products).toEqual(ACTIVATORS);
    expect(policy.preferences.domestic.map((t) => [t.class, t.target, t.outcome.status])).toEqual([
      ['office', 1, 'fail'],
      ['antivirus', 1, 'fail'],
    ]);
    expect(policy.settings).toEqual({ remediationDays: 15, unrecognised: 'unauthorised' });
  });

  it('every YAML file in packs/ and catalog/ is shipped by the resolver', () => {
    const onDisk = [
      ...readdirSync(new URL('../packs/', import.meta.url)).map((file) => file.replace(/\.yaml$/, '')),
      ...readdirSync(new URL('../catalog/', import.meta.url)).map(
        (file) => `catalog/${file.replace(/\.yaml$/, '')}`,
      ),
    ];
    expect([...onDisk].sort()).toEqual([...(builtinResolver.list?.() ?? [])].sort());
  });
});

describeSamples('the example city policy over the real builtin baseline', () => {
  it('loads unchanged; its own entries override and come first', () => {
    const path = sample('../policy-example.yaml');
    const policy = loadPolicy(path, { resolvers: [builtinResolver] });
    expect(policy.metadata.name).toBe('example-city-2013');
    expect(policy.sources.slice(-3)).toEqual(['builtin:catalog', 'builtin:cn-gov-baseline', path]);
    expect(policy.catalog.products).toHaveLength(379);
    expect(policy.catalog.products[0]!.id).toBe('city-oa-client');
    expect(policy.catalog.vendors.find((v) => v.id === 'kingsoft-office')?.names).toContain(
      'Kingsoft Office Software',
    );
    expect(policy.entitlements.map((e) => e.product)).toEqual([
      'wps-office-pro',
      'ms-windows',
      'huorong-security',
      'ms-office',
    ]);
    expect(policy.preferences.domestic.map((t) => [t.class, t.target, t.outcome.status])).toEqual([
      ['office', 0.8, 'warn'],
      ['antivirus', 1, 'warn'],
    ]);
    expect(policy.forbidden.products).toEqual(ACTIVATORS);
    expect(policy.forbidden.patterns).toHaveLength(2);
    expect(policy.requirements.activation.kmsHosts).toEqual(['kms.pj.gov.cn']);
    expect(policy.settings).toEqual({ asOf: '2013-07-31', remediationDays: 15, unrecognised: 'report' });
  });
});
