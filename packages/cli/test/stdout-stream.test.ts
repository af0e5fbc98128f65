/**
 * stdout as reports reach it: a stream that says it is full is waited for, a closed pipe (EPIPE) is
 * a quiet stop, a full device is 磁盘空间不足 — never an unhandled 'error' and exit 1.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../src/atomic-output.js';
import { StdoutClosed, writeAllSync, writeToStream } from '../src/stdout-stream.js';
import { FIXTURES, SMALL_AUDIT } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

describe('writeToStream', () => {
  it("waits for 'drain' when write returns false", async () => {
    const stream = Object.assign(new EventEmitter(), { write: () => false });
    let done = false;
    const writing = writeToStream('zh-CN', stream, 'abc').then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false);
    stream.emit('drain');
    await writing;
    expect(done).toBe(true);
  });

  it('turns EPIPE into StdoutClosed and ENOSPC into an OutputError naming standard output', async () => {
    const failing = (code: string) => ({
      write: () => {
        throw Object.assign(new Error(code), { code });
      },
    });
    await expect(writeToStream('zh-CN', failing('EPIPE'), 'x')).rejects.toBeInstanceOf(StdoutClosed);
    const full = writeToStream('zh-CN', failing('ENOSPC'), 'x');
    await expect(full).rejects.toBeInstanceOf(OutputError);
    await expect(writeToStream('zh-CN', failing('ENOSPC'), 'x')).rejects.toThrow(
      '无法写入输出文件 标准输出: 磁盘空间不足',
    );
  });
});

describe('writeAllSync (stdout redirected to a file)', () => {
  it('continues after short writes and fails on a write that takes nothing', () => {
    const got: number[] = [];
    const bytes = Buffer.from('正版软件检查');
    writeAllSync(1, bytes, (_fd, buffer, offset, length) => {
      const take = Math.min(2, length);
      for (let i = 0; i < take; i++) got.push(buffer[offset + i]!);
      return take;
    });
    expect(Buffer.from(got).toString('utf8')).toBe('正版软件检查');
    expect(() => writeAllSync(1, bytes, () => 0)).toThrow('ENOSPC');
  });
});

describe('a report on a stdout that fails', () => {
  const failingStdout = (code: string) => ({
    isTTY: false,
    write() {
      throw Object.assign(new Error(code), { code });
    },
  });

  it('closed (EPIPE): exit 2, nothing on stderr, no stack trace', async () => {
    for (const report of ['json', 'markdown']) {
      const { run } = await import('@zhengban/cli');
      const errors: string[] = [];
      const code = await run([...SMALL_AUDIT, '--report', report, '-q'], {
        stdout: failingStdout('EPIPE'),
        stderr: { write: (chunk) => errors.push(String(chunk)) },
        cwd: FIXTURES,
        env: { ZHENGBAN_LOG: 'silent' },
      });
      expect(code, report).toBe(2);
      expect(errors.join('')).toBe('');
    }
  });

  it('full (ENOSPC): exit 2 and 磁盘空间不足', async () => {
    const { run } = await import('@zhengban/cli');
    const errors: string[] = [];
    const code = await run([...SMALL_AUDIT, '--report', 'json'], {
      stdout: failingStdout('ENOSPC'),
      stderr: { write: (chunk) => errors.push(String(chunk)) },
      cwd: FIXTURES,
      env: { ZHENGBAN_LOG: 'silent' },
    });
    expect(code).toBe(2);
    expect(errors.join('')).toContain('zhengban: 错误: 无法写入输出文件 标准输出: 磁盘空间不足');
  });

  it('is still the normal report path when stdout works (runCli)', async () => {
    const result = await runCli([...SMALL_AUDIT, '--report', 'json'], { cwd: FIXTURES });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).schemaVersion).toBe(1);
  });
});
