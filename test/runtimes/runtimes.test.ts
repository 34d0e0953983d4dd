/**
 * The merchant handler (`src/server`, bundled without Node built-ins) serves a credit application
 * and a purchase on Cloudflare Workers (workerd), Deno and Bun. The scenario is in `harness.ts`;
 * each runtime only says how to start its bundle. No runtime is skipped: `npm ci` installs all
 * three (miniflare's workerd, the `deno` and `bun` packages).
 */
import { describe } from 'vitest';
import { runtimeScenario, startProcess, startWorkerd } from './harness.js';

describe('Cloudflare Workers (workerd via Miniflare)', () => {
  runtimeScenario({ label: 'workerd', entry: 'worker.ts', userAgent: /^Cloudflare-Workers$/, start: startWorkerd });
});

describe('Deno', () => {
  runtimeScenario({
    label: 'deno',
    entry: 'deno.ts',
    userAgent: /^Deno\/2\./,
    start: (bundle, config) => startProcess('deno', ['run', '--allow-net=127.0.0.1', '--allow-env', '--no-prompt'], bundle, config),
  });
});

describe('Bun', () => {
  runtimeScenario({ label: 'bun', entry: 'bun.ts', userAgent: /^Bun\/1\./, start: (bundle, config) => startProcess('bun', ['run'], bundle, config) });
});
