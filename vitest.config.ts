import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources (no build needed); the end-to-end CLI tests and the
// packaging test use the built `dist/` output and say so when it is missing.
export default defineConfig({
  resolve: {
    alias: {
      '@zhengban/core': src('core'),
      '@zhengban/rules': src('rules'),
      '@zhengban/scanners': src('scanners'),
      '@zhengban/reporters': src('reporters'),
      '@zhengban/cli': src('cli'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A fixed zone: reports show times in local time (html 生成时间), and tests compare them.
    env: { ZHENGBAN_LOG: 'silent', TZ: 'Asia/Shanghai' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
