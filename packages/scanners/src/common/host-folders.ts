/**
 * The folder layouts the per-host scanners (windows, linux, osquery) read: which files belong to
 * which computer, and which unit a folder stands for. The rule (packages/scanners/README.md, "Host
 * folders"):
 *
 * - a single file is one computer, named after the file's stem;
 * - loose files are grouped by their stem (the name up to the first dot: `PC-01.reg` and
 *   `PC-01.slmgr.txt` are one computer, `PC-01`); each group is its own computer;
 * - files named after what they hold rather than after a computer (`uninstall-hklm.txt`, `os.json`,
 *   `os-release`, `status`, … as the collection scripts write them) are the parts of one collection:
 *   together they are one computer named after their folder;
 * - a sub-folder whose name is a unit of the units file holds computers of that unit, laid out by the
 *   same rule; any other sub-folder is one computer (named after the sub-folder), unless it holds
 *   several computers' files or sub-folders of its own, in which case it is read like the top folder.
 *
 * The computer name read inside the files (ComputerName, a `hostname` file) replaces the name from
 * the layout. Where a folder could be read two ways, a note says how it was read.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { InputError, type LocalText } from '@zhengban/core';

export interface HostFiles {
  /** Host id to use when the files do not name the computer. */
  id: string;
  /** The files of this host, sorted by name. */
  files: string[];
  /** The input was a single file (so a file of the wrong format is an error, not a skipped file). */
  single: boolean;
  /** The unit a unit-named folder gives, when the files sit below one. */
  unit?: string;
  /** How an ambiguous folder was read, reported when the computer is read at all. */
  note?: LocalText;
}

/** How a folder whose layout could be read two ways was read (reported as an info problem). */
export interface LayoutNote {
  folder: string;
  /** The note in both languages (`en` is the problem's message). */
  text: LocalText;
}

export interface HostLayout {
  hosts: HostFiles[];
  notes: LayoutNote[];
}

export interface LayoutOptions {
  /** Unit names (from the units file): a sub-folder with one of these names is that unit. */
  units?: ReadonlySet<string>;
}

/**
 * Stems of files named after their content, as the collection scripts and the usual commands write
 * them (`uninstall-hklm.txt`, `os.json`, `os-release`, `status`, `rpm-qa.txt`, osquery table names).
 */
const PART_STEM = new RegExp(
  `^(?:${[
    'uninstall(?:-(?:hklm|wow64|users|hkcu|hku|x86|x64))?',
    'os',
    'os[-_](?:version|release|info)',
    'osinfo',
    'licensing',
    'antivirus',
    'security',
    'slmgr(?:-(?:xpr|dlv|dli))?',
    'ospp(?:-dstatus)?',
    'hostname',
    'computername',
    'status',
    'dpkg(?:-(?:query|l|list|status))?',
    'rpm(?:-(?:qa|qf|last|list))?',
    'packages',
    'programs',
    'software',
    'system[-_]info',
    'deb[-_]packages',
    'rpm[-_]packages',
    'windows[-_]security[-_]products',
    'appx(?:-packages)?',
    'wmic(?:-(?:os|product|licensing))?',
    'results',
  ].join('|')})$`,
  'i',
);

/** A file's stem: its name up to the first dot (`PC-01.slmgr.txt` → `PC-01`). */
export function fileStem(file: string): string {
  const name = basename(file);
  const dot = name.indexOf('.', 1);
  return dot > 0 ? name.slice(0, dot) : name;
}

/** True when the file is named after what it holds, not after a computer. */
export function isPartFile(file: string): boolean {
  return PART_STEM.test(fileStem(file));
}

/** Lists the computers of an input path (sorted by id) and notes on ambiguous folders. */
export async function listHostFiles(input: string, options: LayoutOptions = {}): Promise<HostLayout> {
  const info = await stat(input).catch(() => {
    throw new InputError(`${input}: no such file or folder`, { file: input }, 'input.unreadable', {
      file: input,
      reason: { zh: '文件或文件夹不存在', en: 'no such file or folder' },
    });
  });
  if (info.isFile()) {
    return { hosts: [{ id: basename(input, extname(input)), files: [input], single: true }], notes: [] };
  }
  const layout: HostLayout = { hosts: [], notes: [] };
  const units = options.units ?? new Set<string>();
  await readCollection(input, undefined, units, layout, true);
  if (layout.hosts.length === 0)
    throw new InputError(`${input}: the folder holds no files`, { file: input }, 'input.empty', {
      file: input,
    });
  layout.hosts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return layout;
}

interface FolderContent {
  folders: string[];
  parts: string[];
  /** Loose files named after a computer, grouped by stem (lower case → files). */
  groups: Map<string, { stem: string; files: string[] }>;
}

async function folderContent(folder: string): Promise<FolderContent> {
  const content: FolderContent = { folders: [], parts: [], groups: new Map() };
  for (const entry of await sortedEntries(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) content.folders.push(path);
    else if (!entry.isFile()) continue;
    else if (isPartFile(path)) content.parts.push(path);
    else {
      const stem = fileStem(path);
      const key = stem.toLowerCase();
      const group = content.groups.get(key);
      if (group) group.files.push(path);
      else content.groups.set(key, { stem, files: [path] });
    }
  }
  return content;
}

/** A folder of computers (the input, or a unit's folder): each stem group, part set and sub-folder. */
async function readCollection(
  folder: string,
  unit: string | undefined,
  units: ReadonlySet<string>,
  layout: HostLayout,
  top = false,
): Promise<void> {
  const content = await folderContent(folder);
  const [only] = content.groups.values();
  // The input folder with one computer's files only: a folder of one PC, or a collection of one?
  const note =
    top &&
    content.groups.size === 1 &&
    content.parts.length === 0 &&
    content.folders.length === 0 &&
    only!.stem.toLowerCase() !== basename(folder).toLowerCase()
      ? {
          en: `${folder}: holds one computer's files (${only!.files.map((file) => basename(file)).join(', ')}); read as the computer "${only!.stem}" (the files' name), not "${basename(folder)}" (the folder's); to name it otherwise, rename the files`,
          zh: `${folder}：只有一台计算机的文件（${only!.files.map((file) => basename(file)).join(', ')}）；按文件名读作计算机 "${only!.stem}"，而不是按文件夹名读作 "${basename(folder)}"；要用其他名称，请重命名这些文件`,
        }
      : undefined;
  for (const { stem, files } of content.groups.values()) add(layout, stem, files, unit, note);
  if (content.parts.length > 0) {
    add(layout, basename(folder), content.parts, unit);
    if (content.groups.size > 0) {
      layout.notes.push({
        folder,
        text: {
          en: `${folder}: holds files named after computers (${names(content.groups)}) and files named after their content (${content.parts.map((file) => basename(file)).join(', ')}); read as ${content.groups.size} computer(s) named after the files and one computer named "${basename(folder)}" from the other files`,
          zh: `${folder}：既有以计算机命名的文件（${names(content.groups)}），也有以内容命名的文件（${content.parts.map((file) => basename(file)).join(', ')}）；前者读作 ${content.groups.size} 台以文件名命名的计算机，其余文件读作一台名为 "${basename(folder)}" 的计算机`,
        },
      });
    }
  }
  for (const sub of content.folders) await readSubFolder(sub, unit, units, layout);
}

async function readSubFolder(
  folder: string,
  unit: string | undefined,
  units: ReadonlySet<string>,
  layout: HostLayout,
): Promise<void> {
  const name = basename(folder);
  if (units.has(name)) return readCollection(folder, name, units, layout);
  const content = await folderContent(folder);
  // Several computers' files, or folders of its own: a folder of computers, not one computer.
  if (content.groups.size > 1 || content.folders.length > 0) {
    if (units.size > 0 && content.groups.size > 1) {
      layout.notes.push({
        folder,
        text: {
          en: `${folder}: holds the files of ${content.groups.size} computers (${names(content.groups)}), but "${name}" is no unit of the units file; its computers are read without a unit`,
          zh: `${folder}：有 ${content.groups.size} 台计算机的文件（${names(content.groups)}），但单位文件中没有单位 "${name}"；这些计算机不计入任何单位`,
        },
      });
    }
    return readCollection(folder, unit, units, layout);
  }
  const files = [...content.parts, ...[...content.groups.values()].flatMap((group) => group.files)];
  if (files.length === 0) return;
  const [only] = content.groups.values();
  const note =
    only !== undefined && only.stem.toLowerCase() !== name.toLowerCase()
      ? {
          en: `${folder}: holds one computer's files (${only.files.map((file) => basename(file)).join(', ')}); read as the computer "${name}" (the folder's name)${units.size > 0 ? `; "${name}" is no unit of the units file` : '; if the folder is a unit, give a units file that lists it'}`,
          zh: `${folder}：只有一台计算机的文件（${only.files.map((file) => basename(file)).join(', ')}）；按文件夹名读作计算机 "${name}"${units.size > 0 ? `；单位文件中没有单位 "${name}"` : '；如果这个文件夹是一个单位，请给出列有它的单位文件'}`,
        }
      : undefined;
  add(layout, name, files.sort(), unit, note);
}

function add(layout: HostLayout, id: string, files: string[], unit?: string, note?: LocalText): void {
  const host: HostFiles = { id, files, single: false };
  if (unit !== undefined) host.unit = unit;
  if (note !== undefined) host.note = note;
  layout.hosts.push(host);
}

function names(groups: FolderContent['groups']): string {
  const stems = [...groups.values()].map((group) => group.stem);
  return stems.length > 5 ? `${stems.slice(0, 5).join(', ')}, …` : stems.join(', ');
}

/**
 * The unit of a file below `input` when a folder on the way is named after a unit (the innermost
 * wins), for scanners whose files are each a computer or a table (csv, glpi).
 */
export function unitOfFile(input: string, file: string, units: ReadonlySet<string>): string | undefined {
  const folder = relative(input, dirname(file));
  if (units.size === 0 || folder === '' || folder.startsWith('..')) return undefined;
  return folder
    .split(sep)
    .reverse()
    .find((name) => units.has(name));
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
