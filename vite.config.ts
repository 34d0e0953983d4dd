import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Drops the indentation inside the elements' `html` templates for the script-tag bundle. Line
 * breaks stay (source maps keep their lines); HTML reads a line break and its indentation as one
 * space anyway, and the elements render no <pre> or <textarea>. TypeScript's parser finds the
 * templates, so expressions and strings inside them are never touched.
 */
function trimLitHtml(): Plugin {
  return {
    name: 'trim-lit-html',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/elements\/.*\.ts$/.test(id)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits: Array<[number, number]> = [];
      const visit = (node: ts.Node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
          const template = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const part of parts) edits.push([part.getStart(source), part.getEnd()]);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (edits.length === 0) return null;
      let out = '';
      let last = 0;
      for (const [start, end] of edits.sort((a, b) => a[0] - b[0])) {
        out += code.slice(last, start) + code.slice(start, end).replace(/\n[ \t]+/g, '\n');
        last = end;
      }
      return { code: out + code.slice(last), map: null };
    },
  };
}

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
 * A second minification of the script-tag bundle with terser (three compress passes) over what
 * the bundler's own minifier wrote: about 1.5 % less once gzipped. The source maps are carried
 * through, so they still point at the TypeScript.
 */
function terserPass(): Plugin {
  return {
    name: 'terser-pass',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const { minify } = await import('terser');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const map = chunk.map;
        // The source map comment goes back at the end, as the bundler wrote it.
        const comment = /\n?\/\/# sourceMappingURL=\S+\s*$/.exec(chunk.code)?.[0] ?? '';
        const out = await minify(chunk.code.slice(0, chunk.code.length - comment.length), {
          module: true,
          ecma: 2020,
          compress: { passes: 3, pure_getters: true },
          format: { comments: false },
          ...(map ? { sourceMap: { content: JSON.stringify(map), asObject: true } } : {}),
        });
        if (out.code) chunk.code = out.code + comment;
        if (map && out.map && typeof out.map === 'object') {
          const next = out.map as unknown as { mappings: string; names: string[]; sources: string[]; sourcesContent?: string[] };
          Object.assign(map, { mappings: next.mappings, names: next.names, sources: next.sources, sourcesContent: next.sourcesContent ?? map.sourcesContent });
        }
      }
    },
  };
}

/** The script-tag entries: `cdn/<name>.js` from each source. */
const ENTRIES = { 'flexiti-checkout': 'src/cdn.ts', 'flexiti-apply': 'src/cdn-apply.ts', 'flexiti-message': 'src/cdn-message.ts' };

/**
 * Subresource Integrity for the script tag: `cdn/<entry>.js.sri` holds each entry's `sha384-…` for
 * `<script integrity>`, and `cdn/integrity.json` every JavaScript file's, for an import map's
 * `integrity` (the chunks).
 */
function subresourceIntegrity(): Plugin {
  return {
    name: 'subresource-integrity',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? 'cdn';
      const all: Record<string, string> = {};
      for (const name of Object.keys(readdirJs(dir))) {
        all[name] = `sha384-${createHash('sha384').update(readFileSync(join(dir, name))).digest('base64')}`;
      }
      for (const entry of Object.keys(ENTRIES)) writeFileSync(join(dir, `${entry}.js.sri`), `${all[`${entry}.js`]}\n`);
      writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(all, null, 2)}\n`);
    },
  };
}

function readdirJs(dir: string): Record<string, true> {
  const files: Record<string, true> = {};
  for (const entry of ts.sys.readDirectory(dir, ['.js'])) files[entry.slice(dir.length + 1).replace(/\\/g, '/')] = true;
  return files;
}

/**
 * Two jobs: `vite build` writes the script-tag bundle (minified ESM) — the entries
 * `cdn/flexiti-checkout.js` (both checkout elements), `cdn/flexiti-apply.js` (the application
 * page's) and `cdn/flexiti-message.js` (the message alone), with the chunks they share and the
 * application's in `cdn/chunks/` — and vitest runs the Node tests.
 */
export default defineConfig({
  plugins: [minifyLitCss(), trimLitHtml(), terserPass(), subresourceIntegrity()],
  build: {
    outDir: 'cdn',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    minify: 'oxc',
    // Library builds keep whitespace by default; the script tag wants the smallest file.
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        // What several entries import (Lit, the theme, the elements they have in common) goes in
        // shared chunks, each fetched once on a page whichever entries it loads; the application's
        // keeps its module's name.
        chunkFileNames: (chunk) => (chunk.name === 'application-flow' ? 'chunks/[name]-[hash].js' : 'chunks/shared-[hash].js'),
      },
    },
    lib: {
      entry: ENTRIES,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
  },
  test: {
    include: ['test/{sandbox,server,schemas,checkout,ssr,demo,integrations,runtimes,redis,i18n}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
