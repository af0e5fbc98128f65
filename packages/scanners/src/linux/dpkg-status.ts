/**
 * `/var/lib/dpkg/status`: RFC-822 style paragraphs (`Package`, `Status`, `Version`, `Architecture`,
 * `Maintainer`), continuation lines starting with a space. Only installed packages are products
 * (`install ok installed`, and `hold ok installed`, which is installed and pinned); the others
 * (`deinstall ok config-files`, half-installed) are counted as ignored. A paragraph without `Status`
 * is no installation either (dpkg writes Status for every package it installed; paragraphs without
 * it come from `/var/lib/dpkg/available`, a `Packages` index or a damaged copy): ignored, and said
 * once per file.
 */
import type { ScanContext, SoftwareRecord } from '@zhengban/core';
import { cleanValue, excerpt } from '../common/clean-text.js';

/** dpkg fields that say where a package comes from → record attribute names. */
const PROVENANCE_FIELDS: ReadonlyArray<readonly [field: string, attribute: string]> = [
  ['maintainer', 'maintainer'],
  ['original-maintainer', 'originalMaintainer'],
  ['section', 'section'],
  ['origin', 'origin'],
];

export const DPKG_STATUS_SOURCE = 'linux:dpkg-status';

export function isDpkgStatus(text: string): boolean {
  const head = text.slice(0, 8192);
  return /^Package: \S/m.test(head) && /^(Status|Version|Architecture): /m.test(head);
}

const INSTALLED = /^(install|hold) ok installed$/;

/** Parses the file; a paragraph without Package or Version is a located problem. */
export function parseDpkgStatus(
  text: string,
  file: string,
  ctx: Pick<ScanContext, 'problem' | 'ignore'>,
): SoftwareRecord[] {
  const records: SoftwareRecord[] = [];
  const lines = text.split(/\r?\n/);
  let fields = new Map<string, string>();
  let start = 0;
  const withoutStatus: number[] = [];
  const finish = () => {
    if (fields.size === 0) return;
    const name = fields.get('package');
    const status = fields.get('status');
    if (!name) {
      ctx.problem({
        message: `paragraph at line ${start} has no Package field`,
        code: 'dpkg.no-package',
        params: { line: start },
        file,
        line: start,
      });
    } else if (status === undefined) {
      withoutStatus.push(start);
      ctx.ignore(1, 'no dpkg Status');
    } else if (!INSTALLED.test(status)) {
      ctx.ignore(1, `dpkg status ${status}`);
    } else if (/[\u0000-\u001f\u007f]/.test(name)) {
      ctx.problem({
        message: `paragraph at line ${start}: the package name holds control characters`,
        code: 'dpkg.bad-text',
        params: { line: start },
        file,
        line: start,
      });
    } else if (!cleanValue(fields.get('version'))) {
      ctx.problem({
        message: `package ${name} (line ${start}) has no Version field`,
        code: 'dpkg.no-version',
        params: { line: start, package: name },
        file,
        line: start,
      });
    } else {
      const record: SoftwareRecord = {
        name,
        // Control characters (a corrupt or hostile file) are removed, as the other readers do.
        version: cleanValue(fields.get('version'))!,
        source: DPKG_STATUS_SOURCE,
        evidence: { source: DPKG_STATUS_SOURCE, file, line: start },
      };
      const arch = fields.get('architecture');
      const maintainer = fields.get('maintainer')?.replace(/\s*<[^>]*>\s*$/, '');
      if (arch) record.arch = arch;
      if (maintainer) record.publisher = maintainer;
      // Where the package comes from, as written (the maintainer with its address, the archive
      // section, Origin): whether it is the distribution's own (docs/semantics.md#system-components),
      // and facts for custom rules.
      const attributes: Record<string, string> = {};
      for (const [field, key] of PROVENANCE_FIELDS) {
        const value = cleanValue(fields.get(field));
        if (value) attributes[key] = value;
      }
      if (Object.keys(attributes).length > 0) record.attributes = attributes;
      records.push(record);
    }
    fields = new Map();
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') {
      finish();
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) continue; // continuation of a long field
    const colon = line.indexOf(':');
    if (colon <= 0) {
      ctx.problem({
        message: `line ${index + 1} is not a "Field: value" line`,
        code: 'dpkg.line',
        params: { line: index + 1 },
        severity: 'warning',
        rejects: false,
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      continue;
    }
    const key = line.slice(0, colon).toLowerCase();
    if (key === 'package' && fields.has('package')) {
      // A damaged copy lost the blank line between two packages: the second is a paragraph of its
      // own, not a silent overwrite of the first.
      ctx.problem({
        message: `line ${index + 1}: a new Package field without a blank line before it; read as the start of the next package`,
        text: {
          zh: `第 ${index + 1} 行：新的 Package 字段前没有空行；读作下一个软件包的开始`,
          en: `line ${index + 1}: a new Package field without a blank line before it; read as the start of the next package`,
        },
        code: 'dpkg.line',
        severity: 'warning',
        rejects: false,
        file,
        line: index + 1,
        excerpt: excerpt(line),
      });
      finish();
    }
    if (fields.size === 0) start = index + 1;
    fields.set(key, line.slice(colon + 1).trim());
  }
  finish();
  if (withoutStatus.length > 0) {
    ctx.problem({
      message: `${withoutStatus.length} package paragraph(s) without a Status field (lines ${withoutStatus.slice(0, 8).join(', ')}${withoutStatus.length > 8 ? ', …' : ''}): not installations (dpkg writes Status for what it installed; is this /var/lib/dpkg/available or a damaged copy?); counted as ignored`,
      code: 'dpkg.no-status',
      params: {
        count: withoutStatus.length,
        lines: `${withoutStatus.slice(0, 8).join(', ')}${withoutStatus.length > 8 ? ', …' : ''}`,
      },
      severity: 'warning',
      rejects: false,
      file,
      line: withoutStatus[0]!,
    });
  }
  return records;
}
