/**
 * The folder layout shared by the per-host scanners (windows, linux): the input is one file (one
 * host), a folder of files (one host, named after the folder), or a folder with one sub-folder per
 * host (loose files beside the sub-folders form one more host named after the top folder).
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from '@zhengban/core';

export interface HostFiles {
  /** Host id to use when the files do not name the computer. */
  id: string;
  /** The files of this host, sorted by name. */
  files: string[];
  /** The input was a single file (so a file of the wrong format is an error, not a skipped file). */
  single: boolean;
}

/** Lists the hosts of an input path, sorted by id. */
export async function listHostFiles(input: string): Promise<HostFiles[]> {
  const info = await stat(input).catch(() => {
    throw new InputError(`${input}: no such file or folder`, { file: input }, 'input.unreadable', {
      file: input,
      reason: { zh: '文件或文件夹不存在', en: 'no such file or folder' },
    });
  });
  if (info.isFile()) return [{ id: basename(input, extname(input)), files: [input], single: true }];
  const hosts: HostFiles[] = [];
  const loose: string[] = [];
  for (const entry of await sortedEntries(input)) {
    const path = join(input, entry.name);
    if (entry.isDirectory()) {
      const files = await filesBelow(path);
      if (files.length > 0) hosts.push({ id: entry.name, files, single: false });
    } else if (entry.isFile()) loose.push(path);
  }
  if (loose.length > 0) hosts.push({ id: basename(input), files: loose, single: false });
  if (hosts.length === 0)
    throw new InputError(`${input}: the folder holds no files`, { file: input }, 'input.empty', {
      file: input,
    });
  return hosts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Every non-hidden file below a folder, depth first, sorted. */
export async function filesBelow(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await sortedEntries(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesBelow(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

async function sortedEntries(folder: string) {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
