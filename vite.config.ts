import { defineConfig } from 'vitest/config';

/**
 * Two jobs: `vite build` writes the script-tag bundle `cdn/flexiti-checkout.js` (minified ESM,
 * every element registered), and vitest runs the Node tests.
 */
export default defineConfig({
  build: {
    outDir: 'cdn',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: 'oxc',
    // Library builds keep whitespace by default; the script tag wants the smallest file.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: 'src/cdn.ts',
      formats: ['es'],
      fileName: () => 'flexiti-checkout.js',
    },
  },
  test: {
    include: ['test/{sandbox,server,schemas}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
