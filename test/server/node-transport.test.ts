/**
 * Served through the Node adapter, the handler reaches Flexiti over undici's `request` rather
 * than `fetch`. The same failures must read the same way: a lost answer is searched for, a slow
 * Flexiti times out retryably, a refused connection is retried, and nothing is authorized twice.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { serveSandbox } from '../../src/sandbox/node.js';
import { createFlexitiHandler, uniformLimits, type FlexitiHandlerConfig, type LogEntry } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { SESSION_SECRET, newOrder } from './stack.js';

let sandbox: Awaited<ReturnType<typeof serveSandbox>>;
const servers: Server[] = [];

beforeAll(async () => {
  sandbox = await serveSandbox({ port: 0 });
});
afterAll(async () => {
  for (const server of servers) server.close();
  await sandbox.close();
});

async function serveHandler(config: Partial<FlexitiHandlerConfig> = {}) {
  const logs: LogEntry[] = [];
  let order = newOrder(90);
  const handler = createFlexitiHandler({
    apiBase: `${sandbox.url}/flexiti/pos-api`,
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    sessionSecret: SESSION_SECRET,
    resolveOrder: () => order,
    logger: (entry) => void logs.push(entry),
    limits: uniformLimits({ max: 1000, windowMs: 60_000 }),
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    ...config,
  });
  const server = createServer(toNodeListener(handler));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/flexiti`;
  const post = async (path: string, body: unknown, session?: string) => {
    const response = await fetch(`${base}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  };
  const get = async (path: string, session: string) => {
    const response = await fetch(`${base}/${path}`, { headers: { authorization: `Bearer ${session}` } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json()) as any };
  };
  return {
    logs,
    post,
    get,
    async checkout(amount = 90) {
      order = newOrder(amount);
      const session = (await post('session', { flow: 'checkout' })).body.session as string;
      const lookup = await post('lookup', { cardNumber: '6374980000000001' }, session);
      return { session, order, receipt: lookup.body.receipt as string, lookup };
    },
  };
}

describe('Flexiti over undici, through the Node adapter', () => {
  it('pays an order and finds a lost authorization answer instead of authorizing again', async () => {
    const shop = await serveHandler();
    const { session, order, receipt, lookup } = await shop.checkout(91);
    expect(lookup.body.status).toBe('eligible');
    await shop.post('verify', { receipt, method: 'sms' }, session);
    sandbox.sandbox.setFaults({ dropResponseNext: 1, match: /\/authorization$/ });
    const paid = await shop.post('purchase', { receipt, plan: { type: 'regular' }, code: '2222' }, session);
    expect(paid.body).toMatchObject({ status: 'approved', amount: 91 });
    expect(sandbox.sandbox.authorizations({ reference: order.reference })).toHaveLength(1);
    expect(shop.logs.some((entry) => entry.event === 'flexiti_transport_error' && entry.route === 'authorization')).toBe(true);
  });

  it('times out a slow Flexiti with a retryable 503', async () => {
    const shop = await serveHandler({ timeoutMs: 300, retry: { attempts: 1 } });
    const { session } = await shop.checkout();
    sandbox.sandbox.setFaults({ latencyMs: 5_000, match: /customers\/lookup/ });
    try {
      const started = Date.now();
      const slow = await shop.post('lookup', { cardNumber: '6374980000000001' }, session);
      expect(slow).toMatchObject({ status: 503, body: { code: 'flexiti_unavailable', retryable: true } });
      // Flexiti would have answered after 5,000 ms; the 300 ms timeout answered long before (with room for a loaded machine).
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      sandbox.sandbox.setFaults({});
    }
  });

  it('retries a refused connection, then answers a retryable 503', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const shop = await serveHandler({ apiBase: `http://127.0.0.1:${port}/flexiti/pos-api` });
    const session = (await shop.post('session', { flow: 'apply' })).body.session as string;
    expect(await shop.get('form-values?lang=en-CA', session)).toMatchObject({ status: 503, body: { code: 'flexiti_unavailable', retryable: true } });
    expect(shop.logs.filter((entry) => entry.event === 'token_transport_error').length).toBeGreaterThanOrEqual(3);
  });
});
