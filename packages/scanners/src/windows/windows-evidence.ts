/**
 * Everything read about one Windows host, from any number of files or command outputs. Each text is
 * recognised by its content (not its name) and parsed by the matching reader.
 */
import {
  bilingual,
  type Evidence,
  InputError,
  type LocalText,
  type OsInfo,
  type ScanContext,
  type SoftwareRecord,
} from '@zhengban/core';
import { cleanValue } from '../common/clean-text.js';
import { appxRecord, isAppxPart } from './appx-packages.js';
import { type ExportCsv, exportCsvKind, parseExportCsv } from './export-csv.js';
import { isLicensingText, parseLicensingText } from './licensing-text.js';
import { isJsonText, parsePowerShellJson } from './powershell-json.js';
import { isRegExport, parseRegExport } from './reg-export.js';
import { isRegQueryText, parseRegQueryText } from './reg-query-text.js';
import { keyRole, normaliseKeyPath, type RegistryKey } from './registry-key.js';
import type { UninstallEntry } from './uninstall-records.js';
import {
  type AntivirusEntry,
  antivirusFromWmi,
  factKind,
  type LicenceEntry,
  licenceFromWmi,
  osFromRegistry,
  osFromWmi,
  type PropertyBag,
} from './windows-facts.js';
import { isWmiList, parseWmiList } from './wmi-list.js';

/** What the windows scanner reads, for messages. */
export const WINDOWS_FORMATS =
  'reg query output, a regedit .reg export, PowerShell ConvertTo-Json or Export-Csv output, wmic /format:list or /format:csv output, or slmgr / ospp.vbs text';

/** WINDOWS_FORMATS in Chinese, for the problem's zh-CN text. */
const WINDOWS_FORMATS_ZH =
  'reg query 输出、regedit .reg 导出、PowerShell ConvertTo-Json 输出、wmic /format:list 输出或 slmgr / ospp.vbs 文本';

/** Why a file is not a Windows inventory, in Chinese (the English is the problem's message). */
const WHY_ZH: Record<string, string> = {
  'the file is empty': '文件为空',
  'it is none of them': '都不是',
  'the JSON holds no Uninstall entries, Win32_OperatingSystem, SoftwareLicensingProduct or AntiVirusProduct objects':
    'JSON 中没有卸载项、Win32_OperatingSystem、SoftwareLicensingProduct 或 AntiVirusProduct 对象',
};

export class WindowsEvidence {
  readonly uninstall: UninstallEntry[] = [];
  readonly licences: LicenceEntry[] = [];
  readonly antivirus: AntivirusEntry[] = [];
  /** Store apps (Get-AppxPackage), already records. */
  readonly storeApps: SoftwareRecord[] = [];
  /** Office activation id → product name, from `Office\16.0\Registration\{id}` keys. */
  readonly officeProducts = new Map<string, string>();
  wmiOs?: OsInfo;
  registryOs?: OsInfo;
  computerName?: string;

  constructor(private readonly ctx: ScanContext) {}

  /**
   * Reads one text. A text in none of the formats throws an InputError when `strict` (the input was
   * this one file), else it is reported as a skipped file.
   */
  addText(text: string, file: string, strict: boolean): void {
    // An empty output (no per-user installs, no antivirus) is normal in a collected folder.
    if (text.trim() === '') {
      if (strict) this.unknown(file, strict, 'the file is empty');
      return;
    }
    const before = this.size();
    if (isRegExport(text)) this.addKeys(parseRegExport(text, file, this.ctx), 'windows:reg-export', file);
    else if (isRegQueryText(text))
      this.addKeys(parseRegQueryText(text, file, this.ctx), 'windows:reg-query', file);
    else if (isJsonText(text)) this.addJson(text, file, strict);
    else if (exportCsvKind(text)) this.addExportCsv(parseExportCsv(text, exportCsvKind(text)!), file);
    else if (isWmiList(text)) this.addWmiList(text, file);
    else if (isLicensingText(text)) {
      const { entries } = parseLicensingText(text, file);
      this.licences.push(...entries);
    } else {
      this.unknown(file, strict, 'it is none of them');
      return;
    }
    this.noteIfNothing(before, file);
  }

  /** The keys of a .reg export read as a stream (reg-export-stream.ts), as addText reads them. */
  addRegExport(keys: RegistryKey[], file: string): void {
    const before = this.size();
    this.addKeys(keys, 'windows:reg-export', file);
    this.noteIfNothing(before, file);
  }

  private noteIfNothing(before: number, file: string): void {
    if (this.size() === before) {
      this.ctx.problem({
        message: `${file}: no Uninstall entry, OS, activation or antivirus data found in it`,
        code: 'windows.empty-file',
        params: { file },
        severity: 'warning',
        rejects: false,
        file,
      });
    }
  }

  /** How many facts were read so far (0: nothing usable). */
  size(): number {
    return (
      this.uninstall.length +
      this.storeApps.length +
      this.licences.length +
      this.antivirus.length +
      this.officeProducts.size +
      (this.wmiOs ? 1 : 0) +
      (this.registryOs ? 1 : 0) +
      (this.computerName ? 1 : 0)
    );
  }

  private unknown(file: string, strict: boolean, why: string): void {
    const message = `${file}: not a Windows inventory file (expected ${WINDOWS_FORMATS}; ${why})`;
    const params = {
      file,
      expected: { zh: WINDOWS_FORMATS_ZH, en: WINDOWS_FORMATS },
      why: { zh: WHY_ZH[why] ?? why, en: why },
    };
    if (strict) throw new InputError(message, { file, source: 'windows' }, 'windows.format', params);
    this.ctx.problem({
      message: `${message}; skipped`,
      code: 'windows.format',
      params: { ...params, skipped: { zh: '；已跳过', en: '; skipped' } },
      severity: 'warning',
      rejects: false,
      file,
    });
  }

  addKeys(keys: RegistryKey[], source: string, file: string): void {
    for (const key of keys) {
      const role = keyRole(key.path);
      const evidence: Evidence = { source, file, key: key.path };
      if (key.line !== undefined) evidence.line = key.line;
      if (role.role === 'uninstall') {
        const entry: UninstallEntry = { key, entry: role.entry, view: role.view, source, evidence };
        if (role.userSid) entry.userSid = role.userSid;
        this.uninstall.push(entry);
      } else if (role.role === 'os-version') this.registryOs = osFromRegistry(asBag(key), evidence);
      else if (role.role === 'computer-name')
        this.computerName ??= cleanValue(key.values.get('computername'));
      else if (role.role === 'office-registration') {
        const name = cleanValue(key.values.get('productname'));
        if (name) this.officeProducts.set(role.activationId, name);
      }
    }
  }

  private addJson(text: string, file: string, strict: boolean): void {
    let known = 0;
    // Items that are not objects, or objects of no kind we read: reported once the file is known
    // to be an inventory at all (a file of nothing but those is one "not a Windows file" error).
    const notObjects: Array<[string, string]> = [];
    const unknownObjects: string[] = [];
    const withoutName: string[] = [];
    for (const { values, pointer } of parsePowerShellJson(text, file, (at, what) =>
      notObjects.push([at, what]),
    )) {
      const kind = factKind(values);
      if (kind === 'unknown') {
        unknownObjects.push(pointer || '/');
        continue;
      }
      known++;
      if (kind === 'appx') {
        if (isAppxPart(values)) this.ctx.ignore(1, 'AppX framework or resource package');
        else {
          const record = appxRecord(values, { source: 'windows:appx', file, key: pointer || '/' });
          if (record) this.storeApps.push(record);
          else
            this.ctx.problem({
              message: `${file}: item ${pointer || '/'} is an AppX package without a Name; skipped`,
              code: 'windows.json-item',
              params: {
                file,
                item: pointer || '/',
                what: { zh: '是没有 Name 的 AppX 包', en: ' is an AppX package without a Name' },
              },
              file,
              key: pointer || '/',
            });
        }
        const computer = values.get('pscomputername');
        if (computer) this.computerName ??= cleanValue(computer);
        continue;
      }
      if (kind === 'uninstall' && !cleanValue(values.get('displayname'))) {
        withoutName.push(pointer || '/');
        continue;
      }
      if (kind === 'uninstall') {
        const path = normaliseKeyPath(
          values.get('pspath') ??
            `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${values.get('pschildname') ?? pointer}`,
        );
        const key: RegistryKey = { path, values };
        this.addKeys([key], 'windows:powershell-json', file);
        continue;
      }
      this.addFact(kind, values, { source: 'windows:powershell-json', file, key: pointer || '/' });
    }
    if (withoutName.length > 0)
      this.noDisplayName(
        withoutName.length,
        bilingual(`第 ${lineList(withoutName)} 项`, `items ${lineList(withoutName)}`),
        file,
      );
    if (known > 0) {
      for (const [pointer, what] of notObjects) {
        this.ctx.problem({
          message: `${file}: item ${pointer} is ${what}, not an object; skipped`,
          code: 'windows.json-item',
          params: { file, item: pointer, what: { zh: `${what}，不是对象`, en: `${what}, not an object` } },
          file,
          key: pointer,
        });
      }
      for (const pointer of unknownObjects) {
        this.ctx.problem({
          message: `${file}: item ${pointer} is no Uninstall entry, Win32_OperatingSystem, SoftwareLicensingProduct or AntiVirusProduct object; skipped`,
          code: 'windows.json-item',
          params: {
            file,
            item: pointer,
            what: {
              zh: '不是卸载项、Win32_OperatingSystem、SoftwareLicensingProduct 或 AntiVirusProduct 对象',
              en: '',
            },
          },
          severity: 'warning',
          rejects: false,
          file,
          key: pointer,
        });
      }
    }
    if (known === 0)
      this.unknown(
        file,
        strict,
        'the JSON holds no Uninstall entries, Win32_OperatingSystem, SoftwareLicensingProduct or AntiVirusProduct objects',
      );
  }

  private addExportCsv(csv: ExportCsv, file: string): void {
    const source = csv.kind === 'powershell' ? 'windows:powershell-csv' : 'windows:wmic-product';
    if (csv.computerName) this.computerName ??= cleanValue(csv.computerName);
    for (const line of csv.badRows) {
      this.ctx.problem({
        message: `line ${line} has another number of columns than the header; skipped`,
        code: 'windows.csv-row',
        params: { line },
        file,
        line,
      });
    }
    if (csv.withoutName.length > 0)
      this.noDisplayName(
        csv.withoutName.length,
        bilingual(`第 ${lineList(csv.withoutName)} 行`, `lines ${lineList(csv.withoutName)}`),
        file,
        csv.withoutName[0],
      );
    csv.rows.forEach(({ values, line }, index) => {
      const child = values.get('pschildname') ?? `row-${index + 1}`;
      const path = normaliseKeyPath(
        values.get('pspath') ??
          `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${child}`,
      );
      this.addKeys([{ path, values, line }], source, file);
    });
  }

  /**
   * Uninstall keys whose DisplayName is empty or null: updates, components, leftovers that Programs
   * and Features does not list either. Not installations; counted as ignored, and said once per file.
   */
  private noDisplayName(count: number, where: LocalText, file: string, line?: number): void {
    this.ctx.ignore(count, 'no DisplayName');
    this.ctx.problem({
      message: `${count} Uninstall key(s) without a DisplayName (${where.en}): registry keys Programs and Features does not list (updates, components, leftovers); not installations, counted as ignored`,
      code: 'windows.no-display-name',
      params: { count, where },
      severity: 'info',
      rejects: false,
      file,
      ...(line !== undefined ? { line } : {}),
    });
  }

  private addWmiList(text: string, file: string): void {
    const { instances, badLines } = parseWmiList(text);
    for (const line of badLines.slice(0, 20)) {
      this.ctx.problem({
        message: `line ${line} is not a Name=Value line; skipped`,
        code: 'windows.wmic-line',
        params: { line },
        severity: 'warning',
        rejects: false,
        file,
        line,
      });
    }
    for (const instance of instances) {
      this.addFact(factKind(instance.values), instance.values, {
        source: 'windows:wmic-list',
        file,
        line: instance.line,
      });
    }
  }

  private addFact(kind: ReturnType<typeof factKind>, values: PropertyBag, evidence: Evidence): void {
    if (kind === 'os') {
      const { os, computerName } = osFromWmi(values, evidence);
      this.wmiOs = os;
      if (computerName) this.computerName = computerName;
    } else if (kind === 'os-registry') this.registryOs = osFromRegistry(values, evidence);
    else if (kind === 'licence') {
      const licence = licenceFromWmi(values, evidence);
      if (licence) this.licences.push(licence);
    } else if (kind === 'antivirus') {
      const entry = antivirusFromWmi(values, evidence);
      if (entry) this.antivirus.push(entry);
    }
  }
}

function lineList(lines: ReadonlyArray<number | string>): string {
  return lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
}

function asBag(key: RegistryKey): PropertyBag {
  const bag: PropertyBag = new Map();
  for (const [name, value] of key.values) bag.set(name, String(value));
  return bag;
}
