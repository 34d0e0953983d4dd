/**
 * Several handler instances as separate OS processes (`handler-process.ts`) sharing one Redis,
 * and the Flexiti sandbox served from the test process on a free port: what a merchant runs
 * behind a load balancer. The test talks to the instances over real HTTP, counts their
 * `onPurchase` lines, and can kill (SIGKILL) and restart one on the same port.
 */
import { serve, type ServerType } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import type { LimitsConfig, LogEntry, PurchaseOutcome } from '../../src/server/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export const SESSION_SECRET = 'redis-test-session-secret-0123456789abcdef012345';
export const ALEX = '6374980000000001';
export const CAMILLE = '6374980000000002';
export const CODE = '2222';

let orders = 0;
/** A unique order reference (at most 40 characters) and its amount. */
export const newOrder = (amount = 100) => ({ amount, reference: `R-${process.pid}-${Date.now()}-${++orders}` });

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The sandbox, served here. Its Sandbox can be replaced between tests (fresh state, options);
// every call is recorded with the instance that made it.

export interface SandboxCall {
  instance: string | null;
  method: string;
  path: string;
  /** 0 until the sandbox answered. */
  status: number;
}

export interface SandboxServer {
  /** The handler's `apiBase`. */
  readonly apiBase: string;
  readonly sandbox: Sandbox;
  readonly calls: SandboxCall[];
  /** A fresh sandbox from now on (the previous one's tokens, codes and authorizations are gone). */
  use(options?: SandboxOptions): Sandbox;
  /**
   * Runs when a `POST authorization` arrives, before the sandbox sees it: the test can hold it
   * there, as a slow Flexiti would.
   */
  beforeAuthorization: ((instance: string | null) => Promise<void> | void) | undefined;
  /**
   * Runs after the sandbox answered a `POST authorization`, before the answer goes back to the
   * instance: the test can kill the instance there, as if it died with Flexiti's answer on the wire.
   */
  afterAuthorization: ((instance: string | null, status: number) => Promise<void> | void) | undefined;
  close(): Promise<void>;
}

export async function startSandboxServer(options: SandboxOptions = {}): Promise<SandboxServer> {
  let sandbox = createSandbox(options);
  const calls: SandboxCall[] = [];
  const served: SandboxServer = {
    apiBase: '',
    get sandbox() {
      return sandbox;
    },
    calls,
    use(next = {}) {
      sandbox = createSandbox(next);
      calls.length = 0;
      return sandbox;
    },
    beforeAuthorization: undefined,
    afterAuthorization: undefined,
    close: async () => {},
  };
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      {
        fetch: async (request: Request, env: unknown) => {
          const instance = request.headers.get('x-test-instance');
          const path = new URL(request.url).pathname;
          const authorization = request.method === 'POST' && path.endsWith('/authorization');
          // Recorded on arrival: a call counts from when the instance made it.
          const call: SandboxCall = { instance, method: request.method, path, status: 0 };
          calls.push(call);
          if (authorization) await served.beforeAuthorization?.(instance);
          const response = await sandbox.fetch(request, env);
          call.status = response.status;
          if (authorization) await served.afterAuthorization?.(instance, response.status);
          return response;
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  Object.assign(served, {
    apiBase: `http://127.0.0.1:${port}/flexiti/pos-api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  });
  return served;
}

// ---------------------------------------------------------------------------------------------
// Handler instances.

export type Outcome = PurchaseOutcome & { instance: string; kind: 'purchase' };
export type LogLine = LogEntry & { instance: string };

export interface ClusterOptions {
  size: number;
  apiBase: string;
  redisUrl: string;
  /** Redis key prefix: each cluster its own, so tests do not see each other's budgets. */
  prefix: string;
  /** `default` for the handler's own limits; nothing for generous ones. */
  limits?: LimitsConfig | 'default';
  trustProxy?: boolean;
  redisTimeoutMs?: number;
}

export interface Instance {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  child: ChildProcess;
}

export interface ApiInit {
  method?: 'GET' | 'POST';
  session?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Which instance answered. */
  instance: number;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export class Cluster {
  readonly instances: Instance[] = [];
  /** Every `onPurchase` line of every instance, killed ones included. */
  readonly outcomes: Outcome[] = [];
  /** Every warning and error the instances logged. */
  readonly logs: LogLine[] = [];
  /** Requests that found no instance to answer (connection refused or reset), then sent elsewhere. */
  connectionFailures = 0;

  private constructor(private readonly options: ClusterOptions) {}

  /** The instances' Redis key prefix. */
  get prefix(): string {
    return this.options.prefix;
  }

  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(options);
    const started = await Promise.allSettled(Array.from({ length: options.size }, (_, i) => cluster.spawn(`h${i + 1}`, 0)));
    for (const result of started) if (result.status === 'fulfilled') cluster.instances.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await cluster.stop();
      throw failed.reason;
    }
    return cluster;
  }

  private env(name: string, port: number): NodeJS.ProcessEnv {
    const { apiBase, redisUrl, prefix, limits, trustProxy, redisTimeoutMs } = this.options;
    return {
      ...process.env,
      INSTANCE: name,
      API_BASE: apiBase,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SESSION_SECRET,
      PORT: String(port),
      ...(limits === undefined ? {} : { LIMITS: limits === 'default' ? 'default' : JSON.stringify(limits) }),
      ...(trustProxy ? { TRUST_PROXY: '1' } : {}),
      ...(redisTimeoutMs === undefined ? {} : { REDIS_TIMEOUT_MS: String(redisTimeoutMs) }),
    };
  }

  private spawn(name: string, port: number): Promise<Instance> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'handler-process.ts')], {
      cwd: root,
      env: this.env(name, port),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    live.add(child);
    child.once('exit', () => live.delete(child));
    let stderr = '';
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (line.startsWith('LOG ')) this.logs.push(JSON.parse(line.slice(4)) as LogLine);
      else stderr = (stderr + line + '\n').slice(-4000);
    });
    return new Promise<Instance>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start within 30 s: ${stderr}`));
      }, 30_000);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code ?? signal}) before listening: ${stderr}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('OUTCOME ')) {
          const outcome = JSON.parse(line.slice(8)) as Outcome;
          if (outcome.kind === 'purchase') this.outcomes.push(outcome);
        } else if (line.startsWith('LISTENING ')) {
          clearTimeout(timer);
          const listening = Number(line.slice(10));
          resolve({ name, port: listening, url: `http://127.0.0.1:${listening}/api/flexiti`, child });
        }
      });
    });
  }

  /** SIGKILL: no cleanup, no goodbye, as when a machine or a container dies. */
  async kill(index: number): Promise<void> {
    const { child } = this.instance(index);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts the instance again on its port; the others keep running. */
  async restart(index: number): Promise<void> {
    const old = this.instance(index);
    await this.kill(index);
    this.instances[index] = await this.spawn(old.name, old.port);
  }

  /** Whether every instance process is still running. */
  allAlive(): boolean {
    return this.instances.every((instance) => instance.child.exitCode === null && instance.child.signalCode === null);
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.instances.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private instance(index: number): Instance {
    const instance = this.instances[index % this.instances.length];
    if (!instance) throw new Error(`no instance ${index}`);
    return instance;
  }

  /** One request to one instance; a refused or reset connection throws. */
  async api(index: number, path: string, init: ApiInit = {}): Promise<ApiResponse> {
    const instance = this.instance(index);
    const headers: Record<string, string> = { ...init.headers };
    if (init.session) headers.authorization = `Bearer ${init.session}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const url = new URL(`${instance.url}/${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) url.searchParams.set(key, String(value));
    const response = await fetch(url, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(75_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, headers: response.headers, body: parsed, instance: index % this.instances.length };
  }

  /**
   * As a load balancer does: a request that finds its instance gone (refused, reset) goes to the
   * next one, a little later, for at most `deadlineMs`.
   */
  async send(index: number, path: string, init: ApiInit = {}, deadlineMs = 20_000): Promise<ApiResponse> {
    const deadline = Date.now() + deadlineMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.api(index + attempt, path, init);
      } catch (error) {
        if ((error as Error).name === 'TimeoutError' || Date.now() > deadline) throw error;
        this.connectionFailures++;
        await sleep(50);
      }
    }
  }

  /** A checkout session for `order` on one instance. */
  async session(index: number, order: { amount: number; reference: string }, headers?: Record<string, string>): Promise<string> {
    const response = await this.api(index, 'session', { body: { flow: 'checkout' }, query: order, ...(headers ? { headers } : {}) });
    if (response.status !== 201) throw new Error(`POST session answered ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.session as string;
  }

  /** session → lookup → verify (a code by SMS), each on the given instance. */
  async identify(
    index: number,
    order: { amount: number; reference: string },
    card: string,
    headers?: Record<string, string>,
  ): Promise<{ session: string; receipt: string }> {
    const session = await this.session(index, order, headers);
    const lookup = await this.api(index, 'lookup', { session, body: { cardNumber: card }, ...(headers ? { headers } : {}) });
    if (lookup.status !== 200 || lookup.body.status !== 'eligible') {
      throw new Error(`POST lookup answered ${lookup.status} ${JSON.stringify(lookup.body)}`);
    }
    const receipt = lookup.body.receipt as string;
    const sent = await this.api(index, 'verify', { session, body: { receipt, method: 'sms' }, ...(headers ? { headers } : {}) });
    if (sent.status !== 200 || sent.body.status !== 'sent') {
      throw new Error(`POST verify answered ${sent.status} ${JSON.stringify(sent.body)}`);
    }
    return { session, receipt };
  }

  /** The approved `onPurchase` lines for an order, across every instance. */
  approved(reference: string): Outcome[] {
    return this.outcomes.filter((outcome) => outcome.reference === reference && outcome.status === 'approved');
  }
}

/** Counts answers by what a shopper's browser would see: `approved <id>`, `409 purchase_in_progress`, ... */
export function tally(responses: ApiResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const detail = response.status === 200 ? (response.body.authorizationId ?? response.body.code) : undefined;
    const key =
      response.status === 200
        ? `${response.body.status}${detail === undefined ? '' : ` ${detail}`}`
        : `${response.status} ${response.body?.code ?? ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
