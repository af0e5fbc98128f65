import { describe, expect, it } from 'vitest';
import { FIXTURES, scratch } from './helpers/paths.js';
import { runCli } from './helpers/run-cli.js';

const cwd = FIXTURES;

describe('zhengban merge', () => {
  it('needs at least two reports', async () => {
    const result = await runCli(['merge', 'a.json']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('zhengban: 错误: 至少需要两个报告才能合并');
  });

  it('names a report that cannot be merged and writes nothing', async () => {
    const dir = scratch();
    const shard = (input: string, out: string) =>
      runCli(
        [
          'audit',
          '--policy',
          'policies/small.yaml',
          '--input',
          input,
          '--report',
          `json:${dir}/${out}`,
          '-q',
        ],
        { cwd },
      );
    await shard('csv:inventory/small.csv', 'a.json');
    await shard('csv:inventory/counties-gbk.csv', 'b.json');
    const { readFileSync, readdirSync } = await import('node:fs');
    const hasBasis = 'mergeBasis' in JSON.parse(readFileSync(`${dir}/a.json`, 'utf8'));
    const result = await runCli(['merge', 'a.json', 'a.json', '--out', 'merged.json'], { cwd: dir });
    expect(result.code).toBe(2);
    // Without a merge basis core refuses the first report; with one, the same hosts twice.
    expect(result.stderr.split('\n')[0]).toMatch(
      hasBasis
        ? /^zhengban: 错误: 计算机 BGS-01 同时出现在第 1 份和第 2 份报告中：合并的报告必须覆盖互不重叠的计算机/
        : /^zhengban: 错误: 第 1 份报告（.*）没有 mergeBasis/,
    );
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json']);
  });
});
