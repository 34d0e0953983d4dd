#!/usr/bin/env node
/**
 * Copies the script-tag bundle (`npx vite build` → cdn/) into the theme app extension's assets,
 * where the blocks load it from Shopify's CDN when their "Script URL" setting is empty. The copies
 * are committed, so the extension is complete as it is in the repository; `npm test`
 * (scripts/check-integrations.mjs) fails when they differ from a fresh build.
 *
 * Theme app extension assets are one flat folder, while the build puts its entries
 * (flexiti-checkout.js, flexiti-message.js) at the top of cdn/ and their lazily loaded chunks in
 * cdn/chunks/: an entry's `./chunks/x.js` imports become `./x.js`, and a chunk's `../entry.js`
 * imports become `./entry.js`. Source maps are left out. Scripts of an earlier build (chunks with
 * other hashes) are removed.
 *
 *   npx vite build && node integrations/shopify/copy-bundle.mjs
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CDN = join(here, '..', '..', 'cdn');
export const ASSETS = join(here, 'extensions', 'flexiti', 'assets');
/** The extension's own scripts in assets/, written by hand; every other script comes from the build. */
export const OWN_SCRIPTS = new Set(['flexiti-block.js']);

/** Relative specifiers of static imports, dynamic imports and re-exports: `from"./x.js"`, `import("./x.js")`, `import"./x.js"`. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)(["'])(\.{1,2}\/[\w./-]+\.js)\2/g;

const withoutSourceMap = (text) => text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');

/**
 * What assets/ gets from a build: file name → text. Throws when cdn/ has no entry, or when an
 * import would not resolve to a file in the flat folder.
 */
export function bundleCopies(cdn = CDN) {
  const top = existsSync(cdn) ? readdirSync(cdn).filter((name) => name.endsWith('.js')) : [];
  if (!top.includes('flexiti-checkout.js')) throw new Error(`No ${join(cdn, 'flexiti-checkout.js')}: run \`npx vite build\` first.`);
  const chunkDir = join(cdn, 'chunks');
  const chunks = existsSync(chunkDir) ? readdirSync(chunkDir).filter((name) => name.endsWith('.js')) : [];
  const copies = new Map();
  const problems = [];
  const flatten = (name, text, fromChunks) =>
    withoutSourceMap(text).replace(SPECIFIER, (whole, before, quote, specifier) => {
      // Where the import points in cdn/, then the same file in the flat folder.
      const target = resolve('/', fromChunks ? 'chunks' : '', specifier).slice(1);
      const flat = target.replace(/^chunks\//, '');
      const exists = target.startsWith('chunks/') ? chunks.includes(flat) : top.includes(target);
      if (!exists || flat.includes('/')) problems.push(`${name} imports ${specifier}, which is not in the build`);
      return `${before}${quote}./${flat}${quote}`;
    });
  for (const name of top) copies.set(name, flatten(name, readFileSync(join(cdn, name), 'utf8'), false));
  for (const name of chunks) {
    if (copies.has(name)) problems.push(`chunks/${name} has the name of an entry`);
    copies.set(name, flatten(name, readFileSync(join(chunkDir, name), 'utf8'), true));
  }
  for (const name of OWN_SCRIPTS) if (copies.has(name)) problems.push(`the build writes ${name}, the extension's own script`);
  if (problems.length) throw new Error(problems.join('; '));
  return copies;
}

/** The scripts in assets/ that came from a build: file name → text. */
export function copiedScripts(assets = ASSETS) {
  const scripts = new Map();
  for (const name of readdirSync(assets)) {
    if (name.endsWith('.js') && !OWN_SCRIPTS.has(name)) scripts.set(name, readFileSync(join(assets, name), 'utf8'));
  }
  return scripts;
}

/** Why assets/ is not what `bundleCopies()` would write: one line per file, or none. */
export function driftFrom(copies, scripts = copiedScripts()) {
  const names = new Set([...copies.keys(), ...scripts.keys()]);
  return [...names].sort().flatMap((name) => {
    if (!scripts.has(name)) return [`assets/${name} is missing`];
    if (!copies.has(name)) return [`assets/${name} is not in the build`];
    return scripts.get(name) === copies.get(name) ? [] : [`assets/${name} differs from the build`];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let copies;
  try {
    copies = bundleCopies();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}; nothing copied.`);
    process.exit(1);
  }
  for (const name of copiedScripts().keys()) if (!copies.has(name)) rmSync(join(ASSETS, name));
  for (const [name, text] of copies) writeFileSync(join(ASSETS, name), text);
  console.log(`copied ${[...copies.keys()].join(', ')} to ${ASSETS}`);
}
