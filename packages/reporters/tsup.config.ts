import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  shims: true,
  sourcemap: true,
  target: 'node20',
  // string-width and its dependencies are ESM-only: bundle them so `require()` of the CJS build works.
  noExternal: ['string-width', 'strip-ansi', 'ansi-regex', 'emoji-regex', 'get-east-asian-width'],
});
