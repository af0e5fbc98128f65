/**
 * Everything read about one Linux host. Files are recognised by content: a dpkg status file, a
 * dpkg-query or rpm --queryformat table, a plain rpm -qa list, os-release, UOS os-version; a file
 * named `hostname` names the computer.
 */
import { basename } from 'node:path';
import { InputError, type OsInfo, type ScanContext, type SoftwareRecord } from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { isDpkgStatus, parseDpkgStatus } from './dpkg-status.js';
import { applyOsVersion, isOsRelease, isOsVersion, osFromOsRelease } from './os-release.js';
import { isDpkgList, isRpmLast, parseDpkgList, parseRpmLast } from './package-lists.js';
import { detectLayout, isPlainRpmList, parsePackageTable, parsePlainRpmList } from './package-table.js';

export const LINUX_FORMATS =
  '/var/lib/dpkg/status, dpkg -l or dpkg-query -W output, rpm -qa (--queryformat, --last) output, /etc/os-release or /etc/os-version';

export class LinuxEvidence {
  readonly software: SoftwareRecord[] = [];
  os?: OsInfo;
  private osVersionText?: string;
  hostname?: string;
  private facts = 0;

  constructor(private readonly ctx: ScanContext) {}

  addText(text: string, file: string, strict: boolean): void {
    if (text.trim() === '') {
      if (strict)
        throw new InputError(
          `${file}: the file is empty (expected ${LINUX_FORMATS})`,
          { file, source: 'linux' },
          'linux.format',
          { file, expected: LINUX_FORMATS, why: { zh: '文件为空', en: 'the file is empty' } },
        );
      return;
    }
    const before = this.software.length + this.facts;
    if (basename(file) === 'hostname' && /^\s*[\w.-]+\s*$/.test(text)) {
      this.hostname = cleanValue(text);
      this.facts++;
      return;
    }
    if (isDpkgStatus(text)) this.software.push(...parseDpkgStatus(text, file, this.ctx));
    else if (isOsVersion(text)) {
      this.osVersionText = text;
      if (this.os) applyOsVersion(this.os, text);
      this.facts++;
    } else if (isOsRelease(text)) {
      this.os = osFromOsRelease(text, { source: 'linux:os-release', file, line: 1 }, this.osVersionText);
      this.facts++;
    } else {
      const lines = text.split(/\r?\n/);
      // The lists with a recognisable shape first; the header-less table guess comes last.
      const layout = isDpkgList(lines) || isRpmLast(lines) ? undefined : detectLayout(lines);
      if (isDpkgList(lines)) this.software.push(...parseDpkgList(lines, file, this.ctx));
      else if (isRpmLast(lines)) this.software.push(...parseRpmLast(lines, file, this.ctx));
      else if (layout) this.software.push(...parsePackageTable(lines, layout, file, this.ctx));
      else if (isPlainRpmList(lines)) this.software.push(...parsePlainRpmList(lines, file, this.ctx));
      else {
        this.unknown(file, strict);
        return;
      }
    }
    if (this.software.length + this.facts === before && text.trim() !== '') {
      this.ctx.problem({
        message: `${file}: no installed package found in it`,
        code: 'linux.empty-file',
        params: { file },
        severity: 'warning',
        rejects: false,
        file,
      });
    }
  }

  size(): number {
    return this.software.length + this.facts;
  }

  private unknown(file: string, strict: boolean): void {
    const message = `${file}: not a Linux inventory file (expected ${LINUX_FORMATS})`;
    const params = { file, expected: LINUX_FORMATS, why: { zh: '都不是', en: '' } };
    if (strict) throw new InputError(message, { file, source: 'linux' }, 'linux.format', params);
    this.ctx.problem({
      message: `${message}; skipped`,
      code: 'linux.format',
      params: { ...params, skipped: { zh: '；已跳过', en: '; skipped' } },
      severity: 'warning',
      rejects: false,
      file,
    });
  }
}
