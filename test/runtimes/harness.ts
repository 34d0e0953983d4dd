/**
 * The merchant handler on other runtimes than Node: each entry (`worker.ts`, `deno.ts`, `bun.ts`)
 * is bundled with esbuild for a neutral platform (no Node built-ins), started in its runtime, and
 * driven over HTTP through a credit application and a purchase against the sandbox, which runs
 * here in the vitest process on an ephemeral port of 127.0.0.1.
 *
 * `runtimeScenario` is the whole suite; a runtime contributes only how to start a bundle.
 */
import { serve, type ServerType } from '@hono/node-server';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import * as v from 'valibot';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSandbox, SANDBOX_CLIENT, type Sandbox } from '../../src/sandbox/index.js';
import {
  ApplyResponseSchema,
  FormValuesResponseSchema,
  LookupResponseSchema,
  PlansResponseSchema,
  PurchaseResponseSchema,
  SessionResponseSchema,
  TermsResponseSchema,
} from '../../src/schemas/index.js';
import { application } from '../schemas/fixtures.js';
import type { Outcomes } from './app.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** How long a runtime may take to bundle and start (a first Deno or Bun start takes seconds). */
export const START_TIMEOUT_MS = 90_000;

/** The handler's configuration, handed to the runtime through its own mechanism. */
export type RuntimeConfig = Record<string, string>;

/** A started runtime: one HTTP exchange with the handler, and a way to stop it. */
export interface RuntimeTarget {
  send(path: string, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

export interface Runtime {
  /** Short name, used in order references and applicant names. */
  label: string;
  /** The entry under test/runtimes/. */
  entry: string;
  /**
   * Export conditions the runtime's own tooling resolves packages with (wrangler bundles Workers
   * with `workerd`, `worker`, `browser`), besides esbuild's `import` and `default`.
   */
  conditions: string[];
  /** What `navigator.userAgent` says inside the runtime: proof that it, not Node, answered. */
  userAgent: RegExp;
  start(bundle: string, config: RuntimeConfig): Promise<RuntimeTarget>;
}

/**
 * Bundles an entry and everything it imports (the handler, hono, valibot, lru-cache, ...) into one ES
 * module for a neutral platform: a static import of a Node built-in fails the build. Answers the
 * file and the imports left in it (dynamic imports of built-ins that a package guards itself).
 */
export async function bundleEntry(entry: string, outdir: string, conditions: string[]): Promise<{ file: string; imports: string[] }> {
  const file = join(outdir, entry.replace(/\.ts$/, '.mjs'));
  const result = await build({
    entryPoints: [join(here, entry)],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions,
    metafile: true,
    logLevel: 'silent',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
  return { file, imports };
}

/** workerd, through Miniflare: the bundle as a modules Worker, the config as its bindings. */
export async function startWorkerd(bundle: string, config: RuntimeConfig): Promise<RuntimeTarget> {
  const mf = new Miniflare({
    modules: true,
    script: readFileSync(bundle, 'utf8'),
    bindings: config,
    compatibilityDate: '2026-04-01',
  });
  try {
    await mf.ready;
  } catch (error) {
    await mf.dispose().catch(() => {});
    throw error;
  }
  return {
    async send(path, init) {
      const response = await mf.dispatchFetch(`http://shop.test${path}`, init);
      return { status: response.status, text: await response.text() };
    },
    stop: () => mf.dispose(),
  };
}

/**
 * A runtime as a child process (Deno, Bun): the config in its environment; the entry prints
 * `listening <port>` once it serves on 127.0.0.1.
 */
export async function startProcess(command: string, args: string[], bundle: string, config: RuntimeConfig): Promise<RuntimeTarget> {
  const child = spawn(bin(command), [...args, bundle], {
    cwd: dirname(bundle),
    env: { ...process.env, ...config, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print its port within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${command} ${why}:\n${output}`));
    };
    child.once('error', (error) => fail(`could not start (${error.message})`));
    const early = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? code}) before listening`);
    child.once('exit', early);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /^listening (\d+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        child.off('exit', early);
        resolve(Number(match[1]));
      }
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    async send(path, init) {
      const response = await fetch(`${origin}${path}`, init);
      return { status: response.status, text: await response.text() };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * The suite every runtime passes, registered inside the caller's `describe`: its own sandbox,
 * the bundle started in the runtime, a credit application and a purchase over HTTP.
 */
export function runtimeScenario(runtime: Runtime) {
  const run = `${runtime.label}${Date.now().toString(36)}`;
  const timings: Record<string, number> = {};
  let dir: string | undefined;
  let sandbox: Sandbox;
  let sandboxServer: ServerType | undefined;
  let target: RuntimeTarget | undefined;
  let imports: string[] = [];

  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };

  async function api(path: string, init: { session?: string; body?: unknown } = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (init.session) headers.authorization = `Bearer ${init.session}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const { status, text } = await target!.send(path.startsWith('/') ? path : `/api/flexiti/${path}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON: kept as text for the failure message */
    }
    return { status, body };
  }

  const outcomes = async (): Promise<Outcomes> => {
    const reply = await api('/_outcomes');
    expect(reply.status).toBe(200);
    return reply.body as Outcomes;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `flexiti-${runtime.label}-`));
    sandbox = createSandbox({ basePath: '/sandbox' });
    sandboxServer = await new Promise<ServerType>((resolve) => {
      const server = serve({ fetch: (request, env) => sandbox.fetch(request, env), port: 0, hostname: '127.0.0.1' }, () => resolve(server));
    });
    const sandboxUrl = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;
    const bundle = await timed('bundle', () => bundleEntry(runtime.entry, dir!, runtime.conditions));
    imports = bundle.imports;
    target = await timed('start', () =>
      runtime.start(bundle.file, {
        FLEXITI_API_BASE: `${sandboxUrl}/sandbox/flexiti/pos-api`,
        FLEXITI_CLIENT_ID: SANDBOX_CLIENT.clientId,
        FLEXITI_CLIENT_SECRET: SANDBOX_CLIENT.clientSecret,
        FLEXITI_MERCHANT_USERNAME: SANDBOX_CLIENT.merchantUsername,
        FLEXITI_MERCHANT_PASSWORD: SANDBOX_CLIENT.merchantPassword,
        FLEXITI_SESSION_SECRET: `runtime-session-secret-${run}-0123456789abcdef`,
      }),
    );
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await target?.stop();
    await new Promise<void>((resolve) => (sandboxServer ? sandboxServer.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    const times = Object.entries(timings).map(([name, ms]) => `${name} ${ms} ms`);
    console.log(`${runtime.label}: ${times.join(', ')}; imports left in the bundle: ${imports.join(', ') || 'none'}`);
  }, 30_000);

  it('answers from the runtime itself, with the client address it reports', async () => {
    const seen = await outcomes();
    expect(seen.userAgent).toMatch(runtime.userAgent);
    const refused = await api('lookup', { body: { cardNumber: '6374980000000001' } });
    expect(refused).toMatchObject({ status: 401, body: { code: 'session_missing' } });
    expect((await outcomes()).clientAddresses).toEqual(['127.0.0.1']);
  });

  it('takes a credit application from session to approval and tells the merchant once', async () => {
    await timed('application', async () => {
      const started = await api('session', { body: { flow: 'apply' } });
      expect(started.status).toBe(201);
      const { session } = v.parse(SessionResponseSchema, started.body);

      const values = await api('form-values?lang=en-CA', { session });
      expect(values.status).toBe(200);
      expect(v.parse(FormValuesResponseSchema, values.body).provinces).toHaveLength(13);

      const terms = await api('terms?province=ON&lang=en-CA', { session });
      expect(terms.status).toBe(200);
      const { version, sanitizedHtml } = v.parse(TermsResponseSchema, terms.body);
      expect(sanitizedHtml).toContain('<h3>');

      const applicant = application({ amountRequested: 1800, lastName: `Runtime${run}` });
      const decided = await api('apply?lang=en-CA', { session, body: { application: applicant, termsVersion: version } });
      expect(decided.status).toBe(200);
      expect(v.parse(ApplyResponseSchema, decided.body)).toMatchObject({ status: 'approved', creditLimit: 1800, province: 'ON' });
      expect(decided.body.receipt).toEqual(expect.any(String));

      const seen = await outcomes();
      expect(seen.applications).toEqual([expect.objectContaining({ status: 'approved', reference: null, creditLimit: 1800, province: 'ON' })]);
      expect(seen.errors).toEqual([]);
    });
  });

  it('pays an order from session to authorization, once, and answers a repeat with the same authorization', async () => {
    await timed('purchase', async () => {
      const reference = `RT-${run}`.slice(0, 40);
      const started = await api(`session?amount=249.99&reference=${encodeURIComponent(reference)}`, { body: { flow: 'checkout' } });
      expect(started.status).toBe(201);
      const { session, amount } = v.parse(SessionResponseSchema, started.body);
      expect(started.body).toMatchObject({ amount: 249.99, reference, currency: 'CAD', mode: 'sandbox' });
      expect(amount).toBe(249.99);

      const lookup = await api('lookup', { session, body: { cardNumber: '6374980000000001' } });
      expect(lookup.status).toBe(200);
      expect(v.parse(LookupResponseSchema, lookup.body)).toMatchObject({ status: 'eligible', cardLast4: '0001', enoughCredit: true });
      const receipt = lookup.body.receipt as string;

      const sent = await api('verify', { session, body: { receipt, method: 'sms' } });
      expect(sent).toEqual({ status: 200, body: { status: 'sent', method: 'sms' } });

      const plans = await api('plans', { session, body: { receipt } });
      expect(plans.status).toBe(200);
      expect(v.parse(PlansResponseSchema, plans.body).amount).toBe(249.99);

      const body = { receipt, plan: { type: 'regular' }, code: SANDBOX_CLIENT.verificationCode };
      const paid = await api('purchase', { session, body });
      expect(paid.status).toBe(200);
      expect(v.parse(PurchaseResponseSchema, paid.body)).toMatchObject({ status: 'approved', amount: 249.99, reference, plan: { type: 'regular' } });
      const authorizationId = paid.body.authorizationId as string;

      const again = await api('purchase', { session, body });
      expect(again).toEqual({ status: 200, body: paid.body });
      expect(again.body.authorizationId).toBe(authorizationId);

      const authorizations = sandbox.authorizations({ reference });
      expect(authorizations).toHaveLength(1);
      expect(String(authorizations[0]!.authorization_id)).toBe(authorizationId);
      expect(authorizations[0]).toMatchObject({ amount: 249.99 });

      const seen = await outcomes();
      expect(seen.purchases).toEqual([expect.objectContaining({ status: 'approved', reference, amount: 249.99, authorizationId })]);
      expect(seen.applications).toHaveLength(1);
      expect(seen.errors).toEqual([]);
    });
  });
}
