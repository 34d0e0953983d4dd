import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The demo's React and Vue pages (`vite build --config demo/vite.config.ts`): `frameworks/*.ts`
 * bundled with React, Vue and the elements into `demo/.build/`, which the demo serves at
 * `/build/`. React publishes no browser modules, hence a bundle; Vue is its runtime-only build
 * (the default `vue` entry for bundlers), with render functions instead of templates.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/build/',
  // demo/public is served by the demo itself, not copied into the bundle.
  publicDir: false,
  define: {
    // Vue's compile-time flags: no Options API, no devtools or hydration details in production.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: '.build',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    modulePreload: false,
    rolldownOptions: {
      input: { react: 'frameworks/react.ts', vue: 'frameworks/vue.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
