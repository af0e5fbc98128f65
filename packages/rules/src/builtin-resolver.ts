/**
 * The `builtin:` policy source: `extends: [builtin:cn-gov-baseline]` in a policy reads
 * packs/cn-gov-baseline.yaml from this package. Core never imports this package; the CLI (or a
 * library user) calls `registerBuiltins()` once, or passes `builtinResolver` to the loader.
 */
import { type PolicySourceResolver, registerPolicyResolver } from '@zhengban/core';
import { parse } from 'yaml';
import { BUILTIN_FILES, type BuiltinKind, findBuiltinFile, readBuiltinText } from './builtin-files.js';

export const builtinResolver: PolicySourceResolver = {
  scheme: 'builtin',
  read(name) {
    const file = findBuiltinFile(name);
    if (!file) return undefined;
    return { filename: `builtin:${file.name}`, text: readBuiltinText(file) };
  },
  list() {
    return BUILTIN_FILES.map((file) => file.name);
  },
};

export interface BuiltinPackInfo {
  /** The name after `builtin:`. */
  name: string;
  /** `metadata.description` of the file (Chinese, then English). */
  description: string;
  kind: BuiltinKind;
}

/** Every shipped pack and catalogue file, with the description its metadata gives. */
export function listPacks(): BuiltinPackInfo[] {
  return BUILTIN_FILES.map((file) => ({
    name: file.name,
    description: describe(readBuiltinText(file)),
    kind: file.kind,
  }));
}

function describe(text: string): string {
  const doc: unknown = parse(text);
  if (typeof doc !== 'object' || doc === null) return '';
  const metadata = (doc as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return '';
  const description = (metadata as { description?: unknown }).description;
  return typeof description === 'string' ? description : '';
}

let registered = false;

/** Makes `builtin:` names resolvable by every later `loadPolicy`/`parsePolicy` call. Idempotent. */
export function registerBuiltins(): void {
  if (registered) return;
  registerPolicyResolver(builtinResolver);
  registered = true;
}
