/**
 * Creates an output's folders one level at a time. Node's `mkdirSync(path, { recursive: true })`
 * spins forever at 100 % CPU under /proc (and similar file systems), where mkdir of a missing
 * child answers ENOENT while its parent exists: the recursive form keeps retrying between ENOENT
 * and EEXIST. Here a level that cannot be made is an error at once.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

function errnoError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/** Makes `folder` and every missing parent; throws the errno error of the first level that fails. */
export function makeFolders(folder: string): void {
  const missing: string[] = [];
  let current = folder;
  while (true) {
    let isFolder: boolean;
    try {
      isFolder = statSync(current).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
      continue;
    }
    if (!isFolder) throw errnoError('ENOTDIR', current);
    break;
  }
  for (const level of missing.reverse()) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Another process made it meanwhile: fine, as long as it is a folder now.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(level).isDirectory()) continue;
      throw error;
    }
  }
}
