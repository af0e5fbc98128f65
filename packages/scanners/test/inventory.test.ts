import { join } from 'node:path';
import type { HostInventory } from '@zhengban/core';
import { csvScanner, inventoryScanner, writeInventoryLines } from '@zhengban/scanners';
import { describe, expect, it } from 'vitest';
import { FIXTURES, scanAll, tempFolder } from './support/run.js';

async function* from<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const line of lines) text += line;
  return text;
}

describe('inventory (JSON Lines) writer and reader', () => {
  it('writes the header and one host per line, and reads back exactly what was written', async () => {
    const { hosts } = await scanAll(csvScanner(), join(FIXTURES, 'csv/inventory-zh.csv'));
    const text = await collect(writeInventoryLines(from(hosts)));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"format":"zhengban-inventory","version":1}');
    expect(lines).toHaveLength(hosts.length + 2); // header, hosts, final empty string after the last \n
    const folder = tempFolder();
    const file = folder.write('inventory.jsonl', text);
    const back = await scanAll(inventoryScanner(), file);
    expect(back.hosts).toEqual(hosts);
    expect(back.summary).toMatchObject({ hosts: 4, read: 8, accepted: 8, rejected: 0 });
  });

  it('reports bad lines and bad records with their line numbers and keeps the good ones', async () => {
    const good: HostInventory = {
      id: 'PC-1',
      scanner: 'windows',
      software: [
        {
          name: 'WPS Office',
          version: '12.1',
          source: 'windows:reg-query',
          evidence: { source: 'windows:reg-query', file: 'a.txt', line: 3 },
        },
      ],
    };
    const text = [
      '{"format":"zhengban-inventory","version":1}',
      JSON.stringify(good),
      '{"id":"PC-2","software":[{"name":"7-Zip","source":"csv","evidence":{"source":"csv"}},{"name":"","source":"csv","evidence":{"source":"csv"}},{"name":"x","source":"csv","evidence":{"source":"csv"},"version":3}]}',
      '{"id":"","software":[]}',
      '{"id": "PC-3", "software": [',
      '',
      `{"id":"PC-4","scanner":"windows","__proto__":{"polluted":true},"software":${JSON.stringify(good.software)}}`,
    ].join('\n');
    const file = tempFolder().write('bad.jsonl', text);
    const { hosts, problems, summary } = await scanAll(inventoryScanner(), file);
    expect(hosts.map((h) => [h.id, h.scanner, h.software.map((r) => r.name)])).toEqual([
      ['PC-1', 'windows', ['WPS Office']],
      ['PC-2', 'inventory', ['7-Zip']],
      ['PC-4', 'windows', ['WPS Office']],
    ]);
    expect(problems.map((p) => [p.line, p.key, p.message])).toEqual([
      [3, '/software/1', 'line 3: software[1] has no "name"'],
      [3, '/software/2', 'line 3: software[2] has a "version" that is not text'],
      [4, undefined, 'line 4: a host needs a non-empty "id" and a "software" array'],
      [5, undefined, expect.stringMatching(/^line 5 is not valid JSON \(/)],
    ]);
    expect(summary).toMatchObject({ read: 7, accepted: 3, rejected: 4 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file whose first line is not the header', async () => {
    const file = tempFolder().write('not.jsonl', '{"id":"PC-1","software":[]}\n');
    const { problems } = await scanAll(inventoryScanner(), file);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'inventory.format',
        line: 1,
        message: `${file}:1: not a zhengban inventory; the first line must be {"format":"zhengban-inventory","version":1}`,
      }),
    ]);
  });

  it('refuses a newer version of the format', async () => {
    const file = tempFolder().write('v2.jsonl', '{"format":"zhengban-inventory","version":2}\n');
    const { problems } = await scanAll(inventoryScanner(), file);
    expect(problems[0]!.message).toBe(
      `${file}:1: inventory format version 2 is not supported (this zhengban reads version 1)`,
    );
  });
});
