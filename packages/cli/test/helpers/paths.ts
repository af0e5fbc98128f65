/** Fixture folder and scratch folders for CLI tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/cli/test/fixtures/ (tests run with it as the working folder). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function scratch(prefix = 'zhengban-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The audit arguments over the small fixture (4 computers, 2 failures, 1 warning, 1 rejected row). */
export const SMALL_AUDIT = [
  'audit',
  '--policy',
  'policies/small.yaml',
  '--units',
  'inventory/units.csv',
  '--input',
  'csv:inventory/small.csv',
  '--input',
  'csv:inventory/counties-gbk.csv',
];
