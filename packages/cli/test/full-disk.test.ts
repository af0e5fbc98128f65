/**
 * A full disk never leaves a truncated report under its final name: every short write is followed
 * by another until every byte is written, and a write that fails (ENOSPC) is exit 2 with
 * 磁盘空间不足 and the report's path; the temp file is removed and the previous report kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputSet, PendingFile } from '../src/atomic-output.js';
import { FIXTURES, SMALL_AUDIT, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

/** A file handle that takes at most `perWrite` bytes a call, and fails with ENOSPC past `capacity`. */
function shortWritingHandle(capacity: number, perWrite: number) {
  const written: number[] = [];
  let total = 0;
  const handle = {
    write: async (bytes: Uint8Array, offset = 0, length = bytes.length - offset) => {
      if (total >= capacity)
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      const take = Math.min(length, perWrite, capacity - total);
      for (let i = 0; i < take; i++) written.push(bytes[offset + i]!);
      total += take;
      return { bytesWritten: take, buffer: bytes };
    },
    datasync: async () => {},
    sync: async () => {},
    close: async () => {},
  };
  return { handle: handle as unknown as FileHandle, written };
}

describe('short writes', () => {
  it('are continued until every byte is in the file', async () => {
    const dir = scratch();
    const temp = join(dir, 'r.json.tmp');
    writeFileSync(temp, '');
    const { handle, written } = shortWritingHandle(10_000, 7);
    const file = new PendingFile(join(dir, 'r.json'), temp, handle);
    const text = '报告'.repeat(100);
    await file.commit(text);
    expect(Buffer.from(written).toString('utf8')).toBe(text);
  });

  it('fail with the report path and 磁盘空间不足 when the disk fills up, and nothing is renamed', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.json'), 'old');
    const temp = join(dir, 'r.json.tmp');
    writeFileSync(temp, '');
    const { handle } = shortWritingHandle(100, 64);
    const file = new PendingFile(join(dir, 'r.json'), temp, handle);
    await expect(file.commit('x'.repeat(1000))).rejects.toThrow(
      `无法写入输出文件 ${join(dir, 'r.json')}: 磁盘空间不足`,
    );
    expect(readdirSync(dir)).toEqual(['r.json']);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('old');
  });

  it('that take nothing at all are a full disk, not an endless loop', async () => {
    const dir = scratch();
    const temp = join(dir, 'r.json.tmp');
    writeFileSync(temp, '');
    const { handle } = shortWritingHandle(0, 0);
    const zero = { ...handle, write: async (bytes: Uint8Array) => ({ bytesWritten: 0, buffer: bytes }) };
    const file = new PendingFile(join(dir, 'r.json'), temp, zero as unknown as FileHandle, 256, 'en');
    await expect(file.append('abc')).rejects.toThrow('no space left on device');
  });
});

/** Mounts a 1 MiB tmpfs (root only); undefined where that is not possible. */
function smallDisk(): string | undefined {
  const dir = scratch('zhengban-tmpfs-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}

const disk = smallDisk();
const describeDisk = disk ? describe : describe.skip;

describeDisk(
  `a real full disk (1 MiB tmpfs${disk ? '' : ' — skipped: cannot mount tmpfs here (needs root)'})`,
  () => {
    it('audit: exit 2, 磁盘空间不足 with the path, the previous report kept, no temp file', async () => {
      const out = join(disk!, 'out');
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'report.json'), 'previous');
      // Fill the disk but a few KiB, so the temp file opens and the report cannot fit.
      const filler = Buffer.alloc(1024 * 1024 - 16 * 1024, 'x');
      try {
        writeFileSync(join(disk!, 'filler'), filler);
      } catch {
        // ENOSPC while filling: the disk is full enough.
      }
      const result = await runCli([...SMALL_AUDIT, '--report', `json:${out}/report.json`], { cwd: FIXTURES });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`无法写入输出文件 ${out}/report.json: 磁盘空间不足`);
      expect(readdirSync(out)).toEqual(['report.json']);
      expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('previous');
    });
    afterAll(() => {
      execFileSync('umount', [disk!]);
    });
  },
);

describe('folders that can never be made', () => {
  it('under /proc: an error at once, not an endless mkdir loop', async () => {
    const outputs = new OutputSet('zh-CN');
    await expect(outputs.prepareFile('/proc/zhengban-x/r.json')).rejects.toThrow(
      '无法写入输出文件 /proc/zhengban-x/r.json: 无法在此创建文件夹',
    );
    await expect(outputs.prepareFolder('/proc/zhengban-x/tables')).rejects.toThrow('无法在此创建文件夹');
  });

  it('through every command that writes a file', async () => {
    for (const args of [
      [...SMALL_AUDIT, '--report', 'json:/proc/zhengban-x/r.json'],
      ['scan', '--input', 'csv:inventory/small.csv', '--out', '/proc/zhengban-x/s.jsonl'],
      ['policy', 'init', '--out', '/proc/zhengban-x/p.yaml'],
    ]) {
      const result = await runCli(args, { cwd: FIXTURES });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('/proc/zhengban-x/');
      expect(result.stderr).toContain('无法在此创建文件夹');
    }
  });
});
