/**
 * The asset registers (资产登记表) the units filled in: one row per installation, Chinese headers, the
 * operating system on its own row with its edition and activation columns. The city departments'
 * file is UTF-8 with a BOM; the counties' file is GBK, as Excel on a Chinese Windows saves "CSV".
 */
import { createRequire } from 'node:module';
import { OS_TITLES, SOFTWARE_TITLES } from './titles.mjs';

const iconv = createRequire(new URL('../../../packages/scanners/package.json', import.meta.url))(
  'iconv-lite',
);

export const CSV_HEADER = [
  '计算机名',
  '单位',
  '软件名称',
  '版本',
  '发布者',
  '安装日期',
  '版本类型',
  '操作系统',
  '操作系统版本',
  '激活状态',
  'KMS主机',
];

const STATUS_TEXT = { licensed: '已激活', notification: '通知模式', unlicensed: '未激活' };

function quote(value) {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows a unit reports for one computer (Linux pilots: only the office suite they were given). */
function rowsOf(host) {
  const rows = [];
  const os = OS_TITLES[host.os.title];
  const linux = host.evidence === 'linux';
  if (!linux) {
    const activation = host.os.activation;
    rows.push([
      host.id,
      host.unit,
      os.name,
      os.version,
      os.publisher,
      host.osInstallDate,
      os.edition,
      os.name,
      os.version,
      activation ? STATUS_TEXT[activation.status] : '',
      activation?.kmsHost ?? '',
    ]);
  }
  for (const item of host.software) {
    const title = SOFTWARE_TITLES[item.title];
    if (linux && title.category !== 'office') continue;
    const name = linux ? 'WPS Office' : title.name;
    rows.push([
      host.id,
      host.unit,
      name,
      title.version,
      title.publisher,
      item.installDate,
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  return rows;
}

/** The register of some computers as bytes: `utf8-bom` or `gbk`. */
export function inventoryCsv(hosts, encoding) {
  const lines = [CSV_HEADER, ...[...hosts].sort((a, b) => a.id.localeCompare(b.id)).flatMap(rowsOf)].map(
    (row) => row.map(quote).join(','),
  );
  const text = `${lines.join('\r\n')}\r\n`;
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}
