/**
 * Report files are written atomically: bytes go to `PATH.tmp-<pid>-<rand>` in the same folder, are
 * fsynced, then renamed over PATH, so a reader (or a Ctrl-C) never sees half a report. Temp files
 * are opened before any scanning, which is how an unwritable path is found early; `discardAll`
 * removes every temp file still open (on error, abort or interrupt).
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { chmod, type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Locale, ZhengbanError } from '@zhengban/core';
import { Interrupted } from './interrupt.js';
import { makeFolders } from './make-folders.js';
import { msg } from './messages.js';

const REASONS: Record<string, { zh: string; en: string }> = {
  EACCES: { zh: '没有写权限', en: 'permission denied' },
  EPERM: { zh: '没有写权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录', en: 'it is a folder' },
  ENOTDIR: { zh: '路径中有一段是文件而不是目录', en: 'a part of the path is a file, not a folder' },
  EROFS: { zh: '文件系统只读', en: 'read-only file system' },
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on device' },
  EEXIST: { zh: '路径中有一段是文件而不是目录', en: 'a part of the path is a file, not a folder' },
  // mkdir under /proc, /sys or a vanished folder: the parent exists but cannot hold a new folder.
  ENOENT: { zh: '无法在此创建文件夹', en: 'a folder cannot be created there' },
  EDQUOT: { zh: '磁盘配额已用完', en: 'disk quota exceeded' },
  EFBIG: { zh: '文件过大', en: 'file too large' },
  EIO: { zh: '输入/输出错误', en: 'input/output error' },
};

export function reasonOf(error: unknown, locale: Locale): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? REASONS[code] : undefined;
  if (known) return locale === 'en' ? known.en : known.zh;
  return error instanceof Error ? error.message : String(error);
}

/** An output that cannot be written: exit 2, no --help hint (the command line was fine). */
export class OutputError extends ZhengbanError {
  constructor(message: string) {
    super(message, [], 'output.unwritable');
  }

  /** `cannot write output file PATH: REASON`, the reason worded from the errno code. */
  static of(locale: Locale, path: string, error: unknown): OutputError {
    if (error instanceof OutputError) return error;
    return new OutputError(msg(locale, 'outputUnwritable', { path, reason: reasonOf(error, locale) }));
  }
}

/**
 * Writes every byte of `bytes` at the handle's position. A write may take fewer bytes than it was
 * given (a disk that fills up mid-write does exactly that, and only the *next* write fails with
 * ENOSPC); a write that takes nothing is a full disk too, so a short write never passes silently
 * and never loops forever.
 */
export async function writeFully(handle: Pick<FileHandle, 'write'>, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('ENOSPC: no bytes written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Every this many bytes appended, the data so far is sent to the disk in the background
 * (fdatasync, not waited for), so the final fsync has only the tail to wait for: otherwise all of a
 * province's multi-gigabyte report could still be dirty pages for the commit to flush after the
 * last byte, and the command would sit idle while the kernel wrote them.
 */
const SYNC_EVERY_BYTES = 256 * 1024 * 1024;

/** One output file being prepared: its temp file is open and writable. */
export class PendingFile {
  private done = false;
  private unsynced = 0;
  /** The background fdatasync in progress, and the first one's failure (reported by commit()). */
  private syncing: Promise<void> | undefined;
  private syncError: unknown;

  constructor(
    readonly path: string,
    readonly tempPath: string,
    private readonly handle: FileHandle,
    private readonly syncEvery = SYNC_EVERY_BYTES,
    private readonly locale: Locale = 'zh-CN',
    /** Aborted (Ctrl-C, SIGTERM, SIGHUP) before the rename: the report is not put in place. */
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Appends to the temp file (for output streamed as it is produced). A failed or short write is an
   * OutputError naming the report (not the temp file); the temp file is removed and never renamed.
   */
  async append(chunk: string | Uint8Array): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    try {
      await writeFully(this.handle, bytes);
    } catch (error) {
      await this.discard();
      throw OutputError.of(this.locale, this.path, error);
    }
    this.unsynced += bytes.length;
    if (this.unsynced >= this.syncEvery && this.syncing === undefined) {
      this.unsynced = 0;
      const sync: Promise<void> = this.handle.datasync().then(
        () => {
          if (this.syncing === sync) this.syncing = undefined;
        },
        (error: unknown) => {
          this.syncError ??= error;
          if (this.syncing === sync) this.syncing = undefined;
        },
      );
      this.syncing = sync;
    }
  }

  /** Writes the (rest of the) content, fsyncs and renames the temp file over the target. */
  async commit(content?: string | Uint8Array): Promise<void> {
    if (this.done) throw OutputError.of(this.locale, this.path, new Error('already written or discarded'));
    if (content !== undefined) await this.append(content);
    try {
      await this.syncing;
      if (this.syncError !== undefined) throw this.syncError;
      await this.handle.sync();
      await this.handle.close();
      await keepModeOf(this.path, this.tempPath);
      // The last moment to honour an interrupt: after this the new report is in place.
      if (this.signal?.aborted) throw new Interrupted();
      await rename(this.tempPath, this.path);
      this.done = true;
    } catch (error) {
      await this.discard();
      throw error instanceof Interrupted ? error : OutputError.of(this.locale, this.path, error);
    }
  }

  /** Closes and removes the temp file; the target is left as it was. */
  async discard(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }

  get settled(): boolean {
    return this.done;
  }
}

/** Every output of one command run, so that a failure or an interrupt can remove all temp files. */
export class OutputSet {
  private readonly pending: PendingFile[] = [];

  constructor(
    private readonly locale: Locale,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * Creates the parent folders and opens the temp file; an unwritable path is an OutputError. A
   * symlink is followed: the file it points at is replaced, the link stays.
   */
  async prepareFile(givenPath: string): Promise<PendingFile> {
    const path = followSymlink(givenPath);
    if (isFolder(path)) {
      throw new OutputError(
        msg(this.locale, 'outputUnwritable', { path, reason: reasonOf({ code: 'EISDIR' }, this.locale) }),
      );
    }
    const tempPath = tempPathFor(path);
    try {
      makeFolders(dirname(path));
      const handle = await open(tempPath, 'wx', 0o644);
      const file = new PendingFile(path, tempPath, handle, SYNC_EVERY_BYTES, this.locale, this.signal);
      this.pending.push(file);
      return file;
    } catch (error) {
      throw new OutputError(
        msg(this.locale, 'outputUnwritable', { path: givenPath, reason: reasonOf(error, this.locale) }),
      );
    }
  }

  /** Creates a folder for several files (csv tables) and proves it writable with a probe file. */
  async prepareFolder(folder: string): Promise<void> {
    const probe = tempPathFor(join(folder, '.zhengban-probe'));
    try {
      makeFolders(folder);
      const handle = await open(probe, 'wx');
      await handle.close();
      await unlink(probe);
    } catch (error) {
      throw new OutputError(
        msg(this.locale, 'outputUnwritable', { path: folder, reason: reasonOf(error, this.locale) }),
      );
    }
  }

  /** Removes every temp file not yet committed. Safe to call more than once. */
  async discardAll(): Promise<void> {
    await Promise.all(this.pending.filter((file) => !file.settled).map((file) => file.discard()));
  }
}

/** Writes one file atomically (prepare + commit), for outputs known only after the work is done. */
export async function writeFileAtomic(
  outputs: OutputSet,
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  const file = await outputs.prepareFile(path);
  await file.commit(content);
}

/**
 * A report replacing an earlier one keeps its permissions: a report made private (0600) stays
 * private, instead of becoming 0644 like a new file.
 */
async function keepModeOf(path: string, tempPath: string): Promise<void> {
  const previous = await stat(path).catch(() => undefined);
  if (previous?.isFile()) await chmod(tempPath, previous.mode & 0o7777);
}

/**
 * Where a report to `path` really goes: through a symlink to the file it points at (the link is
 * kept, the file behind it replaced atomically), instead of replacing the link by a plain file.
 */
export function followSymlink(path: string): string {
  try {
    if (!lstatSync(path).isSymbolicLink()) return path;
  } catch {
    return path;
  }
  try {
    return realpathSync(path);
  } catch {
    // A dangling link: its target is created.
    return resolve(dirname(path), readlinkSync(path));
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
