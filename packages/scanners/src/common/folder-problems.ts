/**
 * Problems of a folder input as a whole: a file that cannot be read costs that file only (it is a
 * located error marked `fileFailed`, and the other files are read), and a folder whose layout could
 * be read two ways says how it was read.
 */
import { type LocalText, type ScanContext, ZhengbanError } from '@zhengban/core';
import type { HostFiles, HostLayout } from './host-folders.js';

/**
 * Reports `error` (thrown while reading `file`) as the loss of that one file. Rethrows what is not
 * an input error (a bug must not pass for a bad file) and anything when the input was that file.
 */
export function fileFailed(ctx: ScanContext, error: unknown, file: string, single: boolean): void {
  if (single || !(error instanceof ZhengbanError)) throw error;
  const located = error.problems[0];
  ctx.problem({
    message: `${error.message}; this file was not read (the other files were)`,
    code: error.code,
    params: {
      ...error.params,
      skipped: {
        zh: '；此文件未读取（其余文件已读取）',
        en: '; this file was not read (the other files were)',
      },
    },
    severity: 'error',
    rejects: false,
    fileFailed: true,
    file,
    ...(located?.line !== undefined ? { line: located.line } : {}),
  });
}

/** The layout notes of a folder (info problems, counted nowhere). */
export function reportLayoutNotes(ctx: ScanContext, layout: HostLayout): void {
  for (const note of layout.notes) layoutNote(ctx, note.folder, note.text);
}

/** The note of one computer read from an ambiguous folder. */
export function reportHostNote(ctx: ScanContext, host: HostFiles): void {
  if (host.note !== undefined) layoutNote(ctx, host.files[0] ?? host.id, host.note);
}

function layoutNote(ctx: ScanContext, file: string, text: LocalText): void {
  ctx.problem({
    message: text.en,
    code: 'input.layout',
    params: { note: text },
    severity: 'info',
    rejects: false,
    file,
  });
}
