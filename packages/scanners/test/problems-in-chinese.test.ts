/**
 * Input problems whose words once stayed English inside the Chinese text (a CSV row's quote detail,
 * a workbook with only empty sheets, the hosts file's rows and header, a column mapping naming no
 * column, a GLPI file that is not JSON): under zh-CN each reads in Chinese, the English stays the
 * message.
 */
import { join } from 'node:path';
import { InputError, type Problem, problemText } from '@zhengban/core';
import { csvScanner, glpiScanner, readHostsFile } from '@zhengban/scanners';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanAll, tempFolder } from './support/run.js';

const CJK = /[\u4e00-\u9fff]/;

/** The problem of the InputError `run` throws. */
async function thrown(run: () => Promise<unknown>): Promise<Problem> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems[0]!;
}

/** The zh-CN text, checked to be Chinese and not the English message with Chinese around it. */
function zh(problem: Problem): string {
  const text = problemText(problem, 'zh-CN');
  expect(text).toMatch(CJK);
  expect(text, `${problem.code} keeps English words`).not.toMatch(/[A-Za-z]{4,}/);
  return text;
}

describe('input problems in Chinese', () => {
  it('a CSV row with a broken quote says which quote in Chinese', async () => {
    const file = tempFolder().write(
      'r.csv',
      '计算机名,软件名称,版本\nPC-1,"WPS "Office",1\nPC-2,7-Zip,23\nPC-3,"WPS,1\n',
    );
    const { problems } = await scanAll(csvScanner(), file);
    expect(problems.map((p) => [p.code, p.line, zh(p)])).toEqual([
      ['csv.quotes', 2, '第 2 行：引号不配对（带引号的字段中的引号没有写成两个（""））'],
      ['csv.quotes', 4, '第 4 行：引号不配对（带引号的字段没有闭合（文件可能被截断））'],
    ]);
    expect(problems[0]!.message).toBe('line 2: a quote inside a quoted field is not doubled ("")');
  });

  it('a workbook whose every sheet is empty', async () => {
    const file = join(tempFolder().root, '空.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    workbook.addWorksheet('Sheet2');
    await workbook.xlsx.writeFile(file);
    const [problem] = (await scanAll(csvScanner(), file)).problems;
    expect(problem!.code).toBe('csv.empty');
    expect(problemText(problem!, 'zh-CN')).toBe(
      `${file}：文件为空（工作簿的每个工作表都是空的）；应有一行表头，每次安装一行`,
    );
  });

  it('the hosts file: a bad row and a header without the columns', async () => {
    const folder = tempFolder();
    const rows = await readHostsFile(
      folder.write('hosts.csv', '计算机名,单位\nPC-1,\nPC-2,办公室\nPC-2,财务科\n'),
    );
    expect(rows.problems.map((p) => [p.code, p.line, zh(p)])).toEqual([
      ['hosts.row', 2, '第 2 行：PC-1 的单位为空'],
      ['hosts.row', 4, '第 4 行：PC-2 已在第 3 行归入 办公室'],
    ]);
    const file = folder.write('bad.csv', '编号,人数\n1,2\n');
    const header = await thrown(() => readHostsFile(file));
    expect([header.code, problemText(header, 'zh-CN')]).toEqual([
      'hosts.header',
      `${file}:1：主机文件需要计算机列（计算机名 / hostname）和单位列（单位 / unit）；表头是：编号, 人数`,
    ]);
  });

  it('a column mapping that names no column of the header', async () => {
    const file = tempFolder().write('m.csv', '计算机名,软件名称\nPC-1,WPS\n');
    const { problems } = await scanAll(csvScanner({ mapping: { version: '版本号' } }), file);
    expect(problems.map((p) => p.code)).toEqual(['csv.mapping']);
    expect(problemText(problems[0]!, 'zh-CN')).toBe(
      `${file}：列映射为 version 指定了列 "版本号"，但表头中没有这一列（表头：计算机名, 软件名称）`,
    );
  });

  it('a GLPI inventory that is not JSON', async () => {
    const file = tempFolder().write('pc.json', '{ "content": ');
    const { problems } = await scanAll(glpiScanner(), file);
    expect(problems.map((p) => [p.code, problemText(p, 'zh-CN')])).toEqual([
      ['glpi.format', `${file}：不是 GLPI agent 清单（不是有效的 JSON）`],
    ]);
  });
});
