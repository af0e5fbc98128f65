/**
 * The catalogue as packages/rules/README.md lists it: one table per product class, in catalogue
 * order within a class. Generated from the loaded catalogue so the README cannot drift from the
 * YAML; `catalogue-listing.test.ts` checks it and rewrites it with UPDATE_README=1.
 */
import type { Policy, Product } from '@zhengban/core';

/** Classes in the order the README lists them, with the heading each gets. */
const CLASS_HEADINGS: [category: string, heading: string][] = [
  ['os', 'os — 操作系统 / operating systems'],
  ['office', 'office — 办公软件 / office suites'],
  ['antivirus', 'antivirus — 杀毒软件 / antivirus'],
  ['browser', 'browser — 浏览器 / browsers'],
  ['archiver', 'archiver — 压缩软件 / archivers'],
  ['pdf', 'pdf — PDF/OFD 编辑与阅读、OCR、电子阅读 / PDF and OFD, OCR, e-reading'],
  ['im', 'im — 通讯、会议、邮件 / messaging, meetings, mail'],
  ['tool', 'tool — 远程协助、系统工具、截图录屏、下载 / remote access, utilities, capture, download'],
  ['design', 'design — 设计、CAD、图像与视频 / design, CAD, imaging, video'],
  ['dev', 'dev — 开发与运维 / development and administration'],
  ['science', 'science — 统计、科研、文献、GIS / statistics, science, references, GIS'],
  ['input', 'input — 输入法 / input methods'],
  ['media', 'media — 影音 / media players'],
  ['cloud', 'cloud — 网盘 / cloud drives'],
  ['other', 'other — 运行库、组件、其他 / runtimes, components, other'],
  ['activator', 'activator — 激活与破解工具（禁止） / activators and crack tools (forbidden)'],
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function licence(product: Product): string {
  const ranges = product.licenseByVersion ?? [];
  if (ranges.length === 0) return product.license;
  const byVersion = ranges.map((range) => `${range.versions}: ${range.license}`).join('; ');
  return `${byVersion}; otherwise ${product.license}`;
}

export function catalogueListing(policy: Policy): string {
  const vendorNames = new Map(policy.catalog.vendors.map((vendor) => [vendor.id, vendor.name]));
  const known = new Set(CLASS_HEADINGS.map(([category]) => category));
  const extra = [...new Set(policy.catalog.products.map((p) => p.category))].filter((c) => !known.has(c));
  const headings = [...CLASS_HEADINGS, ...extra.sort().map((c): [string, string] => [c, c])];
  const lines = [
    `${policy.catalog.products.length} products. Licence = the model for an organisation ` +
      "([licence models](../../docs/policy-reference.md#licence-models)); every entry's `notes` names the vendor page it comes from.",
    '',
  ];
  for (const [category, heading] of headings) {
    const products = policy.catalog.products.filter((product) => product.category === category);
    if (products.length === 0) continue;
    lines.push(`#### ${heading} (${products.length})`, '');
    lines.push('| id | product | vendor | domestic | licence (organisation) |', '|---|---|---|---|---|');
    for (const product of products) {
      const vendor = product.vendor ? (vendorNames.get(product.vendor) ?? product.vendor) : '—';
      lines.push(
        `| \`${product.id}\` | ${cell(product.name)} | ${cell(vendor)} | ${product.domestic ? 'yes' : 'no'} | ${cell(licence(product))} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
