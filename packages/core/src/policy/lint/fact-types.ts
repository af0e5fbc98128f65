/**
 * What kind of value each custom-rule fact holds, so the linter can tell that
 * `domestic equal "false"` or `edition equal 家庭中文版` can never hold. The kinds are a column of the
 * one fact table (engine/model/facts.ts); this module adds the words authors use for them.
 */
import { type FactKind, factDefinition } from '../../engine/model/facts.js';
import type { RuleScope } from '../../model.js';

export type { FactKind } from '../../engine/model/facts.js';

/** The kind of `fact` in `scope`, or undefined for a name the scope does not compute. */
export function factKind(scope: RuleScope, fact: string): FactKind | undefined {
  return factDefinition(scope, fact)?.kind;
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
  host: { zh: '计算机名', en: 'a computer name' },
  vendor: { zh: '厂商编号', en: 'a vendor id' },
  products: { zh: '产品编号列表', en: 'a list of product ids' },
  classes: { zh: '类别列表', en: 'a list of classes' },
  ratesByClass: { zh: '按类别分项的比率', en: 'fractions keyed by class' },
  countsByClass: { zh: '按类别分项的数量', en: 'counts keyed by class' },
};
