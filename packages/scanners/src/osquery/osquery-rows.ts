/**
 * osquery rows → records. The query name in a result log is the operator's choice
 * (`application_monitoring`), so a row's table is recognised from its columns: programs,
 * deb_packages, rpm_packages, os_version, windows_security_products, system_info.
 */
import { type Evidence, editionFromName, type OsInfo, type SoftwareRecord } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { isoDateFromUnix, parseIsoDate } from '../common/dates.js';
import { osIdFromName } from '../common/os-identity.js';

export type OsqueryTable =
  | 'programs'
  | 'deb_packages'
  | 'rpm_packages'
  | 'os_version'
  | 'windows_security_products'
  | 'system_info'
  | 'other';

export type OsqueryRow = Record<string, unknown>;

export function tableOf(row: OsqueryRow): OsqueryTable {
  const has = (column: string) => column in row;
  if (has('type') && has('state') && has('signatures_up_to_date')) return 'windows_security_products';
  if (
    has('name') &&
    has('version') &&
    has('release') &&
    (has('vendor') || has('epoch') || has('package_group') || has('sha1'))
  )
    return 'rpm_packages';
  if (has('name') && has('version') && (has('maintainer') || has('revision') || has('priority')))
    return 'deb_packages';
  if (
    has('name') &&
    (has('identifying_number') || has('install_location') || (has('publisher') && has('install_date')))
  )
    return 'programs';
  if (
    has('platform') &&
    has('name') &&
    has('version') &&
    (has('major') || has('build') || has('codename') || has('platform_like'))
  )
    return 'os_version';
  if (has('hostname') && (has('computer_name') || has('cpu_brand') || has('hardware_model')))
    return 'system_info';
  return 'other';
}

const text = (row: OsqueryRow, column: string) => cleanValue(row[column]);

/** A software record for a programs / deb / rpm / security-product row; undefined for other tables or not-installed debs. */
export function recordFromRow(
  row: OsqueryRow,
  table: OsqueryTable,
  evidenceAt: Omit<Evidence, 'source'>,
): SoftwareRecord | undefined {
  const name = text(row, 'name');
  if (!name) return undefined;
  const source = `osquery:${table}`;
  const record: SoftwareRecord = { name, source, evidence: { source, ...evidenceAt } };
  if (table === 'programs') {
    assign(record, 'version', text(row, 'version'));
    assign(record, 'publisher', text(row, 'publisher'));
    assign(record, 'installDate', parseIsoDate(text(row, 'install_date') ?? ''));
    const attributes: SoftwareRecord['attributes'] = {};
    if (text(row, 'identifying_number')) attributes.productCode = text(row, 'identifying_number');
    if (text(row, 'install_location')) attributes.installLocation = text(row, 'install_location');
    if (Object.keys(attributes).length > 0) record.attributes = attributes;
  } else if (table === 'deb_packages') {
    const status = text(row, 'status');
    if (status && !/^(install|hold) ok installed$/.test(status)) return undefined;
    assign(record, 'version', text(row, 'version'));
    assign(record, 'arch', text(row, 'arch'));
    assign(record, 'publisher', text(row, 'maintainer')?.replace(/\s*<[^>]*>\s*$/, ''));
  } else if (table === 'rpm_packages') {
    const version = text(row, 'version');
    const release = text(row, 'release');
    const epoch = text(row, 'epoch');
    if (version)
      record.version = `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
    assign(record, 'arch', text(row, 'arch'));
    assign(record, 'publisher', text(row, 'vendor'));
    assign(record, 'installDate', isoDateFromUnix(text(row, 'install_time') ?? ''));
  } else if (table === 'windows_security_products') {
    if (!/antivirus/i.test(text(row, 'type') ?? '')) return undefined;
    record.attributes = {
      antivirusActive: /^on$/i.test(text(row, 'state') ?? ''),
      signaturesUpToDate: text(row, 'signatures_up_to_date') === '1',
    };
  } else return undefined;
  return record;
}

function assign(
  record: SoftwareRecord,
  field: 'version' | 'publisher' | 'installDate' | 'arch',
  value: string | undefined,
): void {
  if (value) record[field] = value;
}

/** os_version row → OsInfo. */
export function osFromRow(row: OsqueryRow, evidence: Evidence): OsInfo {
  const name = text(row, 'name') ?? 'unknown';
  const os: OsInfo = { name, evidence };
  const platform = text(row, 'platform');
  const id = platform === 'windows' ? 'windows' : (platform ?? osIdFromName(name));
  if (id) os.id = id === 'openeuler' ? 'openEuler' : id;
  assignOs(os, 'version', text(row, 'version'));
  assignOs(os, 'build', text(row, 'build'));
  assignOs(os, 'arch', text(row, 'arch'));
  const edition = editionFromName(name);
  if (edition) os.edition = edition;
  const like = text(row, 'platform_like');
  if (like) os.idLike = like.split(/[\s,]+/).filter(Boolean);
  return os;
}

function assignOs(os: OsInfo, field: 'version' | 'build' | 'arch', value: string | undefined): void {
  if (value) os[field] = value;
}
