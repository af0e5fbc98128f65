/**
 * The built CLI with its stdout closed early (`| head -c100`) or on a full device (`>/dev/full`):
 * exit 2, no stack trace; a closed pipe says nothing, a full device says 磁盘空间不足.
 */
import { spawn } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { FIXTURES, scratch } from '../helpers/paths.js';
import { BIN, describeBuilt } from '../helpers/spawn-cli.js';

vi.setConfig({ testTimeout: 120_000 });

/** An inventory whose JSON report is a few MB: far more than a pipe holds. */
function bigInventory(): string {
  const rows = ['计算机名,单位,软件名称,版本,发布者,安装日期,操作系统,操作系统版本,操作系统版本类型'];
  for (let i = 0; i < 3000; i++) {
    rows.push(`PC-${i},办公室,KMSpico ${i},1.0,x,2024-01-10,Microsoft Windows 10 家庭版,10.0.19045,Core`);
  }
  const path = join(scratch(), 'big.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

function audit(report: string, stdout: 'pipe' | number, closeAfter?: number) {
  return new Promise<{ code: number | null; stderr: string; read: number }>((resolve, reject) => {
    const args = ['audit', '--policy', 'policies/small.yaml', '--input', `csv:${bigInventory()}`];
    const child = spawn(process.execPath, [BIN, ...args, '--report', report, '-q'], {
      cwd: FIXTURES,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ZHENGBAN_LOG: 'error' },
      stdio: ['ignore', stdout, 'pipe'],
    });
    let stderr = '';
    let read = 0;
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      read += chunk.length;
      // Like `head -c100`: take a little, then go away.
      if (closeAfter !== undefined && read >= closeAfter) child.stdout!.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, read }));
  });
}

describeBuilt('faults: stdout closed or full', () => {
  for (const report of ['json', 'html']) {
    it(`| head -c100 (${report}): exit 2, quiet, no stack trace`, async () => {
      const result = await audit(report, 'pipe', 100);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('');
    });
  }

  it('>/dev/full: exit 2 with 磁盘空间不足, no stack trace', async () => {
    const result = await audit('json', openSync('/dev/full', 'w'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('zhengban: 错误: 无法写入输出文件 标准输出: 磁盘空间不足\n');
  });
});
