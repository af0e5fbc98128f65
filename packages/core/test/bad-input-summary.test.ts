/**
 * Counts the bad-input corpus across packages and prints one summary line in the test output:
 * every `packages/<pkg>/test/bad-input/<format>/` folder holds case modules (`*cases.ts`, exporting
 * an array of cases with a `format`, or an object of generators named after the case) and, for the
 * policy loader, one YAML file per case.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function countCases(): Promise<Map<string, number>> {
  const byFormat = new Map<string, number>();
  const add = (format: string, count: number) => byFormat.set(format, (byFormat.get(format) ?? 0) + count);
  for (const pkg of readdirSync(PACKAGES).sort()) {
    const root = join(PACKAGES, pkg, 'test', 'bad-input');
    let files: string[];
    try {
      files = filesBelow(root);
    } catch {
      continue;
    }
    for (const file of files) {
      const folder = basename(dirname(file));
      if (file.endsWith('.yaml')) add(folder, 1);
      if (!file.endsWith('cases.ts')) continue;
      const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (Array.isArray(value)) {
          for (const item of value as Array<{ format?: string }>) add(item.format ?? folder, 1);
        } else if (value && typeof value === 'object') {
          add(folder, Object.values(value).filter((item) => typeof item === 'function').length);
        }
      }
    }
  }
  return byFormat;
}

it('counts the bad-input corpus (at least 60 cases)', async () => {
  const byFormat = await countCases();
  const total = [...byFormat.values()].reduce((sum, count) => sum + count, 0);
  const parts = [...byFormat.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, n]) => `${f} ${n}`);
  console.log(`bad-input corpus: ${total} cases (${parts.join(', ')})`);
  expect(total).toBeGreaterThanOrEqual(60);
  for (const format of ['csv', 'reg-query', 'reg-export', 'powershell-json', 'slmgr', 'dpkg-status', 'rpm']) {
    expect(byFormat.get(format), format).toBeGreaterThan(0);
  }
  for (const format of ['os-release', 'osquery', 'policy', 'units'])
    expect(byFormat.get(format), format).toBeGreaterThan(0);
}, 60_000);
