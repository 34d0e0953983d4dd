import { defineConfig } from 'vite';

/**
 * The demo's copy of `<flexiti-checkout>` (with the application it embeds), built next to the
 * demo pages until the element joins the script-tag bundle.
 */
export default defineConfig({
  build: {
    outDir: 'demo/.build',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: 'oxc',
    lib: {
      entry: 'src/elements/flexiti-checkout.ts',
      formats: ['es'],
      fileName: () => 'flexiti-checkout-element.js',
    },
  },
});
