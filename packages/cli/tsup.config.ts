import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the library (ESM + CJS); bin: the `zhengban` executable (dist/bin.js, ESM, shebang kept).
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  shims: true,
  sourcemap: true,
  target: 'node20',
});
