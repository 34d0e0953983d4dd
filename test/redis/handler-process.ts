/**
 * One merchant handler instance as its own OS process, sharing its state through Redis: what a
 * merchant runs behind a load balancer. Started by the Redis tests with `node --import tsx`.
 *
 * Configuration (environment):
 * - `INSTANCE`: a name for this instance (in its output, and in an `x-test-instance` header on
 *   every call to Flexiti so the test's sandbox knows which instance called).
 * - `API_BASE`: the Flexiti POS API base up to `/flexiti/pos-api` (the test's sandbox).
 * - `REDIS_URL`, `REDIS_PREFIX`, `REDIS_TIMEOUT_MS` (default 2000).
 * - `SESSION_SECRET`: the same on every instance.
 * - `PORT`: default 0 (a free port); a restarted instance takes its old port back.
 * - `LIMITS`: `default` for the handler's own limits, a JSON `LimitsConfig`, or nothing for
 *   generous uniform limits (the budgets have their own test).
 * - `TRUST_PROXY=1`: the client address comes from `X-Forwarded-For`.
 *
 * Output on stdout, one line each: `LISTENING <port>` once it serves, then `OUTCOME <json>` per
 * `onPurchase` / `onApplication` call. Warnings and errors of the handler's log go to stderr as
 * `LOG <json>`. The process ends with its stdin (the test process went away) or on SIGTERM.
 *
 * Test only: `resolveOrder` takes the order from the `amount` and `reference` query parameters
 * of `POST session`; a real store takes it from its own cart.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { createFlexitiHandler, uniformLimits, type LimitsConfig } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { createRedisState } from '../../src/server/redis.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`handler-process: ${name} is required`);
  return value;
};

const instance = env('INSTANCE');
const apiBase = env('API_BASE');
const limitsSetting = process.env.LIMITS;
const limits: LimitsConfig | undefined =
  limitsSetting === 'default'
    ? undefined
    : limitsSetting
      ? (JSON.parse(limitsSetting) as LimitsConfig)
      : uniformLimits({ max: 1_000_000, windowMs: 60_000 });

const print = (line: string): void => void process.stdout.write(`${line}\n`);

const client = createClient({
  url: env('REDIS_URL'),
  disableOfflineQueue: true,
  socket: { connectTimeout: 1000, reconnectStrategy: (retries: number) => Math.min(50 + retries * 50, 300) },
});
// Without a listener a lost connection would end the process; the state reports it instead.
client.on('error', () => {});
await client.connect();

const handler = createFlexitiHandler({
  apiBase,
  clientId: SANDBOX_CLIENT.clientId,
  clientSecret: SANDBOX_CLIENT.clientSecret,
  merchantUsername: SANDBOX_CLIENT.merchantUsername,
  merchantPassword: SANDBOX_CLIENT.merchantPassword,
  sessionSecret: env('SESSION_SECRET'),
  state: createRedisState(client, {
    prefix: env('REDIS_PREFIX'),
    timeoutMs: Number(process.env.REDIS_TIMEOUT_MS ?? 2000),
  }),
  ...(limits === undefined ? {} : { limits }),
  trustProxy: process.env.TRUST_PROXY === '1',
  resolveOrder: (request) => {
    const query = new URL(request.url).searchParams;
    const reference = query.get('reference');
    const amount = Number(query.get('amount'));
    return reference && amount > 0 ? { amount, reference } : null;
  },
  onPurchase: (outcome) => print(`OUTCOME ${JSON.stringify({ instance, kind: 'purchase', ...outcome })}`),
  onApplication: (outcome) => print(`OUTCOME ${JSON.stringify({ instance, kind: 'application', ...outcome })}`),
  logger: (entry) => {
    if (entry.level !== 'info') process.stderr.write(`LOG ${JSON.stringify({ instance, ...entry })}\n`);
  },
  retry: { baseDelayMs: 20, maxDelayMs: 200 },
  timeoutMs: 10_000,
  fetch: (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-test-instance', instance);
    return fetch(input, { ...init, headers });
  },
});

const server = createServer(toNodeListener(handler));
server.keepAliveTimeout = 30_000;
await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => resolve());
});
print(`LISTENING ${(server.address() as AddressInfo).port}`);

let ending = false;
const end = () => {
  if (ending) return;
  ending = true;
  server.closeAllConnections();
  server.close();
  client.destroy();
  setTimeout(() => process.exit(0), 200).unref();
};
process.on('SIGTERM', end);
process.stdin.on('end', end);
process.stdin.on('error', end);
process.stdin.resume();
