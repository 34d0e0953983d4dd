import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_CLIENT, createSandbox } from '../../src/sandbox/index.js';
import { serveSandbox } from '../../src/sandbox/node.js';
import { useSandbox } from './helpers.js';

const h = useSandbox();

const UNAVAILABLE = {
  code: 503,
  error: 'service_unavailable',
  message: 'The service is temporarily unavailable. Please try again later.',
};

const login = () => h.call('POST', 'merchants/login');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fault injection over HTTP', () => {
  it('failNext answers 503 for the next N requests, then recovers', async () => {
    await h.token();
    h.served.sandbox.setFaults({ failNext: 2 });
    const a = await login();
    const b = await login();
    expect(a.status).toBe(503);
    expect(a.body).toEqual(UNAVAILABLE);
    expect(b.status).toBe(503);
    expect((await login()).status).toBe(200);
  });

  it('dropNext destroys the connection without a response, quietly, then recovers', async () => {
    const noise = [vi.spyOn(console, 'error'), vi.spyOn(console, 'info'), vi.spyOn(console, 'warn')];
    const token = await h.token();
    h.served.sandbox.setFaults({ dropNext: 1 });
    const dropped = login();
    await expect(dropped).rejects.toBeInstanceOf(TypeError);
    await expect(dropped).rejects.toThrow('fetch failed');
    const after = await h.call('POST', 'merchants/login', { token });
    expect(after.status).toBe(200);
    // A dropped POST with a body must not upset the server either.
    h.served.sandbox.setFaults({ dropNext: 1 });
    await expect(h.call('POST', 'apply', { body: { amount_requested: 5 } })).rejects.toThrow('fetch failed');
    expect((await login()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const spy of noise) expect(spy).not.toHaveBeenCalled();
  });

  it('dropResponseNext processes the request, then loses the answer', async () => {
    const token = await h.token();
    const body = { account_number: 20000001, amount: 12.5, auto_capture: true, reference: 'LOST-1', financing_option: { transaction_type: 'regular_purchase' } };
    await h.call('POST', 'account/20000001/verify', { token, body: { format: 'sms' } });
    h.served.sandbox.setFaults({ dropResponseNext: 1, match: /\/authorization$/ });
    await expect(
      h.call('POST', 'authorization', { token, body: { ...body, verification_code: '2222' }, version: '2.5.1' }),
    ).rejects.toThrow('fetch failed');
    // The authorization exists although its caller never heard of it.
    expect(h.served.sandbox.authorizations({ reference: 'LOST-1' })).toHaveLength(1);
  });

  it('adds latency before responses', async () => {
    await h.token();
    h.served.sandbox.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await login()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    h.served.sandbox.setFaults({});
    const quick = performance.now();
    await login();
    expect(performance.now() - quick).toBeLessThan(140);
  });

  it('applies rates with the given random source', async () => {
    await h.token();
    const rolls = [0.1, 0.9, 0.9, 0.05];
    h.served.sandbox.setFaults({ errorRate: 0.5, random: () => rolls.shift() ?? 0.99 });
    expect((await login()).status).toBe(503); // 0.1 < 0.5
    expect((await login()).status).toBe(200); // 0.9
    h.served.sandbox.setFaults({ dropRate: 0.2, random: () => rolls.shift() ?? 0.99 });
    expect((await login()).status).toBe(200); // 0.9
    await expect(login()).rejects.toThrow('fetch failed'); // 0.05 < 0.2
  });

  it('limits faults to matching paths', async () => {
    await h.token();
    h.served.sandbox.setFaults({ failNext: 1, match: /\/apply$/ });
    expect((await login()).status).toBe(200);
    expect((await h.call('POST', 'apply', { body: {} })).status).toBe(503);
    expect((await h.call('POST', 'apply', { body: {} })).status).toBe(409);
  });

  it('can fail the token endpoint itself', async () => {
    h.served.sandbox.setFaults({ failNext: 1, match: /oauth\/token/ });
    expect((await h.newToken()).status).toBe(503);
    expect((await h.newToken()).status).toBe(200);
  });

  it('refuses rates outside 0..1', () => {
    expect(() => h.served.sandbox.setFaults({ errorRate: 1.5 })).toThrow(RangeError);
  });
});

describe('stats and reset', () => {
  it('counts every request by route, failed ones included', async () => {
    await h.token();
    await h.call('GET', 'customers/lookup', { query: { account_number: '20000001' } });
    await h.call('GET', 'customers/lookup', { token: null, query: { account_number: '20000001' } });
    h.served.sandbox.setFaults({ failNext: 1 });
    await h.call('POST', 'accounts/20000001/close');
    await h.call('POST', 'authorization', { version: '2.5.1', body: {} });
    await h.call('GET', 'nowhere');
    expect(h.served.sandbox.stats).toEqual({
      requests: 6,
      tokenRequests: 1,
      byRoute: {
        'POST oauth/token': 1,
        'GET customers/lookup': 2,
        'POST accounts/{account_number}/close': 1,
        'POST authorization': 1,
        'GET (unknown route)': 1,
      },
    });
  });

  it('reset restores the personas and forgets tokens, authorizations and counters', async () => {
    const token = await h.token();
    await h.call('POST', 'account/20000001/verify', { body: {} });
    await h.call('POST', 'authorization', {
      version: '2.5.1',
      body: {
        account_number: 20000001,
        financing_option: { transaction_type: 'regular_purchase' },
        amount: 100,
        auto_capture: false,
        verification_code: '2222',
        reference: 'r-1',
      },
    });
    await h.call('POST', 'accounts/20000002/close');
    expect(h.served.sandbox.authorizations()).toHaveLength(1);

    h.served.sandbox.reset();
    expect(h.served.sandbox.stats).toEqual({ requests: 0, tokenRequests: 0, byRoute: {} });
    expect(h.served.sandbox.authorizations()).toEqual([]);
    expect((await h.call('POST', 'merchants/login', { token })).status).toBe(401);
    h.forgetToken();
    const alex = await h.call('GET', 'customers/lookup', { query: { account_number: '20000001' } });
    expect(alex.body.available_credit).toBe(5000);
    const camille = await h.call('GET', 'customers/lookup', { query: { account_number: '20000002' } });
    expect(camille.status).toBe(200);
  });
});

describe('in-process use', () => {
  const form = new URLSearchParams({
    client_id: SANDBOX_CLIENT.clientId,
    client_secret: SANDBOX_CLIENT.clientSecret,
    grant_type: 'client_credentials',
  });

  it('serves fetch() directly, and a drop rejects like a lost connection', async () => {
    const sandbox = createSandbox({ faults: { dropNext: 1 } });
    const request = () =>
      sandbox.fetch(
        new Request('http://sandbox.test/flexiti/pos-api/v2.5/oauth/token', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form,
        }),
      );
    const dropped = request();
    await expect(dropped).rejects.toBeInstanceOf(TypeError);
    await expect(dropped).rejects.toThrow('fetch failed');
    const ok = await request();
    expect(ok.status).toBe(200);
    expect(sandbox.stats.tokenRequests).toBe(2);
  });

  it('mounts under a basePath, and reports urls without it', async () => {
    const served = await serveSandbox({ port: 0, basePath: '/sandbox/' });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox$/);
      const api = `${served.url}/flexiti/pos-api`;
      const tokenRes = await fetch(`${api}/v2.5/oauth/token`, { method: 'POST', body: form });
      expect(tokenRes.status).toBe(200);
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const res = await fetch(`${api}/v2.5/client-id/flexitidemo/apply`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'x-reference-id': 'r', 'content-type': 'application/json' },
        body: JSON.stringify({ tos_agreement: true }),
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { url: string }).url).toBe('/flexiti/pos-api/v2.5/client-id/flexitidemo/apply');
      const unmounted = await fetch(`${served.url.replace('/sandbox', '')}/flexiti/pos-api/v2.5/oauth/token`, {
        method: 'POST',
        body: form,
      });
      expect(unmounted.status).toBe(404);
    } finally {
      await served.close();
    }
  });

  it('uses configured credentials', async () => {
    const sandbox = createSandbox({ clientId: 'shop42', clientSecret: 's3cret' });
    const res = await sandbox.fetch(
      new Request('http://sandbox.test/flexiti/pos-api/v2.5/oauth/token', {
        method: 'POST',
        body: new URLSearchParams({ client_id: 'shop42', client_secret: 's3cret', grant_type: 'client_credentials' }),
      }),
    );
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    const headers = { authorization: `Bearer ${access_token}`, 'x-reference-id': 'r' };
    const own = await sandbox.fetch(
      new Request('http://sandbox.test/flexiti/pos-api/v2.5/client-id/shop42/merchants/login', { method: 'POST', headers }),
    );
    expect(own.status).toBe(200);
    const demo = await sandbox.fetch(
      new Request('http://sandbox.test/flexiti/pos-api/v2.5/client-id/flexitidemo/merchants/login', { method: 'POST', headers }),
    );
    expect(demo.status).toBe(404);
  });
});
