/**
 * The facts a custom rule can read: ONE table, from which everything else that names facts is
 * derived — the loader's list per scope (policy/rule-facts.ts), the linter's value kinds and
 * did-you-mean (policy/lint/), the engine's scope guard (engine/custom-rules.ts), the split of a
 * software rule into title and record parts (engine/software-rules.ts) and the fact table of
 * docs/policy-reference.md (a test renders it from here). The readers that compute each fact
 * (engine/record-facts.ts) are keyed by these names, so TypeScript refuses a fact without a reader
 * and a reader without a fact.
 *
 * Plain data on purpose: the policy loader imports it, and must not import the engine.
 */
import type { RuleScope } from '../../model.js';

/** What kind of value a fact holds (the linter checks a condition's value against it). */
export type FactKind =
  /** free text (names, publishers, sources) */
  | 'text'
  /** a version string: dotted numbers, compared only with versionInRange */
  | 'version'
  /** a YYYY-MM-DD date */
  | 'date'
  | 'boolean'
  | 'number'
  /** a fraction 0–1 */
  | 'rate'
  /** a catalogue product id */
  | 'product'
  /** a product class (category) */
  | 'class'
  /** a canonical edition name */
  | 'edition'
  /** a licence model word */
  | 'license'
  /** an activation licence status */
  | 'licenseStatus'
  /** a unit name */
  | 'unit'
  /** a computer id or name */
  | 'host'
  /** a vendor id (or the free vendor name a product gives) */
  | 'vendor'
  /** a list of product ids */
  | 'products'
  /** a list of classes */
  | 'classes'
  /** rates keyed by class (`path: $.office`) */
  | 'ratesByClass'
  /** counts keyed by class */
  | 'countsByClass';

export interface FactDefinition {
  scope: RuleScope;
  name: string;
  kind: FactKind;
  /**
   * Software facts only. `title`: decided by the title as read (name, publisher, version, edition)
   * and what recognition makes of it, so judged once per title variant; `record`: may differ
   * between records of one title, so read from each record.
   */
  from?: 'title' | 'record';
  /** What the fact holds, in the words of docs/policy-reference.md. */
  description: string;
}

/** Every fact, by scope, in the order the loader's messages list them. */
export const FACTS = [
  { scope: 'software', name: 'name', kind: 'text', from: 'title', description: 'the name the record gives' },
  { scope: 'software', name: 'version', kind: 'version', from: 'title', description: 'the version it gives' },
  {
    scope: 'software',
    name: 'publisher',
    kind: 'text',
    from: 'title',
    description: 'the publisher it gives',
  },
  {
    scope: 'software',
    name: 'installDate',
    kind: 'date',
    from: 'record',
    description: 'the install date it gives',
  },
  {
    scope: 'software',
    name: 'arch',
    kind: 'text',
    from: 'record',
    description: 'the architecture it gives (`x64`, …)',
  },
  {
    scope: 'software',
    name: 'source',
    kind: 'text',
    from: 'record',
    description: 'the inventory it was read from (`os` for the computer’s OS)',
  },
  {
    scope: 'software',
    name: 'product',
    kind: 'product',
    from: 'title',
    description: 'the catalogue product id it is recognised as',
  },
  {
    scope: 'software',
    name: 'category',
    kind: 'class',
    from: 'title',
    description: 'the class of that product',
  },
  {
    scope: 'software',
    name: 'vendor',
    kind: 'vendor',
    from: 'title',
    description: 'the product’s vendor; unrecognised, the vendor whose publisher names match',
  },
  {
    scope: 'software',
    name: 'domestic',
    kind: 'boolean',
    from: 'title',
    description: 'whether the product is domestic',
  },
  {
    scope: 'software',
    name: 'license',
    kind: 'license',
    from: 'title',
    description: 'the product’s licence model at this version (`licenseByVersion`)',
  },
  {
    scope: 'software',
    name: 'edition',
    kind: 'edition',
    from: 'title',
    description: 'the edition recognised, else the edition the record gives',
  },
  {
    scope: 'software',
    name: 'licenseStatus',
    kind: 'licenseStatus',
    from: 'record',
    description: 'the activation status the record gives',
  },
  {
    scope: 'software',
    name: 'channel',
    kind: 'text',
    from: 'record',
    description: 'the activation channel it gives',
  },
  { scope: 'software', name: 'kmsHost', kind: 'text', from: 'record', description: 'the KMS host it names' },
  {
    scope: 'software',
    name: 'recognised',
    kind: 'boolean',
    from: 'title',
    description: 'whether the catalogue recognises it',
  },
  { scope: 'host', name: 'host', kind: 'host', description: 'the computer’s id' },
  { scope: 'host', name: 'hostname', kind: 'host', description: 'its name' },
  { scope: 'host', name: 'unit', kind: 'unit', description: 'its unit' },
  { scope: 'host', name: 'osName', kind: 'text', description: 'its OS as named' },
  { scope: 'host', name: 'osId', kind: 'text', description: 'the OS id (`windows`, `kylin`, …)' },
  { scope: 'host', name: 'osVersion', kind: 'version', description: 'the OS version' },
  { scope: 'host', name: 'osEdition', kind: 'edition', description: 'the OS edition, recognised or as read' },
  {
    scope: 'host',
    name: 'softwareCount',
    kind: 'number',
    description: 'the number of distinct titles on it',
  },
  { scope: 'host', name: 'products', kind: 'products', description: 'the product ids installed on it' },
  { scope: 'host', name: 'categories', kind: 'classes', description: 'the classes of those products' },
  {
    scope: 'host',
    name: 'unauthorisedCount',
    kind: 'number',
    description: 'its [unauthorised installations](semantics.md#unauthorised-count)',
  },
  { scope: 'unit', name: 'unit', kind: 'unit', description: 'the unit’s name' },
  { scope: 'unit', name: 'staff', kind: 'number', description: 'its staff (编制人数)' },
  { scope: 'unit', name: 'computers', kind: 'number', description: 'its computers' },
  {
    scope: 'unit',
    name: 'unauthorised',
    kind: 'number',
    description: 'its unauthorised installations (未授权安装（套）)',
  },
  { scope: 'unit', name: 'genuineRate', kind: 'rate', description: 'the overall genuine rate' },
  {
    scope: 'unit',
    name: 'genuineRates',
    kind: 'ratesByClass',
    description: 'the genuine rate per class (`path: $.office`)',
  },
  {
    scope: 'unit',
    name: 'domesticRates',
    kind: 'ratesByClass',
    description: 'the domestic share per class',
  },
  {
    scope: 'unit',
    name: 'missing',
    kind: 'countsByClass',
    description: 'per mandatory class, computers without it',
  },
  { scope: 'fleet', name: 'computers', kind: 'number', description: 'every computer audited' },
  { scope: 'fleet', name: 'units', kind: 'number', description: 'the number of units' },
  { scope: 'fleet', name: 'unauthorised', kind: 'number', description: 'all unauthorised installations' },
  { scope: 'fleet', name: 'genuineRate', kind: 'rate', description: 'the overall genuine rate' },
  { scope: 'fleet', name: 'genuineRates', kind: 'ratesByClass', description: 'the genuine rate per class' },
  {
    scope: 'fleet',
    name: 'domesticRates',
    kind: 'ratesByClass',
    description: 'the domestic share per class',
  },
  {
    scope: 'fleet',
    name: 'missing',
    kind: 'countsByClass',
    description: 'per mandatory class, computers without it',
  },
] as const satisfies readonly FactDefinition[];

type Entry = (typeof FACTS)[number];
/** The names of the facts of one scope. */
export type FactName<S extends RuleScope> = Extract<Entry, { scope: S }>['name'];
export type SoftwareFact = FactName<'software'>;
export type HostFact = FactName<'host'>;
export type UnitFact = FactName<'unit'>;
export type FleetFact = FactName<'fleet'>;
/** Software facts decided by the title variant; the others are read from each record. */
export type TitleFact = Extract<Entry, { from: 'title' }>['name'];
export type RecordFact = Extract<Entry, { from: 'record' }>['name'];

const namesWhere = <N extends string>(keep: (fact: FactDefinition) => boolean): readonly N[] =>
  Object.freeze((FACTS as readonly FactDefinition[]).filter(keep).map((fact) => fact.name as N));

export const SOFTWARE_FACTS = namesWhere<SoftwareFact>((fact) => fact.scope === 'software');
export const HOST_FACTS = namesWhere<HostFact>((fact) => fact.scope === 'host');
export const UNIT_FACTS = namesWhere<UnitFact>((fact) => fact.scope === 'unit');
export const FLEET_FACTS = namesWhere<FleetFact>((fact) => fact.scope === 'fleet');
export const TITLE_FACTS = namesWhere<TitleFact>((fact) => fact.from === 'title');
export const RECORD_FACTS = namesWhere<RecordFact>((fact) => fact.from === 'record');

/** The fact names a rule of each scope may read (a software rule also reads record attributes). */
export const FACTS_BY_SCOPE: Readonly<Record<RuleScope, readonly string[]>> = Object.freeze({
  software: SOFTWARE_FACTS,
  host: HOST_FACTS,
  unit: UNIT_FACTS,
  fleet: FLEET_FACTS,
});

const DEFINITIONS = new Map<string, FactDefinition>(
  FACTS.map((fact) => [`${fact.scope}\u0000${fact.name}`, fact]),
);

/** The definition of `name` in `scope`, or undefined when that scope has no such fact. */
export function factDefinition(scope: RuleScope, name: string): FactDefinition | undefined {
  return DEFINITIONS.get(`${scope}\u0000${name}`);
}
