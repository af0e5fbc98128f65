import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputSet } from '../src/atomic-output.js';

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
