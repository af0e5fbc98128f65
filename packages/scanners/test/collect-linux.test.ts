/**
 * scripts/collect-linux.sh run for real on this machine (POSIX sh), then read by the linux scanner:
 * one computer, named after this machine, with exactly the packages dpkg lists as installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linuxScanner } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

const SCRIPT = fileURLToPath(new URL('../scripts/collect-linux.sh', import.meta.url));
const DPKG_STATUS = '/var/lib/dpkg/status';
const runnable = process.platform === 'linux' && existsSync('/bin/sh') && existsSync(DPKG_STATUS);
const describeHere = runnable ? describe : (describe.skip.bind(describe) as typeof describe);
const title = runnable
  ? 'scripts/collect-linux.sh on this machine'
  : 'scripts/collect-linux.sh on this machine — skipped: needs Linux with /bin/sh and dpkg';

describeHere(title, () => {
  it('writes hostname, os-release and status; the scanner reads every installed package', async () => {
    const folder = tempFolder();
    execFileSync('/bin/sh', [SCRIPT, '-o', folder.root], { stdio: ['ignore', 'ignore', 'pipe'] });
    const [pc] = readdirSync(folder.root);
    const files = readdirSync(join(folder.root, pc!)).sort();
    expect(files).toEqual(expect.arrayContaining(['hostname', 'os-release', 'status']));
    // Counted independently of the scanner: paragraphs dpkg marks as installed.
    const installed = readFileSync(DPKG_STATUS, 'utf8').match(
      /^Status: (?:install|hold) ok installed$/gm,
    )!.length;
    const { hosts, summary } = await scanAll(linuxScanner(), folder.root);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.id).toBe(hostname());
    expect(hosts[0]!.os?.id).toBeDefined();
    expect(hosts[0]!.software).toHaveLength(installed);
    expect(summary.rejected).toBe(0);
  });

  it('--tar writes the same folder as a tar on stdout and leaves nothing behind', () => {
    const tar = execFileSync('/bin/sh', ['-s', '--', '--tar'], { input: readFileSync(SCRIPT) });
    const listing = execFileSync('tar', ['-tf', '-'], { input: tar }).toString().split('\n');
    expect(listing).toEqual(expect.arrayContaining([expect.stringMatching(/^[^/]+\/status$/)]));
  });

  it('is plain POSIX sh (dash parses it; no bashisms such as [[ or arrays)', () => {
    const text = readFileSync(SCRIPT, 'utf8');
    expect(text).not.toMatch(/\[\[|\bfunction\b|\$\{[A-Za-z_]+\[|<<<|\bsudo\b/);
    if (existsSync('/bin/dash')) execFileSync('/bin/dash', ['-n', SCRIPT]);
  });
});
