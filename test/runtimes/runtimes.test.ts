/**
 * The merchant handler (`src/server`, bundled by esbuild for a neutral platform) serves a credit
 * application and a purchase on Cloudflare Workers (workerd, without `nodejs_compat`), Deno and
 * Bun. The scenario is in `harness.ts`; each runtime only says how its bundle is resolved and
 * started. No runtime is skipped: `npm ci` installs all three (miniflare's workerd, the `deno`
 * and `bun` packages), and a runtime that does not answer fails its suite.
 */
import { describe } from 'vitest';
import { runtimeScenario, startProcess, startWorkerd } from './harness.js';

describe('Cloudflare Workers (workerd via Miniflare)', () => {
  runtimeScenario({
    label: 'workerd',
    entry: 'worker.ts',
    conditions: ['workerd', 'worker', 'browser'],
    userAgent: /^Cloudflare-Workers$/,
    start: startWorkerd,
  });
});

describe('Deno', () => {
  runtimeScenario({
    label: 'deno',
    entry: 'deno.ts',
    conditions: ['deno'],
    userAgent: /^Deno\/2\./,
    start: (bundle, config) => startProcess('deno', ['run', '--allow-net=127.0.0.1', '--allow-env', '--no-prompt'], bundle, config),
  });
});

describe('Bun', () => {
  runtimeScenario({
    label: 'bun',
    entry: 'bun.ts',
    conditions: ['bun'],
    userAgent: /^Bun\/1\./,
    start: (bundle, config) => startProcess('bun', ['run'], bundle, config),
  });
});
