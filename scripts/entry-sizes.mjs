#!/usr/bin/env node
/**
 * What each package entry costs: the entry from `dist/` bundled with everything it imports,
 * minified, gzip -9 (browser entries for the browser, server entries for Node; `react` and
 * `vue` stay external, as the application has them anyway). Run `npm run build` first.
 *
 *   node scripts/entry-sizes.mjs
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const NODE = /^\.\/(server|sandbox)/;
const rows = [];
for (const [entry, target] of Object.entries(pkg.exports)) {
  const file = typeof target === 'string' ? target : target.default;
  if (!file?.endsWith('.js') || file.includes('*')) continue;
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: NODE.test(entry) ? 'node' : 'browser',
    external: ['react', 'react-dom', 'vue'],
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  rows.push([entry, code.length, gzipSync(code, { level: 9 }).length]);
}
for (const file of ['cdn/flexiti-checkout.js']) {
  const code = readFileSync(file);
  rows.push([`${file} (script tag, entry only)`, code.length, gzipSync(code, { level: 9 }).length]);
}
console.log('| entry | minified bytes | gzip -9 bytes |\n|---|---:|---:|');
for (const [entry, raw, gz] of rows) console.log(`| \`${entry}\` | ${raw} | ${gz} |`);
