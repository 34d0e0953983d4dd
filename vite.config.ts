import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Minifies the elements' static `css` templates (no interpolations) for the script-tag bundle:
 * comments and indentation go, and spaces around `{ } ; ,` and after a property's colon
 * (`prop: value` → `prop:value`). Descendant combinators and quoted strings keep single spaces;
 * the elements' selectors never put a space before a pseudo-class.
 */
function minifyLitCss(): Plugin {
  const minify = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/([{;][\w-]+): /g, '$1:')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/elements\/.*\.ts$/.test(id)) return null;
      return { code: code.replace(/\bcss`([^`$]*)`/g, (_, body: string) => `css\`${minify(body)}\``), map: null };
    },
  };
}

/**
 * Two jobs: `vite build` writes the script-tag bundle `cdn/flexiti-checkout.js` (minified ESM,
 * every element registered), and vitest runs the Node tests.
 */
export default defineConfig({
  plugins: [minifyLitCss()],
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
