/**
 * `npm start`: the demo in one process on PORT (default 8080).
 *
 * - FLEXITI_API_BASE (with FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET): a Flexiti environment
 *   instead of the embedded sandbox. A standalone `flexiti-sandbox` on this machine needs no
 *   credentials: its own are used.
 * - REDIS_URL: carts, claims, budgets, the Flexiti token and caches in Redis, so several demo
 *   processes sharing REDIS_URL, FLEXITI_SESSION_SECRET and one FLEXITI_API_BASE act as one store.
 * - ALLOWED_ORIGINS: comma-separated origins of other sites whose pages may call the handler.
 * - HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS: how long a client may take to send its headers (10 s)
 *   and its whole request (15 s).
 * - FLEXITI_ADMIN_KEY: the key of the handler's admin routes and of the back office at
 *   /orders.html (at least 32 characters). Unset, a random key is made at start and printed once.
 * - FLEXITI_AUTO_CAPTURE=true: capture each purchase when it is authorized. Otherwise the store
 *   captures when it ships, from the back office.
 */
import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { SANDBOX_CLIENT } from '../src/sandbox/index.js';
import { createRedisState } from '../src/server/redis.js';
import { createDemoApp } from './app.js';
import { redisStore } from './store.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const env = process.env;
const localSandbox = env.FLEXITI_API_BASE && /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(env.FLEXITI_API_BASE);
if (env.FLEXITI_API_BASE && !localSandbox && !(env.FLEXITI_CLIENT_ID && env.FLEXITI_CLIENT_SECRET)) {
  console.error('FLEXITI_API_BASE needs FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET as well.');
  process.exit(1);
}
if (env.FLEXITI_ADMIN_KEY !== undefined && env.FLEXITI_ADMIN_KEY.length < 32) {
  console.error('FLEXITI_ADMIN_KEY must be at least 32 characters (a random secret, not a password).');
  process.exit(1);
}
if (env.REDIS_URL && !env.FLEXITI_SESSION_SECRET) {
  console.warn('REDIS_URL without FLEXITI_SESSION_SECRET: sessions from this process are valid only here.');
}
if (env.REDIS_URL && !env.FLEXITI_ADMIN_KEY) {
  console.warn('REDIS_URL without FLEXITI_ADMIN_KEY: the admin key printed below works on this process only.');
}

let redis: Awaited<ReturnType<typeof connectRedis>> | undefined;
if (env.REDIS_URL) redis = await connectRedis(env.REDIS_URL);

async function connectRedis(url: string) {
  // `redis` is an optional dependency of the package: loaded only when asked for.
  const { createClient } = await import('redis');
  const client = createClient({
    url,
    // Fail at once while Redis is down (purchases answer a retryable 503) instead of queueing.
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  });
  client.on('error', (error: Error) => console.warn(`redis: ${error.message}`));
  await client.connect();
  return client;
}

const adminKey = env.FLEXITI_ADMIN_KEY ?? randomBytes(32).toString('hex');

const { app } = createDemoApp({
  origin: `http://127.0.0.1:${port}`,
  adminKey,
  autoCapture: env.FLEXITI_AUTO_CAPTURE === 'true',
  ...(env.FLEXITI_API_BASE
    ? {
        flexiti: {
          apiBase: env.FLEXITI_API_BASE,
          clientId: env.FLEXITI_CLIENT_ID ?? SANDBOX_CLIENT.clientId,
          clientSecret: env.FLEXITI_CLIENT_SECRET ?? SANDBOX_CLIENT.clientSecret,
          ...(env.FLEXITI_MERCHANT_USERNAME
            ? { merchantUsername: env.FLEXITI_MERCHANT_USERNAME, merchantPassword: env.FLEXITI_MERCHANT_PASSWORD ?? '' }
            : {}),
        },
      }
    : {}),
  ...(env.FLEXITI_SESSION_SECRET ? { sessionSecret: env.FLEXITI_SESSION_SECRET } : {}),
  ...(redis ? { state: createRedisState(redis), store: redisStore(redis) } : {}),
  ...(env.ALLOWED_ORIGINS
    ? { allowedOrigins: env.ALLOWED_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean) }
    : {}),
});

// A client that trickles its headers or body is cut off after seconds (Node's default is 5 minutes).
const headersTimeout = Number(env.HEADERS_TIMEOUT_MS ?? 10_000);
const requestTimeout = Number(env.REQUEST_TIMEOUT_MS ?? 15_000);
const serverOptions = { headersTimeout, requestTimeout, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };
const server = serve({ fetch: app.fetch, port, hostname: host, serverOptions }, (info) => {
  const target = env.FLEXITI_API_BASE ? `Flexiti at ${env.FLEXITI_API_BASE}` : 'embedded sandbox';
  const state = redis ? `, state in Redis at ${new URL(env.REDIS_URL!).host}` : '';
  console.log(`flexiti-checkout demo on http://${host}:${info.port}/ (${target}${state})`);
  // A key made here exists nowhere else: the developer at this console needs it for the back office.
  if (!env.FLEXITI_ADMIN_KEY) console.log(`back office: http://${host}:${info.port}/orders.html with the admin key ${adminKey}`);
  else console.log(`back office: http://${host}:${info.port}/orders.html (admin key from FLEXITI_ADMIN_KEY)`);
});

const stop = () => {
  server.close();
  void redis?.quit().catch(() => {});
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
