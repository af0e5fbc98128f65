/**
 * The `linux` scanner: offline from files (one file = one host, a folder of files = one host, a
 * folder with one sub-folder per host), or `local` on Linux: reads /var/lib/dpkg/status,
 * /etc/os-release, /etc/os-version and runs `rpm -qa --queryformat` (execFile) where rpm exists.
 * Host id = the `hostname` file's name when present, else the folder (or file) name; live scans use
 * the machine's host name.
 */
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type HostInventory, InputError, type ScanContext, type Scanner } from '@zhengban/core';
import { type CommandRunner, execFileRunner } from '../common/command-runner.js';
import { fileFailed, reportHostNote, reportLayoutNotes } from '../common/folder-problems.js';
import { listHostFiles } from '../common/host-folders.js';
import { decodeText } from '../text/decode-text.js';
import { readTextFile } from '../text/text-file.js';
import { LinuxEvidence } from './linux-evidence.js';
import { parsePackageTable, RPM_QUERY_LAYOUT } from './package-table.js';

export interface LinuxScannerOptions {
  /** Root of the file system a `local` scan reads (default `/`); tests point it at a fixture tree. */
  root?: string;
  /** Runs rpm for `local` scans; default execFile. */
  runCommand?: CommandRunner;
  platform?: NodeJS.Platform;
  /** Host id for `local`; default os.hostname(). */
  localHostId?: string;
  /** Unit names of the units file: a sub-folder named after one holds that unit's computers. */
  units?: Iterable<string>;
}

/** The rpm query a live scan runs (and the README tells operators to run). */
export const RPM_QUERY_FORMAT =
  '%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{VENDOR}\\t%{INSTALLTIME}\\n';

const LOCAL_FILES = ['var/lib/dpkg/status', 'etc/os-version'];

export function linuxScanner(options: LinuxScannerOptions = {}): Scanner {
  return {
    name: 'linux',
    description: 'Linux: dpkg status / dpkg-query, rpm -qa (--queryformat), os-release, or `local`',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      if (input === 'local') {
        yield await scanLocal(options, ctx);
        return;
      }
      const layout = await listHostFiles(input, { units: new Set(options.units ?? []) });
      reportLayoutNotes(ctx, layout);
      for (const host of layout.hosts) {
        if (ctx.signal.aborted) return;
        const evidence = new LinuxEvidence(ctx);
        for (const file of host.files) {
          try {
            evidence.addText((await readTextFile(file)).text, file, host.single);
          } catch (error) {
            // In a folder, one unreadable file costs that file only; the other files count.
            fileFailed(ctx, error, file, host.single);
          }
        }
        if (evidence.size() === 0) continue;
        reportHostNote(ctx, host);
        const inventory = toHost(evidence, host.id);
        if (host.unit !== undefined) inventory.unit = host.unit;
        yield inventory;
      }
    },
  };
}

async function scanLocal(options: LinuxScannerOptions, ctx: ScanContext): Promise<HostInventory> {
  const platform = options.platform ?? process.platform;
  if (platform !== 'linux' && options.root === undefined) {
    throw new InputError(
      `linux:local scans this computer and only works on Linux (this is ${platform})`,
      { source: 'linux' },
      'linux.not-linux',
      { platform },
    );
  }
  const root = options.root ?? '/';
  const evidence = new LinuxEvidence(ctx);
  const osVersion = join(root, 'etc/os-version');
  const osRelease = [join(root, 'etc/os-release'), join(root, 'usr/lib/os-release')].find((path) =>
    existsSync(path),
  );
  // os-version first, so os-release picks up the UOS edition.
  for (const path of [osVersion, osRelease, join(root, LOCAL_FILES[0]!)]) {
    if (path && existsSync(path)) evidence.addText((await readTextFile(path)).text, path, false);
  }
  const run = options.runCommand ?? execFileRunner;
  const hasRpm =
    options.runCommand !== undefined ||
    ['usr/bin/rpm', 'bin/rpm'].some((path) => existsSync(join(root, path)));
  if (hasRpm && !ctx.signal.aborted) {
    const result = await run('rpm', [
      '-qa',
      '--queryformat',
      RPM_QUERY_FORMAT.replace(/\\t/g, '\t').replace(/\\n/g, '\n'),
    ]);
    const text = result.exitCode === 0 ? decodeText(result.stdout, 'rpm -qa').text : '';
    if (text.trim() !== '')
      evidence.software.push(
        ...parsePackageTable(text.split(/\r?\n/), RPM_QUERY_LAYOUT, 'rpm -qa --queryformat', ctx),
      );
  }
  return toHost(evidence, options.localHostId ?? hostname());
}

function toHost(evidence: LinuxEvidence, fallbackId: string): HostInventory {
  const host: HostInventory = {
    id: evidence.hostname ?? fallbackId,
    software: evidence.software,
    scanner: 'linux',
  };
  if (evidence.hostname) host.hostname = evidence.hostname;
  if (evidence.os) host.os = evidence.os;
  return host;
}
