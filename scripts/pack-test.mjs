#!/usr/bin/env node
/**
 * The package as a merchant gets it: `npm pack` (which builds), the tarball installed into a
 * fresh project, every entry imported in Node and type-checked from that project, and the three
 * elements rendered in Chromium from the installed package (bundled by Vite the way a storefront
 * would), talking to the installed package's own handler and sandbox.
 *
 * Prints `ok`/`FAILED` per check and `N passed, N failed` alone on the last line; exits 1 on any
 * failure. `npm run test:package`; `npm test` runs it too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'flexiti-pack-'));
const consumer = join(work, 'shop');
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${name}${!ok && detail ? `\n${detail}` : ''}`);
  return ok;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function finish() {
  rmSync(work, { recursive: true, force: true });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

// 1. Pack. `prepack` builds the script-tag bundle and the declarations.
const packed = run('npm', ['pack', '--pack-destination', work, '--silent'], repo);
const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
if (!check('npm pack builds and writes a tarball', packed.ok && tarball !== undefined, packed.output)) finish();
const listing = run('tar', ['-tzf', join(work, tarball)], work).output.split('\n');
const expected = [
  'package/dist/index.js',
  'package/dist/index.d.ts',
  'package/dist/index.js.map',
  'package/dist/elements/flexiti-apply.js',
  'package/dist/elements/flexiti-checkout.js',
  'package/dist/elements/flexiti-message.js',
  'package/dist/react.js',
  'package/dist/server/index.js',
  'package/dist/sandbox/cli.js',
  'package/dist/server/cli.js',
  'package/cdn/flexiti-checkout.js',
  'package/cdn/flexiti-checkout.js.sri',
  'package/cdn/flexiti-message.js',
  'package/cdn/flexiti-message.js.sri',
  'package/custom-elements.json',
  'package/types/jsx.d.ts',
  'package/dist/vue.d.ts',
  'package/types/vscode.html-custom-data.json',
  'package/types/vscode.css-custom-data.json',
];
const missing = expected.filter((path) => !listing.includes(path));
check('the tarball holds the builds, declarations, source maps and manifest', missing.length === 0, `missing: ${missing.join(', ')}`);
check('the tarball holds no tests, demo or local files', !listing.some((path) => /^package\/(test|demo|\.test-results|node_modules)\//.test(path)));

// 2. Install into a fresh project, with React for the `./react` entry (an optional peer), and
// React's and Vue's types for the generated JSX and Vue types.
mkdirSync(consumer);
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'shop', private: true, type: 'module' }, null, 2));
const installed = run(
  'npm',
  ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball), 'react@19', 'react-dom@19', '@types/react@19', 'vue@3'],
  consumer,
);
if (!check('the tarball installs into a fresh project', installed.ok, installed.output)) finish();

// 3. Every entry imports in Node, from the installed package.
writeFileSync(
  join(consumer, 'entries.mjs'),
  `const entries = ['flexiti-checkout', 'flexiti-checkout/flexiti-apply.js', 'flexiti-checkout/flexiti-checkout.js',
  'flexiti-checkout/flexiti-message.js', 'flexiti-checkout/events', 'flexiti-checkout/react', 'flexiti-checkout/vue', 'flexiti-checkout/server', 'flexiti-checkout/server/node',
  'flexiti-checkout/server/redis', 'flexiti-checkout/sandbox', 'flexiti-checkout/sandbox/node', 'flexiti-checkout/schemas'];
for (const entry of entries) await import(entry);
const manifest = (await import('flexiti-checkout/custom-elements.json', { with: { type: 'json' } })).default;
if (!manifest.modules.length) throw new Error('empty manifest');
const { createFlexitiHandler } = await import('flexiti-checkout/server');
if (typeof createFlexitiHandler !== 'function') throw new Error('no handler');
console.log('imported', entries.length);
`,
);
const imported = run('node', ['entries.mjs'], consumer);
check('every entry and the manifest import in Node from the installed package', imported.ok, imported.output);

// The command lines run from the installed package's bin links.
for (const bin of ['flexiti-merchant', 'flexiti-sandbox']) {
  const help = run(join(consumer, 'node_modules', '.bin', bin), ['--help'], consumer);
  check(`${bin} --help runs from node_modules/.bin`, help.ok && help.output.includes(`Usage: ${bin}`), help.output);
}

// 4. The declarations resolve through `exports` for a TypeScript project (NodeNext).
writeFileSync(
  join(consumer, 'types.ts'),
  `import { FlexitiApply, FlexitiCheckout, FlexitiMessage, FlexitiApprovedEvent, type FlexitiApprovedDetail } from 'flexiti-checkout';
import 'flexiti-checkout/flexiti-checkout.js';
import 'flexiti-checkout/flexiti-message.js';
import type { FlexitiCancelEvent, FlexitiLearnMoreEvent } from 'flexiti-checkout/events';
import { FlexitiCheckout as ReactCheckout, FlexitiMessage as ReactMessage } from 'flexiti-checkout/react';
import { createFlexitiHandler, type FlexitiHandlerConfig } from 'flexiti-checkout/server';
import { toNodeListener } from 'flexiti-checkout/server/node';
import { createRedisState, type RedisClientLike } from 'flexiti-checkout/server/redis';
import { createSandbox } from 'flexiti-checkout/sandbox';
declare const redis: RedisClientLike;
const config: FlexitiHandlerConfig = { apiBase: 'https://x', clientId: 'a', clientSecret: 'b', sessionSecret: 'c'.repeat(32), state: createRedisState(redis) };
const listener = toNodeListener(createFlexitiHandler(config));
const element: FlexitiCheckout = document.createElement('flexiti-checkout');
element.addEventListener('flexiti-approved', (event: FlexitiApprovedEvent) => {
  const detail: FlexitiApprovedDetail = event.detail;
  void detail;
});
element.addEventListener('flexiti-cancel', (event: FlexitiCancelEvent) => void event.detail.step);
const message: FlexitiMessage = document.createElement('flexiti-message');
message.amount = 1249.99;
message.addEventListener('flexiti-learn-more', (event: FlexitiLearnMoreEvent) => void event.detail.amount);
void [FlexitiApply, ReactCheckout, ReactMessage, listener, createSandbox];
`,
);
writeFileSync(
  join(consumer, 'jsx.tsx'),
  `import type { FlexitiApprovedEvent, FlexitiLearnMoreEvent } from 'flexiti-checkout';
import type { FlexitiElements } from 'flexiti-checkout/types/jsx';
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends FlexitiElements {}
  }
}
export const view = (
  <flexiti-checkout token-url="/api/flexiti/session" lang="fr-CA" onflexiti-approved={(event: FlexitiApprovedEvent) => void event.detail.kind} />
);
export const message = <flexiti-message amount={1249.99} apply-url="/apply" onflexiti-learn-more={(event: FlexitiLearnMoreEvent) => event.preventDefault()} />;
// @ts-expect-error: lang is en-CA or fr-CA
export const wrongLang = <flexiti-apply lang={5} />;
// @ts-expect-error: the handler gets the element's event class
export const wrongEvent = <flexiti-apply onflexiti-cancel={(event: KeyboardEvent) => event.key} />;
`,
);
writeFileSync(
  join(consumer, 'vue.ts'),
  `import type { GlobalComponents } from 'vue';
import type { FlexitiCheckoutProps, FlexitiMessageProps } from 'flexiti-checkout/vue';
const props: FlexitiCheckoutProps = { tokenUrl: '/api/flexiti/session', onFlexitiApproved: (event) => void event.detail.kind };
// @ts-expect-error: the amount is a number
const wrong: FlexitiCheckoutProps = { amount: 'a lot' };
const message: FlexitiMessageProps = { amount: 1249.99, applyUrl: '/apply', onFlexitiLearnMore: (event) => void event.detail.amount };
type Registered = GlobalComponents['flexiti-checkout'];
type RegisteredMessage = GlobalComponents['flexiti-message'];
export { props, wrong, message, type Registered, type RegisteredMessage };
`,
);
const tsc = run(
  join(repo, 'node_modules', '.bin', 'tsc'),
  ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
    '--lib', 'es2023,dom,dom.iterable', '--jsx', 'react-jsx', '--types', 'node', '--typeRoots', join(repo, 'node_modules', '@types'),
    'types.ts', 'jsx.tsx', 'vue.ts'],
  consumer,
);
check('the declarations and the generated JSX and Vue types type-check a consumer through `exports` (NodeNext)', tsc.ok, tsc.output);

// 5. A storefront page bundled from the installed package, served with the installed handler
// and sandbox, in Chromium.
writeFileSync(
  join(consumer, 'main.js'),
  `import 'flexiti-checkout/flexiti-apply.js';\nimport 'flexiti-checkout/flexiti-checkout.js';\nimport 'flexiti-checkout/flexiti-message.js';\n`,
);
writeFileSync(
  join(consumer, 'index.html'),
  `<!doctype html><html lang="en-CA"><head><meta charset="utf-8"><title>Shop</title><link rel="icon" href="data:,"><script type="module" src="./main.js"></script></head>
<body><flexiti-message amount="1249.99"></flexiti-message><flexiti-apply token-url="/api/flexiti/session"></flexiti-apply><flexiti-checkout token-url="/api/flexiti/session"></flexiti-checkout></body></html>`,
);
let bundled = true;
try {
  const { build } = await import('vite');
  await build({ root: consumer, configFile: false, logLevel: 'warn', build: { outDir: 'public', emptyOutDir: true } });
} catch (error) {
  bundled = check('Vite bundles a page from the installed package', false, String(error));
}
if (bundled) check('Vite bundles a page from the installed package', true);

writeFileSync(
  join(consumer, 'server.mjs'),
  `import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createFlexitiHandler } from 'flexiti-checkout/server';
import { toNodeListener } from 'flexiti-checkout/server/node';
import { SANDBOX_CLIENT, sandboxMessageConfig } from 'flexiti-checkout/sandbox';
import { serveSandbox } from 'flexiti-checkout/sandbox/node';

const sandbox = await serveSandbox({ port: 0 });
const handler = toNodeListener(createFlexitiHandler({
  apiBase: sandbox.url + '/flexiti/pos-api', ...SANDBOX_CLIENT, sessionSecret: 'x'.repeat(64), basePath: '/api/flexiti',
  flows: ['apply', 'checkout'], resolveOrder: () => ({ amount: 1249.99, reference: 'PACK-1' }), message: sandboxMessageConfig(), logger: false,
}));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
const server = createServer(async (request, response) => {
  if (request.url.startsWith('/api/flexiti/')) return handler(request, response);
  const path = request.url === '/' ? '/index.html' : request.url.split('?')[0];
  try {
    const body = await readFile(new URL('./public' + path, import.meta.url));
    response.writeHead(200, { 'content-type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', async () => { server.closeAllConnections(); server.close(); await sandbox.close(); process.exit(0); });
`,
);

if (bundled) {
  const { fork } = await import('node:child_process');
  const shop = fork(join(consumer, 'server.mjs'), { cwd: consumer, stdio: 'inherit' });
  const { port } = await new Promise((resolve, reject) => {
    shop.once('message', resolve);
    shop.once('exit', (code) => reject(new Error(`shop server exited ${code}`)));
  });
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`http://127.0.0.1:${port}/`);
    const rendered = await page
      .waitForFunction(
        () => {
          const apply = document.querySelector('flexiti-apply')?.shadowRoot;
          const checkout = document.querySelector('flexiti-checkout')?.shadowRoot;
          const message = document.querySelector('flexiti-message')?.shadowRoot;
          return Boolean(
            apply?.querySelector('form input') &&
              /Flexiti/.test(checkout?.textContent ?? '') &&
              checkout?.querySelector('button') &&
              /with Flexiti/.test(message?.querySelector('[part="headline"]')?.textContent ?? ''),
          );
        },
        { timeout: 15_000 },
      )
      .then(() => true)
      .catch(() => false);
    const texts = await page.evaluate(() =>
      ['flexiti-apply', 'flexiti-checkout', 'flexiti-message'].map((tag) => document.querySelector(tag)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 200)),
    );
    check('the three elements from the installed package render against its handler and sandbox (Chromium)', rendered, JSON.stringify(texts));
    check('no errors in the page', problems.length === 0, problems.join('\n'));
  } finally {
    await browser.close();
    shop.send('stop');
  }
}
finish();
