/**
 * Column headers of inventory spreadsheets, in English and Chinese, recognised case- and
 * space-insensitively (`计算机名`, `Computer Name`, `主机名`, `software_name`, `发布者`, …). A user mapping
 * (`{ host: '资产编号' }`) overrides the built-in words for a field.
 */
import { InputError } from '@zhengban/core';

/** The fields an inventory CSV can give, one column each. */
export type CsvField =
  | 'host'
  | 'hostname'
  | 'unit'
  | 'name'
  | 'version'
  | 'publisher'
  | 'installDate'
  | 'arch'
  | 'edition'
  | 'licenseStatus'
  | 'channel'
  | 'partialKey'
  | 'kmsHost'
  | 'os'
  | 'osVersion'
  | 'osEdition'
  | 'osBuild'
  | 'scannedAt';

/** Built-in header words per field (already normalised: lower case, no spaces or punctuation). */
export const CSV_HEADER_WORDS: Readonly<Record<CsvField, readonly string[]>> = {
  host: [
    '计算机名',
    '计算机名称',
    '计算机',
    '主机名',
    '主机名称',
    '主机',
    '设备名',
    '设备名称',
    '设备编号',
    '终端名称',
    '终端编号',
    '电脑名',
    '电脑名称',
    '机器名',
    '机器名称',
    '计算机编号',
    '计算机标识',
    'host',
    'hostname',
    'hostid',
    'computer',
    'computername',
    'machine',
    'machinename',
    'device',
    'devicename',
    'pc',
    'pcname',
    'pscomputername',
    'node',
    'asset',
    'assetid',
    '资产编号',
  ],
  hostname: ['hostname', 'dnsname', 'fqdn', '域名'],
  unit: [
    '单位',
    '单位名称',
    '部门',
    '部门名称',
    '使用单位',
    '所属单位',
    '所属部门',
    '使用部门',
    '所在单位',
    '所在部门',
    '处室',
    '科室',
    '科室名称',
    'unit',
    'department',
    'dept',
    'org',
    'organization',
    'organisation',
    'agency',
  ],
  name: [
    '软件名称',
    '软件名',
    '软件',
    '名称',
    '产品名称',
    '程序名称',
    '应用名称',
    '应用程序',
    'software',
    'softwarename',
    'name',
    'product',
    'productname',
    'program',
    'application',
    'app',
    'displayname',
    'title',
  ],
  version: [
    '版本',
    '版本号',
    '软件版本',
    '软件版本号',
    'version',
    'displayversion',
    'ver',
    'softwareversion',
  ],
  publisher: [
    '发布者',
    '厂商',
    '开发商',
    '供应商',
    '生产厂商',
    '厂家',
    '出版商',
    '发行商',
    '发布商',
    '软件厂商',
    'publisher',
    'vendor',
    'manufacturer',
    'maker',
  ],
  installDate: [
    '安装日期',
    '安装时间',
    'installdate',
    'installed',
    'installedon',
    'installtime',
    'dateinstalled',
  ],
  arch: ['架构', '位数', '平台', 'arch', 'architecture', 'bitness', 'platform'],
  edition: ['版本类型', '版本类别', '软件版本类型', '版别', 'edition', 'sku'],
  licenseStatus: [
    '激活状态',
    '许可状态',
    '授权状态',
    '许可证状态',
    '正版状态',
    'licensestatus',
    'activation',
    'activationstatus',
    'licensed',
    'license',
  ],
  channel: ['许可渠道', '授权方式', '许可类型', '授权类型', 'channel', 'licensechannel', 'licensetype'],
  partialKey: ['部分产品密钥', '密钥后五位', 'partialkey', 'partialproductkey', 'productkey'],
  kmsHost: ['kms', 'kms服务器', 'kms主机', 'kmshost', 'kmsserver', 'kmsmachine'],
  os: ['操作系统', '操作系统名称', '系统', '系统名称', 'os', 'osname', 'operatingsystem'],
  osVersion: ['操作系统版本', '系统版本', 'osversion', 'operatingsystemversion'],
  osEdition: ['操作系统版本类型', '系统版本类型', '操作系统版别', 'osedition', 'operatingsystemedition'],
  osBuild: ['操作系统内部版本', '内部版本', 'osbuild', 'build', 'buildnumber'],
  scannedAt: [
    '采集时间',
    '采集日期',
    '扫描时间',
    '盘点日期',
    'scannedat',
    'scandate',
    'collected',
    'collectedat',
  ],
};

export const CSV_FIELDS = Object.keys(CSV_HEADER_WORDS) as CsvField[];

/** Header text → comparison key: BOM, spaces, `_-.:：()（）` removed, lower case. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-.:：()（）[\]【】*]+/g, '')
    .toLowerCase();
}

export type CsvColumns = Record<CsvField, number>;

/** What a header row gives: columns per field, and what it lacks. */
export interface HeaderMatch {
  columns: CsvColumns;
  /** A mapping entry naming a column the row does not have. */
  mappingMissing?: string;
  /** Required fields (host, name) without a column. */
  missing: Array<'host' | 'name'>;
}

/** Column index per field (-1 when absent) of one header row; never throws. */
export function matchColumns(
  header: readonly string[],
  mapping: Partial<Record<CsvField, string>> = {},
  /** Told of a second column whose header also names a field (that column is not read). */
  onDuplicate?: (field: CsvField, used: number, unused: number) => void,
): HeaderMatch {
  const keys = header.map(normaliseHeader);
  const columns = Object.create(null) as CsvColumns;
  const taken = new Set<number>();
  let mappingMissing: string | undefined;
  for (const field of CSV_FIELDS) {
    const wanted = mapping[field];
    if (wanted === undefined) continue;
    const at = keys.indexOf(normaliseHeader(wanted));
    if (at < 0) mappingMissing ??= `${field}=${wanted}`;
    columns[field] = at;
    if (at >= 0) taken.add(at);
  }
  for (const field of CSV_FIELDS) {
    if (columns[field] !== undefined) continue;
    const at = keys.findIndex((key, index) => !taken.has(index) && CSV_HEADER_WORDS[field].includes(key));
    columns[field] = at;
    if (at >= 0) taken.add(at);
  }
  if (onDuplicate) {
    for (const field of CSV_FIELDS) {
      if (columns[field] < 0) continue;
      keys.forEach((key, index) => {
        if (!taken.has(index) && CSV_HEADER_WORDS[field].includes(key))
          onDuplicate(field, columns[field], index);
      });
    }
  }
  const missing = (['host', 'name'] as const).filter((field) => columns[field] < 0);
  return mappingMissing === undefined ? { columns, missing } : { columns, missing, mappingMissing };
}

/**
 * Column index per field (-1 when absent). A mapping entry naming a header that is not in the file
 * is an error; so is a file without a host or software-name column.
 */
export function resolveCsvColumns(
  header: readonly string[],
  file: string,
  mapping: Partial<Record<CsvField, string>> = {},
  /** Told of a second column whose header also names a field (that column is not read). */
  onDuplicate?: (field: CsvField, used: number, unused: number) => void,
  line = 1,
): CsvColumns {
  const match = matchColumns(header, mapping, onDuplicate);
  if (match.mappingMissing !== undefined) {
    const [field, wanted] = match.mappingMissing.split(/=(.*)/s);
    throw new InputError(
      `${file}: the mapping gives column "${wanted}" for ${field}, but the header has no such column (header: ${header.join(', ')})`,
      { file, line, source: 'csv' },
      'csv.mapping',
      { file, field: field ?? '', wanted: wanted ?? '', header: header.join(', ') },
    );
  }
  for (const field of match.missing) {
    const label =
      field === 'host'
        ? 'the computer (计算机名 / 主机名 / hostname)'
        : 'the software name (软件名称 / name)';
    const labelText = {
      zh: field === 'host' ? '计算机（计算机名 / 主机名 / hostname）' : '软件名称（软件名称 / name）',
      en: label,
    };
    throw new InputError(
      `${file}:${line}: no column for ${label}; header was: ${header.slice(0, 20).join(', ').slice(0, 300)} (give a mapping if the column has another name)`,
      { file, line, source: 'csv' },
      'csv.header',
      { file, label: labelText, header: header.slice(0, 20).join(', ').slice(0, 300) },
    );
  }
  return match.columns;
}
