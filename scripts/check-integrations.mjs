#!/usr/bin/env node
/**
 * `node scripts/check-integrations.mjs`: static checks of the Shopify and WooCommerce
 * integrations under integrations/, which no other test runs:
 *
 * - `php -l` on every PHP file (PHP must be installed), plus PHP 7.4 syntax and a direct-access
 *   guard in every file WordPress loads;
 * - the copies of the script-tag bundle in the Shopify extension's assets are those of the cdn/
 *   build (`npm test` builds cdn/ first): the extension is committed complete, and stays current;
 * - every `{% schema %}` of the Shopify blocks: JSON with `name`, `target` and `settings` (unique
 *   ids), merchant-visible text as `t:` keys, assets that exist;
 * - every `t:` key in both schema locale files (en.default.schema.json, fr.schema.json) and every
 *   `'key' | t` in both storefront locale files (en.default.json, fr.json), and the English and
 *   French files with the same keys;
 * - every block.json parses and the files it names exist;
 * - the WordPress plugin's header, readme.txt and uninstall.php, its text domain, and its
 *   translations (every string in the .pot, every .pot string translated in fr_CA.po, the
 *   committed .mo and editor-script .json exactly what scripts/build-wp-translations.mjs makes
 *   from the .po);
 * - no .liquid or .php file prints a style attribute, a <style> element or an inline <script>
 *   (the elements are meant for pages with a Content-Security-Policy without 'unsafe-inline').
 *
 * One line per check (`ok   …` or `FAIL …: why`), then `N passed, N failed`; exit 1 on a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCopies, driftFrom } from '../integrations/shopify/copy-bundle.mjs';
import { stalePluginTranslations } from './build-wp-translations.mjs';
import { GETTEXT, GETTEXT_CALL, callArguments, poKey } from './wp-gettext.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const integrations = join(root, 'integrations');
let passed = 0;
let failed = 0;

/** Records one check: no problems → ok; otherwise FAIL with the problems. */
function check(name, problems) {
  const list = [problems].flat(Infinity).filter(Boolean);
  if (list.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${list.join('; ')}`);
  }
}

const rel = (file) => relative(root, file);

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Parses a JSON file; a problem string instead of throwing. */
function readJson(file) {
  try {
    return { value: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { problem: `${rel(file)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const files = walk(integrations);
check('integrations/ has the Shopify and WooCommerce integrations', [
  existsSync(join(integrations, 'README.md')) ? '' : 'integrations/README.md is missing',
  files.some((f) => f.endsWith('.liquid')) ? '' : 'no .liquid file',
  files.some((f) => f.endsWith('.php')) ? '' : 'no .php file',
]);

// --- PHP ---------------------------------------------------------------------------------------

const phpFiles = files.filter((f) => f.endsWith('.php'));
const php = spawnSync('php', ['--version'], { encoding: 'utf8' });
if (php.error || php.status !== 0) {
  check('php is installed (php -l)', 'php was not found: install the PHP command line, e.g. `apt-get install -y php-cli`');
} else {
  for (const file of phpFiles) {
    const lint = spawnSync('php', ['-l', file], { encoding: 'utf8' });
    const output = `${lint.stdout}${lint.stderr}`.trim().replace(/\s+/g, ' ');
    check(`php -l ${rel(file)}`, lint.status === 0 ? [] : output || `exit ${lint.status}`);
  }
}

/** PHP 8 syntax and functions that `php -l` on a newer PHP accepts but PHP 7.4 does not. */
const PHP8_ONLY = [
  [/\?->/, 'nullsafe operator ?->'],
  [/\bmatch\s*\(/, 'match expression'],
  [/\bstr_(?:contains|starts_with|ends_with)\s*\(/, 'str_contains/str_starts_with/str_ends_with'],
  [/^\s*#\[/m, 'attributes #[...]'],
  [/\bfunction\s+\w+\s*\([^)]*\bmixed\s+\$/, 'mixed parameter type'],
];
for (const file of phpFiles) {
  const code = stripPhpComments(readFileSync(file, 'utf8'));
  check(
    `PHP 7.4 syntax: ${rel(file)}`,
    PHP8_ONLY.filter(([pattern]) => pattern.test(code)).map(([, what]) => `uses ${what}`),
  );
}

function stripPhpComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

// --- Shopify: schemas and locales --------------------------------------------------------------

const extensionDirs = files.filter((f) => basename(f) === 'shopify.extension.toml').map(dirname);
check(
  'Shopify theme app extension (shopify.extension.toml with type = "theme")',
  extensionDirs.length === 0
    ? 'no shopify.extension.toml under integrations/'
    : extensionDirs.map((dir) => {
        const toml = readFileSync(join(dir, 'shopify.extension.toml'), 'utf8');
        return [/^\s*type\s*=\s*"theme"\s*$/m.test(toml) ? '' : `${rel(dir)}: type is not "theme"`, /^\s*name\s*=\s*"[^"]+"/m.test(toml) ? '' : `${rel(dir)}: no name`];
      }),
);
const appToml = join(integrations, 'shopify', 'shopify.app.toml');
check(
  'shopify.app.toml declares the app proxy',
  existsSync(appToml)
    ? ['url', 'prefix', 'subpath'].map((key) =>
        new RegExp(`\\[app_proxy\\][^[]*^\\s*${key}\\s*=\\s*"[^"]+"`, 'm').test(readFileSync(appToml, 'utf8')) ? '' : `[app_proxy] has no ${key}`,
      )
    : 'integrations/shopify/shopify.app.toml is missing',
);

/** The string at a dotted key of a locale file, or undefined. */
function lookup(locale, key) {
  let node = locale;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' && node.trim() !== '' ? node : undefined;
}

/** Every dotted key of a locale file that holds a string. */
function keysOf(node, prefix = '') {
  return Object.entries(node).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const SCHEMA_TAG = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/g;
const STOREFRONT_T = /['"]([\w.-]+)['"]\s*\|\s*t\b/g;
const SETTING_TYPES_WITHOUT_ID = new Set(['header', 'paragraph']);
const TARGETS = new Set(['section', 'head', 'body']);
/** Schema strings a merchant reads in the theme editor, which must be translated (`t:` keys). */
const VISIBLE = new Set(['name', 'label', 'info', 'content', 'placeholder']);
const usedAssets = new Set();

for (const dir of extensionDirs) {
  const locales = {};
  for (const [kind, en, fr] of [
    ['schema', 'en.default.schema.json', 'fr.schema.json'],
    ['storefront', 'en.default.json', 'fr.json'],
  ]) {
    const english = readJson(join(dir, 'locales', en));
    const french = readJson(join(dir, 'locales', fr));
    locales[kind] = { en: english.value ?? {}, fr: french.value ?? {} };
    const problems = [english.problem, french.problem];
    if (english.value && french.value) {
      const enKeys = new Set(keysOf(english.value));
      const frKeys = new Set(keysOf(french.value));
      problems.push(...[...enKeys].filter((k) => !frKeys.has(k)).map((k) => `${fr} lacks ${k}`));
      problems.push(...[...frKeys].filter((k) => !enKeys.has(k)).map((k) => `${en} lacks ${k}`));
    }
    check(`${kind} locales ${en} and ${fr} have the same keys (${rel(dir)})`, problems);
  }

  for (const file of files.filter((f) => f.startsWith(dir) && f.endsWith('.liquid'))) {
    const liquid = readFileSync(file, 'utf8');
    const schemas = [...liquid.matchAll(SCHEMA_TAG)].map((match) => match[1]);
    const isBlock = basename(dirname(file)) === 'blocks';
    const schemaKeys = [];

    if (isBlock || schemas.length > 0) {
      const problems = [];
      if (isBlock && schemas.length !== 1) problems.push(`${schemas.length} {% schema %} tags, expected 1`);
      for (const text of schemas) {
        let schema;
        try {
          schema = JSON.parse(text);
        } catch (error) {
          problems.push(`schema is not JSON: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        if (typeof schema.name !== 'string' || schema.name === '') problems.push('no name');
        if (!TARGETS.has(schema.target)) problems.push(`target ${JSON.stringify(schema.target)} is not section, head or body`);
        if (!Array.isArray(schema.settings)) problems.push('no settings array');
        const ids = new Set();
        for (const [index, setting] of (Array.isArray(schema.settings) ? schema.settings : []).entries()) {
          if (SETTING_TYPES_WITHOUT_ID.has(setting.type)) continue;
          if (typeof setting.id !== 'string' || setting.id === '') problems.push(`setting ${index} (${setting.type}) has no id`);
          else if (ids.has(setting.id)) problems.push(`setting id "${setting.id}" is used twice`);
          else ids.add(setting.id);
          if (setting.type === 'select' || setting.type === 'radio') {
            const values = (setting.options ?? []).map((option) => option.value);
            if (values.length === 0) problems.push(`setting "${setting.id}" has no options`);
            if ('default' in setting && !values.includes(setting.default)) problems.push(`setting "${setting.id}" defaults to a value it does not offer`);
          }
        }
        (function visit(node, key) {
          if (typeof node === 'string') {
            if (node.startsWith('t:')) schemaKeys.push(node.slice(2));
            else if (VISIBLE.has(key)) problems.push(`${key} "${node}" is not a t: key`);
          } else if (Array.isArray(node)) node.forEach((item) => visit(item, key));
          else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k);
        })(schema, '');
        for (const key of ['javascript', 'stylesheet']) {
          if (schema[key] === undefined) continue;
          usedAssets.add(join(dir, 'assets', String(schema[key])));
          if (!existsSync(join(dir, 'assets', String(schema[key])))) problems.push(`${key} "${schema[key]}" is not in assets/`);
        }
      }
      check(`schema ${rel(file)}`, problems);
    }

    const storefrontKeys = [...liquid.replace(SCHEMA_TAG, '').matchAll(STOREFRONT_T)].map((match) => match[1]);
    if (schemaKeys.length > 0 || storefrontKeys.length > 0) {
      const missing = [];
      for (const key of new Set(schemaKeys)) {
        if (!lookup(locales.schema.en, key)) missing.push(`t:${key} not in en.default.schema.json`);
        if (!lookup(locales.schema.fr, key)) missing.push(`t:${key} not in fr.schema.json`);
      }
      for (const key of new Set(storefrontKeys)) {
        if (!lookup(locales.storefront.en, key)) missing.push(`'${key}' | t not in en.default.json`);
        if (!lookup(locales.storefront.fr, key)) missing.push(`'${key}' | t not in fr.json`);
      }
      check(`translations in English and French: ${rel(file)}`, missing);
    }

    for (const match of liquid.matchAll(/\{%-?\s*render\s+'([\w-]+)'/g)) {
      check(`snippet '${match[1]}' exists (${rel(file)})`, existsSync(join(dir, 'snippets', `${match[1]}.liquid`)) ? [] : `no snippets/${match[1]}.liquid`);
    }
  }
}

// --- Shopify: the committed copy of the script-tag bundle --------------------------------------

let drift;
try {
  drift = driftFrom(bundleCopies());
} catch (error) {
  drift = [error instanceof Error ? error.message : String(error)];
}
check(
  "the Shopify extension's copy of the script-tag bundle is the cdn/ build's",
  drift.length === 0 ? [] : [...drift, 'run `node integrations/shopify/copy-bundle.mjs` after `npx vite build` and commit the assets'],
);

// --- WordPress: block.json ---------------------------------------------------------------------

const FILE_FIELDS = ['editorScript', 'script', 'viewScript', 'viewScriptModule', 'editorStyle', 'style', 'viewStyle', 'render'];
const blockJsons = files.filter((f) => basename(f) === 'block.json');
for (const file of blockJsons) {
  const { value: block, problem } = readJson(file);
  const problems = [problem];
  if (block) {
    if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(block.name ?? '')) problems.push(`name ${JSON.stringify(block.name)} is not namespace/name`);
    if (typeof block.title !== 'string' || block.title === '') problems.push('no title');
    if (block.apiVersion !== 3) problems.push(`apiVersion ${JSON.stringify(block.apiVersion)}, expected 3`);
    for (const field of FILE_FIELDS) {
      for (const entry of [block[field] ?? []].flat()) {
        if (typeof entry !== 'string' || !entry.startsWith('file:')) continue;
        const path = join(dirname(file), entry.slice('file:'.length));
        if (!existsSync(path)) problems.push(`${field} names ${entry}, which does not exist`);
        else if (/script/i.test(field) && path.endsWith('.js') && !existsSync(path.replace(/\.js$/, '.asset.php'))) {
          problems.push(`${field} ${entry} has no .asset.php listing its dependencies`);
        }
      }
    }
  }
  check(`block.json ${rel(file)}`, problems);
}

// --- WordPress: plugin header, readme, uninstall, text domain, translations -------------------

/** msgctxt/msgid/msgid_plural/msgstr entries of a .po or .pot file. */
function readPo(file) {
  const entries = [];
  for (const block of readFileSync(file, 'utf8').split(/\r?\n\s*\r?\n/)) {
    const entry = {};
    let field;
    for (const line of block.split(/\r?\n/)) {
      const start = line.match(/^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$/);
      const more = line.match(/^"(.*)"\s*$/);
      if (start) {
        field = start[1];
        entry[field] = unescapePo(start[2]);
      } else if (more && field) entry[field] += unescapePo(more[1]);
    }
    if ('msgid' in entry && entry.msgid !== '') entries.push(entry);
  }
  return entries;
}

function unescapePo(text) {
  return text.replace(/\\(["\\nt])/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c);
}

const placeholders = (text) => (text.match(/%(?:\d+\$)?[sdf]/g) ?? []).sort().join(' ');


const pluginMains = phpFiles.filter((f) => /^\s*\*\s*Plugin Name:/m.test(readFileSync(f, 'utf8')));
for (const main of pluginMains) {
  const dir = dirname(main);
  const source = readFileSync(main, 'utf8');
  const header = (field) => source.match(new RegExp(`^\\s*\\*\\s*${field}:\\s*(.+?)\\s*$`, 'm'))?.[1];
  const domain = header('Text Domain');
  const problems = [];
  for (const field of ['Plugin Name', 'Description', 'Version', 'Requires at least', 'Requires PHP', 'License', 'Text Domain', 'Domain Path']) {
    if (!header(field)) problems.push(`no ${field}`);
  }
  if (domain && domain !== basename(dir)) problems.push(`Text Domain ${domain} is not the plugin's folder name ${basename(dir)}`);
  const readme = join(dir, 'readme.txt');
  if (!existsSync(readme)) problems.push('no readme.txt');
  else {
    const text = readFileSync(readme, 'utf8');
    if (!/^=== .+ ===$/m.test(text)) problems.push('readme.txt has no === Plugin Name === line');
    const stable = text.match(/^Stable tag:\s*(\S+)/m)?.[1];
    if (stable !== header('Version')) problems.push(`readme.txt Stable tag ${stable} is not the Version ${header('Version')}`);
    for (const field of ['Requires at least', 'Requires PHP']) {
      const value = text.match(new RegExp(`^${field}:\\s*(\\S+)`, 'm'))?.[1];
      if (value !== header(field)) problems.push(`readme.txt ${field} ${value} is not the header's ${header(field)}`);
    }
  }
  const uninstall = join(dir, 'uninstall.php');
  if (/\b(?:add|update)_option\s*\(|register_setting\s*\(/.test(phpFiles.filter((f) => f.startsWith(dir)).map((f) => readFileSync(f, 'utf8')).join('\n'))) {
    if (!existsSync(uninstall)) problems.push('stores options but has no uninstall.php');
    else if (!/WP_UNINSTALL_PLUGIN/.test(readFileSync(uninstall, 'utf8'))) problems.push('uninstall.php does not check WP_UNINSTALL_PLUGIN');
  }
  check(`plugin header, readme.txt and uninstall.php (${rel(main)})`, problems);

  // Every PHP file WordPress loads refuses to run on its own.
  for (const file of phpFiles.filter((f) => f.startsWith(dir) && f !== uninstall)) {
    check(
      `direct access guard: ${rel(file)}`,
      /defined\(\s*'ABSPATH'\s*\)\s*\|\|\s*exit|if\s*\(\s*!\s*defined\(\s*'ABSPATH'\s*\)\s*\)/.test(readFileSync(file, 'utf8'))
        ? []
        : "no `defined( 'ABSPATH' ) || exit;`",
    );
  }

  if (domain) checkTranslations(dir, domain, { 'Plugin Name': header('Plugin Name'), Description: header('Description') });
}

function checkTranslations(dir, domain, pluginHeader) {
  const strings = new Map();
  // WordPress translates the plugin's name and description with its text domain.
  for (const value of Object.values(pluginHeader)) if (value) strings.set(poKey(undefined, value), 'plugin header');
  const domainProblems = [];
  const sources = walk(dir).filter((f) => /\.(php|js)$/.test(f) && !f.endsWith('.asset.php'));
  for (const file of sources) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(GETTEXT_CALL)) {
      const spec = GETTEXT[match[1]];
      const args = callArguments(code, match.index + match[0].length - 1);
      const where = `${rel(file)}: ${match[1]}(${args[spec.id] === null ? '…' : JSON.stringify(args[spec.id] ?? '')}`;
      if (args[spec.domain] !== domain) domainProblems.push(`${where} has text domain ${JSON.stringify(args[spec.domain] ?? null)}`);
      if (typeof args[spec.id] !== 'string') domainProblems.push(`${where}: the text is not a string literal`);
      else strings.set(poKey(spec.context === undefined ? undefined : args[spec.context], args[spec.id]), `${rel(file)}`);
      if (spec.plural !== undefined && typeof args[spec.plural] !== 'string') domainProblems.push(`${where}: the plural is not a string literal`);
    }
  }
  for (const file of blockJsons.filter((f) => f.startsWith(dir))) {
    const { value: block } = readJson(file);
    if (!block) continue;
    if (block.textdomain !== domain) domainProblems.push(`${rel(file)} has textdomain ${JSON.stringify(block.textdomain)}`);
    if (block.title) strings.set(poKey('block title', block.title), rel(file));
    if (block.description) strings.set(poKey('block description', block.description), rel(file));
    for (const keyword of block.keywords ?? []) strings.set(poKey('block keyword', keyword), rel(file));
  }
  check(`text domain "${domain}" on every translatable string (${rel(dir)})`, domainProblems);

  const pot = join(dir, 'languages', `${domain}.pot`);
  const po = join(dir, 'languages', `${domain}-fr_CA.po`);
  if (!existsSync(pot)) {
    check(`translation template ${rel(pot)}`, 'missing');
    return;
  }
  const template = new Map(readPo(pot).map((entry) => [poKey(entry.msgctxt, entry.msgid), entry]));
  check(
    `${rel(pot)} has every translatable string`,
    [...strings].filter(([key]) => !template.has(key)).map(([key, file]) => `${JSON.stringify(key.replace('\u0004', ' | '))} (${file})`),
  );
  check(
    `${rel(pot)} has no string the code no longer uses`,
    [...template.keys()].filter((key) => !strings.has(key)).map((key) => JSON.stringify(key.replace('\u0004', ' | '))),
  );
  if (!existsSync(po)) {
    check(`French translation ${rel(po)}`, 'missing');
    return;
  }
  const french = new Map(readPo(po).map((entry) => [poKey(entry.msgctxt, entry.msgid), entry]));
  const problems = [];
  for (const [key, entry] of template) {
    const translated = french.get(key);
    const name = JSON.stringify(key.replace('\u0004', ' | '));
    const forms = translated ? Object.keys(translated).filter((k) => k.startsWith('msgstr')).map((k) => translated[k]) : [];
    if (forms.length === 0 || forms.some((form) => form === '')) problems.push(`${name} is not translated`);
    else if (forms.some((form) => placeholders(form) !== placeholders(entry.msgid))) problems.push(`${name}: the placeholders differ`);
  }
  check(`${rel(po)} translates every string of the template`, problems);
  // The .mo and the editor scripts' JSON are committed: they must be what the .po gives now.
  check(`${rel(join(dir, 'languages'))}: the .mo and .json are built from the current .po (scripts/build-wp-translations.mjs)`, stalePluginTranslations(dir));
}

// --- No inline script or style -----------------------------------------------------------------

const INLINE = [
  [/(?:^|[\s"'<])style\s*=/im, 'a style attribute'],
  [/<style[\s>]/i, 'a <style> element'],
  [/\{%-?\s*(?:style|stylesheet|javascript)\s*-?%\}/, 'a {% style %}, {% stylesheet %} or {% javascript %} tag'],
  [/\son(?:click|load|error|submit|change|input|focus|blur|mouse\w+|key\w+|pointer\w+)\s*=\s*["']/i, 'an inline event handler'],
  [/(?:href|src|action)\s*=\s*["']\s*javascript:/i, 'a javascript: URL'],
  [/\b(?:wp_add_inline_script|wp_add_inline_style|wp_print_inline_script_tag|wp_get_inline_script_tag)\s*\(/, 'an inline script or style (wp_*_inline_*)'],
];
for (const file of files.filter((f) => /\.(liquid|php)$/.test(f))) {
  // What a file prints, without its comments.
  const source = readFileSync(file, 'utf8');
  const text = file.endsWith('.php')
    ? stripPhpComments(source)
    : source.replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, '').replace(/\{%-?\s*#[^%]*%\}/g, '');
  const problems = INLINE.filter(([pattern]) => pattern.test(text)).map(([, what]) => `prints ${what}`);
  for (const match of text.matchAll(/<script\b([^>]*)>/gi)) {
    if (!/\bsrc\s*=/.test(match[1])) problems.push(`prints an inline <script${match[1]}>`);
  }
  check(`no inline script or style: ${rel(file)}`, problems);
}

// The helper scripts set colours through the CSSOM, which a CSP allows; a style attribute or
// evaluated code would not pass. (The copied bundle in the Shopify assets is checked by npm test.)
const scripts = files.filter((f) => f.endsWith('.js') && (!f.includes(`${join('shopify', 'extensions')}`) || usedAssets.has(f)));
for (const file of scripts) {
  const text = readFileSync(file, 'utf8');
  check(
    `no style attribute or eval: ${rel(file)}`,
    [
      [/setAttribute\(\s*['"]style['"]/, 'sets a style attribute'],
      [/\.style\.cssText\s*=/, 'sets style.cssText'],
      [/\.(?:inner|outer)HTML\s*=|insertAdjacentHTML\s*\(/, 'writes HTML'],
      [/\beval\s*\(|\bnew\s+Function\s*\(/, 'evaluates code'],
    ]
      .filter(([pattern]) => pattern.test(text))
      .map(([, what]) => what),
  );
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
