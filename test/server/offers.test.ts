/**
 * `GET offers` over HTTP, with the sandbox behind it: the merchant's plans for the on-site message
 * without a session, its configuration merged in, cached on the server and in the browser, refused
 * to other sites' pages, rate-limited per address (across instances on a real Redis), and a
 * retryable error while Flexiti is down.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxMessageConfig, SANDBOX_CLIENT } from '../../src/sandbox/index.js';
import { OffersSchema } from '../../src/schemas/index.js';
import { createFlexitiHandler, type FlexitiHandlerConfig, type MessageConfig } from '../../src/server/index.js';
import { createRedisState } from '../../src/server/redis.js';
import { redisForTests } from '../redis/client.js';
import { anotherInstance, expectNoLeaks, SESSION_SECRET, startStack, type Stack } from './stack.js';

const MINUTE = 60_000;
const SHOP = 'https://shop.example';
const sandbox = sandboxMessageConfig();
/** The sandbox's plans; plan 4 hidden, plan 5 with a payments setting it cannot have (equal billing). */
const message: MessageConfig = {
  ...sandbox,
  plans: { ...sandbox.plans, 4: { ...sandbox.plans[4], hidden: true }, 5: { ...sandbox.plans[5], payments: 'none' } },
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    handler: { message, allowedOrigins: [SHOP], trustProxy: true, limits: { offers: { perAddress: { max: 5, windowMs: MINUTE } } } },
  });
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

let addresses = 0;
/** A client of its own, so each test has the whole budget. */
const client = (headers: Record<string, string> = {}) => ({ 'x-forwarded-for': `198.51.100.${++addresses}`, ...headers });
const logins = (s: Stack) => s.sandbox.stats.byRoute['POST merchants/login'] ?? 0;

describe('the answer', () => {
  it('needs no session and holds the contract', async () => {
    const response = await stack.api('offers', { headers: client() });
    expect(response.status).toBe(200);
    expect(v.safeParse(OffersSchema, response.body).success).toBe(true);
    expect(response.body).toMatchObject({ lang: 'en-CA', currency: 'CAD' });
  });

  it('merges the configuration into Flexiti’s plans and leaves out the hidden one', async () => {
    const { body } = await stack.api('offers?lang=en-CA', { headers: client() });
    expect(body.plans.map((p: { planId: number }) => p.planId)).toEqual([1, 2, 5, 6, 7, 9]);
    expect(body.plans.find((p: { planId: number }) => p.planId === 2)).toEqual({
      planId: 2,
      name: 'Equal Payments, Low Interest',
      category: 'equal_billing',
      terms: [3, 6, 40, 60],
      rate: 0.0999,
      payments: null,
      fee: 0,
      minAmount: 100,
      maxAmount: 25_000,
    });
    expect(body.plans.find((p: { planId: number }) => p.planId === 7)).toEqual({
      planId: 7,
      name: 'No Interest, No Payments',
      category: 'deferred_payment',
      terms: [3, 12],
      rate: 0,
      payments: 'none',
      fee: 49.99,
      minAmount: 300,
      maxAmount: 25_000,
    });
    expect(body.plans.find((p: { planId: number }) => p.planId === 9)).toMatchObject({ payments: 'minimum', fee: 0, minAmount: 300 });
  });

  it('gives an equal-billing plan no payments setting, and says so once in the log', async () => {
    const { body } = await stack.api('offers', { headers: client() });
    await stack.api('offers', { headers: client() });
    expect(body.plans.find((p: { planId: number }) => p.planId === 5)).toMatchObject({ rate: 0, payments: null });
    const warnings = stack.logs.filter((entry) => entry.event === 'message_config_ignored');
    expect(warnings).toEqual([{ level: 'warn', event: 'message_config_ignored', route: 'plan 5', code: 'payments_on_equal_plan' }]);
  });

  it('names the plans in French with ?lang=fr-CA', async () => {
    const { body } = await stack.api('offers?lang=fr-CA', { headers: client() });
    expect(body.lang).toBe('fr-CA');
    expect(body.plans.find((p: { planId: number }) => p.planId === 7).name).toBe('Sans intérêt ni versement');
    expect(body.plans.find((p: { planId: number }) => p.planId === 2).name).toBe('Versements égaux, faible intérêt');
  });

  it('without configuration: Flexiti’s plans with no rate, payments or fee, and the handler’s bounds', async () => {
    const bare = await startStack();
    try {
      const { body } = await bare.api('offers');
      expect(body.plans).toHaveLength(7);
      for (const plan of body.plans) expect(plan).toMatchObject({ rate: null, payments: null, fee: null, minAmount: 0.01, maxAmount: 100_000 });
    } finally {
      await bare.close();
    }
  });

  it('logs the request line and nothing else about it', async () => {
    const before = stack.logs.length;
    await stack.api('offers?lang=fr-CA', { headers: client() });
    expect(stack.logs.slice(before)).toEqual([{ level: 'info', event: 'request', route: 'GET /offers', status: 200, durationMs: expect.any(Number) }]);
  });
});

describe('caching', () => {
  it('asks Flexiti once: the second call is answered from the cache', async () => {
    await stack.api('offers?lang=en-CA', { headers: client() });
    const before = logins(stack);
    const again = await stack.api('offers?lang=en-CA', { headers: client() });
    expect(again.status).toBe(200);
    expect(logins(stack)).toBe(before);
  });

  it('lets browsers keep it five minutes and revalidate it with its ETag', async () => {
    const first = await stack.api('offers', { headers: client() });
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(first.headers.get('vary')).toBe('Origin');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const revalidated = await stack.api('offers', { headers: client({ 'if-none-match': tag! }) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=300');
    // Another language is another answer.
    const french = await stack.api('offers?lang=fr-CA', { headers: client({ 'if-none-match': tag! }) });
    expect(french.status).toBe(200);
    expect(french.headers.get('etag')).not.toBe(tag);
  });
});

describe('only the merchant’s pages', () => {
  it('refuses another site’s origin, and answers an allowed one with CORS', async () => {
    const foreign = await stack.api('offers', { headers: client({ origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' }) });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'origin_not_allowed', retryable: false } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await stack.api('offers', { headers: client({ origin: SHOP, 'sec-fetch-site': 'cross-site' }) });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('vary')).toBe('Origin');
  });

  it('refuses a cross-site request that carries no origin (a script or image tag, a no-cors fetch)', async () => {
    const headers = client({ 'sec-fetch-site': 'cross-site' });
    const refused = await stack.api('offers', { headers });
    expect(refused).toMatchObject({ status: 403, body: { code: 'origin_not_allowed' } });
    expect(refused.headers.get('cache-control')).toBe('no-store');
    // Refusals spend nothing: the same address still has its whole budget.
    for (let i = 0; i < 5; i++) expect((await stack.api('offers', { headers: { ...headers, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });

  it('answers the merchant’s own pages and an address typed by hand', async () => {
    for (const site of ['same-origin', 'same-site', 'none']) {
      expect((await stack.api('offers', { headers: client({ 'sec-fetch-site': site }) })).status).toBe(200);
    }
  });
});

describe('the budget per address', () => {
  it('answers 429 with retry-after once the address has spent it, and other addresses go on', async () => {
    const headers = client();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await stack.api('offers', { headers })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await stack.api('offers', { headers });
    expect(limited).toMatchObject({ status: 429, body: { code: 'rate_limited', retryable: true } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await stack.api('offers', { headers: client() })).status).toBe(200);
  });

  it('is generous by default: 600 per address in ten minutes', async () => {
    const { DEFAULT_LIMITS } = await import('../../src/server/index.js');
    expect(DEFAULT_LIMITS.offers).toEqual({ perAddress: { max: 600, windowMs: 10 * MINUTE } });
  });
});

describe('two instances sharing Redis', () => {
  const redis = redisForTests();

  it('share one budget per address and one cached answer', async () => {
    const prefix = `offers-${process.pid}:`;
    const shared = (): Partial<FlexitiHandlerConfig> => ({
      state: createRedisState(redis.client, { prefix }),
      message,
      limits: { offers: { perAddress: { max: 4, windowMs: MINUTE } } },
    });
    const first = await startStack({ handler: shared() });
    try {
      const second = anotherInstance(first, shared());
      // Both see 127.0.0.1: the first over HTTP, the second called with that address.
      const statuses = [];
      statuses.push((await first.api('offers')).status);
      const loginsAfterFirst = logins(first);
      statuses.push((await second.call('offers')).status);
      // The second instance found the first one's answer in Redis.
      expect(logins(first)).toBe(loginsAfterFirst);
      statuses.push((await first.api('offers')).status, (await second.call('offers')).status);
      const over = await second.call('offers');
      statuses.push(over.status, (await first.api('offers')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      expect(over.headers.get('retry-after')).not.toBeNull();
      expect(Number(await redis.server.command('EXISTS', `${prefix}budget:offers:perAddress:127.0.0.1`))).toBe(1);
    } finally {
      await first.close();
    }
  });
});

describe('while Flexiti is down', () => {
  it('answers a retryable 503, caches nothing, and answers once Flexiti is back', async () => {
    const cold = await startStack({ handler: { message } });
    try {
      cold.sandbox.setFaults({ failNext: 10, match: /merchants\/login/ });
      const down = await cold.api('offers');
      expect(down).toMatchObject({ status: 503, body: { code: 'flexiti_unavailable', retryable: true } });
      expect(down.headers.get('cache-control')).toBe('no-store');
      expect(down.headers.get('etag')).toBeNull();
      cold.sandbox.setFaults({});
      const back = await cold.api('offers');
      expect(back.status).toBe(200);
      expect(v.parse(OffersSchema, back.body).plans).toHaveLength(6);
    } finally {
      await cold.close();
    }
  });
});

describe('configuration', () => {
  const base: FlexitiHandlerConfig = {
    apiBase: 'http://127.0.0.1:9/flexiti/pos-api',
    clientId: SANDBOX_CLIENT.clientId,
    clientSecret: SANDBOX_CLIENT.clientSecret,
    sessionSecret: SESSION_SECRET,
    logger: false,
  };
  const create = (value: unknown) => () => createFlexitiHandler({ ...base, message: value as MessageConfig });

  it('accepts the sandbox merchant’s configuration and none at all', () => {
    expect(create(sandboxMessageConfig())).not.toThrow();
    expect(create(undefined)).not.toThrow();
    expect(create({ plans: { 6: { hidden: true } } })).not.toThrow();
  });

  it.each([
    [{ plans: { 2: { rate: 9.99 } } }, /message\.plans\[2\]\.rate` must be an annual rate from 0 up to but not including 1.*got 9\.99/],
    [{ plans: { 2: { rate: 1 } } }, /plans\[2\]\.rate/],
    [{ plans: { 2: { rate: -0.01 } } }, /plans\[2\]\.rate/],
    [{ plans: { 7: { fee: -1 } } }, /plans\[7\]\.fee` must be 0 or more dollars/],
    [{ plans: { 7: { fee: 49.999 } } }, /plans\[7\]\.fee.*whole cents/],
    [{ plans: { 7: { payments: 'some' } } }, /plans\[7\]\.payments` must be 'none' or 'minimum'/],
    [{ plans: { 7: { fees: 49.99 } } }, /plans\[7\]\.fees` is not an option/],
    [{ plans: { 7: { hidden: 'yes' } } }, /plans\[7\]\.hidden` must be true or false/],
    [{ plans: { x: {} } }, /plans\[x\]` must be keyed by a Flexiti plan id/],
    [{ plans: { 7: { minAmount: 500, maxAmount: 400 } } }, /plans\[7\]` minAmount \(500\) must not be more than maxAmount \(400\)/],
    [{ plans: { 7: { minAmount: 30_000 } }, maxAmount: 25_000 }, /plans\[7\]` minAmount \(30000\) must not be more than maxAmount \(25000\)/],
    [{ minAmount: 1000, maxAmount: 100 }, /`message` minAmount \(1000\) must not be more than maxAmount \(100\)/],
    [{ minAmount: 0 }, /message\.minAmount` must be an amount in dollars from 0\.01 to 100000/],
    [{ maxAmount: 200_000 }, /message\.maxAmount`/],
    [{ minimum: 100 }, /message\.minimum` is not an option/],
    [{ plans: [] }, /message\.plans` must be an object/],
  ])('refuses %j when the handler is created', (value, error) => {
    expect(create(value)).toThrow(error);
  });
});
