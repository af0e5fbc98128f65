/**
 * Every problem a person can see reads in Chinese under zh-CN: its text comes from the catalogue by
 * code (src/problem-texts/), with its params; the English message stays for library users.
 *
 * The last test lists every problem code in the sources that has no Chinese text yet. Problems added
 * on other branches still show (in English) until their entry is written; the list says which.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bilingual,
  hasProblemText,
  loadPolicy,
  mergeReports,
  type Problem,
  parsePolicy,
  problemText,
  UsageError,
} from '@zhengban/core';
import { describe, expect, it } from 'vitest';
import { BAD_INPUT, problemsOf, testBuiltins } from './policy/policy-test-support.js';

const CJK = /[\u4e00-\u9fff]/;

/** The zh-CN text is Chinese, fully filled in, and not the English message. */
function expectChinese(problem: Problem): void {
  const text = problemText(problem, 'zh-CN');
  expect(text, `${problem.code}: ${problem.message}`).toMatch(CJK);
  expect(text, `${problem.code} fell back to English`).not.toBe(problem.message);
  expect(text).not.toMatch(/\{\??\w+\}/);
  expect(problemText(problem, 'en')).toBe(problem.message);
}

describe('problem texts', () => {
  it('words every problem of every broken policy in test/bad-input/policy in Chinese', () => {
    const files = readdirSync(BAD_INPUT).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(20);
    const codes = new Set<string>();
    for (const file of files) {
      let problems: Problem[];
      try {
        problems = problemsOf(() => loadPolicy(join(BAD_INPUT, file), { resolvers: [testBuiltins] }));
      } catch {
        continue; // a file that loads (or throws something else) is another test's concern
      }
      for (const problem of problems) {
        codes.add(problem.code);
        expectChinese(problem);
      }
    }
    expect(codes.size).toBeGreaterThan(15);
  });

  it('says the examples of the issue in Chinese', () => {
    const seats = problemsOf(() =>
      loadPolicy(join(BAD_INPUT, 'zero-seats.yaml'), { resolvers: [testBuiltins] }),
    )[0]!;
    expect(problemText(seats, 'zh-CN')).toBe('"seats" 应不小于 1，不能是 0。');
    const unknown = problemsOf(() =>
      loadPolicy(join(BAD_INPUT, 'unknown-key.yaml'), { resolvers: [testBuiltins] }),
    )[0]!;
    expect(problemText(unknown, 'zh-CN')).toBe(
      'settings 中有未知的键 "remediationDay"，是不是想写 "remediationDays"？',
    );
  });

  it("words YAML syntax errors in Chinese from the library's error code, at their line and column", () => {
    const zh = (yaml: string) =>
      problemsOf(() =>
        parsePolicy(`apiVersion: zhengban/v1\nmetadata: { name: t }\n${yaml}`, { filename: 'p.yaml' }),
      ).map((problem) => [problem.line, problem.column, problem.code, problemText(problem, 'zh-CN')]);
    // An unclosed quote is found where the file ends.
    expect(zh('settings:\n  asOf: "2024-06-30\n')).toEqual([
      [
        5,
        1,
        'policy.yaml-syntax',
        'YAML 语法错误：缺少必要的字符：引号没有闭合、键后面缺少冒号，方括号或花括号中的项之间缺少逗号，或 # 注释前缺少空格。',
      ],
    ]);
    expect(zh('settings: remediationDays: 15\n')).toEqual([
      [
        3,
        11,
        'policy.yaml-syntax',
        'YAML 语法错误：一行里只能有一个“键: 值”（如 a: b: c 不行）；值中含有“: ”时请给值加上引号。',
      ],
    ]);
    expect(zh('units: [{ name: "C:\\办公室" }]\n')[0]!.slice(2)).toEqual([
      'policy.yaml-syntax',
      'YAML 语法错误：双引号中有无效的转义（反斜杠 \\ 后面的字符）；Windows 路径请改用单引号，或把 \\ 写成 \\\\。',
    ]);
    // The English stays the library's own words.
    const [quote] = problemsOf(() =>
      parsePolicy('apiVersion: zhengban/v1\nmetadata: { name: "t }\n', { filename: 'p.yaml' }),
    );
    expect(problemText(quote!, 'en')).toBe('YAML syntax error: Missing closing "quote.');
  });

  it('says in Chinese why a version range cannot be read', () => {
    const why = (range: string) => {
      const [problem] = problemsOf(() =>
        parsePolicy(
          [
            'apiVersion: zhengban/v1',
            'metadata: { name: t }',
            'catalog: { products: [{ id: wps, category: office }] }',
            `entitlements: [{ id: E1, product: wps, type: volume, seats: 5, versions: ${JSON.stringify(range)} }]`,
          ].join('\n'),
          { filename: 'p.yaml' },
        ),
      );
      expect(problem!.code).toBe('policy.bad-range');
      return problemText(problem!, 'zh-CN');
    };
    expect(why('>=9 <<13')).toBe('版本范围 ">=9 <<13" 无效：“<13” 不是版本号（可写成 >=9 <13 这样）。');
    expect(why('^9.1')).toBe('版本范围 "^9.1" 无效：“^9.1”：不支持 ~ 和 ^ 运算符，请改写成 >= 和 <。');
    expect(why('>=9 || ')).toBe('版本范围 ">=9 || " 无效：“||” 的一侧什么也没有。');
    expect(why('* >=9')).toBe('版本范围 "* >=9" 无效：“*” 不能和其他比较条件写在一起。');
    expect(why('>=')).toBe('版本范围 ">=" 无效：“>=” 只有运算符，没有版本号。');
  });

  it('words merge errors in Chinese', () => {
    const report = { schemaVersion: 1, inputs: [], policy: { name: 'p', sources: [] }, asOf: '2024-01-01' };
    try {
      mergeReports(report as never, report as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      const { code, message, params } = error as UsageError;
      expect(code).toBe('merge.no-basis');
      expect(problemText({ code, message, params }, 'zh-CN')).toMatch(
        /^第 1 份报告（没有输入）没有 mergeBasis/,
      );
    }
  });

  it('falls back to the message for a code without a text or a text whose param is missing', () => {
    const base = { severity: 'error', source: 'x' } as const;
    expect(problemText({ ...base, code: 'scanner.new-problem', message: 'new' }, 'zh-CN')).toBe('new');
    expect(
      problemText({ ...base, code: 'csv.column-count', message: 'line 3 …', params: { line: 3 } }, 'zh-CN'),
    ).toBe('line 3 …');
    expect(
      problemText(
        {
          ...base,
          code: 'csv.column-count',
          message: 'm',
          params: { line: 3, columns: 2, width: bilingual('五', 'five') },
        },
        'zh-CN',
      ),
    ).toBe('第 3 行有 2 列，表头有 五 列');
    // `{?skipped}` is filled when a scanner went on past the file, and left out when it stopped.
    const binary = {
      ...base,
      code: 'input.binary',
      message: 'm',
      params: { file: 'a.csv', nul: 1, control: 2, sample: 9 },
    };
    expect(problemText(binary, 'zh-CN')).toBe(
      'a.csv：是二进制数据，不是文本文件（前 9 字节中有 1 个 NUL 和 2 个控制字节）',
    );
    expect(
      problemText(
        { ...binary, params: { ...binary.params, skipped: bilingual('；已跳过', '; skipped') } },
        'zh-CN',
      ),
    ).toMatch(/控制字节）；已跳过$/);
  });

  it('has a Chinese text for every problem code in the sources (lists the missing ones)', () => {
    const packages = fileURLToPath(new URL('../../', import.meta.url));
    const codes = new Set<string>();
    const visit = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (
          entry.name.endsWith('.ts') &&
          entry.name !== 'messages.ts' &&
          !path.includes('problem-texts')
        )
          scan(path, readFileSync(path, 'utf8'));
      }
    };
    const PREFIXES =
      'input|csv|units|hosts|windows|linux|dpkg|rpm|packages|inventory|osquery|glpi|wazuh|merge|engine|plugin|policy|scanner|rules|lint';
    const qualified = new RegExp(`'((?:${PREFIXES})\\.[a-z][a-z0-9-]*)'`, 'g');
    const scan = (path: string, text: string) => {
      for (const match of text.matchAll(qualified)) codes.add(match[1]!);
      // ProblemList.error('code', …) in the policy loader prefixes `policy.`.
      if (path.includes(`${join('core', 'src', 'policy')}`)) {
        for (const match of text.matchAll(/problems\.error\(\s*'([a-z][a-z-]*)'/g))
          codes.add(`policy.${match[1]}`);
      }
    };
    // The reporters make no problems (their `input.*` keys are column labels).
    for (const pkg of readdirSync(packages).filter((name) => name !== 'reporters')) {
      try {
        visit(join(packages, pkg, 'src'));
      } catch {
        // a package without src/
      }
    }
    // Codes chosen at run time (a ternary, a variable) that the scan above cannot see.
    for (const code of ['bad-regex', 'bad-glob', 'duplicate-key', 'tab-indent', 'yaml-syntax'])
      codes.add(`policy.${code}`);
    // Error classes' own codes: their message is a summary the CLI words itself.
    for (const code of ['policy.invalid', 'input.invalid']) codes.delete(code);
    expect(codes.size).toBeGreaterThan(100);
    const missing = [...codes].filter((code) => !hasProblemText(code)).sort();
    expect(missing, `problem codes without a Chinese text: ${missing.join(', ')}`).toEqual([]);
  });
});
