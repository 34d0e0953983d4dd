#!/usr/bin/env node
/**
 * Copies the script-tag bundle (`npm run build` → cdn/) into the theme app extension's assets, so
 * the blocks can load it from Shopify's CDN when their "Script URL" setting is empty.
 *
 * Theme app extension assets are one flat folder, while the entry imports its lazily loaded chunk
 * from `./chunks/`: the entry's `./chunks/` imports become `./` and the chunks sit beside it.
 * Source maps are left out.
 *
 *   npm run build && node integrations/shopify/copy-bundle.mjs
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cdn = join(here, '..', '..', 'cdn');
const assets = join(here, 'extensions', 'flexiti', 'assets');
const entry = join(cdn, 'flexiti-checkout.js');

if (!existsSync(entry)) {
  console.error(`No ${entry}: run \`npm run build\` first.`);
  process.exit(1);
}

const chunks = existsSync(join(cdn, 'chunks')) ? readdirSync(join(cdn, 'chunks')).filter((name) => name.endsWith('.js')) : [];
const source = readFileSync(entry, 'utf8');
const flattened = source.replaceAll('./chunks/', './');
for (const chunk of chunks) {
  if (!source.includes(`./chunks/${chunk}`)) console.warn(`warning: the entry does not import chunks/${chunk}`);
}
if (/["'`]\.\.?\/chunks\//.test(flattened)) {
  console.error('The entry still imports from chunks/ after rewriting; not copied.');
  process.exit(1);
}

// Every script in assets but the blocks' own helper comes from the build; an earlier build's
// chunks have other hashes.
for (const name of readdirSync(assets)) {
  if (name.endsWith('.js') && name !== 'flexiti-block.js') rmSync(join(assets, name));
}
writeFileSync(join(assets, 'flexiti-checkout.js'), flattened.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));
for (const chunk of chunks) {
  const text = readFileSync(join(cdn, 'chunks', chunk), 'utf8');
  writeFileSync(join(assets, chunk), text.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));
}
console.log(`copied flexiti-checkout.js${chunks.map((chunk) => ` and ${chunk}`).join('')} to ${assets}`);
