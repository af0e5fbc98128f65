/**
 * The `glpi` scanner: what inventory agents write, one computer per file —
 * GLPI agent / FusionInventory inventory JSON (`content.softwares[]`, `content.operatingsystem`,
 * `content.antivirus[]`), and FusionInventory / OCS Inventory NG XML (`REQUEST/CONTENT/SOFTWARES`,
 * agent-xml.ts). Host id = the computer name (`hardware.name` / `HARDWARE/NAME`), else the agent's
 * `deviceid`, else the file's stem. In a folder, one file that cannot be read costs that file only.
 */
import { readFile, stat } from 'node:fs/promises';
import { type HostInventory, InputError, type ScanContext, type Scanner } from '@zhengban/core';
import { fileFailed } from '../common/folder-problems.js';
import { fileStem, filesBelow, unitOfFile } from '../common/host-folders.js';
import { decodeText } from '../text/decode-text.js';
import { MAX_WHOLE_FILE_BYTES } from '../text/text-file.js';
import { looksLikeAgentXml, parseAgentXml } from './agent-xml.js';
import { hostFromAgentXml } from './agent-xml-host.js';
import { hostFromGlpiJson } from './glpi-json.js';

const SOURCE = 'glpi';

export interface GlpiScannerOptions {
  /** Unit names of the units file: files below a sub-folder named after one are that unit's. */
  units?: Iterable<string>;
}

export function glpiScanner(options: GlpiScannerOptions = {}): Scanner {
  return {
    name: 'glpi',
    description: 'GLPI agent / FusionInventory inventory JSON or XML, OCS Inventory NG XML (.ocs)',
    async *scan(input, ctx): AsyncGenerator<HostInventory> {
      const folder = (await stat(input).catch(() => undefined))?.isDirectory() === true;
      const files = folder ? await filesBelow(input) : [input];
      const units = new Set(options.units ?? []);
      for (const file of files) {
        if (ctx.signal.aborted) return;
        try {
          const host = await readAgentFile(file, !folder, ctx);
          if (!host) continue;
          const unit = folder ? unitOfFile(input, file, units) : undefined;
          if (unit !== undefined) host.unit = unit;
          yield host;
        } catch (error) {
          // In a folder, one unreadable file costs that file only; the files after it are read.
          fileFailed(ctx, error, file, !folder);
        }
      }
    },
  };
}

async function readAgentFile(
  file: string,
  single: boolean,
  ctx: ScanContext,
): Promise<HostInventory | undefined> {
  const info = await stat(file);
  if (info.size > MAX_WHOLE_FILE_BYTES) {
    throw new InputError(
      `${file}: ${info.size} bytes is too large for an agent inventory (limit ${MAX_WHOLE_FILE_BYTES})`,
      { file, source: SOURCE },
      'input.too-large',
      { file, size: info.size, limit: MAX_WHOLE_FILE_BYTES },
    );
  }
  const bytes = await readFile(file);
  if (looksLikeAgentXml(bytes)) {
    const xml = parseAgentXml(bytes, file);
    // Another XML (a config, an export of something else) is no computer, not an empty one.
    const inventory = xml.hardware || xml.operatingSystem || xml.softwares.length > 0 || xml.deviceId;
    return inventory
      ? hostFromAgentXml(xml, file, ctx)
      : notAnInventory(file, single, ctx, { zh: '没有 REQUEST/CONTENT', en: 'no REQUEST/CONTENT' });
  }
  const { text } = decodeText(bytes, file);
  if (!/^\s*[[{]/.test(text.slice(0, 1024)))
    return notAnInventory(file, single, ctx, { zh: '既不是 JSON 也不是 XML', en: 'neither JSON nor XML' });
  return hostFromGlpiJson(text, file, fileStem(file), ctx);
}

function notAnInventory(
  file: string,
  single: boolean,
  ctx: ScanContext,
  why: { zh: string; en: string },
): undefined {
  const message = `${file}: not an agent inventory (expected GLPI agent / FusionInventory JSON or XML, or OCS Inventory XML; ${why.en})`;
  const detail = {
    zh: `应为 GLPI agent / FusionInventory 的 JSON 或 XML，或 OCS Inventory 的 XML；${why.zh}`,
    en: why.en,
  };
  if (single) throw new InputError(message, { file, source: SOURCE }, 'glpi.format', { file, detail });
  // A stray file (a readme, a log) beside the inventories is skipped, not an input failure.
  ctx.problem({
    message: `${message}; skipped`,
    code: 'glpi.format',
    params: { file, detail, skipped: { zh: '；已跳过', en: '; skipped' } },
    severity: 'warning',
    rejects: false,
    file,
  });
  return undefined;
}
