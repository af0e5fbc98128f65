/**
 * Live collection on Windows: the same sources the offline scanner reads, produced by `reg query`
 * and PowerShell through an injectable command runner. Read-only; never Win32_Product (it triggers
 * MSI repairs).
 */
import type { ScanContext } from '@zhengban/core';
import type { CommandRunner } from '../common/command-runner.js';
import { decodeText } from '../text/decode-text.js';
import type { WindowsEvidence } from './windows-evidence.js';

const UNINSTALL = 'Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

const POWERSHELL_PREFIX = '[Console]::OutputEncoding = [Text.Encoding]::UTF8; ';

/** The PowerShell queries, each printing JSON. Exported so the collect script and tests agree. */
export const POWERSHELL_QUERIES: Readonly<Record<string, string>> = {
  os: 'Get-CimInstance -ClassName Win32_OperatingSystem | Select-Object Caption,Version,BuildNumber,OSArchitecture,CSName | ConvertTo-Json',
  licensing:
    'Get-CimInstance -ClassName SoftwareLicensingProduct -Filter "PartialProductKey IS NOT NULL" | Select-Object Name,Description,ApplicationID,ID,LicenseFamily,LicenseStatus,PartialProductKey,ProductKeyChannel,KeyManagementServiceMachine,DiscoveredKeyManagementServiceMachineName,DiscoveredKeyManagementServiceMachineIpAddress | ConvertTo-Json',
  antivirus:
    'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | Select-Object displayName,productState,pathToSignedProductExe | ConvertTo-Json',
};

/** Every command a live scan runs, in order (the HKEY_USERS ones depend on `reg query HKU`). */
export function registryCommands(userSids: readonly string[]): string[][] {
  return [
    ['query', `HKLM\\${UNINSTALL}`, '/s'],
    ['query', `HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall`, '/s'],
    ...userSids.map((sid) => ['query', `HKU\\${sid}\\${UNINSTALL}`, '/s']),
    ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'],
  ];
}

/** Runs the commands and feeds their output to `evidence`. A failing command is a warning. */
export async function collectLiveWindows(
  evidence: WindowsEvidence,
  run: CommandRunner,
  ctx: ScanContext,
): Promise<void> {
  const users = await run('reg', ['query', 'HKU']);
  const sids =
    users.exitCode === 0
      ? decodeText(users.stdout, 'reg query HKU')
          .text.split(/\r?\n/)
          .map((line) => /^HKEY_USERS\\(S-1-5-21-[\d-]+)\s*$/.exec(line.trim())?.[1])
          .filter((sid): sid is string => sid !== undefined)
      : [];
  for (const args of registryCommands(sids)) {
    if (ctx.signal.aborted) return;
    const label = `reg ${args.join(' ')}`;
    const result = await run('reg', args);
    // A missing key (no WOW6432Node on 32-bit Windows, a user without per-user installs) is normal.
    if (result.exitCode !== 0) {
      ctx.logger.debug(`${label} exited with ${result.exitCode}`);
      continue;
    }
    evidence.addText(decodeText(result.stdout, label).text, label, false);
  }
  for (const [name, query] of Object.entries(POWERSHELL_QUERIES)) {
    if (ctx.signal.aborted) return;
    const label = `powershell ${name}`;
    const result = await run('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      POWERSHELL_PREFIX + query,
    ]);
    const text = result.exitCode === 0 ? decodeText(result.stdout, label).text : '';
    if (text.trim() === '') {
      ctx.problem({
        message: `${label}: no output (exit code ${result.exitCode}); this part of the host is missing`,
        code: 'windows.live-command',
        params: { command: label, exitCode: result.exitCode },
        severity: 'warning',
        rejects: false,
        file: label,
      });
      continue;
    }
    evidence.addText(text, label, false);
  }
}
