/**
 * The `windows` scanner: offline from files (one file = one host, a folder of files = one host, a
 * folder with one sub-folder per host), or `local` on Windows through reg query and PowerShell.
 */
import { hostname } from 'node:os';
import { type HostInventory, InputError, type Scanner } from '@zhengban/core';
import { type CommandRunner, execFileRunner } from '../common/command-runner.js';
import { fileFailed, reportHostNote, reportLayoutNotes } from '../common/folder-problems.js';
import { listHostFiles } from '../common/host-folders.js';
import { readTextFile } from '../text/text-file.js';
import { readRegExportStream } from './reg-export-stream.js';
import { WindowsEvidence } from './windows-evidence.js';
import { assembleWindowsHost } from './windows-host.js';
import { collectLiveWindows } from './windows-live.js';

export interface WindowsScannerOptions {
  /** Runs reg / powershell for `local` scans; default execFile. Tests inject recorded outputs. */
  runCommand?: CommandRunner;
  /** The platform `local` checks against; default `process.platform`. */
  platform?: NodeJS.Platform;
  /** Host id for `local` when Windows does not report a computer name; default os.hostname(). */
  localHostId?: string;
  /** Unit names of the units file: a sub-folder named after one holds that unit's computers. */
  units?: Iterable<string>;
}

export function windowsScanner(options: WindowsScannerOptions = {}): Scanner {
  return {
    name: 'windows',
    description:
      'Windows: reg query / .reg exports, PowerShell JSON, wmic lists, slmgr / ospp text, or `local`',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      if (input === 'local') {
        const platform = options.platform ?? process.platform;
        if (platform !== 'win32') {
          throw new InputError(
            `windows:local scans this computer and only works on Windows (this is ${platform}); give a file or folder collected with scripts/collect-windows.ps1 instead`,
            { source: 'windows' },
            'windows.not-windows',
            { platform },
          );
        }
        const evidence = new WindowsEvidence(ctx);
        await collectLiveWindows(evidence, options.runCommand ?? execFileRunner, ctx);
        yield assembleWindowsHost(evidence, options.localHostId ?? hostname(), ctx);
        return;
      }
      const layout = await listHostFiles(input, { units: new Set(options.units ?? []) });
      reportLayoutNotes(ctx, layout);
      for (const host of layout.hosts) {
        if (ctx.signal.aborted) return;
        const evidence = new WindowsEvidence(ctx);
        for (const file of host.files) {
          try {
            // A UTF-16 .reg export (a whole hive: hundreds of MB) is read as a stream.
            const keys = await readRegExportStream(file, ctx, ctx.signal);
            if (keys) evidence.addRegExport(keys, file);
            else evidence.addText((await readTextFile(file)).text, file, host.single);
          } catch (error) {
            // In a folder, one unreadable file costs that file only; the other files count.
            fileFailed(ctx, error, file, host.single);
          }
        }
        if (evidence.size() === 0) continue;
        reportHostNote(ctx, host);
        const inventory = assembleWindowsHost(evidence, host.id, ctx);
        if (host.unit !== undefined) inventory.unit = host.unit;
        yield inventory;
      }
    },
  };
}
