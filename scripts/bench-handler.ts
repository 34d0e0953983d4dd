/**
 * Benchmark (not a test): the latency the merchant handler adds over calling Flexiti directly.
 * One process serves the sandbox and the handler, as `npm start` does; the same card lookup is
 * timed N times straight against the sandbox (`GET customers/lookup` with a bearer token) and
 * through the handler (`POST lookup`: session check, schema, receipt signing, the Flexiti call).
 *
 *   npm run bench -- [requests=1000]
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createSandbox, SANDBOX_CLIENT } from '../src/sandbox/index.js';
import { createFlexitiHandler } from '../src/server/index.js';

const requests = Number(process.argv[2] ?? 1000);
const warmup = 100;
const card = '6374980000000001';

const sandbox = createSandbox({ basePath: '/sandbox' });
const app = new Hono();
let handler: ReturnType<typeof createFlexitiHandler> | undefined;
app.all('/api/flexiti/*', (c) => handler!(c.req.raw, { clientAddress: '127.0.0.1' }));
app.all('/sandbox/*', (c) => sandbox.fetch(c.req.raw, c.env));
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const unlimited = { perSession: { max: 1e9, windowMs: 60_000 }, perAddress: { max: 1e9, windowMs: 60_000 } };
handler = createFlexitiHandler({
  apiBase: `${base}/sandbox/flexiti/pos-api`,
  clientId: SANDBOX_CLIENT.clientId,
  clientSecret: SANDBOX_CLIENT.clientSecret,
  sessionSecret: 'bench-session-secret-0123456789abcdef012345',
  resolveOrder: () => ({ amount: 100, reference: 'BENCH-1' }),
  rateLimits: { verify: unlimited },
  logger: false,
});

const token = await fetch(`${base}/sandbox/flexiti/pos-api/v2.5/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ client_id: SANDBOX_CLIENT.clientId, client_secret: SANDBOX_CLIENT.clientSecret, grant_type: 'client_credentials' }),
}).then((r) => r.json() as Promise<{ access_token: string }>);
const session = await fetch(`${base}/api/flexiti/session`, { method: 'POST' }).then((r) => r.json() as Promise<{ session: string }>);

const direct = () =>
  fetch(`${base}/sandbox/flexiti/pos-api/v2.5/client-id/${SANDBOX_CLIENT.clientId}/customers/lookup?vcc_number=${card}&lang=en`, {
    headers: { authorization: `Bearer ${token.access_token}`, 'x-reference-id': crypto.randomUUID().replace(/-/g, '') },
  });
const viaHandler = () =>
  fetch(`${base}/api/flexiti/lookup?lang=en-CA`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.session}`, 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber: card }),
  });

async function time(call: () => Promise<Response>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + requests; i++) {
    const started = performance.now();
    const response = await call();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`status ${response.status}`);
    if (i >= warmup) samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
// Interleave the two so that machine noise hits both alike.
const rounds = 5;
const d: number[] = [];
const h: number[] = [];
for (let r = 0; r < rounds; r++) {
  d.push(...(await time(direct)));
  h.push(...(await time(viaHandler)));
}
d.sort((a, b) => a - b);
h.sort((a, b) => a - b);
const fmt = (n: number) => `${n.toFixed(2)} ms`;
console.log(`route: POST lookup (handler) vs GET customers/lookup (sandbox), ${d.length} requests each, sequential`);
console.log(`direct   p50 ${fmt(pct(d, 50))}  p99 ${fmt(pct(d, 99))}`);
console.log(`handler  p50 ${fmt(pct(h, 50))}  p99 ${fmt(pct(h, 99))}`);
console.log(`added    p50 ${fmt(pct(h, 50) - pct(d, 50))}  p99 ${fmt(pct(h, 99) - pct(d, 99))}`);
server.close();
