/**
 * The repository's shape, as the developers' guide states it: no source file over 400 lines (a file
 * that long holds more than one idea), no import cycle inside a package's src/ (a cycle means two
 * modules cannot be understood, tested or loaded apart), type-only imports included, and a
 * docs/performance.md short enough to be read (its history belongs in git log), and every engine
 * module named in docs/architecture.md (a newcomer finds each one there before changing it).
 *
 * The lists of allowed offenders are empty; a listed offender that is fixed fails the test too, so
 * a list can only shrink.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PACKAGES = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_LINES = 400;
const PERFORMANCE_DOC = resolve(PACKAGES, '../docs/performance.md');
const ARCHITECTURE_DOC = resolve(PACKAGES, '../docs/architecture.md');
const ENGINE = resolve(PACKAGES, 'core/src/engine');
/** Issue 21: the method, today's figures, the targets and what limits them fit in 15 KB. */
const PERFORMANCE_DOC_MAX_BYTES = 15_000;

/** Files allowed over 400 lines (`package/src/…`): none. Split a file by idea before it grows past. */
const KNOWN_LONG_FILES: string[] = [];

/** Import cycles allowed (each the files of one strongly connected group, `package/src/…`): none. */
const KNOWN_CYCLES: string[][] = [];

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) files.push(path);
  }
  return files;
}

const packages = readdirSync(PACKAGES).filter((name) => {
  const src = join(PACKAGES, name, 'src');
  return (
    statSync(join(PACKAGES, name)).isDirectory() && statSync(src, { throwIfNoEntry: false })?.isDirectory()
  );
});
const filesByPackage = new Map(packages.map((name) => [name, sourceFiles(join(PACKAGES, name, 'src'))]));
const shown = (path: string) => relative(PACKAGES, path).split('\\').join('/');

function lineCount(path: string): number {
  const text = readFileSync(path, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/**
 * The relative modules a file imports or re-exports, resolved to files (`./x.js` → x.ts, a folder →
 * its index.ts; data files left out); `import type` and `export type … from` count, as a type cycle ties modules as much.
 * Dynamic `import()` is left out: it is how a cycle at load time is avoided on purpose.
 */
function importsOf(path: string, files: Set<string>): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const targets: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.'))
      continue;
    // Data files (a JSON schema) take no part in a cycle of modules.
    if (/\.(?!js$|ts$)\w+$/.test(specifier.text)) continue;
    const base = resolve(dirname(path), specifier.text).replace(/\.js$/, '');
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
    if (target === undefined) throw new Error(`${shown(path)} imports ${specifier.text}, which is no file`);
    targets.push(target);
  }
  return targets;
}

/** Strongly connected groups of more than one file (Tarjan), each sorted: the import cycles. */
function cycles(files: string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(files.map((file) => [file, importsOf(file, known)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file)!) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(shown(member));
    } while (member !== file);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return groups;
}

describe('the repository shape', () => {
  it('finds the packages and their sources', () => {
    expect(packages).toEqual(expect.arrayContaining(['cli', 'core', 'reporters', 'rules', 'scanners']));
    expect(filesByPackage.get('core')!.length).toBeGreaterThan(100);
  });

  it(`has no source file over ${MAX_LINES} lines but the known ones`, () => {
    const long = [...filesByPackage.values()]
      .flat()
      .map((path) => ({ file: shown(path), lines: lineCount(path) }))
      .filter(({ lines }) => lines > MAX_LINES);
    const unexpected = long.filter(({ file }) => !KNOWN_LONG_FILES.includes(file));
    expect(
      unexpected.map(({ file, lines }) => `${file}: ${lines} lines`),
      `source files over ${MAX_LINES} lines: split each by idea (one module, one idea)`,
    ).toEqual([]);
    const fixed = KNOWN_LONG_FILES.filter((file) => !long.some((entry) => entry.file === file));
    expect(fixed, `no longer over ${MAX_LINES} lines: take them off KNOWN_LONG_FILES`).toEqual([]);
  });

  it(`keeps docs/performance.md within ${PERFORMANCE_DOC_MAX_BYTES} bytes`, () => {
    const bytes = statSync(PERFORMANCE_DOC).size;
    expect(
      bytes,
      `docs/performance.md is ${bytes} bytes: it holds the method, today's figures, the targets and what limits them; ` +
        'earlier runs and how the figures got here belong in git log, not in the page (replace figures, do not add runs)',
    ).toBeLessThanOrEqual(PERFORMANCE_DOC_MAX_BYTES);
  });

  it('names every engine module in docs/architecture.md', () => {
    const doc = readFileSync(ARCHITECTURE_DOC, 'utf8');
    const modules = sourceFiles(ENGINE).map((file) => relative(ENGINE, file).split('\\').join('/'));
    expect(modules.length).toBeGreaterThan(40);
    const unnamed = modules.filter((module) => !doc.includes(`\`${module.split('/').pop()}\``));
    expect(unnamed, 'engine modules not named in docs/architecture.md (add a row)').toEqual([]);
  });

  for (const name of ['cli', 'core', 'reporters', 'rules', 'scanners']) {
    it(`has no import cycle in ${name}/src but the known ones`, () => {
      const found = cycles(filesByPackage.get(name) ?? []);
      const known = KNOWN_CYCLES.filter((group) => group[0]!.startsWith(`${name}/`));
      // A known group that shrank while being taken apart is still the known cycle.
      const unexpected = found.filter(
        (group) => !known.some((old) => group.every((file) => old.includes(file))),
      );
      expect(
        unexpected.map((group) => group.join(' ⇄ ')),
        'import cycles (type imports included): move what both sides need into a module of its own',
      ).toEqual([]);
      const gone = known.filter((old) => !found.some((group) => group.every((file) => old.includes(file))));
      expect(
        gone.map((group) => group.join(' ⇄ ')),
        'these cycles are gone: take them off KNOWN_CYCLES',
      ).toEqual([]);
    });
  }
});
