/**
 * The facts a custom rule may read, per scope. The engine provides exactly these (plus, for
 * `software`, any record attribute a scanner passes on); the loader refuses a rule that reads a
 * fact its scope cannot see — a software rule is judged once per distinct product and version, so
 * it cannot read the host. docs/policy-reference.md lists them with their meaning.
 */
import type { RuleScope } from '../model.js';

export const RULE_FACTS: Readonly<Record<RuleScope, readonly string[]>> = {
  software: [
    'name',
    'version',
    'publisher',
    'installDate',
    'arch',
    'source',
    'edition',
    'channel',
    'licenseStatus',
    'kmsHost',
    'productCode',
    'recognised',
    'product',
    'productName',
    'category',
    'vendor',
    'domestic',
    'license',
  ],
  host: [
    'host',
    'hostname',
    'unit',
    'scanner',
    'osName',
    'osVersion',
    'osBuild',
    'osEdition',
    'osId',
    'hostSoftwareCount',
    'hostProducts',
    'hostCategories',
    'hostMissingClasses',
  ],
  unit: ['unit', 'staff', 'parent', 'computers', 'genuineRate', 'domesticRate', 'missing', 'unauthorised'],
  fleet: ['computers', 'units', 'staff', 'genuineRate', 'domesticRate', 'missing', 'unauthorised'],
};

/** The scope a fact belongs to when it is not the rule's own (for "use scope: host" hints). */
export function scopeOfFact(fact: string): RuleScope | undefined {
  for (const scope of ['host', 'unit', 'fleet', 'software'] as const) {
    if (RULE_FACTS[scope].includes(fact)) return scope;
  }
  return undefined;
}
