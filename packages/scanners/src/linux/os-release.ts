/**
 * `/etc/os-release` (`NAME`, `ID`, `ID_LIKE`, `VERSION_ID`, `PRETTY_NAME`) and UOS's `/etc/os-version`
 * (`EditionName`, `MajorVersion`, `MinorVersion`, `OsBuild`) → the host's OsInfo. Kylin, UOS, deepin,
 * openKylin, openEuler, Debian, Ubuntu, CentOS all write os-release; the id is lower-cased except
 * `openEuler`, which the catalogue spells that way.
 */
import { type Evidence, editionFromName, type OsInfo } from '@zhengban/core';

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*(?:\[[A-Za-z_]+\])?)=(.*)$/;

/** KEY=value pairs with shell-style quoting, as os-release(5) defines them. */
export function parseAssignments(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(raw.trim());
    if (!match) continue;
    let value = match[2]!.trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1).replace(/\\(["\\$`])/g, '$1');
    }
    values.set(match[1]!.toUpperCase(), value);
  }
  return values;
}

export function isOsRelease(text: string): boolean {
  const values = parseAssignments(text.slice(0, 8192));
  return values.has('ID') || (values.has('NAME') && (values.has('VERSION_ID') || values.has('PRETTY_NAME')));
}

export function isOsVersion(text: string): boolean {
  return (
    /^\[Version\]/m.test(text.slice(0, 4096)) &&
    /^(EditionName|SystemName|MajorVersion)/m.test(text.slice(0, 4096))
  );
}

/** The OS described by an os-release text (and, for UOS, an os-version text). */
export function osFromOsRelease(text: string, evidence: Evidence, osVersionText?: string): OsInfo {
  const values = parseAssignments(text);
  const id = canonicalOsId(values.get('ID'));
  const name = values.get('PRETTY_NAME') || values.get('NAME') || id || 'Linux';
  const os: OsInfo = { name, evidence };
  if (id) os.id = id;
  const version = values.get('VERSION_ID') || values.get('VERSION');
  if (version) os.version = version;
  const idLike = values.get('ID_LIKE')?.split(/\s+/).filter(Boolean);
  if (idLike?.length) os.idLike = idLike;
  const edition = editionFromName(values.get('VERSION_US') ?? '') ?? editionFromName(name);
  if (edition) os.edition = edition;
  if (osVersionText) applyOsVersion(os, osVersionText);
  return os;
}

/** UOS `/etc/os-version`: the edition (专业版 / Professional) and the build. */
export function applyOsVersion(os: OsInfo, text: string): void {
  const values = parseAssignments(text);
  const edition = values.get('EDITIONNAME') || values.get('EDITIONNAME[ZH_CN]');
  if (edition) os.edition = edition;
  const major = values.get('MAJORVERSION');
  const minor = values.get('MINORVERSION');
  if (major) os.version = minor ? `${major}.${minor}` : major;
  const build = values.get('OSBUILD');
  if (build) os.build = build;
}

function canonicalOsId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const lower = id.trim().toLowerCase();
  return lower === 'openeuler' ? 'openEuler' : lower;
}
