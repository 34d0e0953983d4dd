/**
 * Browser tests of the elements (`npm run test:browser`, which also starts WebKit's driver).
 *
 * - `BROWSERS=chromium,firefox,webkit` picks the browsers (default: all three).
 * - The real merchant handler (`/api/flexiti/*`) and the real sandbox (`/sandbox/*`) run inside
 *   the test server; the handler reaches the sandbox over HTTP through the same port.
 * - Tests drive the server with `flexitiServer` from `test/elements/helpers/server.ts`.
 * - Every test page has its own handler and sandbox (see `test/elements/server/stack.ts`).
 * - Besides the usual output, `.test-results/wtr.json` gets `{ "passed": N, "failed": N }`.
 * - `WTR_PORT` fixes the server's port (default: a free one).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { tsImport } from 'tsx/esm/api';

const root = dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = `${root}/.test-results/wtr.json`;

const KNOWN_BROWSERS = ['chromium', 'firefox', 'webkit'];
const browserNames = (process.env.BROWSERS ?? KNOWN_BROWSERS.join(','))
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);
for (const name of browserNames) {
  if (!KNOWN_BROWSERS.includes(name)) throw new Error(`BROWSERS: unknown browser "${name}" (use ${KNOWN_BROWSERS.join(', ')})`);
}
if (browserNames.length === 0) throw new Error('BROWSERS is empty');

/** A port free right now, so the handler knows the sandbox's address before the server starts. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const hostname = '127.0.0.1';
const port = Number(process.env.WTR_PORT) || (await freePort());
const origin = `http://${hostname}:${port}`;

// The server side is TypeScript (it imports the handler and sandbox sources): load it through tsx.
/** @type {typeof import('./test/elements/server/stack.ts')} */
const { createFlexitiTestServer } = await tsImport('./test/elements/server/stack.ts', import.meta.url);
const flexiti = createFlexitiTestServer({ origin });
/** @type {typeof import('./demo/csp.ts')} */
const { contentSecurityPolicy } = await tsImport('./demo/csp.ts', import.meta.url);
// React (CommonJS only) and Vue (browser build) for the framework tests: see the file.
/** @type {typeof import('./test/elements/server/frameworks.ts')} */
const { frameworksPlugin } = await tsImport('./test/elements/server/frameworks.ts', import.meta.url);
// A storefront for the Shopify app blocks: liquidjs renders them, a fake /cart.js: see the file.
/** @type {typeof import('./test/elements/server/shopify.ts')} */
const { shopifyPlugin } = await tsImport('./test/elements/server/shopify.ts', import.meta.url);

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function webkit() {
  const driverPort = Number(process.env.WEBKIT_WEBDRIVER_PORT);
  if (!driverPort) {
    throw new Error(
      'WebKit needs WebKitWebDriver and a display: run `npm run test:browser` (or set BROWSERS without webkit).',
    );
  }
  const launcher = webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port: driverPort,
    path: '/',
    logLevel: 'error',
    connectionRetryTimeout: 120_000,
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  });
  // One page at a time, each in its own top-level document rather than an iframe: focus,
  // keyboard and pointer commands behave as they do for a shopper.
  launcher.concurrency = 1;
  const initialize = launcher.initialize.bind(launcher);
  launcher.initialize = (config, testFiles) => initialize({ ...config, concurrency: 1 }, testFiles);
  const name = 'WebKit';
  Object.defineProperty(launcher, 'name', { get: () => name, set: () => {}, configurable: true });
  return launcher;
}

const launchers = {
  // Each page behaves as the focused one (focus and blur events, :focus-visible, keyboard
  // input), so two test files can run side by side.
  chromium: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS },
      createPage: async ({ context }) => {
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  // Firefox gives focus to one page at a time (focus and blur events never reach a second
  // page), so its test files run one after the other.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true },
      concurrency: 1,
    }),
  webkit,
};

/** Counts individual tests across every browser; a file or browser that could not run is one failure. */
function countingReporter() {
  const write = (sessions) => {
    let passed = 0;
    let failed = 0;
    const walk = (suite) => {
      if (!suite) return 0;
      let failures = 0;
      for (const test of suite.tests) {
        if (test.skipped) continue;
        if (test.passed) passed++;
        else failures++;
      }
      for (const child of suite.suites) failures += walk(child);
      return failures;
    };
    for (const session of sessions) {
      const failures = walk(session.testResults);
      failed += failures;
      if (session.passed !== true && failures === 0) failed++;
    }
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify({ passed, failed })}\n`);
  };
  return {
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
    stop({ sessions }) {
      write(sessions);
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: root,
  files: ['test/elements/**/*.test.ts'],
  hostname,
  port,
  nodeResolve: true,
  browsers: browserNames.map((name) => launchers[name]()),
  // Two cores: up to two pages at once in Chromium (Firefox and WebKit take one, see above),
  // the three browsers side by side.
  concurrency: Math.max(1, Math.min(2, cpus().length)),
  concurrentBrowsers: 3,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  // Lit's development build announces itself on every page; its other warnings stay visible.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  middleware: [
    // Every test page runs under the demo's strict Content-Security-Policy; the runner's own
    // inline bootstrap scripts get a per-page nonce. `test/elements/helpers/csp.ts` fails a test
    // for anything the policy blocks.
    async (ctx, next) => {
      await next();
      if (!ctx.response.is('html') || typeof ctx.body !== 'string') return;
      const nonce = randomBytes(16).toString('base64');
      ctx.body = ctx.body.replace(/<script(?![^>]*\bsrc=)/g, `<script nonce="${nonce}"`);
      ctx.set('content-security-policy', contentSecurityPolicy(nonce));
    },
    flexiti.middleware,
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: `${root}/tsconfig.json` }), flexiti.plugin, frameworksPlugin(root), shopifyPlugin()],
  reporters: [defaultReporter(), countingReporter()],
};
