/**
 * Benchmark (not a test) of the merchant handler against the targets of its performance issue.
 * Every figure is a RATIO against a baseline measured side by side in the same run, interleaved
 * round by round so that the noise of a shared machine hits both sides alike; absolute numbers
 * are printed for information only.
 *
 *   npm run bench -- [--rounds 3] [--seconds 5] [--keys 100000] [--quick]
 *
 * Processes (all on 127.0.0.1, ports picked by the OS):
 * - sandbox: the Flexiti POS API sandbox (`serveSandbox`), alone in its process; it answers the
 *   bench's questions about its request counters over IPC (`sandbox.stats.byRoute`).
 * - handler: `createFlexitiHandler` served by `toNodeListener` (@hono/node-server), calling the
 *   sandbox over HTTP, rate limits effectively unlimited, `trustProxy: true`.
 * - bare: a bare Hono app (`serve` from @hono/node-server) that takes the same `POST lookup`,
 *   forwards it with `fetch` as `GET customers/lookup` with a bearer token it got once, and
 *   returns the JSON: what the handler is compared with.
 * - keys-1k and keys-100k: see "Flat cost" below.
 * - this process: autocannon (programmatic API) as the load generator, and the report.
 *
 * Measurements:
 * 1. Throughput: `POST /api/flexiti/lookup` at 10 and 50 connections, handler and bare app
 *    alternating (the first of each pair alternates too), `--rounds` rounds of `--seconds` each.
 *    Median req/s per side, and their ratio: target handler ≥ 0.85 × bare. Also shown: each
 *    round's ratio (the two runs of a round are neighbours in time) and the CPU µs the app's
 *    process spent per request (`process.cpuUsage` around each run), the steadier signal on a
 *    busy machine.
 * 2. Added latency at 1 connection: the same interleaving; every response time is taken from
 *    autocannon's `response` event (its own histogram has 1 ms buckets). Target p99(handler) −
 *    p99(bare) ≤ 2 ms, over all samples of all rounds.
 * 3. Flat cost from 1k to 100k keys. Done IN-PROCESS, by choice: 100k distinct sessions and
 *    addresses over HTTP through two extra processes would take most of the time budget, and
 *    socket work would only dilute the ratio. Each of two child processes holds one handler whose
 *    Flexiti `fetch` is an in-process sandbox (`createSandbox().fetch`, the same code the sandbox
 *    process serves), and calls the handler function with `Request`s: per key a `POST session`
 *    from its own `x-forwarded-for` address (`trustProxy: true`, its own order reference), then a
 *    `POST lookup` with that new session from the same address. One process is filled with 1,000
 *    keys, the other with 100,000 (bounded by a deadline; the report says how many it reached).
 *    Then both measure batches of new keys, alternating, and report CPU µs per `POST session` and
 *    per `POST lookup` (median of the batches), and RSS and heap after full GCs (see `memory`;
 *    RSS keeps the peak of the fill, V8 rarely gives memory back). Target ≤ 1.5×.
 * 4. Flexiti round trips per purchase: one fresh purchase through the served handler (session →
 *    lookup → verify → plans → purchase, card 6374980000000001, code 2222, plan regular), the
 *    sandbox's counters per route before and after each step; then the same through a handler
 *    whose state is in a real `redis-server` (started on a free port when it is installed), where
 *    the order's record proves it was never attempted: target one call for `POST purchase`.
 *
 * Exits non-zero only when something crashes; PASS/FAIL lines are information.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createSandbox, SANDBOX_CLIENT } from '../src/sandbox/index.js';
import { serveSandbox } from '../src/sandbox/node.js';
import { createFlexitiHandler, uniformLimits, type FlexitiHandlerConfig } from '../src/server/index.js';
import { toNodeListener } from '../src/server/node.js';
import { createRedisState } from '../src/server/redis.js';
import { startRedisServer, type RedisServer } from '../test/redis/redis-server.js';

const CARD = '6374980000000001';
const SESSION_SECRET = 'bench-session-secret-0123456789abcdef012345';
const LOOKUP_BODY = JSON.stringify({ cardNumber: CARD });
const THROUGHPUT_TARGET = 0.85;
const ADDED_P99_TARGET_MS = 2;
const FLAT_TARGET = 1.5;

const { values: args } = parseArgs({
  options: {
    role: { type: 'string' },
    sandbox: { type: 'string' },
    redis: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    keys: { type: 'string' },
    quick: { type: 'boolean' },
  },
  strict: false,
  allowPositionals: true,
});

// ---------------------------------------------------------------------------------------------
// Child processes: a small request/answer protocol over IPC.

type Commands = Record<string, (input: any) => unknown>;

function serveCommands(commands: Commands, ready: Record<string, unknown>): void {
  process.on('message', async (message: { id: number; command: string; input: unknown }) => {
    try {
      const result = await commands[message.command]!(message.input);
      process.send!({ id: message.id, ok: true, result });
    } catch (error) {
      process.send!({ id: message.id, ok: false, error: error instanceof Error ? error.stack : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true, ...ready });
}

/**
 * After full GCs with pauses between them: right after a burst most of the heap is garbage that
 * waits for FinalizationRegistry callbacks (undici's requests, responses and streams, the timers of
 * `AbortSignal.timeout`), which only run after a GC, in a later task.
 */
async function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  gc?.();
  const { rss, heapUsed, heapTotal } = process.memoryUsage();
  return { rssMB: rss / 2 ** 20, heapUsedMB: heapUsed / 2 ** 20, heapTotalMB: heapTotal / 2 ** 20 };
}

/** Budgets that never throttle the bench. */
const unlimited = (): Partial<FlexitiHandlerConfig> => ({ limits: uniformLimits({ max: 1e9, windowMs: 60_000 }) });

function handlerConfig(apiBase: string, referencePrefix: string, extra: Partial<FlexitiHandlerConfig> = {}): FlexitiHandlerConfig {
  let orders = 0;
  return {
    apiBase,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    sessionSecret: SESSION_SECRET,
    resolveOrder: () => ({ amount: 100, reference: `${referencePrefix}-${process.pid}-${++orders}` }),
    trustProxy: true,
    logger: false,
    ...unlimited(),
    ...extra,
  };
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

async function sandboxRole() {
  const served = await serveSandbox({ port: 0, host: '127.0.0.1' });
  serveCommands({ stats: () => served.sandbox.stats, memory }, { url: served.url });
}

async function handlerRole() {
  let state: Partial<FlexitiHandlerConfig> = {};
  if (typeof args.redis === 'string') {
    const { createClient } = await import('redis');
    const client = createClient({ url: args.redis, disableOfflineQueue: true });
    await client.connect();
    state = { state: createRedisState(client, { prefix: `bench-${process.pid}:` }) };
  }
  const handler = createFlexitiHandler(handlerConfig(`${args.sandbox}/flexiti/pos-api`, 'BENCH', state));
  const port = await listen(createServer(toNodeListener(handler)));
  serveCommands({ memory, cpu: () => process.cpuUsage() }, { port });
}

async function bareRole() {
  const sandbox = String(args.sandbox);
  const token = await fetch(`${sandbox}/flexiti/pos-api/v2.5/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: SANDBOX_CLIENT.clientId, client_secret: SANDBOX_CLIENT.clientSecret, grant_type: 'client_credentials' }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const lookup = `${sandbox}/flexiti/pos-api/v2.5/client-id/${SANDBOX_CLIENT.clientId}/customers/lookup`;
  const app = new Hono();
  app.post('/api/flexiti/lookup', async (c) => {
    const body = await c.req.json<{ cardNumber: string }>();
    const response = await fetch(`${lookup}?vcc_number=${encodeURIComponent(body.cardNumber)}&lang=en`, {
      headers: { authorization: `Bearer ${token.access_token}`, 'x-reference-id': crypto.randomUUID().replace(/-/g, '') },
    });
    return c.json(await response.json(), response.status as 200);
  });
  const port = await new Promise<number>((resolve) => {
    serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  serveCommands({ memory, cpu: () => process.cpuUsage() }, { port });
}

/** A handler called in-process, its Flexiti calls answered by an in-process sandbox. */
async function keysRole() {
  const sandbox = createSandbox();
  const handler = createFlexitiHandler(
    handlerConfig('http://sandbox.invalid/flexiti/pos-api', 'KEYS', {
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    }),
  );
  let seen = 0;
  const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const call = async (path: string, headers: Record<string, string>, body: string) => {
    const response = await handler(
      new Request(`http://shop.test/api/flexiti/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }),
    );
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const newSession = async (n: number) =>
    String((await call('session', { 'x-forwarded-for': address(n) }, '{"flow":"checkout"}')).session);
  const lookup = (n: number, session: string) =>
    call('lookup', { 'x-forwarded-for': address(n), authorization: `Bearer ${session}` }, LOOKUP_BODY);
  /** `work(n)` for n in [from, to), `width` at a time, until done or past the deadline; the count done. */
  const pool = async (from: number, to: number, work: (n: number) => Promise<unknown>, deadline = Infinity) => {
    let next = from;
    const worker = async () => {
      while (next < to && performance.now() < deadline) await work(next++);
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return next - from;
  };
  serveCommands(
    {
      async fill({ target, deadlineMs }: { target: number; deadlineMs: number }) {
        const started = performance.now();
        seen += await pool(seen, target, async (n) => lookup(n, await newSession(n)), started + deadlineMs);
        return { seen, seconds: (performance.now() - started) / 1000 };
      },
      async measure({ count }: { count: number }) {
        const from = seen;
        const sessions: string[] = [];
        const cpu0 = process.cpuUsage();
        await pool(from, from + count, async (n) => void (sessions[n - from] = await newSession(n)));
        const cpu1 = process.cpuUsage();
        await pool(from, from + count, (n) => lookup(n, sessions[n - from]!));
        const cpu2 = process.cpuUsage();
        seen += count;
        const micros = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / count;
        return { sessionUs: micros(cpu0, cpu1), lookupUs: micros(cpu1, cpu2), seen };
      },
      memory,
    },
    {},
  );
}

// ---------------------------------------------------------------------------------------------
// The bench process.

interface Child {
  ready: Record<string, unknown>;
  call<T>(command: string, input?: unknown): Promise<T>;
  stop(): void;
}

const children: ChildProcess[] = [];

function start(role: string, extraArgs: string[] = []): Promise<Child> {
  const child = fork(fileURLToPath(import.meta.url), ['--role', role, ...extraArgs], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  let ids = 0;
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const error = new Error(`bench child "${role}" exited (${code})`);
      reject(error);
      for (const p of pending.values()) p.reject(error);
    });
    child.on('message', (message: any) => {
      if (message.ready) {
        resolve({
          ready: message,
          call: (command, input) =>
            new Promise((res, rej) => {
              const id = ++ids;
              pending.set(id, { resolve: res, reject: rej });
              child.send({ id, command, input });
            }),
          stop: () => child.connected && child.disconnect(),
        });
        return;
      }
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) p?.resolve(message.result);
      else p?.reject(new Error(`bench child "${role}": ${message.error}`));
    });
  });
}

interface AutocannonResult {
  duration: number;
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Load {
  reqPerSec: number;
  /** CPU (user + system) the app's process spent per request, µs. */
  cpuPerRequestUs: number;
  failures: number;
  latencies: number[];
}

async function load(
  url: string,
  session: string,
  connections: number,
  seconds: number,
  options: { keepLatencies?: boolean; server?: Child } = {},
): Promise<Load> {
  const latencies: number[] = [];
  const cpuBefore = await options.server?.call<NodeJS.CpuUsage>('cpu');
  const instance = autocannon({
    url: `${url}/api/flexiti/lookup?lang=en-CA`,
    method: 'POST',
    headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
    body: LOOKUP_BODY,
    connections,
    duration: seconds,
  });
  if (options.keepLatencies) instance.on('response', (_client, status, _bytes, time) => status === 200 && latencies.push(time));
  const result = await instance;
  const cpuAfter = await options.server?.call<NodeJS.CpuUsage>('cpu');
  const cpuMicros = cpuBefore && cpuAfter ? cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system : NaN;
  return {
    reqPerSec: result.requests.total / (result.duration || seconds),
    failures: result.errors + result.timeouts + result.non2xx,
    latencies,
    cpuPerRequestUs: cpuMicros / Math.max(1, result.requests.total),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const log = (line: string) => process.stderr.write(`${line}\n`);

async function post(url: string, path: string, body: unknown, session?: string) {
  const response = await fetch(`${url}/api/flexiti/${path}?lang=en-CA`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>;
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function main() {
  const quick = args.quick === true;
  const rounds = Number(args.rounds ?? (quick ? 1 : 3));
  const seconds = Number(args.seconds ?? (quick ? 2 : 5));
  const keys = Number(args.keys ?? (quick ? 20_000 : 100_000));
  const batch = quick ? 500 : 1000;
  const began = performance.now();

  const sandbox = await start('sandbox');
  const sandboxUrl = String(sandbox.ready.url);
  const [handler, bare, small, large] = await Promise.all([
    start('handler', ['--sandbox', sandboxUrl]),
    start('bare', ['--sandbox', sandboxUrl]),
    start('keys'),
    start('keys'),
  ]);
  const apps = {
    handler: `http://127.0.0.1:${handler.ready.port}`,
    bare: `http://127.0.0.1:${bare.ready.port}`,
  };
  const session = String((await post(apps.handler, 'session', { flow: 'checkout' })).session);
  const check = await post(apps.bare, 'lookup', { cardNumber: CARD });
  if (check.account_number === undefined) throw new Error(`bare app: unexpected answer ${JSON.stringify(check)}`);
  if ((await post(apps.handler, 'lookup', { cardNumber: CARD }, session)).status !== 'eligible') throw new Error('handler: lookup not eligible');

  // 4. Round trips per purchase, first, while nothing else runs.
  log('purchase: counting Flexiti calls per step');
  type Stats = { byRoute: Record<string, number> };
  const steps: Array<{ step: string; calls: Record<string, number> }> = [];
  let before = await sandbox.call<Stats>('stats');
  const step = async <T>(name: string, run: () => Promise<T>) => {
    const result = await run();
    const after = await sandbox.call<Stats>('stats');
    const calls: Record<string, number> = {};
    for (const [route, count] of Object.entries(after.byRoute)) {
      const delta = count - (before.byRoute[route] ?? 0);
      if (delta) calls[route] = delta;
    }
    steps.push({ step: name, calls });
    before = after;
    return result;
  };
  const purchase = async (app: string) => {
    const buyer = String((await step('POST session', () => post(app, 'session', { flow: 'checkout' }))).session);
    const receipt = String((await step('POST lookup', () => post(app, 'lookup', { cardNumber: CARD }, buyer))).receipt);
    await step('POST verify', () => post(app, 'verify', { receipt, method: 'sms' }, buyer));
    await step('POST plans', () => post(app, 'plans', { receipt }, buyer));
    const paid = await step('POST purchase', () => post(app, 'purchase', { receipt, plan: { type: 'regular' }, code: '2222' }, buyer));
    if (paid.status !== 'approved') throw new Error(`purchase: ${JSON.stringify(paid)}`);
    const calls = steps.at(-1)!.calls;
    return (calls['GET authorizations'] ?? 0) + (calls['POST authorization'] ?? 0);
  };
  const purchaseFlexiti = await purchase(apps.handler);
  // The same with the state in Redis, where the order's record proves it was never attempted.
  let redisServer: RedisServer | undefined;
  let purchaseFlexitiRedis: number | string;
  try {
    redisServer = await startRedisServer();
    const shared = await start('handler', ['--sandbox', sandboxUrl, '--redis', redisServer.url]);
    const stepsBefore = steps.length;
    purchaseFlexitiRedis = await purchase(`http://127.0.0.1:${shared.ready.port}`);
    for (const entry of steps.slice(stepsBefore)) entry.step = `${entry.step} (Redis)`;
    shared.stop();
  } catch (error) {
    purchaseFlexitiRedis = `not measured (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await redisServer?.stop();
  }

  // Warm both apps (JIT, sockets, the handler's Flexiti token).
  log('warming up');
  await load(apps.handler, session, 10, quick ? 1 : 2);
  await load(apps.bare, session, 10, quick ? 1 : 2);

  // 1. Throughput, interleaved.
  const servers = { handler, bare };
  const throughput: Array<{ connections: number; handler: number[]; bare: number[]; cpu: { handler: number[]; bare: number[] }; failures: number }> = [];
  for (const connections of [10, 50]) {
    const row = { connections, handler: [] as number[], bare: [] as number[], cpu: { handler: [] as number[], bare: [] as number[] }, failures: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? (['bare', 'handler'] as const) : (['handler', 'bare'] as const)) {
        const result = await load(apps[side], session, connections, seconds, { server: servers[side] });
        row[side].push(result.reqPerSec);
        row.cpu[side].push(result.cpuPerRequestUs);
        row.failures += result.failures;
        log(`throughput ${connections} conn, round ${round + 1}: ${side} ${result.reqPerSec.toFixed(0)} req/s, ${result.cpuPerRequestUs.toFixed(0)} µs CPU/request`);
      }
    }
    throughput.push(row);
  }

  // 2. Added latency at one connection, interleaved.
  const latency = { handler: [] as number[], bare: [] as number[], rounds: [] as number[], failures: 0 };
  for (let round = 0; round < rounds; round++) {
    const p99: Record<string, number> = {};
    for (const side of round % 2 ? (['bare', 'handler'] as const) : (['handler', 'bare'] as const)) {
      const result = await load(apps[side], session, 1, seconds, { keepLatencies: true });
      latency[side].push(...result.latencies);
      latency.failures += result.failures;
      p99[side] = percentile(result.latencies, 99);
    }
    latency.rounds.push(p99.handler! - p99.bare!);
    log(`latency 1 conn, round ${round + 1}: p99 handler ${p99.handler!.toFixed(2)} ms, bare ${p99.bare!.toFixed(2)} ms`);
  }
  const serverMemory = await handler.call<Awaited<ReturnType<typeof memory>>>('memory');

  // 3. Flat cost from 1k to `keys` keys, in two processes, measured alternately.
  log(`keys: filling 1,000 and ${keys.toLocaleString('en')} sessions/addresses`);
  const filled = {
    small: await small.call<{ seen: number; seconds: number }>('fill', { target: 1000, deadlineMs: 60_000 }),
    large: await large.call<{ seen: number; seconds: number }>('fill', { target: keys, deadlineMs: quick ? 30_000 : 90_000 }),
  };
  const memoryAt = {
    small: await small.call<Awaited<ReturnType<typeof memory>>>('memory'),
    large: await large.call<Awaited<ReturnType<typeof memory>>>('memory'),
  };
  type Cost = { sessionUs: number; lookupUs: number; seen: number };
  const costs = { small: [] as Cost[], large: [] as Cost[] };
  for (let round = 0; round < (quick ? 3 : 5); round++) {
    for (const side of round % 2 ? (['large', 'small'] as const) : (['small', 'large'] as const)) {
      costs[side].push(await (side === 'small' ? small : large).call<Cost>('measure', { count: batch }));
    }
  }
  const flat = {
    session: { small: median(costs.small.map((c) => c.sessionUs)), large: median(costs.large.map((c) => c.sessionUs)) },
    lookup: { small: median(costs.small.map((c) => c.lookupUs)), large: median(costs.large.map((c) => c.lookupUs)) },
  };

  // Report.
  const out: string[] = [];
  const line = (...cells: string[]) => out.push(cells.join('  '));
  line(`flexiti-checkout handler bench: ${rounds} round(s) × ${seconds} s per side, interleaved; node ${process.version}`);
  line('');
  line('throughput, POST lookup   handler req/s   bare req/s   ratio   target ≥ 0.85   app CPU µs/request: handler, bare');
  for (const row of throughput) {
    const h = median(row.handler);
    const b = median(row.bare);
    const paired = row.handler.map((x, i) => x / row.bare[i]!);
    line(
      `  ${String(row.connections).padStart(2)} connections         ${h.toFixed(0).padStart(8)}     ${b.toFixed(0).padStart(8)}     ${(h / b).toFixed(2)}    ${verdict(h / b >= THROUGHPUT_TARGET)}` +
        `            ${median(row.cpu.handler).toFixed(0)}, ${median(row.cpu.bare).toFixed(0)}` +
        `   (per round: ${paired.map((r) => r.toFixed(2)).join(', ')}; their median ${median(paired).toFixed(2)}` +
        (h / b >= THROUGHPUT_TARGET !== median(paired) >= THROUGHPUT_TARGET ? ` says ${verdict(median(paired) >= THROUGHPUT_TARGET)}: noisy, try more --rounds` : '') +
        ')' +
        (row.failures ? `   (${row.failures} failed requests)` : ''),
    );
  }
  const hp99 = percentile(latency.handler, 99);
  const bp99 = percentile(latency.bare, 99);
  line('');
  line('latency, 1 connection     handler ms      bare ms      added   target ≤ 2 ms');
  line(`  p50                      ${percentile(latency.handler, 50).toFixed(2).padStart(8)}     ${percentile(latency.bare, 50).toFixed(2).padStart(8)}     ${(percentile(latency.handler, 50) - percentile(latency.bare, 50)).toFixed(2)}`);
  line(
    `  p99                      ${hp99.toFixed(2).padStart(8)}     ${bp99.toFixed(2).padStart(8)}     ${(hp99 - bp99).toFixed(2)}    ${verdict(hp99 - bp99 <= ADDED_P99_TARGET_MS)}` +
      `   (per round: ${latency.rounds.map((d) => d.toFixed(2)).join(', ')}; ${latency.handler.length}/${latency.bare.length} samples)` +
      (latency.failures ? `   (${latency.failures} failed requests)` : ''),
  );
  line('');
  const largeLabel = `${(filled.large.seen / 1000).toFixed(0)}k keys`;
  line(`flat cost (in-process)    1k keys      ${largeLabel.padEnd(11)}  ratio   target ≤ 1.5`);
  for (const route of ['session', 'lookup'] as const) {
    const { small: s, large: l } = flat[route];
    line(`  CPU µs / POST ${route.padEnd(8)}  ${s.toFixed(0).padStart(8)}     ${l.toFixed(0).padStart(8)}     ${(l / s).toFixed(2)}    ${verdict(l / s <= FLAT_TARGET)}`);
  }
  line(`  RSS MB                   ${memoryAt.small.rssMB.toFixed(1).padStart(8)}     ${memoryAt.large.rssMB.toFixed(1).padStart(8)}`);
  line(`  heap used MB             ${memoryAt.small.heapUsedMB.toFixed(1).padStart(8)}     ${memoryAt.large.heapUsedMB.toFixed(1).padStart(8)}`);
  if (filled.large.seen < keys) {
    line(`  (the large side reached only ${filled.large.seen.toLocaleString('en')} of ${keys.toLocaleString('en')} keys before its deadline)`);
  }
  line(`  (filled 1k in ${filled.small.seconds.toFixed(1)} s, ${filled.large.seen.toLocaleString('en')} in ${filled.large.seconds.toFixed(1)} s; measured ${costs.small.length} batches of ${batch} new keys per side)`);
  line('');
  line('Flexiti calls per purchase (one fresh purchase each, card 6374980000000001, plan regular)');
  for (const { step: name, calls } of steps) {
    const list = Object.entries(calls).map(([route, count]) => `${route} ×${count}`).join(', ');
    line(`  ${name.padEnd(14)} ${list || '(none)'}`);
  }
  line(`  POST purchase made ${purchaseFlexiti} Flexiti call(s) with in-memory state (it searches once per order it has not seen)`);
  line(`  POST purchase made ${purchaseFlexitiRedis} Flexiti call(s) with the state in Redis (target 1)   ${verdict(purchaseFlexitiRedis === 1)}`);
  line('');
  line(`handler process after the load: RSS ${serverMemory.rssMB.toFixed(1)} MB, heap ${serverMemory.heapUsedMB.toFixed(1)} MB; run took ${((performance.now() - began) / 1000).toFixed(0)} s`);
  process.stdout.write(`\n${out.join('\n')}\n`);
}

const roles: Record<string, () => Promise<void>> = {
  sandbox: sandboxRole,
  handler: handlerRole,
  bare: bareRole,
  keys: keysRole,
};

if (typeof args.role === 'string') {
  roles[args.role]!().catch((error: unknown) => {
    process.stderr.write(`bench child ${args.role}: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
} else {
  main().then(
    () => {
      for (const child of children) if (child.connected) child.disconnect();
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      for (const child of children) child.kill();
      process.exit(1);
    },
  );
}
