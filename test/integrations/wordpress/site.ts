/**
 * A real WordPress 6.5 for the WooCommerce plugin's tests, started and stopped by the test:
 *
 * - WordPress from npm `@wp-playground/wordpress-builds` (wp-6.5.zip) and its SQLite database
 *   integration (the drop-in WordPress Playground runs on), so the database is a file in a
 *   temporary folder and no database server has to start (PHP needs pdo_sqlite: Debian's
 *   php-sqlite3);
 * - Debian's PHP (`php -S`, the built-in server) on a free port on 127.0.0.1;
 * - the plugin copied from integrations/woocommerce/flexiti-checkout, and the WooCommerce
 *   stand-in (woocommerce-stand-in.php, NOT WooCommerce: see the file) as plugins/woocommerce.
 *
 * WordPress makes no request outside this machine: WP_HTTP_BLOCK_EXTERNAL, no cron, no updates.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const builds = join(root, 'node_modules', '@wp-playground', 'wordpress-builds', 'src');
export const PLUGIN_DIR = join(root, 'integrations', 'woocommerce', 'flexiti-checkout');

/** Why the WordPress tests cannot run here (no PHP at all), or null. */
export function phpMissing(): string | null {
  const php = spawnSync('php', ['--version'], { encoding: 'utf8' });
  return php.error || php.status !== 0 ? 'PHP is not installed here (apt-get install -y php-cli php-sqlite3; CI installs both)' : null;
}

/** The files of a zip archive (stored or deflated entries, no zip64): name → contents. */
function unzip(archive: Buffer): Map<string, Buffer> {
  let end = archive.length - 22;
  while (end >= 0 && archive.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(entry + 10);
    const size = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const skip = nameLength + archive.readUInt16LE(entry + 30) + archive.readUInt16LE(entry + 32);
    const name = archive.toString('utf8', entry + 46, entry + 46 + nameLength);
    const local = archive.readUInt32LE(entry + 42);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + size);
    if (!name.endsWith('/')) files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    entry += 46 + skip;
  }
  return files;
}

function extract(zip: string, into: string, strip = '') {
  for (const [name, contents] of unzip(readFileSync(zip))) {
    if (!name.startsWith(strip)) continue;
    const path = join(into, name.slice(strip.length));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const phpString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface WordPress {
  readonly origin: string;
  readonly dir: string;
  readonly admin: { user: string; password: string };
  /** Runs PHP inside WordPress (as `wp eval`) and returns what it printed; throws on a PHP error. */
  php(code: string): string;
  /** What WordPress logged (WP_DEBUG_LOG): notices, warnings, errors. */
  log(): string;
  stop(): Promise<void>;
}

export async function startWordPress(): Promise<WordPress> {
  // PHP without SQLite is a machine set up halfway: a failure, not a reason to skip.
  const sqlite = spawnSync('php', ['-r', 'echo extension_loaded("pdo_sqlite") ? "yes" : "no";'], { encoding: 'utf8' });
  if (sqlite.stdout !== 'yes') throw new Error("PHP has no pdo_sqlite, which WordPress's SQLite database needs: apt-get install -y php-sqlite3");
  const base = mkdtempSync(join(tmpdir(), 'flexiti-wp-'));
  const dir = join(base, 'wordpress');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;

  extract(join(builds, 'wordpress', 'wp-6.5.zip'), dir);
  const plugins = join(dir, 'wp-content', 'plugins');
  extract(join(builds, 'sqlite-database-integration', 'sqlite-database-integration.zip'), join(plugins, 'sqlite-database-integration'), 'sqlite-database-integration-main/');
  const dropIn = readFileSync(join(plugins, 'sqlite-database-integration', 'db.copy'), 'utf8')
    .replace("'{SQLITE_IMPLEMENTATION_FOLDER_PATH}'", phpString(join(plugins, 'sqlite-database-integration')))
    .replace("'{SQLITE_PLUGIN}'", "'sqlite-database-integration/load.php'");
  writeFileSync(join(dir, 'wp-content', 'db.php'), dropIn);
  cpSync(PLUGIN_DIR, join(plugins, 'flexiti-checkout'), { recursive: true });
  mkdirSync(join(plugins, 'woocommerce'));
  cpSync(join(here, 'woocommerce-stand-in.php'), join(plugins, 'woocommerce', 'woocommerce.php'));

  const salt = () => phpString(randomBytes(32).toString('base64'));
  const log = join(base, 'debug.log');
  writeFileSync(
    join(dir, 'wp-config.php'),
    `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );
define( 'DB_CHARSET', 'utf8' );
define( 'DB_COLLATE', '' );
define( 'DB_DIR', ${phpString(join(base, 'database'))} );
define( 'DB_FILE', 'wordpress.sqlite' );
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
  .map((name) => `define( '${name}', ${salt()} );`)
  .join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${origin}' );
define( 'WP_SITEURL', '${origin}' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', ${phpString(log)} );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );
  mkdirSync(join(base, 'database'));

  const cli = join(here, 'cli.php');
  const php = (code: string, env: Record<string, string> = {}) => {
    const result = spawnSync('php', [cli, dir], { input: code, encoding: 'utf8', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(`PHP failed (${result.status}): ${result.stdout}${result.stderr}`);
    return result.stdout;
  };
  const admin = { user: 'admin', password: randomBytes(18).toString('base64url') };
  php(
    `wp_install( 'Flexiti test store', 'admin', 'admin@example.com', false, '', ${phpString(admin.password)} );
     update_option( 'permalink_structure', '' );`,
    { FLEXITI_WP_INSTALL: '1' },
  );

  // Its own process group: PHP's workers are children of the server, and stopping the group stops them too.
  const server: ChildProcess = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', dir], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '2' },
    detached: true,
  });
  let serverOutput = '';
  server.stderr?.on('data', (chunk) => (serverOutput = (serverOutput + chunk).slice(-4000)));
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`${origin}/wp-login.php`);
      break;
    } catch (error) {
      if (attempt > 100 || server.exitCode !== null) throw new Error(`php -S did not start: ${serverOutput}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    origin,
    dir,
    admin,
    php: (code) => php(code),
    log: () => {
      try {
        return readFileSync(log, 'utf8');
      } catch {
        return '';
      }
    },
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        process.kill(-server.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A browser's worth of HTTP: cookies kept, redirects not followed. */
export class Browser {
  private readonly cookies = new Map<string, string>([['wordpress_test_cookie', 'WP%20Cookie%20check']]);

  constructor(private readonly origin: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(new URL(path, this.origin), { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (/expires=Thu, 01[- ]Jan[- ]1970|max-age=0/i.test(cookie) || value === 'deleted') this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    return response;
  }

  /** The page's HTML; fails on anything but 200. */
  async page(path: string): Promise<string> {
    const response = await this.request(path);
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 300)}`);
    return body;
  }

  /** Posts a form; returns the response (usually a redirect). */
  post(path: string, fields: Record<string, string> | URLSearchParams): Promise<Response> {
    return this.request(path, { method: 'POST', body: fields instanceof URLSearchParams ? fields : new URLSearchParams(fields) });
  }

  async logIn(user: string, password: string): Promise<void> {
    const response = await this.post('/wp-login.php', { log: user, pwd: password, 'wp-submit': 'Log In', redirect_to: '/wp-admin/', testcookie: '1' });
    if (response.status !== 302 || ![...this.cookies.keys()].some((name) => name.startsWith('wordpress_logged_in_'))) {
      throw new Error(`logging in failed: ${response.status}`);
    }
  }
}
