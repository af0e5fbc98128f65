/**
 * Hostile ledger sheets: whatever bytes a `ledger:` file holds, loading the policy ends quickly with
 * a located problem or a correct reading — never a hang, a crash or an invented row.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy, PolicyError, type Problem, problemText } from '@zhengban/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../policy/policy-test-support.js';

const CATALOG = join(FIXTURES, 'ledger', 'catalog.yaml');

/** A policy naming `file` (written with `bytes`) as its ledger; returns the loaded policy or its problems. */
function load(file: string, bytes: Uint8Array | string) {
  const dir = mkdtempSync(join(tmpdir(), 'zhengban-hostile-ledger-'));
  writeFileSync(join(dir, file), bytes);
  writeFileSync(
    join(dir, 'policy.yaml'),
    `apiVersion: zhengban/v1\nmetadata: { name: x }\nextends: ${JSON.stringify(CATALOG)}\nledger: [${file}]\n`,
  );
  try {
    return { policy: loadPolicy(join(dir, 'policy.yaml')), problems: [] as Problem[] };
  } catch (error) {
    if (error instanceof PolicyError) return { policy: undefined, problems: error.problems };
    throw error;
  }
}

/** A minimal workbook: one sheet `台账` with the given sheet XML body. */
function workbook(sheetData: string, extra = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      '<workbook><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheetData}</sheetData>${extra}</worksheet>`),
  });
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER = `<row r="1">${inline('A1', '授权编号')}${inline('B1', '产品')}${inline('C1', '授权类型')}${inline('D1', '数量')}</row>`;

describe('hostile ledger sheets', () => {
  it('a file that is no zip is a located policy error', () => {
    const { problems } = load('台账.xlsx', 'PK\u0003\u0004 not really a zip');
    expect(problems.map((p) => [p.code, p.line])).toEqual([['policy.ledger-unreadable', 4]]);
    expect(problems[0]!.message).toMatch(
      /^Cannot read ledger "台账\.xlsx": it is not a readable XLSX \(zip\) file/,
    );
    expect(problemText(problems[0]!, 'zh-CN')).toMatch(
      /^无法读取台账“台账\.xlsx”：它不是可读取的 XLSX（zip）文件：/,
    );
  });

  it('a merged range over the whole sheet is clipped to the cells in use, not a billion cells', () => {
    const rows = `${HEADER}<row r="2">${inline('A2', 'E-1')}${inline('B2', 'wps-office')}${inline('C2', '批量')}<c r="D2"><v>5</v></c></row>`;
    const started = Date.now();
    const { policy } = load(
      '台账.xlsx',
      workbook(rows, '<mergeCells><mergeCell ref="E2:XFD1048576"/></mergeCells>'),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(policy!.entitlements.map((e) => [e.id, e.seats])).toEqual([['E-1', 5]]);
  });

  it('merged ranges that would fill more than a million cells are refused', () => {
    // A cell far down and far right makes the used area huge; a merge over it would fill it all.
    const rows = `${HEADER}<row r="1048576">${inline('XFD1048576', 'x')}</row>`;
    const { problems } = load(
      '台账.xlsx',
      workbook(rows, '<mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells>'),
    );
    expect(problems.map((p) => p.code)).toEqual(['policy.ledger-unreadable']);
    expect(problems[0]!.message).toContain('merged cells cover more than 1000000 cells');
  });

  it('markup-looking, formula-looking and entity text is read as text', () => {
    const rows = `${HEADER}<row r="2">${inline('A2', 'E-1')}${inline('B2', 'wps-office')}${inline('C2', '批量')}<c r="D2"><v>5</v></c>${inline('E2', '&lt;script&gt;=cmd|&amp;#x41;')}</row>`;
    const { policy } = load(
      '台账.xlsx',
      workbook(rows.replace(inline('D1', '数量'), `${inline('D1', '数量')}${inline('E1', '备注')}`)),
    );
    expect(policy!.entitlements[0]!.notes).toBe('<script>=cmd|&#x41;');
  });

  it('a CSV whose quote never closes still ends, and its rows are judged cell by cell', () => {
    const { policy } = load(
      '台账.csv',
      '授权编号,产品,授权类型,数量\nE-1,wps-office,批量,5\nE-2,"wps-office,批量,5\n',
    );
    expect(policy!.entitlements.map((e) => e.id)).toEqual(['E-1']);
    expect(policy!.problems!.map((p) => `${p.key} ${p.code}`)).toEqual(['C3 ledger.bad-cell']);
  });
});
