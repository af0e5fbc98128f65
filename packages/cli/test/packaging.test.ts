/**
 * What an integrator gets from the registry must work: every package is packed (`pnpm pack`, which
 * rewrites workspace:* to real versions), the tarballs are installed together into a scratch
 * project OUTSIDE the workspace, then used from ESM and CommonJS, typechecked against their
 * published types, and the installed `zhengban --help` runs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = ['core', 'rules', 'scanners', 'reporters', 'cli'];
const missing = PACKAGES.filter((name) => !existsSync(join(ROOT, 'packages', name, 'dist', 'index.js')));
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

const describePacked = missing.length === 0 ? describe : describe.skip;
const title =
  missing.length === 0
    ? 'packed packages installed outside the workspace'
    : `packed packages — skipped: dist/ missing for ${missing.join(', ')} (run pnpm build first)`;

const execFileAsync = promisify(execFile);

/** Runs a command without blocking the test worker; a failure carries the command's stderr. */
async function sh(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, encoding: 'utf8', timeout: 240_000 });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`,
    );
  }
}

const ESM_CHECK = `
import { createLogger, parseVersionRange } from '@zhengban/core';
import { listPacks } from '@zhengban/rules';
import { scannerNames } from '@zhengban/scanners';
import { reporterNames } from '@zhengban/reporters';
import { run } from '@zhengban/cli';
let out = '';
const code = await run(['--version'], { stdout: { write: (s) => { out += s; } }, stderr: { write() {} } });
createLogger({ level: 'silent' });
console.log(JSON.stringify({
  range: parseVersionRange('>=9 <13').ok,
  packs: listPacks().some((pack) => pack.name === 'cn-gov-baseline'),
  scanners: scannerNames().includes('csv'),
  reporters: reporterNames().includes('html'),
  cli: [code, out.trim()],
}));
`;

const CJS_CHECK = `
const { createLogger, parseVersionRange } = require('@zhengban/core');
const { listPacks } = require('@zhengban/rules');
const { scannerNames } = require('@zhengban/scanners');
const { reporterNames } = require('@zhengban/reporters');
const { run } = require('@zhengban/cli');
let out = '';
run(['--version'], { stdout: { write: (s) => { out += s; } }, stderr: { write() {} } }).then((code) => {
  createLogger({ level: 'silent' });
  console.log(JSON.stringify({
    range: parseVersionRange('>=9 <13').ok,
    packs: listPacks().some((pack) => pack.name === 'cn-gov-baseline'),
    scanners: scannerNames().includes('csv'),
    reporters: reporterNames().includes('html'),
    cli: [code, out.trim()],
  }));
});
`;

const TYPES_ESM = `
import { type ComplianceReport, createLogger, defineScanner, type HostInventory } from '@zhengban/core';
import { getReporter } from '@zhengban/reporters';
import { getScanner } from '@zhengban/scanners';
import { builtinResolver } from '@zhengban/rules';
import { run, type CliIo } from '@zhengban/cli';

const scanner = defineScanner({
  name: 'mine',
  async *scan(input: string): AsyncIterable<HostInventory> {
    yield { id: input, scanner: 'mine', software: [] };
  },
});
const io: Partial<CliIo> = { cwd: '.' };
const exit: Promise<number> = run(['--help'], io);
const scheme: string = builtinResolver.scheme;
const total = (report: ComplianceReport): number => report.totals.computers;
export { exit, getReporter, getScanner, scanner, scheme, total, createLogger };
`;

const TYPES_CJS = `
import core = require('@zhengban/core');
import cli = require('@zhengban/cli');
const exit: Promise<number> = cli.run(['--version']);
const logger: core.Logger = core.createLogger({ level: 'silent' });
export = { exit, logger };
`;

describePacked(title, () => {
  it('installs from tarballs and works from ESM, CommonJS, TypeScript and the bin', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'zhengban-packaging-'));
    const tarballs = join(scratch, 'tarballs');
    mkdirSync(tarballs);
    for (const name of PACKAGES)
      await sh('pnpm', ['pack', '--pack-destination', tarballs], join(ROOT, 'packages', name));
    const files = readdirSync(tarballs).filter((file) => file.endsWith('.tgz'));
    expect(files.sort()).toEqual(PACKAGES.map((name) => `zhengban-${name}-0.1.0.tgz`).sort());

    const project = join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, version: '1.0.0' }),
    );
    await sh(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        // A TypeScript project on Node has the Node types; nothing else is added for the check.
        '@types/node@20',
        ...files.map((file) => join(tarballs, file)),
      ],
      project,
    );

    writeFileSync(join(project, 'esm.mjs'), ESM_CHECK);
    writeFileSync(join(project, 'cjs.cjs'), CJS_CHECK);
    const expected = { range: true, packs: true, scanners: true, reporters: true, cli: [0, '0.1.0'] };
    expect(JSON.parse(await sh(process.execPath, ['esm.mjs'], project))).toEqual(expected);
    expect(JSON.parse(await sh(process.execPath, ['cjs.cjs'], project))).toEqual(expected);

    writeFileSync(join(project, 'check.mts'), TYPES_ESM);
    writeFileSync(join(project, 'check.cts'), TYPES_CJS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['check.mts', 'check.cts'],
      }),
    );
    // Throws (with tsc's messages) when the published types do not resolve or do not check.
    await sh(TSC, ['-p', 'tsconfig.json'], project);

    const help = await sh(join(project, 'node_modules', '.bin', 'zhengban'), ['--help'], project);
    expect(help).toContain('用法: zhengban [options] [command]');
    expect(help).toContain('audit [options]');
  }, 300_000);
});
