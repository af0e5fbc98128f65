/**
 * The YAML files this package ships, by the name a policy uses after `builtin:`. They are data, read
 * at run time from the package folder (next to `dist/` when built, next to `src/` in tests), so a
 * policy author can read exactly what a pack decides.
 */
import { readFileSync } from 'node:fs';

export type BuiltinKind = 'pack' | 'catalog';

export interface BuiltinFile {
  /** The name after `builtin:`, e.g. `cn-gov-baseline` or `catalog/os`. */
  name: string;
  /** Path relative to the package folder. */
  path: string;
  kind: BuiltinKind;
}

/** Packs first, then the whole catalogue, then its class files in the order `builtin:catalog` merges them. */
export const BUILTIN_FILES: readonly BuiltinFile[] = [
  { name: 'cn-gov-baseline', path: 'packs/cn-gov-baseline.yaml', kind: 'pack' },
  { name: 'cn-gov-strict', path: 'packs/cn-gov-strict.yaml', kind: 'pack' },
  { name: 'catalog', path: 'packs/catalog.yaml', kind: 'catalog' },
  { name: 'catalog/forbidden', path: 'catalog/forbidden.yaml', kind: 'catalog' },
  { name: 'catalog/os', path: 'catalog/os.yaml', kind: 'catalog' },
  { name: 'catalog/office', path: 'catalog/office.yaml', kind: 'catalog' },
  { name: 'catalog/antivirus', path: 'catalog/antivirus.yaml', kind: 'catalog' },
  { name: 'catalog/common', path: 'catalog/common.yaml', kind: 'catalog' },
  { name: 'catalog/design', path: 'catalog/design.yaml', kind: 'catalog' },
  { name: 'catalog/documents', path: 'catalog/documents.yaml', kind: 'catalog' },
  { name: 'catalog/science', path: 'catalog/science.yaml', kind: 'catalog' },
  { name: 'catalog/development', path: 'catalog/development.yaml', kind: 'catalog' },
  { name: 'catalog/tools', path: 'catalog/tools.yaml', kind: 'catalog' },
  { name: 'catalog/communication', path: 'catalog/communication.yaml', kind: 'catalog' },
  { name: 'catalog/workplace', path: 'catalog/workplace.yaml', kind: 'catalog' },
];

const byName = new Map(BUILTIN_FILES.map((file) => [file.name, file]));

/** The shipped file for a `builtin:` name, or undefined (names are looked up, never joined into paths). */
export function findBuiltinFile(name: string): BuiltinFile | undefined {
  return byName.get(name);
}

/** Absolute location of a shipped file: `src/` and `dist/` are both one level below the package folder. */
export function builtinFileUrl(file: BuiltinFile): URL {
  return new URL(`../${file.path}`, import.meta.url);
}

const texts = new Map<string, string>();

/** The file's text, read once per process (the files are part of the installed package). */
export function readBuiltinText(file: BuiltinFile): string {
  let text = texts.get(file.name);
  if (text === undefined) {
    text = readFileSync(builtinFileUrl(file), 'utf8');
    texts.set(file.name, text);
  }
  return text;
}
