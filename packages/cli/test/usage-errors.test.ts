import { scannerNames } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe('usage errors: one clear line and a --help hint, exit 2, no stack trace', () => {
  it('names an unknown flag, in Chinese by default', async () => {
    const result = await runCli(['audit', '--polcy', 'p.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "zhengban: 错误: 未知选项 '--polcy'（是否想用 --policy？）\n运行 'zhengban audit --help' 查看用法。\n",
    );
    expect(result.stdout).toBe('');
  });

  it('speaks English with --locale en', async () => {
    const result = await runCli(['audit', '--polcy', 'p.yaml', '--locale', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "zhengban: error: unknown option '--polcy' (did you mean --policy?)\nRun 'zhengban audit --help' for usage.\n",
    );
  });

  it('names an unknown command and a missing required option', async () => {
    const unknown = await runCli(['audt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe("zhengban: 错误: 未知命令 'audt'（是否想用 audit？）");
    const missing = await runCli(['audit', '--input', 'csv:x.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe("zhengban: 错误: 缺少必需的选项 '--policy <file>'");
  });

  it('refuses a bad --fail-on, --as-of and --locale value', async () => {
    const failOn = await runCli([
      'audit',
      '--policy',
      'p.yaml',
      '--input',
      'csv:x.csv',
      '--fail-on',
      'sometimes',
    ]);
    expect(failOn.code).toBe(2);
    expect(failOn.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 选项 '--fail-on' 的值 'sometimes' 无效，可选: fail, warn, never",
    );
    const asOf = await runCli([
      'audit',
      '--policy',
      'p.yaml',
      '--input',
      'csv:x.csv',
      '--as-of',
      '2013-02-30',
    ]);
    expect(asOf.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 选项 '--as-of' 的值 '2013-02-30' 不是有效日期（应为 YYYY-MM-DD）",
    );
    const locale = await runCli(['policy', 'packs', '--locale', 'fr']);
    expect(locale.code).toBe(2);
    expect(locale.stderr.split('\n')[0]).toBe(
      "zhengban: 错误: 选项 '--locale' 的值 'fr' 无效，可选: zh-CN, en",
    );
  });

  it('needs a command: `zhengban` alone prints the help to stderr and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('用法: zhengban [options] [command]');
    expect(result.stdout).toBe('');
  });
});

describe('--help and --version', () => {
  it('prints localised help with examples on stdout and exits 0', async () => {
    const result = await runCli(['audit', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('用法: zhengban audit [options]');
    expect(result.stdout).toContain(
      '示例:\n  zhengban audit --policy policy.yaml --units units.csv --input csv:inventory.csv',
    );
    expect(result.stdout).toContain('--fail-on <level>');
    expect(result.stdout).toContain('全局选项:');
    const english = await runCli(['diff', '--help', '--locale', 'en']);
    expect(english.stdout).toContain('Usage: zhengban diff [options] <before> <after>');
    expect(english.stdout).toContain('Examples:\n  zhengban audit ... --report json:baseline.json');
  });

  it('prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('0.1.0\n');
    expect((await runCli(['-V'])).stdout).toBe('0.1.0\n');
  });

  it('shows no (default: []) for repeatable options and names every built-in input kind', async () => {
    for (const locale of ['zh-CN', 'en']) {
      for (const command of ['audit', 'scan', 'render']) {
        const help = (await runCli([command, '--help', '--locale', locale])).stdout;
        expect(help).not.toContain('default: []');
        if (command !== 'render') for (const kind of scannerNames()) expect(help).toContain(kind);
      }
    }
  });
});
