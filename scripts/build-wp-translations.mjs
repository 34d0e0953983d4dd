#!/usr/bin/env node
/**
 * `node scripts/build-wp-translations.mjs`: compiles the WordPress plugin's translations from its
 * .po files (part of `npm run build`; the results are committed):
 *
 * - `languages/<domain>-<locale>.mo` for the PHP strings, block.json and the plugin header;
 * - `languages/<domain>-<locale>-<md5>.json` for each block's editor script, the file
 *   `wp_set_script_translations()` looks for: md5 of the script's path relative to the plugin
 *   (`blocks/message/editor.js`), Jed 1.x as `wp i18n make-json` writes it, with only the strings
 *   that script passes to `__()` and friends.
 *
 * `--check` writes nothing and exits 1 when a committed file differs from what the .po gives
 * (scripts/check-integrations.mjs runs the same comparison through `stalePluginTranslations`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mo, po } from 'gettext-parser';
import { gettextStrings, poKey } from './wp-gettext.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PLUGIN_DIR = join(root, 'integrations', 'woocommerce', 'flexiti-checkout');

/** The plugin's catalogues: languages/<domain>.pot gives the domain, <domain>-<locale>.po each locale. */
function catalogues(pluginDir) {
  const languages = join(pluginDir, 'languages');
  const pot = readdirSync(languages).find((name) => name.endsWith('.pot'));
  if (!pot) throw new Error(`${languages} has no .pot`);
  const domain = basename(pot, '.pot');
  const locales = readdirSync(languages)
    .map((name) => new RegExp(`^${domain}-([a-z]{2,3}(?:_[A-Z]{2})?)\\.po$`).exec(name)?.[1])
    .filter(Boolean)
    .sort();
  return { languages, domain, locales };
}

/** The block editor scripts: block.json `editorScript` entries `file:./x.js`, relative to the plugin, with "/". */
function editorScripts(pluginDir) {
  const found = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'block.json') {
        const block = JSON.parse(readFileSync(path, 'utf8'));
        for (const script of [block.editorScript ?? []].flat()) {
          if (typeof script === 'string' && script.startsWith('file:') && script.endsWith('.js')) {
            found.push(relative(pluginDir, join(dir, script.slice('file:'.length))).split(sep).join('/'));
          }
        }
      }
    }
  };
  visit(join(pluginDir, 'blocks'));
  return found.sort();
}

/** A translated entry: every msgstr form filled in and not marked fuzzy. */
const translated = (entry) => entry.msgstr.every((form) => form !== '') && !/\bfuzzy\b/.test(entry.comments?.flag ?? '');

/** JSON as PHP's json_encode() writes it by default (what make-json writes): "\/" and "\uXXXX". */
function phpJson(value) {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Jed 1.x document of one script's strings, as make-json writes it. */
function jedJson(catalogue, locale, source, code, domain) {
  const headers = catalogue.headers;
  const messages = { '': { domain: 'messages', lang: headers.Language || locale, 'plural-forms': headers['Plural-Forms'] || 'nplurals=2; plural=(n != 1);' } };
  for (const { key, context, id, domain: used } of gettextStrings(code)) {
    if (used !== domain || key in messages) continue;
    const entry = catalogue.translations[context ?? '']?.[id];
    if (entry && translated(entry)) messages[key] = entry.msgstr;
  }
  return `${phpJson({
    'translation-revision-date': headers['PO-Revision-Date'] ?? '',
    generator: 'flexiti-checkout scripts/build-wp-translations.mjs',
    source,
    domain: 'messages',
    locale_data: { messages },
  })}\n`;
}

/** The .mo of a catalogue: its translated entries only (as msgfmt leaves out fuzzy and empty ones). */
function compileMo(catalogue) {
  const translations = {};
  for (const [context, entries] of Object.entries(catalogue.translations)) {
    for (const [id, entry] of Object.entries(entries)) {
      if (id === '' || translated(entry)) (translations[context] ??= {})[id] = entry;
    }
  }
  return mo.compile({ ...catalogue, translations });
}

/** Every file the build writes: absolute path → contents. */
export function pluginTranslations(pluginDir = PLUGIN_DIR) {
  const { languages, domain, locales } = catalogues(pluginDir);
  const files = new Map();
  for (const locale of locales) {
    const catalogue = po.parse(readFileSync(join(languages, `${domain}-${locale}.po`)));
    files.set(join(languages, `${domain}-${locale}.mo`), compileMo(catalogue));
    for (const script of editorScripts(pluginDir)) {
      const code = readFileSync(join(pluginDir, script), 'utf8');
      const hash = createHash('md5').update(script).digest('hex');
      files.set(join(languages, `${domain}-${locale}-${hash}.json`), Buffer.from(jedJson(catalogue, locale, script, code, domain)));
    }
  }
  return files;
}

/**
 * What differs between languages/ and the build: files missing or different, and compiled files
 * (.mo, .json) the build no longer writes. Paths relative to the repository.
 */
export function stalePluginTranslations(pluginDir = PLUGIN_DIR) {
  const expected = pluginTranslations(pluginDir);
  const problems = [];
  for (const [path, contents] of expected) {
    const name = relative(root, path);
    if (!existsSync(path)) problems.push(`${name} is missing`);
    else if (!readFileSync(path).equals(contents)) problems.push(`${name} differs from what the .po gives`);
  }
  const languages = join(pluginDir, 'languages');
  for (const name of readdirSync(languages)) {
    if (/\.(mo|json)$/.test(name) && !expected.has(join(languages, name))) problems.push(`${relative(root, join(languages, name))} is not built from any .po`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const problems = stalePluginTranslations();
    for (const problem of problems) console.log(problem);
    if (problems.length) console.log('Run `node scripts/build-wp-translations.mjs` and commit languages/.');
    process.exit(problems.length ? 1 : 0);
  }
  const files = pluginTranslations();
  const languages = join(PLUGIN_DIR, 'languages');
  for (const name of readdirSync(languages)) {
    if (/\.(mo|json)$/.test(name) && !files.has(join(languages, name))) rmSync(join(languages, name));
  }
  for (const [path, contents] of files) {
    writeFileSync(path, contents);
    console.log(`${relative(root, path)}: ${contents.length} bytes`);
  }
}
