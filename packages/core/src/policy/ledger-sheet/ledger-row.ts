/**
 * An entitlement as one row of a ledger sheet, the inverse of reading one: `zhengban ledger export`
 * writes these values under LEDGER_COLUMNS' headings, and reading the sheet back gives the same
 * entitlement. What the columns cannot hold (`rights`, `retired.date/reason`, evidence other than
 * 供应商 and 合同号) stays in YAML only; `ledgerRowLosses` names it so the export can say so.
 */

import { daysBetween } from '../../engine/rules/finding-factory.js';
import type { Entitlement, EntitlementStatus, EntitlementType, IsoDate } from '../../model.js';
import type { LedgerField } from './ledger-columns.js';

const TYPE_HEADINGS: Readonly<Record<EntitlementType, string>> = {
  oem: 'OEM',
  volume: '批量',
  retail: '零售',
  subscription: '订阅',
  site: '场地',
  'per-user': '按用户',
  freeware: '免费',
  'open-source': '开源',
};

const STATUS_HEADINGS: Readonly<Record<EntitlementStatus, string>> = {
  active: '在用',
  retired: '停用',
  disposed: '调出',
};

/** The date fields: a writer puts them in date cells. */
export const LEDGER_DATE_FIELDS: ReadonlySet<LedgerField> = new Set(['purchased', 'validFrom', 'expires']);

/** The sheet values of one entitlement; `daysLeft` is counted from `asOf`. Dates stay ISO text. */
export function ledgerRowValues(
  entitlement: Entitlement,
  asOf: IsoDate,
): Partial<Record<LedgerField, string | number>> {
  const values: Partial<Record<LedgerField, string | number>> = {
    id: entitlement.id,
    product: entitlement.product,
    type: TYPE_HEADINGS[entitlement.type],
    seats: entitlement.seats === 'unlimited' ? '不限' : entitlement.seats,
    status: STATUS_HEADINGS[entitlement.status],
  };
  if (entitlement.versions) values.versions = entitlement.versions;
  if (entitlement.editions?.length) values.editions = entitlement.editions.join('、');
  if (entitlement.scope?.units?.length) values.units = entitlement.scope.units.join('、');
  if (entitlement.scope?.hosts?.length) values.hosts = entitlement.scope.hosts.join('、');
  for (const key of ['purchased', 'validFrom', 'expires'] as const) {
    const date = entitlement[key];
    if (date) values[key] = date;
  }
  if (entitlement.unitPrice !== undefined) values.unitPrice = entitlement.unitPrice;
  if (entitlement.amount !== undefined) values.amount = entitlement.amount;
  if (entitlement.evidence?.supplier) values.supplier = entitlement.evidence.supplier;
  if (entitlement.evidence?.contract) values.contract = entitlement.evidence.contract;
  if (entitlement.origin) values.origin = entitlement.origin;
  if (entitlement.notes) values.notes = entitlement.notes;
  if (entitlement.expires) values.daysLeft = daysBetween(asOf, entitlement.expires);
  return values;
}

/** What of an entitlement the sheet's columns cannot hold: YAML keys, for a note to the user. */
export function ledgerRowLosses(entitlement: Entitlement): string[] {
  const losses: string[] = [];
  if (entitlement.rights) losses.push('rights');
  if (entitlement.retired) losses.push('retired');
  for (const key of Object.keys(entitlement.evidence ?? {}))
    if (key !== 'supplier' && key !== 'contract') losses.push(`evidence.${key}`);
  return losses;
}
