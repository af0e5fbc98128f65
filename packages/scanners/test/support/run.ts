/** Test helpers: drive a scanner through core's runScanner and write encoded files to a temp folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HostInventory, runScanner, type Scanner } from '@zhengban/core';
import iconv from 'iconv-lite';
import { afterAll, expect } from 'vitest';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const BAD_INPUT = fileURLToPath(new URL('../bad-input/', import.meta.url));

/** Runs a scanner to the end; checks the count invariant every time. */
export async function scanAll(scanner: Scanner, input: string) {
  const run = runScanner(scanner, input);
  const hosts: HostInventory[] = [];
  for await (const host of run.hosts) hosts.push(host);
  expect(run.summary.read).toBe(run.summary.accepted + run.summary.rejected);
  return { hosts, summary: run.summary, problems: run.problems };
}

/** A temp folder removed after the test file; `write` encodes text (utf-8, gbk, utf-16le with BOM…). */
export function tempFolder() {
  const root = mkdtempSync(join(tmpdir(), 'zhengban-scanners-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return {
    root,
    write(
      relative: string,
      content: string | Uint8Array,
      encoding: 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16le-bom' | 'utf-16be-bom' = 'utf-8',
    ): string {
      const path = join(root, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === 'string' ? encode(content, encoding) : content);
      return path;
    },
  };
}

export function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8-bom':
      return iconv.encode(text, 'utf-8', { addBOM: true });
    case 'utf-16le-bom':
      return iconv.encode(text, 'utf-16le', { addBOM: true });
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    default:
      return iconv.encode(text, encoding);
  }
}

/** A record by name, failing clearly when it is absent. */
export function byName<T extends { name: string }>(records: readonly T[], name: string): T {
  const found = records.find((record) => record.name === name);
  if (!found) throw new Error(`no record named ${name}; have: ${records.map((r) => r.name).join(' | ')}`);
  return found;
}
