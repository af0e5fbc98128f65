/**
 * The built package (dist/) as users load it: `require()` must work although string-width is
 * ESM-only (tsup bundles it), and both builds render what the sources render.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureReport } from './fixtures/report.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const CORE_DIST = fileURLToPath(new URL('../node_modules/@zhengban/core/dist/', import.meta.url));
const built = [`${DIST}index.cjs`, `${DIST}index.js`, `${CORE_DIST}index.cjs`].every((file) =>
  existsSync(file),
);
const golden = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/golden/${name}`, import.meta.url)), 'utf8');

interface Built {
  reporterNames(): string[];
  createReporterContext(report: unknown, options?: { locale?: string }): unknown;
  renderConsole(report: unknown, ctx: unknown): string;
}

(built ? describe : describe.skip)(
  `built package${built ? '' : ' — skipped: dist/ of reporters or core is missing (pnpm build)'}`,
  () => {
    it('loads with require() and renders the console golden file', () => {
      const cjs = createRequire(import.meta.url)(`${DIST}index.cjs`) as Built;
      expect(cjs.reporterNames()).toHaveLength(8);
      expect(cjs.renderConsole(fixtureReport, cjs.createReporterContext(fixtureReport))).toBe(
        golden('console.zh-CN.txt'),
      );
    });

    it('loads with import and renders the English console golden file', async () => {
      const esm = (await import(pathToFileURL(`${DIST}index.js`).href)) as Built;
      const ctx = esm.createReporterContext(fixtureReport, { locale: 'en' });
      expect(esm.renderConsole(fixtureReport, ctx)).toBe(golden('console.en.txt'));
    });
  },
);
