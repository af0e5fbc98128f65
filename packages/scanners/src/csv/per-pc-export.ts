/**
 * A per-PC Windows export given to the csv scanner (PowerShell `Get-ItemProperty …\Uninstall\* |
 * Export-Csv`, `wmic product get … /format:csv`) is read exactly as the windows scanner reads it —
 * one computer named after the file (or its PSComputerName / Node), keys without DisplayName,
 * SystemComponent entries, updates and hotfixes left out the same way — so that `csv:` and
 * `windows:` never give two different counts for one file.
 */
import { open } from 'node:fs/promises';
import type { HostInventory, ScanContext } from '@zhengban/core';
import { fileStem } from '../common/host-folders.js';
import { decodeText } from '../text/decode-text.js';
import { readTextFile } from '../text/text-file.js';
import { exportCsvKind } from '../windows/export-csv.js';
import { WindowsEvidence } from '../windows/windows-evidence.js';
import { assembleWindowsHost } from '../windows/windows-host.js';

/** Bytes read to recognise the export by its header. */
const PEEK_BYTES = 8192;

/** The decoded start of a file, cut at a line break; undefined when it cannot be read or decoded. */
export async function peekText(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return undefined;
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    // Cut at the last line break so that a character is never split (UTF-16: an even length).
    let end = buffer.lastIndexOf(0x0a, bytesRead - 1);
    if (end < 0) end = bytesRead;
    if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))
      end -= end % 2;
    return decodeText(buffer.subarray(0, end), file).text;
  } catch {
    // Not decodable: the csv reader will say what is wrong with it.
    return undefined;
  } finally {
    await handle.close();
  }
}

export async function isPerPcExport(file: string): Promise<boolean> {
  const text = await peekText(file);
  return text !== undefined && exportCsvKind(text) !== undefined;
}

/**
 * A `.txt` in a folder of registers that is no table at all (a 说明.txt, a readme): no line of its
 * start has a delimiter. It is skipped with a warning rather than failing as a broken register.
 */
export async function isProseText(file: string): Promise<boolean> {
  const text = await peekText(file);
  return text !== undefined && !/[,;\t]/.test(text);
}

export async function* scanPerPcExport(file: string, ctx: ScanContext): AsyncGenerator<HostInventory> {
  const { text } = await readTextFile(file);
  const evidence = new WindowsEvidence(ctx);
  evidence.addText(text, file, true);
  const host = assembleWindowsHost(evidence, fileStem(file), ctx);
  host.scanner = 'csv';
  yield host;
}
