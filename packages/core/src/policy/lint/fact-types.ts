/**
 * What kind of value each custom-rule fact holds (engine/custom-rules.ts computes them; the
 * engine's fact lists are the names, this table is their types), so the linter can tell that
 * `domestic equal "false"` or `edition equal 家庭中文版` can never hold.
 */
import type { RuleScope } from '../../model.js';

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
  /** a list of product ids */
  | 'products'
  /** a list of classes */
  | 'classes'
  /** rates keyed by class (`path: $.office`) */
  | 'ratesByClass'
  /** counts keyed by class */
  | 'countsByClass';

const SOFTWARE: Record<string, FactKind> = {
  name: 'text',
  version: 'version',
  publisher: 'text',
  installDate: 'date',
  arch: 'text',
  source: 'text',
  product: 'product',
  category: 'class',
  vendor: 'text',
  domestic: 'boolean',
  license: 'license',
  edition: 'edition',
  licenseStatus: 'licenseStatus',
  channel: 'text',
  kmsHost: 'text',
  recognised: 'boolean',
};

const HOST: Record<string, FactKind> = {
  host: 'text',
  hostname: 'text',
  unit: 'unit',
  osName: 'text',
  osId: 'text',
  osVersion: 'version',
  osEdition: 'edition',
  softwareCount: 'number',
  products: 'products',
  categories: 'classes',
  unauthorisedCount: 'number',
};

const AGGREGATE: Record<string, FactKind> = {
  unit: 'unit',
  staff: 'number',
  computers: 'number',
  units: 'number',
  unauthorised: 'number',
  genuineRate: 'rate',
  genuineRates: 'ratesByClass',
  domesticRates: 'ratesByClass',
  missing: 'countsByClass',
};

const BY_SCOPE: Record<RuleScope, Record<string, FactKind>> = {
  software: SOFTWARE,
  host: HOST,
  unit: AGGREGATE,
  fleet: AGGREGATE,
};

/** The kind of `fact` in `scope`, or undefined for a name the scope does not compute. */
export function factKind(scope: RuleScope, fact: string): FactKind | undefined {
  const table = BY_SCOPE[scope];
  return Object.hasOwn(table, fact) ? table[fact] : undefined;
}

/** Words authors use for a fact that has another name (`class` is `category`). */
export const FACT_ALIASES: Readonly<Record<string, string>> = {
  class: 'category',
  classes: 'categories',
  type: 'category',
  类别: 'category',
  分类: 'category',
  版本: 'version',
  名称: 'name',
  产品: 'product',
  国产: 'domestic',
  厂商: 'vendor',
  发行者: 'publisher',
  publisherName: 'publisher',
  productId: 'product',
  os: 'osName',
  osname: 'osName',
  单位: 'unit',
};

/** In Chinese, what kind of value a fact holds (for "compares X (kind) with …"). */
export const KIND_WORDS: Readonly<Record<FactKind, { zh: string; en: string }>> = {
  text: { zh: '文字', en: 'text' },
  version: { zh: '版本号', en: 'a version' },
  date: { zh: '日期', en: 'a date' },
  boolean: { zh: 'true 或 false，不带引号', en: 'true or false, without quotes' },
  number: { zh: '数字', en: 'a number' },
  rate: { zh: '0 到 1 之间的比率', en: 'a fraction between 0 and 1' },
  product: { zh: '目录中的产品编号', en: 'a catalogue product id' },
  class: { zh: '产品类别', en: 'a product class' },
  edition: { zh: '规范版本型名称', en: 'a canonical edition name' },
  license: { zh: '许可模式', en: 'a licence model' },
  licenseStatus: { zh: '激活状态', en: 'an activation status' },
  unit: { zh: '单位名称', en: 'a unit name' },
  products: { zh: '产品编号列表', en: 'a list of product ids' },
  classes: { zh: '类别列表', en: 'a list of classes' },
  ratesByClass: { zh: '按类别分项的比率', en: 'fractions keyed by class' },
  countsByClass: { zh: '按类别分项的数量', en: 'counts keyed by class' },
};
