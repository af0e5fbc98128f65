import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSet, PendingFile } from '../src/atomic-output.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'zhengban-atomic-'));
}

describe('atomic report files', () => {
  it('writes to a temp file in the same folder and renames it into place on commit', async () => {
    const dir = tempDir();
    const target = join(dir, 'nested', 'deeper', 'report.html');
    const outputs = new OutputSet('zh-CN');
    const file = await outputs.prepareFile(target);
    const names = readdirSync(join(dir, 'nested', 'deeper'));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(new RegExp(`^report\\.html\\.tmp-${process.pid}-[0-9a-f]{8}$`));
    await file.commit('<p>报告</p>');
    expect(readdirSync(join(dir, 'nested', 'deeper'))).toEqual(['report.html']);
    expect(readFileSync(target, 'utf8')).toBe('<p>报告</p>');
  });

  it('leaves an existing report untouched and removes the temp file when discarded', async () => {
    const dir = tempDir();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    const outputs = new OutputSet('en');
    const file = await outputs.prepareFile(target);
    await file.append('half a rep');
    await outputs.discardAll();
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('refuses a path under a file with the reason, before anything is written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'x');
    const outputs = new OutputSet('zh-CN');
    const target = join(dir, 'blocker', 'out', 'report.html');
    await expect(outputs.prepareFile(target)).rejects.toThrow(
      `无法写入输出文件 ${target}: 路径中有一段是文件而不是目录`,
    );
    await expect(new OutputSet('en').prepareFile(dir)).rejects.toThrow(
      `cannot write output file ${dir}: it is a folder`,
    );
  });

  it('checks a csv folder target with a probe file that it removes again', async () => {
    const dir = tempDir();
    const outputs = new OutputSet('zh-CN');
    await outputs.prepareFolder(join(dir, 'tables'));
    expect(readdirSync(join(dir, 'tables'))).toEqual([]);
  });
});

describe('a large report file', () => {
  /** A FileHandle that records what the file was asked to do (no bytes are written). */
  function recordingHandle(datasync: () => Promise<void>) {
    const calls: string[] = [];
    const handle = {
      write: async (bytes: Uint8Array, offset = 0, length = bytes.length - offset) => {
        calls.push(`write ${length}`);
        return { bytesWritten: length, buffer: bytes };
      },
      datasync: async () => {
        calls.push('datasync');
        await datasync();
      },
      sync: async () => {
        calls.push('sync');
      },
      close: async () => {
        calls.push('close');
      },
    };
    return { handle: handle as unknown as FileHandle, calls };
  }

  it('is sent to the disk every so many bytes while it is written (256 MiB), and fsynced in full before it is renamed', async () => {
    const dir = tempDir();
    const temp = join(dir, 'report.json.tmp');
    writeFileSync(temp, '');
    const { handle, calls } = recordingHandle(async () => {});
    const file = new PendingFile(join(dir, 'report.json'), temp, handle, 256);
    const chunk = new Uint8Array(100);
    for (let i = 0; i < 6; i++) await file.append(chunk);
    await file.commit();
    expect(calls).toEqual([
      'write 100',
      'write 100',
      'write 100',
      'datasync',
      'write 100',
      'write 100',
      'write 100',
      'datasync',
      'sync',
      'close',
    ]);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('is not renamed into place when a background sync failed', async () => {
    const dir = tempDir();
    const temp = join(dir, 'report.json.tmp');
    writeFileSync(temp, '');
    const { handle } = recordingHandle(async () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    });
    const file = new PendingFile(join(dir, 'report.json'), temp, handle, 256);
    await file.append(new Uint8Array(300));
    await expect(file.commit()).rejects.toThrow(
      `无法写入输出文件 ${join(dir, 'report.json')}: 输入/输出错误`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
