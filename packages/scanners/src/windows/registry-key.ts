/**
 * One registry key as read from any Windows source (reg query text, a .reg export, PowerShell JSON),
 * and where it sits: an Uninstall entry (and which of the three roots), the OS version key, the
 * computer name, or an Office registration.
 */

export type RegistryValue = string | number;

export interface RegistryKey {
  /** Full path with the hive spelled out: `HKEY_LOCAL_MACHINE\SOFTWARE\...`. */
  path: string;
  /** Values by lower-cased name (registry value names ignore case). */
  values: Map<string, RegistryValue>;
  /** Line of the key in its file, when the source has lines. */
  line?: number;
}

/** Which Uninstall root an entry came from. */
export type UninstallView = 'native' | 'wow64' | 'user';

const HIVES: ReadonlyArray<readonly [string, string]> = [
  ['hklm\\', 'HKEY_LOCAL_MACHINE\\'],
  ['hku\\', 'HKEY_USERS\\'],
  ['hkcu\\', 'HKEY_CURRENT_USER\\'],
  ['hklm:\\', 'HKEY_LOCAL_MACHINE\\'],
  ['hkcu:\\', 'HKEY_CURRENT_USER\\'],
  ['registry::', ''],
  ['microsoft.powershell.core\\registry::', ''],
];

/** Spells the hive out (`HKLM\` → `HKEY_LOCAL_MACHINE\`) and drops PowerShell provider prefixes. */
export function normaliseKeyPath(path: string): string {
  let result = path.trim();
  for (let changed = true; changed; ) {
    changed = false;
    const lower = result.toLowerCase();
    for (const [short, long] of HIVES) {
      if (lower.startsWith(short)) {
        result = long + result.slice(short.length);
        changed = true;
        break;
      }
    }
  }
  return result;
}

const UNINSTALL =
  /^HKEY_(?:LOCAL_MACHINE\\SOFTWARE\\(WOW6432Node\\)?|USERS\\([^\\]+)\\SOFTWARE\\|CURRENT_USER\\SOFTWARE\\)Microsoft\\Windows\\CurrentVersion\\Uninstall\\([^\\]+)$/i;
const OS_VERSION = /^HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion$/i;
const COMPUTER_NAME =
  /^HKEY_LOCAL_MACHINE\\SYSTEM\\(?:CurrentControlSet|ControlSet\d+)\\Control\\ComputerName\\(?:Active)?ComputerName$/i;
const OFFICE_REGISTRATION = /\\Microsoft\\Office\\\d+\.\d+\\Registration\\\{?([0-9a-f-]{36})\}?$/i;

export type KeyRole =
  | { role: 'uninstall'; view: UninstallView; entry: string; userSid?: string }
  | { role: 'os-version' }
  | { role: 'computer-name' }
  | { role: 'office-registration'; activationId: string }
  | { role: 'other' };

/** What a key is, from its normalised path. Keys below an entry (`Uninstall\X\Sub`) are `other`. */
export function keyRole(path: string): KeyRole {
  const uninstall = UNINSTALL.exec(path);
  if (uninstall) {
    const userSid = uninstall[2];
    const view: UninstallView = uninstall[1]
      ? 'wow64'
      : userSid || /^HKEY_CURRENT_USER/i.test(path)
        ? 'user'
        : 'native';
    return userSid
      ? { role: 'uninstall', view, entry: uninstall[3]!, userSid }
      : { role: 'uninstall', view, entry: uninstall[3]! };
  }
  if (OS_VERSION.test(path)) return { role: 'os-version' };
  if (COMPUTER_NAME.test(path)) return { role: 'computer-name' };
  const office = OFFICE_REGISTRATION.exec(path);
  if (office) return { role: 'office-registration', activationId: office[1]!.toLowerCase() };
  return { role: 'other' };
}

/** A value as text (numbers as decimal), or undefined. */
export function textValue(key: RegistryKey, name: string): string | undefined {
  const value = key.values.get(name.toLowerCase());
  return value === undefined ? undefined : String(value);
}
