#!/usr/bin/env node
/**
 * `npm run test:browser`: the elements' browser tests (web-test-runner, `web-test-runner.config.mjs`).
 *
 * `BROWSERS=chromium,firefox,webkit` (default all three). WebKit's MiniBrowser has no headless
 * mode and is driven by WebKitWebDriver: when WebKit is wanted, this script re-runs itself under
 * `xvfb-run -a` (a virtual display), starts `WebKitWebDriver` on a free port, hands the port to
 * the config in `WEBKIT_WEBDRIVER_PORT`, and stops the driver when the tests end.
 *
 * Extra arguments go to web-test-runner (e.g. `npm run test:browser -- --files test/elements/x.test.ts`).
 * Exits with web-test-runner's code; `.test-results/wtr.json` holds `{ passed, failed }`.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const wtrBin = join(dirname(require.resolve('@web/test-runner')), 'bin.js');
const args = process.argv.slice(2);
const browsers = (process.env.BROWSERS ?? 'chromium,firefox,webkit')
  .split(',')
  .map((name) => name.trim().toLowerCase())
  .filter(Boolean);
const wantsWebkit = browsers.includes('webkit');
const UNDER_DISPLAY = 'FLEXITI_WTR_UNDER_XVFB';

/** Children still running; a detached one leads its own process group, signalled as a whole. */
const children = new Set();
function start(command, commandArgs, options = {}) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
function signal(child, name) {
  try {
    process.kill(child.detachedGroup ? -child.pid : child.pid, name);
  } catch {
    /* already gone */
  }
}
const exited = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
    else child.once('exit', (code, how) => resolve(code ?? (how ? 1 : 0)));
  });
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(name, () => {
    for (const child of children) signal(child, name);
    // Whatever has not stopped within 10 s is killed.
    setTimeout(() => {
      for (const child of children) signal(child, 'SIGKILL');
    }, 10_000).unref();
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, driver, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null || driver.signalCode !== null) throw new Error('WebKitWebDriver exited at start');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      const status = await response.json();
      if (status?.value?.ready !== false) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms`);
}

/** Stops the driver and any MiniBrowser it left behind (its own process group). */
async function stopDriver(driver) {
  if (driver.exitCode !== null || driver.signalCode !== null) return;
  const group = -driver.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 3_000);
  await exited(driver);
  clearTimeout(timer);
}

async function main() {
  rmSync(join(root, '.test-results', 'wtr.json'), { force: true });

  if (wantsWebkit && !process.env[UNDER_DISPLAY]) {
    // Re-run under a virtual display; xvfb-run passes the exit code through.
    // Its own process group: a signal reaches xvfb-run, Xvfb and the tests together (xvfb-run
    // alone would leave the display server running).
    const child = start('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', process.execPath, fileURLToPath(import.meta.url), ...args], {
      env: { ...process.env, [UNDER_DISPLAY]: '1' },
      detached: true,
    });
    child.detachedGroup = true;
    child.once('error', (error) => console.error(`xvfb-run could not start: ${error.message}`));
    return exited(child);
  }

  const env = { ...process.env };
  let driver;
  if (wantsWebkit) {
    const port = await freePort();
    driver = start('WebKitWebDriver', [`--port=${port}`], { detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
    driver.detachedGroup = true;
    driver.once('error', (error) => console.error(`WebKitWebDriver could not start: ${error.message}`));
    try {
      await waitForDriver(port, driver);
    } catch (error) {
      console.error(String(error));
      await stopDriver(driver);
      return 1;
    }
    env.WEBKIT_WEBDRIVER_PORT = String(port);
  }

  const startedAt = Date.now();
  const wtr = start(process.execPath, [wtrBin, '--config', join(root, 'web-test-runner.config.mjs'), ...args], { env });
  const code = await exited(wtr);
  if (driver) await stopDriver(driver);
  console.log(`browser tests (${browsers.join(', ')}) took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return code;
}

process.exitCode = await main();
