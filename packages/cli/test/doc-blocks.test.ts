/**
 * The code blocks of README.md, docs/, the package READMEs and examples/ that are meant to run are
 * run, so the docs cannot drift from the program. A block is meant to run when its info string says
 * `runnable` (GitHub shows only the first word, the language):
 *
 * - ```sh runnable [cwd=DIR]: each `zhengban …` command runs with the built CLI and each `node …`
 *   command with node, in DIR (default: the repository root); other lines (pnpm, npm, npx) are
 *   set-up and skipped. Exit 0, or 1 for an audit with findings, passes; 2 or a crash fails.
 * - ```js runnable file=NAME.mjs (or ```ts …: its `)!` non-null assertions are dropped, the only
 *   TypeScript the docs use in runnable blocks): the block is written to NAME.mjs in a scratch
 *   folder inside the workspace (so `@zhengban/*` imports resolve) for the checks below that use it.
 *
 * Needs `pnpm build` (the CLI runs from dist/); skips visibly without it.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');
const built = existsSync(BIN);
const describeBuilt = (name: string, body: () => void) =>
  describe.skipIf(!built)(built ? name : `${name} — skipped: ${BIN} is missing (run pnpm build)`, body);

interface Block {
  file: string;
  line: number;
  language: string;
  attributes: Record<string, string>;
  code: string;
}

/** Every fenced block whose info string has the word `runnable`. */
function runnableBlocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const open = /^```(\w+)\s+(.*\brunnable\b.*)$/.exec(lines[index]!);
    if (!open) continue;
    const attributes: Record<string, string> = {};
    for (const [, key, value] of open[2]!.matchAll(/(\w+)=(\S+)/g)) attributes[key!] = value!;
    const start = index;
    const body: string[] = [];
    for (index += 1; index < lines.length && !lines[index]!.startsWith('```'); index += 1)
      body.push(lines[index]!);
    blocks.push({
      file: relative(ROOT, file),
      line: start + 1,
      language: open[1]!,
      attributes,
      code: body.join('\n'),
    });
  }
  return blocks;
}

function markdownFiles(): string[] {
  const files = [join(ROOT, 'README.md')];
  const add = (folder: string, depth: number) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth > 0) add(path, depth - 1);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  add(join(ROOT, 'docs'), 0);
  for (const pkg of readdirSync(join(ROOT, 'packages'))) files.push(join(ROOT, 'packages', pkg, 'README.md'));
  add(join(ROOT, 'examples'), 1);
  return files.filter(existsSync);
}

/** Shell words of one command line: quotes group, backslash-newline continues (already joined). */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The commands of a sh block: comments dropped, continuation lines joined. */
function commands(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

const blocks = markdownFiles().flatMap(runnableBlocks);

describeBuilt('runnable code blocks of the docs', () => {
  const scratch = join(ROOT, 'packages', 'cli', '.tmp', `doc-blocks-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds the runnable blocks (README, docs, examples)', () => {
    const where = new Set(blocks.map((block) => block.file.split('/')[0]));
    expect(where).toEqual(new Set(['README.md', 'docs', 'examples']));
    expect(blocks.filter((block) => block.language === 'sh').length).toBeGreaterThanOrEqual(2);
  });

  for (const block of blocks.filter((b) => b.language === 'sh')) {
    it(`${block.file}:${block.line} runs`, { timeout: 240_000 }, () => {
      const cwd = join(ROOT, block.attributes.cwd ?? '.');
      let ran = 0;
      for (const command of commands(block.code)) {
        const [program, ...args] = words(command);
        if (program !== 'zhengban' && program !== 'node') continue;
        const argv = program === 'zhengban' ? [BIN, ...args] : args;
        const result = spawnSync(process.execPath, argv, {
          cwd,
          encoding: 'utf8',
          env: { PATH: process.env.PATH, NO_COLOR: '1', ZHENGBAN_LOG: 'error' },
          timeout: 200_000,
        });
        expect(result.status, `${command}\n${result.stderr}`).not.toBeNull();
        expect([0, 1], `${command} exited ${result.status}\n${result.stderr}`).toContain(result.status);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        ran += 1;
      }
      expect(ran).toBeGreaterThan(0);
    });
  }

  it("README's first command puts the zhengban the docs use on PATH: a link to this clone's built bin", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(first).toMatch(/pnpm build && npm i -g \.\/packages\/cli && pnpm demo/);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', 'cli', 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(join(ROOT, 'packages', 'cli', manifest.bin.zhengban!)).toBe(BIN);
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('every js/ts runnable file= block runs in a folder with policy.yaml, units.csv and inventory.csv', () => {
    const modules = blocks.filter((b) => b.attributes.file !== undefined);
    expect(modules.length).toBeGreaterThanOrEqual(4);
    const fixtures = join(ROOT, 'packages', 'cli', 'test', 'fixtures');
    for (const block of modules) {
      const folder = join(scratch, `run-${block.attributes.file}`);
      mkdirSync(folder, { recursive: true });
      copyFileSync(join(fixtures, 'policies', 'small.yaml'), join(folder, 'policy.yaml'));
      copyFileSync(join(fixtures, 'inventory', 'units.csv'), join(folder, 'units.csv'));
      copyFileSync(join(fixtures, 'inventory', 'small.csv'), join(folder, 'inventory.csv'));
      writeFileSync(join(folder, block.attributes.file!), block.code.replace(/\)!/g, ')'));
      const result = spawnSync(process.execPath, [block.attributes.file!], {
        cwd: folder,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, ZHENGBAN_LOG: 'error' },
      });
      expect(result.status, `${block.file}:${block.line}\n${result.stderr}`).toBe(0);
      if (block.attributes.file === 'stream-json.mjs') {
        const report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')) as {
          findings: unknown[];
        };
        expect(report.findings.length).toBeGreaterThan(0);
      }
      if (block.attributes.file === 'province-source.mjs') {
        expect(result.stdout).toContain("'province:2024-baseline'");
      }
    }
  });

  it('README.md: the library tour audits a fleet and renders html', () => {
    const block = blocks.find((b) => b.file === 'README.md' && b.attributes.file === 'library-tour.mjs');
    expect(block).toBeDefined();
    const folder = join(scratch, 'tour');
    mkdirSync(folder, { recursive: true });
    const fixtures = join(ROOT, 'packages', 'cli', 'test', 'fixtures');
    copyFileSync(join(fixtures, 'policies', 'small.yaml'), join(folder, 'policy.yaml'));
    copyFileSync(join(fixtures, 'inventory', 'units.csv'), join(folder, 'units.csv'));
    copyFileSync(join(fixtures, 'inventory', 'small.csv'), join(folder, 'inventory.csv'));
    const code = `${block!.code.replace(/\)!/g, ')')}\nif (!html.includes('软件正版化工作情况统计表')) process.exit(3);\n`;
    writeFileSync(join(folder, 'library-tour.mjs'), code);
    const result = spawnSync(process.execPath, ['library-tour.mjs'], {
      cwd: folder,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ZHENGBAN_LOG: 'error' },
    });
    expect(result.status, result.stderr).toBe(0);
    const rate = Number(result.stdout.trim());
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(1);
  });

  it('docs/plugins.md: the scanner example reads every kind of row without crashing', () => {
    const block = blocks.find(
      (b) => b.file === 'docs/plugins.md' && b.attributes.file === 'my-agent-scanner.mjs',
    );
    expect(block).toBeDefined();
    writeFileSync(join(scratch, 'my-agent-scanner.mjs'), block!.code);
    const rows = [
      {
        computer: 'PC-1',
        department: '办公室',
        apps: [{ title: 'WPS Office', version: '12.1', vendor: 'Kingsoft' }],
      },
      { computer: 'PC-2', department: '办公室' },
      'not json',
      { department: '办公室', apps: [] },
      { computer: 'PC-3', department: '办公室', apps: [{ version: '1.0' }, { title: '7-Zip' }] },
    ];
    writeFileSync(
      join(scratch, 'export.jsonl'),
      rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n'),
    );
    const audit = (input: string) =>
      spawnSync(
        process.execPath,
        [
          BIN,
          'audit',
          '--policy',
          join(ROOT, 'packages', 'cli', 'test', 'fixtures', 'policies', 'small.yaml'),
          '--input',
          input,
          '--report',
          'json',
          '--fail-on',
          'never',
        ],
        { cwd: scratch, encoding: 'utf8', env: { PATH: process.env.PATH, ZHENGBAN_LOG: 'error' } },
      );
    const result = audit('./my-agent-scanner.mjs:export.jsonl');
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      inputs: Array<{ read: number; accepted: number; rejected: number }>;
      problems: Array<{ code: string; line: number }>;
      totals: { computers: number };
    };
    expect(report.totals.computers).toBe(2);
    expect(report.problems.map((p) => [p.code, p.line])).toEqual([
      ['my-agent.no-apps', 2],
      ['my-agent.json', 3],
      ['my-agent.no-computer', 4],
      ['my-agent.no-title', 5],
    ]);
    expect(report.inputs[0]!.read).toBe(report.inputs[0]!.accepted + report.inputs[0]!.rejected);
    // A file that is not there: one clear error naming it, exit 2, no stack trace.
    const missing = audit('./my-agent-scanner.mjs:nope.jsonl');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl: cannot read it (ENOENT)');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
